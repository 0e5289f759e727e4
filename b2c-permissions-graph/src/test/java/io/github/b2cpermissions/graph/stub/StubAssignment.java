package io.github.b2cpermissions.graph.stub;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One app role assignment as Graph lists it under {@code servicePrincipals/{id}/appRoleAssignments}.
 *
 * @param id the assignment id
 * @param principalId the principal holding the role
 * @param resourceId the service principal of the resource that defines the role
 * @param appRoleId the role
 * @param createdDateTime ISO-8601 instant, or null
 * @param deletedDateTime ISO-8601 instant for a deleted assignment, or null
 */
public record StubAssignment(
    String id, String principalId, String resourceId, UUID appRoleId,
    @Nullable String createdDateTime, @Nullable String deletedDateTime) {}
