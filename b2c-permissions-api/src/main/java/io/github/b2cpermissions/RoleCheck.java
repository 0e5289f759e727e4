package io.github.b2cpermissions;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The status of one role a {@link PermissionProfile} requires, in one tenant, with the evidence.
 * It is the profile-wide form of {@link PermissionCheck}, which only names {@link
 * B2cBackupPermission}s.
 *
 * @param role the required role
 * @param status granted, propagating or missing
 * @param heldAs the role the tenant actually granted, when it is not {@code role} itself: the
 *     broader read-write counterpart a backup-only profile accepts; null when {@code role} is held
 *     as itself or not at all
 * @param assignmentId the id of the granting app role assignment, when the directory was read
 * @param grantedAt when that assignment was created, when Graph said
 */
public record RoleCheck(
    GraphPermission role,
    PermissionStatus status,
    @Nullable GraphPermission heldAs,
    @Nullable String assignmentId,
    @Nullable Instant grantedAt) {

  /**
   * Creates a check.
   *
   * @throws NullPointerException if {@code role} or {@code status} is null
   * @throws IllegalArgumentException if {@code heldAs} is given for a missing role, or is not
   *     {@code role}'s broader counterpart
   */
  public RoleCheck {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(status, "status");
    if (heldAs != null) {
      if (status == PermissionStatus.MISSING) {
        throw new IllegalArgumentException("a missing role is not held as " + heldAs.value());
      }
      if (role.broaderCounterpart().orElse(null) != heldAs) {
        throw new IllegalArgumentException(
            heldAs.value() + " is not the broader counterpart of " + role.value());
      }
    }
  }

  /** A check with no evidence. */
  public static RoleCheck of(GraphPermission role, PermissionStatus status) {
    return new RoleCheck(role, status, null, null, null);
  }

  /** The role actually granted: {@link #heldAs()} when set, else {@link #role()} unless missing. */
  public Optional<GraphPermission> grantedRole() {
    if (status == PermissionStatus.MISSING) {
      return Optional.empty();
    }
    return Optional.of(heldAs == null ? role : heldAs);
  }
}
