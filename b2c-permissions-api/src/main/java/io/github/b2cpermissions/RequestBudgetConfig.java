package io.github.b2cpermissions;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The size of a {@link RequestBudget}: at most {@link #limitForPeriod()} requests in any interval of
 * {@link #limitRefreshPeriod()}, of which at most {@link #maxBurst()} leave at once after a quiet
 * spell; the rest are paced evenly at {@code (limitForPeriod - maxBurst) / limitRefreshPeriod}, so
 * that the burst and the paced requests together never pass the limit in any such interval. Start
 * from {@link #ofDefaults()}, {@link #custom()} or {@link #from(RequestBudgetConfig)}, as with
 * resilience4j's configs:
 *
 * <pre>{@code
 * RequestBudgetConfig half = RequestBudgetConfig.custom().limitForPeriod(65_000).build();
 * }</pre>
 */
public final class RequestBudgetConfig {
  /** Graph's documented limit per app across all tenants: 130,000 requests... */
  public static final int GRAPH_APP_LIMIT = 130_000;
  /** ...per 10 seconds. */
  public static final Duration GRAPH_APP_LIMIT_PERIOD = Duration.ofSeconds(10);

  private static final RequestBudgetConfig DEFAULTS = new Builder().build();

  private final int limitForPeriod;
  private final Duration limitRefreshPeriod;
  private final int maxBurst;

  private RequestBudgetConfig(int limitForPeriod, Duration limitRefreshPeriod, int maxBurst) {
    this.limitForPeriod = limitForPeriod;
    this.limitRefreshPeriod = limitRefreshPeriod;
    this.maxBurst = maxBurst;
  }

  /**
   * Graph's documented app-wide limit: {@value #GRAPH_APP_LIMIT} requests per 10 seconds, with a
   * burst of one twentieth of it.
   *
   * @return the defaults
   */
  public static RequestBudgetConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder custom() {
    return new Builder();
  }

  /**
   * A builder starting from {@code config}.
   *
   * @param config the settings to start from
   * @return a new builder
   * @throws NullPointerException if {@code config} is null
   */
  public static Builder from(RequestBudgetConfig config) {
    Objects.requireNonNull(config, "config");
    Builder b = new Builder();
    b.limitForPeriod = config.limitForPeriod;
    b.limitRefreshPeriod = config.limitRefreshPeriod;
    b.maxBurst = config.maxBurst;
    return b;
  }

  /** The most requests granted in any interval of {@link #limitRefreshPeriod()}. */
  public int limitForPeriod() {
    return limitForPeriod;
  }

  /** The interval {@link #limitForPeriod()} applies to. */
  public Duration limitRefreshPeriod() {
    return limitRefreshPeriod;
  }

  /** The most requests granted at once after a quiet spell; less than {@link #limitForPeriod()}. */
  public int maxBurst() {
    return maxBurst;
  }

  /**
   * The nanoseconds between two paced permits, rounded up so that the paced rate never exceeds
   * {@code (limitForPeriod - maxBurst) / limitRefreshPeriod}.
   */
  long nanosPerPermit() {
    long paced = (long) limitForPeriod - maxBurst;
    long period = limitRefreshPeriod.toNanos();
    return (period + paced - 1) / paced;
  }

  /** Two configs are equal when all three settings are. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof RequestBudgetConfig)) {
      return false;
    }
    RequestBudgetConfig other = (RequestBudgetConfig) o;
    return limitForPeriod == other.limitForPeriod
        && maxBurst == other.maxBurst
        && limitRefreshPeriod.equals(other.limitRefreshPeriod);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limitForPeriod, limitRefreshPeriod, maxBurst);
  }

  @Override
  public String toString() {
    return "RequestBudgetConfig{limitForPeriod=" + limitForPeriod + ", limitRefreshPeriod="
        + limitRefreshPeriod + ", maxBurst=" + maxBurst + "}";
  }

  /**
   * Builds a {@link RequestBudgetConfig}. Each setter checks its value at once; {@link #build()}
   * checks that the burst fits the limit. Not thread-safe.
   */
  public static final class Builder {
    private int limitForPeriod = GRAPH_APP_LIMIT;
    private Duration limitRefreshPeriod = GRAPH_APP_LIMIT_PERIOD;
    private int maxBurst;

    private Builder() {}

    /**
     * Sets the most requests granted in any interval of the refresh period. Unless {@link
     * #maxBurst(int)} is set, the burst becomes one twentieth of this (at least 1).
     *
     * @param limit the limit, at least 2 (one burst permit and one paced)
     * @return this builder
     * @throws IllegalArgumentException if {@code limit} is less than 2
     */
    public Builder limitForPeriod(int limit) {
      if (limit < 2) {
        throw new IllegalArgumentException("limitForPeriod must be at least 2, was " + limit);
      }
      this.limitForPeriod = limit;
      return this;
    }

    /**
     * Sets the interval the limit applies to.
     *
     * @param period the interval, from 1 millisecond to 1 day
     * @return this builder
     * @throws NullPointerException if {@code period} is null
     * @throws IllegalArgumentException if it is shorter than 1 ms or longer than 1 day
     */
    public Builder limitRefreshPeriod(Duration period) {
      Objects.requireNonNull(period, "period");
      if (period.compareTo(Duration.ofMillis(1)) < 0 || period.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException(
            "limitRefreshPeriod must be 1 ms to 1 day, was " + period);
      }
      this.limitRefreshPeriod = period;
      return this;
    }

    /**
     * Sets how many requests may leave at once after a quiet spell.
     *
     * @param burst the burst, at least 1 and less than the limit (checked by {@link #build()})
     * @return this builder
     * @throws IllegalArgumentException if {@code burst} is less than 1
     */
    public Builder maxBurst(int burst) {
      if (burst < 1) {
        throw new IllegalArgumentException("maxBurst must be at least 1, was " + burst);
      }
      this.maxBurst = burst;
      return this;
    }

    /**
     * Builds the config.
     *
     * @return the config
     * @throws IllegalStateException if the burst is not less than the limit
     */
    public RequestBudgetConfig build() {
      int burst = maxBurst > 0 ? maxBurst : Math.max(1, limitForPeriod / 20);
      if (burst >= limitForPeriod) {
        throw new IllegalStateException("maxBurst " + burst + " must be less than limitForPeriod "
            + limitForPeriod + ", which leaves no permit to pace");
      }
      return new RequestBudgetConfig(limitForPeriod, limitRefreshPeriod, burst);
    }

    @Override
    public String toString() {
      return "RequestBudgetConfig.Builder{limitForPeriod=" + limitForPeriod
          + ", limitRefreshPeriod=" + limitRefreshPeriod + ", maxBurst="
          + (maxBurst > 0 ? String.valueOf(maxBurst) : "(one twentieth)") + "}";
    }
  }
}
