package io.github.b2cpermissions.testkit.internal;

import io.github.b2cpermissions.AppPresence;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** What a tenant looks like after {@code reset()}: immutable, checked by the public builder. */
public final class TenantSeed {
  /** A grant of a role on a resource other than Microsoft Graph. */
  public static final class OtherGrant {
    public final String resourceAppId;
    public final String resourceDisplayName;
    public final UUID appRoleId;

    public OtherGrant(String resourceAppId, String resourceDisplayName, UUID appRoleId) {
      this.resourceAppId = resourceAppId;
      this.resourceDisplayName = resourceDisplayName;
      this.appRoleId = appRoleId;
    }
  }

  public final UUID tenantId;
  public final String domain;
  public final String tenantType;
  public final String displayName;
  public final AppRegistration app;
  public final AppPresence presence;
  /** Graph role values granted to the backup app, in grant order, no duplicates. */
  public final List<String> grantedRoles;
  public final List<OtherGrant> otherGrants;
  /** Graph role values of assignments that carry a {@code deletedDateTime}. */
  public final List<String> deletedRoles;
  /** Page size for this tenant, or 0 for the server's. */
  public final int pageSize;
  public final Duration propagationDelay;
  /** Object ids, fixed at build time so that they survive {@code reset()}. */
  public final UUID graphServicePrincipalId;
  public final UUID backupServicePrincipalId;
  /** The B2C directory content (users, groups, user flows and so on). */
  public final B2cSeed b2c;
  /** The External ID configuration (authentication events flows, custom extensions, methods policy). */
  public final ExternalIdSeed externalId;

  public TenantSeed(
      UUID tenantId,
      String domain,
      String tenantType,
      String displayName,
      AppRegistration app,
      AppPresence presence,
      List<String> grantedRoles,
      List<OtherGrant> otherGrants,
      List<String> deletedRoles,
      int pageSize,
      Duration propagationDelay,
      UUID graphServicePrincipalId,
      UUID backupServicePrincipalId) {
    this.tenantId = tenantId;
    this.domain = domain;
    this.tenantType = tenantType;
    this.displayName = displayName;
    this.app = app;
    this.presence = presence;
    this.grantedRoles = List.copyOf(grantedRoles);
    this.otherGrants = List.copyOf(otherGrants);
    this.deletedRoles = List.copyOf(deletedRoles);
    this.pageSize = pageSize;
    this.propagationDelay = propagationDelay;
    this.graphServicePrincipalId = graphServicePrincipalId;
    this.backupServicePrincipalId = backupServicePrincipalId;
    this.b2c = B2cSeed.EMPTY;
    this.externalId = ExternalIdSeed.EMPTY;
  }

  private TenantSeed(TenantSeed s, B2cSeed b2c, ExternalIdSeed externalId) {
    this.tenantId = s.tenantId;
    this.domain = s.domain;
    this.tenantType = s.tenantType;
    this.displayName = s.displayName;
    this.app = s.app;
    this.presence = s.presence;
    this.grantedRoles = s.grantedRoles;
    this.otherGrants = s.otherGrants;
    this.deletedRoles = s.deletedRoles;
    this.pageSize = s.pageSize;
    this.propagationDelay = s.propagationDelay;
    this.graphServicePrincipalId = s.graphServicePrincipalId;
    this.backupServicePrincipalId = s.backupServicePrincipalId;
    this.b2c = b2c;
    this.externalId = externalId;
  }

  /** This seed with other B2C directory content. */
  public TenantSeed withB2c(B2cSeed b2c) {
    return new TenantSeed(this, Objects.requireNonNull(b2c, "b2c"), externalId);
  }

  /** This seed with another External ID configuration. */
  public TenantSeed withExternalId(ExternalIdSeed externalId) {
    return new TenantSeed(this, b2c, Objects.requireNonNull(externalId, "externalId"));
  }
}
