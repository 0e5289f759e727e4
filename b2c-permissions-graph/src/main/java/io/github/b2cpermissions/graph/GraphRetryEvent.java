package io.github.b2cpermissions.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * One retry a verifier is about to make: which tenant, which attempt failed, why, and how long it
 * waits. Handed to the {@linkplain GraphPermissionVerifierBuilder#retryListener retry listener}.
 *
 * @param tenantId the tenant being checked
 * @param request what was requested, as {@code METHOD path} without query or host
 * @param failedAttempt the number of the attempt that failed, from 1
 * @param reason {@code HTTP 429}, {@code HTTP 503}, {@code HTTP 504} or the connection failure
 * @param delay how long the verifier waits before the next attempt
 * @param fromRetryAfter whether the wait came from Graph's {@code Retry-After} header
 */
public record GraphRetryEvent(
    String tenantId,
    String request,
    int failedAttempt,
    String reason,
    Duration delay,
    boolean fromRetryAfter) {

  /**
   * Creates an event.
   *
   * @throws NullPointerException if a reference argument is null
   */
  public GraphRetryEvent {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(delay, "delay");
  }
}
