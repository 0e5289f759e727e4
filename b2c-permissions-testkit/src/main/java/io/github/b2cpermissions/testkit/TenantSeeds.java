package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.internal.AppRegistration;
import io.github.b2cpermissions.testkit.internal.TenantSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a {@link FakeGraphTenantBuilder}'s settings into the seed a tenant is built and reset
 * from: fills in what was left unset (ids, domain, display name), works out the granted roles, and
 * refuses settings that do not go together.
 */
final class TenantSeeds {
  private TenantSeeds() {}

  /**
   * The seed of a new tenant.
   *
   * @throws IllegalStateException if the settings do not go together (grants for an absent service
   *     principal, the backup app as its own other resource)
   */
  static TenantSeed of(FakeGraphTenantBuilder b) {
    UUID id = b.tenantId == null ? UUID.randomUUID() : b.tenantId;
    String d = b.domain == null ? "fake-" + id.toString().substring(0, 8) + ".onmicrosoft.com" : b.domain;
    String name = b.displayName == null ? d.substring(0, d.indexOf('.')) : b.displayName;
    List<String> grantedRoles = new ArrayList<>();
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      if (b.granted.contains(p) && !b.without.contains(p)) {
        grantedRoles.add(p.scope());
      }
    }
    for (String r : b.extraRoles) {
      if (!grantedRoles.contains(r)) {
        grantedRoles.add(r);
      }
    }
    if (b.presence == AppPresence.NOT_FOUND
        && (!grantedRoles.isEmpty() || !b.otherGrants.isEmpty() || !b.deleted.isEmpty())) {
      throw new IllegalStateException(
          "a tenant without the backup app's service principal cannot have grants; drop"
              + " servicePrincipal(NOT_FOUND) or the granted roles");
    }
    for (TenantSeed.OtherGrant g : b.otherGrants) {
      if (g.resourceAppId.equalsIgnoreCase(b.clientId)) {
        throw new IllegalStateException(
            "the other resource " + g.resourceAppId + " must not be the backup app itself");
      }
    }
    List<String> requiredRoles = new ArrayList<>();
    for (B2cBackupPermission p : b.required) {
      requiredRoles.add(p.scope());
    }
    AppRegistration app =
        new AppRegistration(
            b.clientId, b.clientSecret, b.appDisplayName, b.redirectUris, requiredRoles, b.certificate);
    return new TenantSeed(
        id,
        d,
        b.tenantType,
        name,
        app,
        b.presence,
        grantedRoles,
        b.otherGrants,
        b.deleted,
        b.pageSize,
        b.propagationDelay,
        UUID.randomUUID(),
        UUID.randomUUID()).withB2c(b.b2cData.seed());
  }

}
