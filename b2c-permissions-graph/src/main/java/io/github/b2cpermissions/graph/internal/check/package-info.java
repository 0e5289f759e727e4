/**
 * The check of one tenant, from token to report, and the runner that bounds each check by its
 * deadline and stops every running check on close. Not an API: anything here may change in any
 * release.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal.check;

import org.jspecify.annotations.NullMarked;
