package io.github.b2cpermissions;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The checks of a {@link VerificationReport} grouped by {@link PermissionStatus}: which required
 * roles, and which catalog permissions, have a given status, each set in enum order and
 * unmodifiable.
 */
final class ChecksByStatus {
  private ChecksByStatus() {}

  /** The roles among {@code checks} with {@code status}, in {@link GraphPermission} order. */
  static Set<GraphPermission> roles(Collection<RoleCheck> checks, PermissionStatus status) {
    EnumSet<GraphPermission> set = EnumSet.noneOf(GraphPermission.class);
    checks.stream().filter(c -> c.status() == status).forEach(c -> set.add(c.role()));
    return Collections.unmodifiableSet(set);
  }

  /** The permissions among {@code checks} with {@code status}, in catalog order. */
  static Set<B2cBackupPermission> permissions(
      Collection<PermissionCheck> checks, PermissionStatus status) {
    EnumSet<B2cBackupPermission> set = EnumSet.noneOf(B2cBackupPermission.class);
    checks.stream().filter(c -> c.status() == status).forEach(c -> set.add(c.permission()));
    return Collections.unmodifiableSet(set);
  }
}
