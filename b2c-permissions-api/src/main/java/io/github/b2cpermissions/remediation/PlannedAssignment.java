package io.github.b2cpermissions.remediation;

import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PrivilegeClassification;
import java.util.Objects;
import java.util.UUID;

/**
 * One app role assignment a plan would create: the backup app's service principal receives one
 * app role of the tenant's Microsoft Graph service principal.
 *
 * @param role the missing role it grants
 * @param appRoleId the id of that role as this tenant's Microsoft Graph defines it
 * @param principalId the object id of the backup app's service principal in the tenant
 * @param resourceId the object id of the tenant's Microsoft Graph service principal
 */
public record PlannedAssignment(
    GraphPermission role, UUID appRoleId, String principalId, String resourceId) {

  /**
   * Creates a planned assignment.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code principalId} or {@code resourceId} is blank, or
   *     both are the same object
   */
  public PlannedAssignment {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(appRoleId, "appRoleId");
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(resourceId, "resourceId");
    if (principalId.isBlank() || resourceId.isBlank()) {
      throw new IllegalArgumentException("principalId and resourceId must not be blank");
    }
    if (principalId.equalsIgnoreCase(resourceId)) {
      throw new IllegalArgumentException("the principal cannot be its own resource: " + principalId);
    }
  }

  /** The privilege tiers of the role this assignment grants. */
  public PrivilegeClassification privilege() {
    return role.privilege();
  }

  /** Returns {@code Role.Value (appRoleId) -> principal on resource}, the form plans print. */
  @Override
  public String toString() {
    return role.value() + " (" + appRoleId + ") -> principal " + principalId + " on resource "
        + resourceId;
  }
}
