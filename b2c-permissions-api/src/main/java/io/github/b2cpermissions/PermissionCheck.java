package io.github.b2cpermissions;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The status of one catalog permission in one tenant, with the evidence behind it.
 *
 * @param permission the catalog permission
 * @param status granted, propagating or missing
 * @param narrowerRoleHeld the narrower read role the tenant granted instead, when the permission is
 *     missing and such a role is held ("has {@code User.Read.All}, needs {@code User.ReadWrite.All}")
 * @param assignmentId the id of the app role assignment that grants it, when the directory was read
 * @param grantedAt when that assignment was created, when Graph said
 */
public record PermissionCheck(
    B2cBackupPermission permission,
    PermissionStatus status,
    @Nullable GraphAppRole narrowerRoleHeld,
    @Nullable String assignmentId,
    @Nullable Instant grantedAt) {

  /**
   * Creates a check.
   *
   * @throws NullPointerException if {@code permission} or {@code status} is null
   * @throws IllegalArgumentException if a narrower role is given for a permission that is not
   *     missing
   */
  public PermissionCheck {
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(status, "status");
    if (narrowerRoleHeld != null && status != PermissionStatus.MISSING) {
      throw new IllegalArgumentException(
          "a narrower role is only reported for a missing permission, but "
              + permission.scope() + " is " + status);
    }
  }

  /** A check with no evidence. */
  public static PermissionCheck of(B2cBackupPermission permission, PermissionStatus status) {
    return new PermissionCheck(permission, status, null, null, null);
  }

  /** The narrower role held instead, if any. */
  public Optional<GraphAppRole> narrowerRole() {
    return Optional.ofNullable(narrowerRoleHeld);
  }

  /** The granting assignment's id, if the directory was read. */
  public Optional<String> assignment() {
    return Optional.ofNullable(assignmentId);
  }

  /** When the granting assignment was created, if known. */
  public Optional<Instant> grantedSince() {
    return Optional.ofNullable(grantedAt);
  }
}
