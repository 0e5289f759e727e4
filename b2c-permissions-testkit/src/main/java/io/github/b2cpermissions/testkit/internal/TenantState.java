package io.github.b2cpermissions.testkit.internal;

import io.github.b2cpermissions.AppPresence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The mutable state of one hosted tenant, built from its seed and dropped on reset, with the
 * assignment primitives the seed and the tenant's mutations share. Guarded by its {@link
 * TenantModel}'s lock.
 */
final class TenantState {
  AppPresence presence;
  UUID backupSpId;
  final List<AppRoleAssignment> assignments = new ArrayList<>();
  final List<Revocation> revocations = new ArrayList<>();
  final List<OtherResource> others = new ArrayList<>();
  /** The assignments created through Graph, with who created them. */
  final List<GrantRecord> grants = new ArrayList<>();
  int nextSeq = 1;
  Duration propagationDelay;
  ConsentAnswer consentOutcome = ConsentAnswer.ACCEPT;
  boolean seedIdUsed;
  final FaultPlan faults = new FaultPlan();
  @Nullable B2cStore b2c;
  @Nullable ExternalIdStore externalId;

  TenantState(AppPresence presence, UUID backupSpId, Duration propagationDelay) {
    this.presence = presence;
    this.backupSpId = backupSpId;
    this.propagationDelay = propagationDelay;
  }

  /** The state a seed describes: its grants made 30 days before {@code now}. */
  static TenantState fromSeed(TenantSeed seed, Instant now) {
    TenantState s = new TenantState(seed.presence, seed.backupServicePrincipalId, seed.propagationDelay);
    s.seedIdUsed = seed.presence != AppPresence.NOT_FOUND;
    Instant seededAt = now.minus(Duration.ofDays(30));
    if (seed.presence != AppPresence.NOT_FOUND) {
      for (String role : seed.grantedRoles) {
        s.addGraphAssignment(seed, role, seededAt, null);
      }
      for (TenantSeed.OtherGrant g : seed.otherGrants) {
        s.addOtherAssignment(seed, g.resourceAppId, g.resourceDisplayName, g.appRoleId, seededAt);
      }
      for (String role : seed.deletedRoles) {
        s.addGraphAssignment(seed, role, seededAt, seededAt.plus(Duration.ofDays(1)));
      }
    }
    return s;
  }

  /**
   * Assigns a Microsoft Graph app role to the backup app.
   *
   * @throws IllegalArgumentException if Graph has no such role
   */
  AppRoleAssignment addGraphAssignment(TenantSeed seed, String role, Instant created, @Nullable Instant deleted) {
    RoleCatalog.Role r = RoleCatalog.byValue(role);
    if (r == null) {
      throw new IllegalArgumentException("Microsoft Graph has no app role " + role);
    }
    AppRoleAssignment a =
        new AppRoleAssignment(
            nextSeq++, backupSpId, seed.app.displayName, r.id(), seed.graphServicePrincipalId, TenantModel.GRAPH_DISPLAY_NAME, created, deleted, r.value());
    assignments.add(a);
    return a;
  }

  /** Assigns a role of another resource to the backup app (creating the resource); idempotent. */
  AppRoleAssignment addOtherAssignment(TenantSeed seed, String appId, String displayName, UUID roleId, Instant created) {
    OtherResource res = null;
    for (OtherResource o : others) {
      if (o.appId.equalsIgnoreCase(appId)) {
        res = o;
      }
    }
    if (res == null) {
      res = new OtherResource(derivedId(seed, appId), appId, displayName);
      others.add(res);
    }
    res.roleIds.add(roleId);
    for (AppRoleAssignment a : assignments) {
      if (a.deleted == null && a.principalId.equals(backupSpId) && a.resourceId.equals(res.id) && a.appRoleId.equals(roleId)) {
        return a;
      }
    }
    AppRoleAssignment a =
        new AppRoleAssignment(nextSeq++, backupSpId, seed.app.displayName, roleId, res.id, res.displayName, created, null, null);
    assignments.add(a);
    return a;
  }

  /** Object ids for other resources: stable per tenant and app id. */
  private static UUID derivedId(TenantSeed seed, String appId) {
    return UUID.nameUUIDFromBytes((seed.tenantId + "/" + appId.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
  }
}
