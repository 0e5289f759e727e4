package io.github.b2cpermissions;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft Graph kept answering 429 (Too Many Requests) until the retry budget (attempts or
 * deadline) ran out. Try the tenant later; the last {@code Retry-After} says how much later.
 */
public class GraphThrottledException extends B2cPermissionsException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;
  private final int attempts;

  /**
   * Creates an exception.
   *
   * @param message what happened
   * @param tenantId the tenant being checked
   * @param retryAfter the last {@code Retry-After} Graph sent, or null
   * @param attempts how many attempts were made
   */
  public GraphThrottledException(
      String message, @Nullable String tenantId, @Nullable Duration retryAfter, int attempts) {
    super(message, tenantId, null);
    this.retryAfter = retryAfter;
    this.attempts = attempts;
  }

  /** The last {@code Retry-After} Graph sent, if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** How many attempts were made before giving up. */
  public int attempts() {
    return attempts;
  }
}
