/**
 * How a verifier keeps to Graph's throttling limits: the {@link
 * io.github.b2cpermissions.graph.internal.throttle.FleetThrottle} every request passes before it
 * leaves (a pause of the whole app or of one tenant after a 429, the pacing rate that falls when
 * Graph says a limit is near, then the shared {@link io.github.b2cpermissions.RequestBudget}), and
 * what it learns from each answer. Nothing here blocks a thread: waits are futures completed by a
 * timer. Not an API: anything here may change in any release.
 */
@NullMarked
package io.github.b2cpermissions.graph.internal.throttle;

import org.jspecify.annotations.NullMarked;
