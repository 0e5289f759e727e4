package io.github.b2cpermissions.testkit.internal;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who sends a Graph request, as its bearer token says: the tenant, the app, the service principal
 * and the roles. A caller with a {@link #problem} is answered 401 whatever it asks for.
 */
final class Caller {
  final @Nullable TenantModel tenant;
  final @Nullable String appId;
  final @Nullable UUID oid;
  final Set<String> roles;
  /** Why the token is refused, in Graph's words; null for a good token. */
  final @Nullable String problem;

  Caller(@Nullable TenantModel tenant, @Nullable String appId, @Nullable UUID oid, Set<String> roles, @Nullable String problem) {
    this.tenant = tenant;
    this.appId = appId;
    this.oid = oid;
    this.roles = roles;
    this.problem = problem;
  }

  static Caller refused(String problem) {
    return new Caller(null, null, null, Set.of(), problem);
  }

  boolean isRefused() {
    return problem != null || tenant == null;
  }
}
