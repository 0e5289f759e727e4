package io.github.b2cpermissions.testkit.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The tenant a sign-in route names: a tenant id, a verified domain, or an alias such as {@code common}. */
final class SignInTenants {
  private SignInTenants() {}

  /** The hosted tenant the route's {@code {tenant}} names; an alias names the only one, if one. */
  static @Nullable TenantModel of(GraphServer server, RouteMatcher.Match m) {
    String t = m.vars.get("tenant");
    if (t == null) {
      return null;
    }
    if (isAlias(t)) {
      List<TenantModel> all = server.tenants();
      return all.size() == 1 ? all.get(0) : null;
    }
    return server.tenant(t);
  }

  /** {@code common}, {@code organizations} or {@code consumers}. */
  static boolean isAlias(String t) {
    return t.equalsIgnoreCase("common") || t.equalsIgnoreCase("organizations") || t.equalsIgnoreCase("consumers");
  }
}
