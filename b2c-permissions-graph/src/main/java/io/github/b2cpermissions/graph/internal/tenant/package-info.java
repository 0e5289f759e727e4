/**
 * Tenant identifiers checked before they reach a URL: a GUID or an ASCII domain name, in canonical
 * form, with anything else rejected by a message that shows the value safely. The facade, the
 * transport, the token validation and the checks share these rules, so they live once here. Not an
 * API: anything here may change in any release.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal.tenant;

import org.jspecify.annotations.NullMarked;
