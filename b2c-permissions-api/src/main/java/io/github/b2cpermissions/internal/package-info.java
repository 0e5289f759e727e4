/**
 * Helpers shared by the b2c-permissions modules, such as hiding secrets and showing untrusted text
 * safely. Not an API: the module descriptor exports this package only to the Graph module, and
 * anything here may change in any release.
 */
@NullMarked
package io.github.b2cpermissions.internal;

import org.jspecify.annotations.NullMarked;
