/**
 * The verifier's credentials and tokens: the azure-identity credentials it builds from a secret or a
 * certificate, and the validation that a token is for Graph, the backup app and the tenant checked.
 * Not an API: anything here may change in any release.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal.credentials;

import org.jspecify.annotations.NullMarked;
