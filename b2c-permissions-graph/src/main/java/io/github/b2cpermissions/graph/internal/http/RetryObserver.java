package io.github.b2cpermissions.graph.internal.http;

import java.time.Duration;

/**
 * Told of each retry the transport is about to make, before its wait. The facade adapts this to
 * its public retry listener and event type; the transport logs and ignores anything it throws.
 */
@FunctionalInterface
public interface RetryObserver {

  /**
   * One retry is about to wait.
   *
   * @param tenantId the tenant being checked
   * @param request what was requested, as {@code METHOD path} without query or host
   * @param failedAttempt the number of the attempt that failed, from 1
   * @param reason the HTTP status or connection failure that made the attempt worth repeating
   * @param delay how long the transport waits before the next attempt
   * @param fromRetryAfter whether the wait came from Graph's {@code Retry-After} header
   * @throws RuntimeException whatever the observer throws; the transport logs it and goes on
   */
  void retrying(
      String tenantId,
      String request,
      int failedAttempt,
      String reason,
      Duration delay,
      boolean fromRetryAfter);
}
