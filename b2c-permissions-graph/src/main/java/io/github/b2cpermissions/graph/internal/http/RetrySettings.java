package io.github.b2cpermissions.graph.internal.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The numbers the transport retries by, copied by the facade from its public retry policy so that
 * this package never reads the facade's types. The policy's builder has already checked them.
 *
 * @param maxAttempts attempts per request, the first included
 * @param initialBackoff the first wait when Graph sent no {@code Retry-After}
 * @param maxBackoff the longest wait when Graph sent no {@code Retry-After}
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 * @param deadline the longest one whole check may take, named in timeout messages
 */
public record RetrySettings(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter,
    Duration deadline) {

  /**
   * Creates the settings.
   *
   * @throws NullPointerException if a duration is null
   */
  public RetrySettings {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(deadline, "deadline");
  }
}
