package io.github.b2cpermissions.graph.internal;

import io.github.b2cpermissions.AppPresence;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the directory said about the backup app in one tenant.
 *
 * @param presence found and enabled, disabled, or not found
 * @param servicePrincipalId the app's service principal id, when found
 * @param tenantType the organization's {@code tenantType}, or null when it could not be read
 * @param organizationId the organization's id (the tenant id), or null when not read
 * @param graphRoles the app roles the app holds on Microsoft Graph, live (not deleted), in the order
 *     Graph listed them, duplicates removed
 */
public record DirectoryFacts(
    AppPresence presence,
    @Nullable String servicePrincipalId,
    @Nullable String tenantType,
    @Nullable String organizationId,
    List<HeldRole> graphRoles) {

  /**
   * One app role on Microsoft Graph held through an assignment.
   *
   * @param appRoleId the role id
   * @param assignmentId the assignment's id
   * @param createdAt when the assignment was created, if Graph said
   */
  public record HeldRole(UUID appRoleId, String assignmentId, @Nullable Instant createdAt) {}
}
