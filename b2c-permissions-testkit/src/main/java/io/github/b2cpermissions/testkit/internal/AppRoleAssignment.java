package io.github.b2cpermissions.testkit.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An app role assignment of a tenant: who holds which role of which resource, since when. */
final class AppRoleAssignment {
  final int seq;
  final UUID principalId;
  final String principalDisplayName;
  final UUID appRoleId;
  final UUID resourceId;
  final String resourceDisplayName;
  final Instant created;
  final @Nullable Instant deleted;
  /** The Graph role value when the resource is Microsoft Graph, else null. */
  final @Nullable String graphRole;

  AppRoleAssignment(
      int seq,
      UUID principalId,
      String principalDisplayName,
      UUID appRoleId,
      UUID resourceId,
      String resourceDisplayName,
      Instant created,
      @Nullable Instant deleted,
      @Nullable String graphRole) {
    this.seq = seq;
    this.principalId = principalId;
    this.principalDisplayName = principalDisplayName;
    this.appRoleId = appRoleId;
    this.resourceId = resourceId;
    this.resourceDisplayName = resourceDisplayName;
    this.created = created;
    this.deleted = deleted;
    this.graphRole = graphRole;
  }
}
