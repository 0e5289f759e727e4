package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.testkit.internal.ThrottleSettings;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The throttling limits a {@link FakeGraph} models, as Microsoft documents Graph's: a budget of
 * requests per app across all tenants, and a budget of resource units per app per tenant (a
 * directory read costs 1, assignments, permission grants and users 2; {@code $select} takes 1 off,
 * {@code $expand} adds 1, {@code $top} under 20 takes 1 off; never below 1). Both are token buckets
 * refilled evenly over their period; each request inside a {@code $batch} is charged on its own and
 * the envelope not at all, and a refused request is charged too (usage keeps counting while
 * throttled). A request that finds a budget short is answered 429 with {@code Retry-After} (whole
 * seconds until it could pass) and {@code x-ms-throttle-scope} ({@code Application/...} or {@code
 * Tenant_Application/...}); any answer given above 80% of a limit carries {@code
 * x-ms-throttle-limit-percentage} (0.80 to 1.80). {@link FakeGraph#throttleCounters()} counts what
 * happened. Immutable.
 */
public final class FakeThrottleLimits {
  private static final FakeThrottleLimits NONE = new FakeThrottleLimits(ThrottleSettings.NONE);

  private final ThrottleSettings settings;

  private FakeThrottleLimits(ThrottleSettings settings) {
    this.settings = settings;
  }

  /**
   * No limits (the default): the fake throttles only when a test injects it with {@link Faults}.
   *
   * @return the limits
   */
  public static FakeThrottleLimits none() {
    return NONE;
  }

  /**
   * Graph's documented limits for the global service: 130,000 requests per 10 seconds per app
   * across all tenants, and 3,500 resource units per 10 seconds per app per tenant (a tenant of
   * under 50 users).
   *
   * @return the limits
   */
  public static FakeThrottleLimits graphDocumented() {
    return new FakeThrottleLimits(
        new ThrottleSettings(130_000, Duration.ofSeconds(10), 3_500, Duration.ofSeconds(10)));
  }

  /**
   * These limits with an app-wide budget of {@code requests} per {@code period}.
   *
   * @param requests the requests per app across all tenants, at least 1
   * @param period the period, at least 1 ms
   * @return new limits
   * @throws NullPointerException if {@code period} is null
   * @throws IllegalArgumentException if out of range
   */
  public FakeThrottleLimits appRequests(int requests, Duration period) {
    return new FakeThrottleLimits(new ThrottleSettings(positive(requests, "requests"),
        checkPeriod(period), settings.tenantResourceUnits, settings.tenantPeriod));
  }

  /**
   * These limits with a per-app-per-tenant budget of {@code resourceUnits} per {@code period}.
   *
   * @param resourceUnits the resource units per app per tenant, at least 1
   * @param period the period, at least 1 ms
   * @return new limits
   * @throws NullPointerException if {@code period} is null
   * @throws IllegalArgumentException if out of range
   */
  public FakeThrottleLimits tenantResourceUnits(int resourceUnits, Duration period) {
    return new FakeThrottleLimits(new ThrottleSettings(settings.appRequests, settings.appPeriod,
        positive(resourceUnits, "resourceUnits"), checkPeriod(period)));
  }

  /** The requests per app across all tenants per {@link #appPeriod()}, or 0 when not modelled. */
  public int appRequests() {
    return settings.appRequests;
  }

  /** The period of the app-wide budget. */
  public Duration appPeriod() {
    return settings.appPeriod;
  }

  /** The resource units per app per tenant per {@link #tenantPeriod()}, or 0 when not modelled. */
  public int tenantResourceUnits() {
    return settings.tenantResourceUnits;
  }

  /** The period of the per-tenant budget. */
  public Duration tenantPeriod() {
    return settings.tenantPeriod;
  }

  ThrottleSettings settings() {
    return settings;
  }

  private static int positive(int n, String name) {
    if (n < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + n);
    }
    return n;
  }

  private static Duration checkPeriod(Duration period) {
    Objects.requireNonNull(period, "period");
    if (period.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException("period must be at least 1 ms, was " + period);
    }
    return period;
  }

  /** Equal when both budgets are. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FakeThrottleLimits && settings.toString().equals(((FakeThrottleLimits) o).settings.toString());
  }

  @Override
  public int hashCode() {
    return settings.toString().hashCode();
  }

  @Override
  public String toString() {
    return "FakeThrottleLimits{" + settings + "}";
  }
}
