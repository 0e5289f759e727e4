package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.testkit.internal.GrantRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One app role assignment a fake tenant created on a Graph request, with the app that asked for
 * it: what a test asserts after a granter ran ("the admin app granted AuditLog.Read.All to the
 * backup app, once"). Seeded grants and a test's own {@link FakeBackupApp#grant} are not listed.
 *
 * @param grantedByAppId the {@code appid} of the token that made the request
 * @param assignmentId the created assignment's id
 * @param principalId the service principal that received the role
 * @param resourceId the service principal whose role it is
 * @param appRoleId the role's id
 * @param graphRole the role's value when the resource is Microsoft Graph, else null
 * @param createdAt when it was created, by the fake's clock
 */
public record FakeGrant(
    String grantedByAppId,
    String assignmentId,
    UUID principalId,
    UUID resourceId,
    UUID appRoleId,
    @Nullable String graphRole,
    Instant createdAt) {

  static FakeGrant of(GrantRecord r) {
    return new FakeGrant(r.grantedByAppId(), r.assignmentId(), r.principalId(), r.resourceId(),
        r.appRoleId(), r.graphRole(), r.at());
  }

  /** The Microsoft Graph role value, when the resource is Microsoft Graph. */
  public Optional<String> graphRoleValue() {
    return Optional.ofNullable(graphRole);
  }
}
