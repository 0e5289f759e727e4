package io.github.b2cpermissions.graph.internal.check;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.VerificationReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything the directory answered about the backup app in one tenant, including what it refused
 * or failed: the verifier decides from it in a fixed order (binding, decisive answers, refusal,
 * failure, statuses), so no answer already received is thrown away because another one failed.
 *
 * @param presence found and enabled, disabled, or not found; null when the service principal's
 *     answer could not be used
 * @param servicePrincipalId the app's service principal id, when read
 * @param tenantType the organization's {@code tenantType}, or null when it could not be read
 * @param organizationAnswered whether the organization answered 200 (binding applies then)
 * @param organizationId the organization's id, or null when it answered without one
 * @param verifiedDomains the organization's verified domain names, as Graph listed them
 * @param graphRoles the app roles the app holds on this tenant's Microsoft Graph, live, in the
 *     order Graph listed them, duplicates removed; empty unless every page was read
 * @param tenantRoles the enabled app roles this tenant's Microsoft Graph defines, by id; null when
 *     they were not read
 * @param refusedRole the least role that would allow a read Graph refused (403), or null
 * @param failure the first other failure of a read (5xx, 429, 401 or a malformed answer), or null
 * @param graphServicePrincipalId the object id of this tenant's Microsoft Graph service principal,
 *     or null when it was not read
 */
record DirectoryFacts(
    @Nullable AppPresence presence,
    @Nullable String servicePrincipalId,
    @Nullable String tenantType,
    boolean organizationAnswered,
    @Nullable String organizationId,
    List<String> verifiedDomains,
    List<HeldRole> graphRoles,
    @Nullable Map<UUID, GraphAppRole> tenantRoles,
    @Nullable String refusedRole,
    @Nullable B2cPermissionsException failure,
    @Nullable String graphServicePrincipalId) {

  /**
   * Whether an answer decides the outcome whatever else failed: a tenant type no configured
   * profile covers, no service principal, or a disabled one.
   *
   * @param covered the {@code tenantType} values a profile is configured for
   */
  boolean decisive(Set<String> covered) {
    return (tenantType != null && !covered.contains(tenantType))
        || presence == AppPresence.NOT_FOUND
        || presence == AppPresence.DISABLED;
  }

  /**
   * One app role on Microsoft Graph held through an assignment.
   *
   * @param appRoleId the role id
   * @param assignmentId the assignment's id
   * @param createdAt when the assignment was created, if Graph said
   */
  public record HeldRole(UUID appRoleId, String assignmentId, @Nullable Instant createdAt) {}
}
