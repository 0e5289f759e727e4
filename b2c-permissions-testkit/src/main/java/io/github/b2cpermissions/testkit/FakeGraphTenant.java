package io.github.b2cpermissions.testkit;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.internal.TenantModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * A fake Azure AD B2C tenant as Microsoft Graph and Entra ID show it to a backup app: its
 * organization (id, verified domain, {@code tenantType}), the Microsoft Graph service principal
 * with its app roles, the backup app's service principal (enabled, disabled or absent) and the app
 * role assignments granted to it. Served over HTTPS on 127.0.0.1 with a token endpoint, admin
 * consent, Graph's authorization rules, deterministic {@link #faults() faults} and a request
 * {@link #journal() journal}.
 *
 * <pre>{@code
 * FakeGraphTenant tenant = FakeGraphTenant.builder()
 *     .b2c("contoso.onmicrosoft.com")
 *     .grantedAll()
 *     .without(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL)
 *     .build()
 *     .start();
 * TokenCredential credential = tenant.credential();   // ClientSecretCredential, trusting the fake
 * URI graph = tenant.graphEndpoint();                  // https://127.0.0.1:PORT/v1.0
 * }</pre>
 *
 * <p>A tenant built with {@link FakeGraphTenantBuilder#build()} has a {@link FakeGraph} server to itself and
 * {@link #start()}, {@link #stop()} and {@link #reset()} act on that server. A tenant from {@link
 * FakeGraph#addTenant(FakeGraphTenantBuilder)} shares its server: {@link #reset()} resets this tenant only and
 * {@link #stop()} is refused. Instances are thread-safe.
 */
public final class FakeGraphTenant {
  /** The backup app's client id when none is set. */
  public static final String DEFAULT_CLIENT_ID = "b2cb4c0b-7e57-4a11-9c0d-00000000b2c0";

  /** The backup app's client secret when none is set. Not a secret: the fake is for tests. */
  public static final String DEFAULT_CLIENT_SECRET = "fake~B2cBackupSecret.0123456789abcdefXYZ";

  /** The backup app's registered redirect URI when none is set. */
  public static final URI DEFAULT_REDIRECT_URI =
      URI.create("https://backup.example.com/admin-consent/callback");

  /** The backup app's display name when none is set. */
  public static final String DEFAULT_APP_DISPLAY_NAME = "B2C Backup (fake)";

  /** The {@code tenantType} of an Azure AD B2C tenant, the default. */
  public static final String TENANT_TYPE_B2C = "AAD B2C";

  private final FakeGraph graph;
  private final TenantModel model;
  private final boolean owner;

  FakeGraphTenant(FakeGraph graph, TenantModel model, boolean owner) {
    this.graph = graph;
    this.model = model;
    this.owner = owner;
  }

  /** A builder with the defaults described on each setter. */
  public static FakeGraphTenantBuilder builder() {
    return new FakeGraphTenantBuilder();
  }

  /**
   * Starts the server this tenant is on; does nothing if it is running.
   *
   * @return this
   * @throws IllegalStateException if the port cannot be bound
   */
  public FakeGraphTenant start() {
    graph.start();
    return this;
  }

  /**
   * Stops this tenant's own server.
   *
   * @throws IllegalStateException if the tenant shares a {@link FakeGraph} (stop that instead)
   */
  public void stop() {
    if (!owner) {
      throw new IllegalStateException(
          "tenant " + domain() + " is hosted by a shared FakeGraph; stop the FakeGraph instead");
    }
    graph.stop();
  }

  /** Whether the server this tenant is on is running. */
  public boolean isRunning() {
    return graph.isRunning();
  }

  /**
   * Back to the seed: grants, service principal, propagation delay and consent outcome as built;
   * faults and journal cleared. For a tenant with its own server, the whole server is reset; for a
   * hosted tenant, only this tenant's state, faults and journal entries.
   */
  public void reset() {
    if (owner) {
      graph.reset();
    } else {
      model.reset();
      journal().clear();
    }
  }

  /**
   * How many users the tenant's B2C directory holds now: seeded, generated and created, less the
   * deleted ones.
   */
  public int b2cUserCount() {
    return model.b2c().userCount();
  }

  /** The {@link FakeGraph} this tenant is on. */
  public FakeGraph server() {
    return graph;
  }

  /** The tenant id (a GUID), the {@code tid} of its tokens. */
  public String tenantId() {
    return model.seed.tenantId.toString();
  }

  /** The verified (initial, default) domain, such as {@code contoso.onmicrosoft.com}. */
  public String domain() {
    return model.seed.domain;
  }

  /** The organization's {@code tenantType}: {@code AAD B2C} unless built otherwise. */
  public String tenantType() {
    return model.seed.tenantType;
  }

  /** The organization's display name. */
  public String displayName() {
    return model.seed.displayName;
  }

  /** The backup app's client id (appId). */
  public String clientId() {
    return model.seed.app.clientId;
  }

  /** The backup app's client secret. */
  public String clientSecret() {
    return model.seed.app.clientSecret;
  }

  /** The backup app's registered redirect URIs. */
  public List<URI> redirectUris() {
    return model.seed.app.redirectUris;
  }

  /**
   * The object id of the backup app's service principal in this tenant: the current one, or, while
   * it is absent, the id it last had (or will get on the first consent after a reset).
   */
  public String servicePrincipalId() {
    return model.backupServicePrincipalId().toString();
  }

  /** The object id of the Microsoft Graph service principal in this tenant. */
  public String graphServicePrincipalId() {
    return model.seed.graphServicePrincipalId.toString();
  }

  /**
   * {@link FakeGraph#graphHost()} of this tenant's server.
   *
   * @throws IllegalStateException if not running
   */
  public URI graphHost() {
    return graph.graphHost();
  }

  /**
   * {@link FakeGraph#graphEndpoint()} of this tenant's server.
   *
   * @throws IllegalStateException if not running
   */
  public URI graphEndpoint() {
    return graph.graphEndpoint();
  }

  /**
   * {@link FakeGraph#authorityHost()} of this tenant's server.
   *
   * @throws IllegalStateException if not running
   */
  public URI authorityHost() {
    return graph.authorityHost();
  }

  /**
   * This tenant's token endpoint, {@code https://127.0.0.1:PORT/{tenantId}/oauth2/v2.0/token}.
   *
   * @throws IllegalStateException if not running
   */
  public URI tokenEndpoint() {
    return URI.create(authorityHost() + "/" + tenantId() + "/oauth2/v2.0/token");
  }

  /**
   * The scope of a Graph app-only token from this fake: {@code graphHost() + "/.default"}.
   *
   * @throws IllegalStateException if not running
   */
  public String graphDefaultScope() {
    return graphHost() + "/.default";
  }

  /** {@link FakeGraph#sslContext()} of this tenant's server. */
  public SSLContext sslContext() {
    return graph.sslContext();
  }

  /** {@link FakeGraph#trustManager()} of this tenant's server. */
  public X509TrustManager trustManager() {
    return graph.trustManager();
  }

  /** {@link FakeGraph#certificate()} of this tenant's server. */
  public X509Certificate certificate() {
    return graph.certificate();
  }

  /** {@link FakeGraph#httpClient()} of this tenant's server. */
  public HttpClient httpClient() {
    return graph.httpClient();
  }

  /**
   * A new azure-identity {@code ClientSecretCredential} for the backup app in this tenant, pointed
   * at the fake's authority host, with instance discovery off (so nothing is asked of
   * login.microsoftonline.com) and an HTTP client that trusts the fake (shared by all credentials
   * of this server). Each call returns a new credential with its own token cache.
   *
   * @throws IllegalStateException if not running
   */
  public TokenCredential credential() {
    return graph.clients().clientSecretCredential(authorityHost(), tenantId(), clientId(), clientSecret());
  }

  /**
   * A new {@link CachingTokenCredential} for the backup app, for this tenant unless a request names
   * another hosted one: tokens are cached per tenant as MSAL caches Entra ID's, which MSAL does not
   * do for the fake's authority (it has a port).
   */
  public CachingTokenCredential cachingCredential() {
    return new CachingTokenCredential(graph, graph.clients().azureHttpClient(), tenantId());
  }

  /**
   * Issues an access token for the backup app as the token endpoint would, without an HTTP round
   * trip (for tests of raw HTTP clients). The request is not journaled.
   *
   * @return a bearer token
   * @throws IllegalStateException if not running, or if the service principal is absent or
   *     disabled (the token endpoint would refuse)
   */
  public String issueAccessToken() {
    AppPresence p = model.presence();
    if (p != AppPresence.ENABLED) {
      throw new IllegalStateException(
          "the backup app's service principal is " + p + " in " + domain() + "; Entra would refuse a token");
    }
    return graph.server().issueToken(model);
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
    TenantChecks.otherResource(resourceAppId, resourceDisplayName, clientId());
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

  /**
   * Faults for this tenant's requests. For a tenant with its own server these are the server's
   * faults; for a hosted tenant they apply to requests made with this tenant's tokens (and to
   * sign-in routes naming this tenant).
   */
  public Faults faults() {
    if (owner) {
      return graph.faults();
    }
    return new Faults(model::faults);
  }

  /** The requests for this tenant (for a tenant with its own server: all requests). */
  public RequestJournal journal() {
    if (owner) {
      return graph.journal();
    }
    String id = tenantId();
    return new RequestJournal(graph.server().journal(), e -> id.equals(e.tenantId));
  }

  @Override
  public String toString() {
    return "FakeGraphTenant{"
        + domain()
        + ", tenantId="
        + tenantId()
        + ", tenantType="
        + tenantType()
        + ", clientId="
        + clientId()
        + ", servicePrincipal="
        + servicePrincipalPresence()
        + ", granted="
        + grantedRoles()
        + ", server="
        + (graph.isRunning() ? graph.graphHost() : "stopped")
        + "}";
  }
}
