package io.github.b2cpermissions;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Picks, from the enabled app roles a tenant's Microsoft Graph defines, the ones a profile
 * requires, keyed by role: what a report keeps so that a remediation plan can assign them with the
 * tenant's own ids, without holding the tenant's whole role list.
 */
final class TenantGraphRoles {
  private TenantGraphRoles() {}

  /** The required roles of {@code profile} found by value in {@code enabled}; empty for null. */
  static Map<GraphPermission, GraphAppRole> requiredOffered(
      PermissionProfile profile, @Nullable Map<UUID, GraphAppRole> enabled) {
    if (enabled == null || enabled.isEmpty()) {
      return Map.of();
    }
    Map<String, GraphAppRole> byValue = new HashMap<>();
    for (GraphAppRole r : enabled.values()) {
      byValue.putIfAbsent(r.value(), r);
    }
    EnumMap<GraphPermission, GraphAppRole> out = new EnumMap<>(GraphPermission.class);
    for (GraphPermission role : profile.requiredRoles()) {
      GraphAppRole offered = byValue.get(role.value());
      if (offered != null) {
        out.put(role, offered);
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
