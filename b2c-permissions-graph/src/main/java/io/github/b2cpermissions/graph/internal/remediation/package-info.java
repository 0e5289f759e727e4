/**
 * Applies a remediation plan: creates the planned app role assignments over a small synchronous
 * HTTP client of its own (the verifier's transport reads; this package writes), reads the
 * principal's assignments again whenever a create's answer is unclear instead of resending it
 * blindly, and reports each step. Nothing here is public API; the granter in the graph package is
 * its only user.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal.remediation;

import org.jspecify.annotations.NullMarked;
