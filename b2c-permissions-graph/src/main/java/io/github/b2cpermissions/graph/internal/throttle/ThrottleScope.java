package io.github.b2cpermissions.graph.internal.throttle;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a 429 throttled, from its {@code x-ms-throttle-scope} header ({@code
 * {Tenant_Application|Tenant|Application}/{Read|Write|ReadWrite}/{appId}/{tenantId}}).
 */
public enum ThrottleScope {
  /** The app's budget in one tenant: only that tenant waits. */
  TENANT_APPLICATION,
  /** The tenant's budget across all apps: only that tenant waits. */
  TENANT,
  /** The app's budget across all tenants: every tenant waits. */
  APPLICATION,
  /** No header, or one this version does not know: only that tenant waits. */
  UNKNOWN;

  /** Whether the whole fleet pauses for it, not just the tenant. */
  public boolean isAppWide() {
    return this == APPLICATION;
  }

  /**
   * Reads the header.
   *
   * @param header the header value, or null
   */
  public static ThrottleScope parse(@Nullable String header) {
    if (header == null) {
      return UNKNOWN;
    }
    int slash = header.indexOf('/');
    String first = (slash < 0 ? header : header.substring(0, slash)).trim().toLowerCase(Locale.ROOT);
    switch (first) {
      case "tenant_application":
        return TENANT_APPLICATION;
      case "tenant":
        return TENANT;
      case "application":
        return APPLICATION;
      default:
        return UNKNOWN;
    }
  }
}
