package io.github.b2cpermissions.graph;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link GraphPermissionVerifier} retries Graph requests that failed for a passing reason:
 * 429 (throttled), 503, 504 (also inside a {@code $batch}), and connection failures (refused,
 * reset, timed out). Nothing else is retried: 400, 401, 403 and 404 answer the same way every time,
 * other 5xx answers and TLS failures end the check. Token requests are retried by azure-identity's
 * own pipeline, not by this policy.
 *
 * <p>A {@code Retry-After} header (seconds or an HTTP date) is honoured exactly, up to {@link
 * #maxRetryAfter()}; without one the wait grows exponentially from {@link #initialBackoff()},
 * up to {@link #maxBackoff()}, with equal jitter (a random wait between half and all of the step). A retry is never started when its wait would end after
 * the {@linkplain #deadline() deadline} of the whole check. Start from {@link #ofDefaults()}, or
 * from {@link #custom()} or {@link #from(GraphRetryPolicy)}, like resilience4j's configs:
 *
 * <pre>{@code
 * GraphRetryPolicy policy = GraphRetryPolicy.custom().maxAttempts(6).deadline(Duration.ofMinutes(2)).build();
 * }</pre>
 *
 * <p>This policy replaces the Graph SDK's own {@code RetryHandler}, which the verifier removes from
 * its HTTP client so that retries never multiply.
 */
public final class GraphRetryPolicy {

  private static final GraphRetryPolicy DEFAULTS = new Builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Duration deadline;

  private GraphRetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.deadline = b.deadline;
  }

  /**
   * The defaults: 5 attempts, backoff from 2 s to 30 s, {@code Retry-After} honoured up to 120 s,
   * and 3 minutes for a whole check.
   */
  public static GraphRetryPolicy ofDefaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /**
   * A builder starting from {@code policy}.
   *
   * @throws NullPointerException if {@code policy} is null
   */
  public static Builder from(GraphRetryPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    Builder b = new Builder();
    b.maxAttempts = policy.maxAttempts;
    b.initialBackoff = policy.initialBackoff;
    b.maxBackoff = policy.maxBackoff;
    b.maxRetryAfter = policy.maxRetryAfter;
    b.deadline = policy.deadline;
    return b;
  }

  /** A policy that never retries: one attempt per request. */
  public static GraphRetryPolicy noRetries() {
    return custom().maxAttempts(1).build();
  }

  /** Attempts per request, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The first wait when Graph sent no {@code Retry-After}. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest wait when Graph sent no {@code Retry-After}. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The longest {@code Retry-After} honoured; a longer one ends the check as throttled. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** The longest a whole check (one tenant, every request and wait) may take. */
  public Duration deadline() {
    return deadline;
  }

  /** Two policies are equal when all five settings are. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof GraphRetryPolicy)) {
      return false;
    }
    GraphRetryPolicy other = (GraphRetryPolicy) o;
    return maxAttempts == other.maxAttempts
        && initialBackoff.equals(other.initialBackoff)
        && maxBackoff.equals(other.maxBackoff)
        && maxRetryAfter.equals(other.maxRetryAfter)
        && deadline.equals(other.deadline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, deadline);
  }

  @Override
  public String toString() {
    return "GraphRetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", maxRetryAfter=" + maxRetryAfter
        + ", deadline=" + deadline + "}";
  }

  /**
   * Builds a {@link GraphRetryPolicy}. Each setter checks its value at once; {@link #build()} checks
   * that the backoff bounds agree. Not thread-safe.
   */
  public static final class Builder {
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofSeconds(2);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration maxRetryAfter = Duration.ofSeconds(120);
    private Duration deadline = Duration.ofMinutes(3);

    private Builder() {}

    /**
     * Sets the attempts per request, the first included.
     *
     * @throws IllegalArgumentException if {@code maxAttempts} is less than 1 or more than 100
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 100) {
        throw new IllegalArgumentException("maxAttempts must be 1 to 100, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the first backoff wait.
     *
     * @throws NullPointerException if {@code initialBackoff} is null
     * @throws IllegalArgumentException if it is negative
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * Sets the longest backoff wait.
     *
     * @throws NullPointerException if {@code maxBackoff} is null
     * @throws IllegalArgumentException if it is negative
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} honoured.
     *
     * @throws NullPointerException if {@code maxRetryAfter} is null
     * @throws IllegalArgumentException if it is negative
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * Sets the longest a whole check may take.
     *
     * @throws NullPointerException if {@code deadline} is null
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder deadline(Duration deadline) {
      Objects.requireNonNull(deadline, "deadline");
      if (deadline.isZero() || deadline.isNegative()) {
        throw new IllegalArgumentException("deadline must be positive, was " + deadline);
      }
      this.deadline = deadline;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalStateException if {@code initialBackoff} exceeds {@code maxBackoff}
     */
    public GraphRetryPolicy build() {
      if (initialBackoff.compareTo(maxBackoff) > 0) {
        throw new IllegalStateException(
            "initialBackoff " + initialBackoff + " exceeds maxBackoff " + maxBackoff);
      }
      return new GraphRetryPolicy(this);
    }

    @Override
    public String toString() {
      return "GraphRetryPolicy.Builder{maxAttempts=" + maxAttempts + ", initialBackoff="
          + initialBackoff + ", maxBackoff=" + maxBackoff + ", maxRetryAfter=" + maxRetryAfter
          + ", deadline=" + deadline + "}";
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + d);
      }
      return d;
    }
  }
}
