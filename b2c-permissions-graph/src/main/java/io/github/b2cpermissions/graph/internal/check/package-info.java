/**
 * The check of one tenant, from token to report: the directory reader that asks Graph for the
 * backup app and its role assignments, the facts it collects, the assembly of the report, and the
 * runner that bounds each check by its deadline and stops every running check on close. Not an API:
 * anything here may change in any release.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal.check;

import org.jspecify.annotations.NullMarked;
