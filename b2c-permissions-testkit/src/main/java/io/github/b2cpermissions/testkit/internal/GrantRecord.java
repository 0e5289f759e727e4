package io.github.b2cpermissions.testkit.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One app role assignment created through Graph, and who created it: the {@code appid} of the
 * caller's token. Assignments made by the seed or a test's direct grant are not recorded.
 *
 * @param grantedByAppId the appId of the app whose token made the request
 * @param assignmentId the id of the created assignment
 * @param principalId the principal that received the role
 * @param resourceId the resource whose role it is
 * @param appRoleId the role's id
 * @param graphRole the role's value when the resource is Microsoft Graph, else null
 * @param at when the assignment was created (the fake's clock)
 */
public record GrantRecord(
    String grantedByAppId,
    String assignmentId,
    UUID principalId,
    UUID resourceId,
    UUID appRoleId,
    @Nullable String graphRole,
    Instant at) {}
