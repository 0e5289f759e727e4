package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.internal.TenantModel;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The backup app as one {@link FakeGraphTenant} holds it, from {@link FakeGraphTenant#app()}: its
 * service principal (enabled, disabled or absent), the app role assignments granted to it, how long
 * grants take to reach tokens, and what the administrator does on the admin consent pages. Changes
 * apply to the running tenant at once and are undone by {@link FakeGraphTenant#reset()}. The app's
 * identity (client id, secret, redirect URIs) is on the tenant. Instances are thread-safe.
 *
 * <pre>{@code
 * tenant.app().revoke(B2cBackupPermission.USER_READ_WRITE_ALL);
 * tenant.app().grantRole("Directory.ReadWrite.All");   // an excess role
 * tenant.app().disableServicePrincipal();
 * }</pre>
 */
public final class FakeBackupApp {
  private final TenantModel model;

  FakeBackupApp(TenantModel model) {
    this.model = model;
  }

  /**
   * Grants permissions to the backup app (app role assignments on Microsoft Graph). Granting what
   * is already granted does nothing.
   *
   * @param permissions the permissions
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the service principal is absent
   */
  public void grant(B2cBackupPermission... permissions) {
    for (B2cBackupPermission p : TenantChecks.nonNull(permissions)) {
      model.grant(p.scope());
    }
  }

  /**
   * Revokes permissions (deletes their app role assignments). Revoking what is not granted does
   * nothing.
   *
   * @param permissions the permissions
   * @throws NullPointerException if an argument is null
   */
  public void revoke(B2cBackupPermission... permissions) {
    for (B2cBackupPermission p : TenantChecks.nonNull(permissions)) {
      model.revoke(p.scope());
    }
  }

  /**
   * Grants any Microsoft Graph app role by value: a narrower one such as {@code User.Read.All} or an
   * excess one such as {@code Directory.ReadWrite.All}.
   *
   * @param graphRoleValue a role of the fake's Graph service principal
   * @return the id of the assignment
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if Graph (as the fake knows it) has no such role
   * @throws IllegalStateException if the service principal is absent
   */
  public String grantRole(String graphRoleValue) {
    return model.grant(TenantChecks.role(graphRoleValue));
  }

  /**
   * Revokes a Microsoft Graph app role by value.
   *
   * @param graphRoleValue the role value
   * @return whether it was granted
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if Graph has no such role
   */
  public boolean revokeRole(String graphRoleValue) {
    return model.revoke(TenantChecks.role(graphRoleValue));
  }

  /**
   * Grants the backup app a role on another resource (Office 365 Exchange Online): an assignment
   * whose {@code resourceId} is not Microsoft Graph's service principal. Passing the id of a Graph
   * role makes the trap complete: same {@code appRoleId}, wrong resource.
   *
   * @param appRoleId the app role id
   * @return the id of the assignment
   * @throws NullPointerException if null
   * @throws IllegalStateException if the service principal is absent
   */
  public String grantOtherResourceRole(UUID appRoleId) {
    return grantOtherResourceRole(
        TenantModel.EXCHANGE_APP_ID, "Office 365 Exchange Online", appRoleId);
  }

  /**
   * Grants the backup app a role on a resource other than Microsoft Graph; the resource's service
   * principal is created in the tenant on first use.
   *
   * @param resourceAppId the resource's appId; not Microsoft Graph's or the backup app's
   * @param resourceDisplayName its display name
   * @param appRoleId the app role id
   * @return the id of the assignment
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code resourceAppId} is Graph's or the backup app's, or a
   *     name is blank
   * @throws IllegalStateException if the service principal is absent
   */
  public String grantOtherResourceRole(String resourceAppId, String resourceDisplayName, UUID appRoleId) {
    TenantChecks.otherResource(resourceAppId, resourceDisplayName, model.seed.app.clientId);
    Objects.requireNonNull(appRoleId, "appRoleId");
    return model.grantOther(resourceAppId, resourceDisplayName, appRoleId);
  }

  /**
   * Adds an assignment of {@code permission} whose {@code deletedDateTime} is set: listed by Graph,
   * but granting nothing (it never reaches a token).
   *
   * @param permission the permission
   * @return the id of the assignment
   * @throws NullPointerException if null
   * @throws IllegalStateException if the service principal is absent
   */
  public String addDeletedAssignment(B2cBackupPermission permission) {
    Objects.requireNonNull(permission, "permission");
    return model.addDeleted(permission.scope());
  }

  /**
   * Sets {@code accountEnabled} of the backup app's service principal to false: Graph still lists
   * it and its grants, but the token endpoint refuses tokens (AADSTS7000112).
   *
   * @throws IllegalStateException if the service principal is absent
   */
  public void disableServicePrincipal() {
    model.disableServicePrincipal();
  }

  /**
   * Sets {@code accountEnabled} back to true.
   *
   * @throws IllegalStateException if the service principal is absent
   */
  public void enableServicePrincipal() {
    model.enableServicePrincipal();
  }

  /**
   * Deletes the backup app's service principal and its app role assignments, as if the tenant had
   * never consented (Graph answers 404, the token endpoint AADSTS700016). Does nothing if absent.
   */
  public void removeServicePrincipal() {
    model.removeServicePrincipal();
  }

  /**
   * Creates the backup app's service principal (enabled, nothing granted) if absent.
   *
   * @return whether it was absent
   */
  public boolean createServicePrincipal() {
    return model.createServicePrincipal();
  }

  /** Whether the backup app's service principal is enabled, disabled or absent. */
  public AppPresence servicePrincipalPresence() {
    return model.presence();
  }

  /**
   * The app role assignments created through Graph requests since the last reset, oldest first,
   * each with the app whose token asked for it (seeded grants and {@link #grant} are not listed).
   */
  public List<FakeGrant> grantsThroughGraph() {
    return model.grants().stream().map(FakeGrant::of).toList();
  }

  /**
   * The Microsoft Graph roles granted now, as the directory shows them (deleted assignments and
   * other resources left out), whatever tokens carry.
   */
  public Set<String> grantedRoles() {
    return Collections.unmodifiableSet(model.directoryRoles());
  }

  /** The catalog permissions granted now, as the directory shows them. */
  public Set<B2cBackupPermission> grantedPermissions() {
    Set<String> roles = model.directoryRoles();
    Set<B2cBackupPermission> out = EnumSet.noneOf(B2cBackupPermission.class);
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      if (roles.contains(p.scope())) {
        out.add(p);
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * How long a grant takes to reach newly issued tokens (and a revocation to leave them). Zero, the
   * default, means at once. Grants made before the delay was set count from when they were made;
   * seeded grants are a month old. With a delay, the directory shows a new grant at once while new
   * tokens lack it: what a verifier reports as propagating.
   *
   * @param delay zero or more
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if negative
   */
  public void grantPropagationDelay(Duration delay) {
    model.propagationDelay(TenantChecks.delay(delay));
  }

  /**
   * What the administrator does on the next admin consent pages (until changed or reset).
   *
   * @param outcome the outcome
   * @throws NullPointerException if null
   */
  public void onAdminConsent(AdminConsentOutcome outcome) {
    model.consentOutcome(Objects.requireNonNull(outcome, "outcome").answer());
  }

  /** The client id, the service principal's presence and the granted roles; never the secret. */
  @Override
  public String toString() {
    return "FakeBackupApp{clientId="
        + model.seed.app.clientId
        + ", servicePrincipal="
        + servicePrincipalPresence()
        + ", granted="
        + grantedRoles()
        + "}";
  }
}
