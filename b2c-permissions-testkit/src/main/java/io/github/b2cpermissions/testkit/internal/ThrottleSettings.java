package io.github.b2cpermissions.testkit.internal;

import java.time.Duration;

/**
 * The throttling limits a fake models, checked by the public {@code FakeThrottleLimits}: an
 * app-wide request budget across all tenants and a per-app-per-tenant budget in resource units. A
 * limit of 0 is not modelled.
 */
public final class ThrottleSettings {
  /** No limits: the fake never throttles by itself. */
  public static final ThrottleSettings NONE = new ThrottleSettings(0, Duration.ofSeconds(10), 0, Duration.ofSeconds(10));

  /** Requests per app across all tenants per {@link #appPeriod}, or 0. */
  public final int appRequests;
  public final Duration appPeriod;
  /** Resource units per app per tenant per {@link #tenantPeriod}, or 0. */
  public final int tenantResourceUnits;
  public final Duration tenantPeriod;

  public ThrottleSettings(int appRequests, Duration appPeriod, int tenantResourceUnits, Duration tenantPeriod) {
    this.appRequests = appRequests;
    this.appPeriod = appPeriod;
    this.tenantResourceUnits = tenantResourceUnits;
    this.tenantPeriod = tenantPeriod;
  }

  /** Whether any limit is modelled. */
  public boolean any() {
    return appRequests > 0 || tenantResourceUnits > 0;
  }

  @Override
  public String toString() {
    return !any() ? "none"
        : (appRequests > 0 ? appRequests + " requests/" + appPeriod + " per app" : "")
            + (appRequests > 0 && tenantResourceUnits > 0 ? ", " : "")
            + (tenantResourceUnits > 0 ? tenantResourceUnits + " RU/" + tenantPeriod + " per app per tenant" : "");
  }
}
