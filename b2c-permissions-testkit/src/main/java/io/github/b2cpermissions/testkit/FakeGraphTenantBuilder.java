package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.internal.TenantSeed;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Settings of one fake tenant, from {@link FakeGraphTenant#builder()}: only tenant settings; the
 * server's (port, strictness, token lifetime, clock, journal limit) are on {@link
 * FakeGraph.Builder}. Setters check their argument; {@link #build()} and {@link
 * FakeGraph#addTenant(FakeGraphTenantBuilder)} check combinations ({@link IllegalStateException}).
 * Not thread-safe. A builder may be used again:
 * each tenant built from it gets new object ids unless {@link #tenantId} fixes the tenant id.
 */
public final class FakeGraphTenantBuilder {
  @Nullable String domain;
  String tenantType = FakeGraphTenant.TENANT_TYPE_B2C;
  @Nullable UUID tenantId;
  @Nullable String displayName;
  String clientId = FakeGraphTenant.DEFAULT_CLIENT_ID;
  String clientSecret = FakeGraphTenant.DEFAULT_CLIENT_SECRET;
  String appDisplayName = FakeGraphTenant.DEFAULT_APP_DISPLAY_NAME;
  List<URI> redirectUris = List.of(FakeGraphTenant.DEFAULT_REDIRECT_URI);
  Set<B2cBackupPermission> required = EnumSet.allOf(B2cBackupPermission.class);
  @Nullable X509Certificate certificate;
  final Set<B2cBackupPermission> granted = EnumSet.noneOf(B2cBackupPermission.class);
  final Set<B2cBackupPermission> without = EnumSet.noneOf(B2cBackupPermission.class);
  final Set<String> extraRoles = new LinkedHashSet<>();
  final List<TenantSeed.OtherGrant> otherGrants = new ArrayList<>();
  final List<String> deleted = new ArrayList<>();
  AppPresence presence = AppPresence.ENABLED;
  int pageSize;
  Duration propagationDelay = Duration.ZERO;
  B2cData b2cData = B2cData.empty();
  ExternalIdData externalIdData = ExternalIdData.empty();

  FakeGraphTenantBuilder() {}

  /**
   * An Azure AD B2C tenant with this verified domain: {@code tenantType} {@code AAD B2C}.
   *
   * @param domain such as {@code contoso.onmicrosoft.com}
   * @return this
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if not a domain name
   */
  public FakeGraphTenantBuilder b2c(String domain) {
    domain(domain);
    this.tenantType = FakeGraphTenant.TENANT_TYPE_B2C;
    return this;
  }

  /**
   * A Microsoft Entra External ID tenant with this verified domain: {@code tenantType} {@code CIAM}.
   *
   * @param domain such as {@code woodgrove.onmicrosoft.com}
   * @return this
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if not a domain name
   */
  public FakeGraphTenantBuilder externalId(String domain) {
    domain(domain);
    this.tenantType = "CIAM";
    return this;
  }

  /**
   * The verified domain, keeping the tenant type (default: {@code fake-XXXXXXXX.onmicrosoft.com}
   * from the tenant id).
   *
   * @param domain such as {@code contoso.onmicrosoft.com}
   * @return this
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if not a domain name
   */
  public FakeGraphTenantBuilder domain(String domain) {
    this.domain = TenantChecks.domain(domain);
    return this;
  }

  /**
   * The organization's {@code tenantType} (default {@code AAD B2C}): {@code AAD} for a workforce
   * tenant, {@code CIAM} for External ID, or any other text to see how a client copes.
   *
   * @param tenantType not blank
   * @return this
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if blank
   */
  public FakeGraphTenantBuilder tenantType(String tenantType) {
    this.tenantType = TenantChecks.notBlank(tenantType, "tenantType");
    return this;
  }

  /**
   * A fixed tenant id (default: random).
   *
   * @param tenantId a GUID
   * @return this
   * @throws NullPointerException if null
   */
  public FakeGraphTenantBuilder tenantId(UUID tenantId) {
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    return this;
  }

  /**
   * A fixed tenant id (default: random).
   *
   * @param tenantId a GUID in 8-4-4-4-12 form
   * @return this
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if not a GUID
   */
  public FakeGraphTenantBuilder tenantId(String tenantId) {
    return tenantId(TenantChecks.guid(tenantId, "tenantId"));
  }

  /**
   * The organization's display name (default: the first label of the domain).
   *
   * @param displayName not blank
   * @return this
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if blank
   */
  public FakeGraphTenantBuilder displayName(String displayName) {
    this.displayName = TenantChecks.notBlank(displayName, "displayName");
    return this;
  }

  /**
   * The backup app: its client id and one registered redirect URI (defaults {@link
   * FakeGraphTenant#DEFAULT_CLIENT_ID} and {@link FakeGraphTenant#DEFAULT_REDIRECT_URI}).
   *
   * @param clientId a GUID
   * @param redirectUri an absolute https URI (or http on localhost), without fragment
   * @return this
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the client id is not a GUID or the URI is not acceptable
   */
  public FakeGraphTenantBuilder backupApp(String clientId, URI redirectUri) {
    this.clientId = TenantChecks.guid(clientId, "clientId").toString();
    this.redirectUris = List.of(TenantChecks.redirectUri(redirectUri));
    return this;
  }

  /**
   * All registered redirect URIs of the backup app (replacing earlier ones).
   *
   * @param redirectUris zero or more absolute https URIs (or http on localhost)
   * @return this
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a URI is not acceptable
   */
  public FakeGraphTenantBuilder redirectUris(URI... redirectUris) {
    this.redirectUris = TenantChecks.redirectUris(redirectUris);
    return this;
  }

  /**
   * The backup app's client secret (default {@link FakeGraphTenant#DEFAULT_CLIENT_SECRET}).
   *
   * @param clientSecret not blank
   * @return this
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if blank
   */
  public FakeGraphTenantBuilder clientSecret(String clientSecret) {
    this.clientSecret = TenantChecks.notBlank(clientSecret, "clientSecret");
    return this;
  }

  /**
   * Registers a certificate credential for the backup app (none by default). The token endpoint
   * then also accepts a client assertion (a JWT signed with the certificate's RSA key, RS256 or
   * PS256, with {@code x5t} or {@code x5t#S256} naming the certificate), as sent by
   * azure-identity's {@code ClientCertificateCredential}.
   *
   * @param certificate an X.509 certificate with an RSA public key
   * @return this
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if its key is not RSA
   */
  public FakeGraphTenantBuilder backupAppCertificate(X509Certificate certificate) {
    this.certificate = TenantChecks.rsaCertificate(certificate);
    return this;
  }

  /**
   * The backup app's display name (default {@link FakeGraphTenant#DEFAULT_APP_DISPLAY_NAME}).
   *
   * @param name not blank
   * @return this
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if blank
   */
  public FakeGraphTenantBuilder backupAppDisplayName(String name) {
    this.appDisplayName = TenantChecks.notBlank(name, "backupAppDisplayName");
    return this;
  }

  /**
   * The permissions the backup app requests, which admin consent grants (default: all 14).
   *
   * @param permissions the permissions (none is allowed)
   * @return this
   * @throws NullPointerException if an argument is null
   */
  public FakeGraphTenantBuilder requiredPermissions(B2cBackupPermission... permissions) {
    Set<B2cBackupPermission> s = EnumSet.noneOf(B2cBackupPermission.class);
    s.addAll(TenantChecks.nonNull(permissions));
    this.required = s;
    return this;
  }

  /**
   * Grants all 14 permissions.
   *
   * @return this
   */
  public FakeGraphTenantBuilder grantedAll() {
    granted.addAll(EnumSet.allOf(B2cBackupPermission.class));
    return this;
  }

  /**
   * Grants these permissions (in addition to earlier ones). Nothing is granted by default.
   *
   * @param permissions the permissions
   * @return this
   * @throws NullPointerException if an argument is null
   */
  public FakeGraphTenantBuilder granted(B2cBackupPermission... permissions) {
    granted.addAll(TenantChecks.nonNull(permissions));
    return this;
  }

  /**
   * Leaves these permissions out of the granted ones, whatever order the calls come in.
   *
   * @param permissions the permissions
   * @return this
   * @throws NullPointerException if an argument is null
   */
  public FakeGraphTenantBuilder without(B2cBackupPermission... permissions) {
    without.addAll(TenantChecks.nonNull(permissions));
    return this;
  }

  /**
   * Also grants these Microsoft Graph roles by value, such as {@code User.Read.All} or {@code
   * Directory.ReadWrite.All}.
   *
   * @param graphRoleValues role values of the fake's Graph service principal
   * @return this
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a value is not a Graph role
   */
  public FakeGraphTenantBuilder grantedRoles(String... graphRoleValues) {
    for (String v : TenantChecks.nonNull(graphRoleValues)) {
      extraRoles.add(TenantChecks.role(v));
    }
    return this;
  }

  /**
   * Also grants a role on another resource (see {@link
   * FakeBackupApp#grantOtherResourceRole(String, String, UUID)}).
   *
   * @param resourceAppId the resource's appId
   * @param resourceDisplayName its display name
   * @param appRoleId the app role id
   * @return this
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the resource is Graph or the app itself, or a name is
   *     blank
   */
  public FakeGraphTenantBuilder otherResourceRole(String resourceAppId, String resourceDisplayName, UUID appRoleId) {
    Objects.requireNonNull(appRoleId, "appRoleId");
    otherGrants.add(new TenantSeed.OtherGrant(resourceAppId, resourceDisplayName, appRoleId));
    TenantChecks.otherResource(resourceAppId, resourceDisplayName, null);
    return this;
  }

  /**
   * Also adds assignments of these permissions whose {@code deletedDateTime} is set.
   *
   * @param permissions the permissions
   * @return this
   * @throws NullPointerException if an argument is null
   */
  public FakeGraphTenantBuilder deletedAssignment(B2cBackupPermission... permissions) {
    for (B2cBackupPermission p : TenantChecks.nonNull(permissions)) {
      deleted.add(p.scope());
    }
    return this;
  }

  /**
   * The backup app's service principal: {@link AppPresence#ENABLED} (default), {@link
   * AppPresence#DISABLED}, or {@link AppPresence#NOT_FOUND} for a tenant that never consented
   * (then nothing may be granted).
   *
   * @param presence the state
   * @return this
   * @throws NullPointerException if null
   * @throws IllegalArgumentException for {@link AppPresence#NOT_CHECKED}
   */
  public FakeGraphTenantBuilder servicePrincipal(AppPresence presence) {
    this.presence = TenantChecks.presence(presence);
    return this;
  }

  /**
   * This tenant's collection page size (default: the server's, 100).
   *
   * @param pageSize 1 to 999
   * @return this
   * @throws IllegalArgumentException if out of range
   */
  public FakeGraphTenantBuilder pageSize(int pageSize) {
    this.pageSize = FakeGraph.Builder.checkPageSize(pageSize);
    return this;
  }

  /**
   * See {@link FakeBackupApp#grantPropagationDelay(Duration)} (default zero).
   *
   * @param delay zero or more
   * @return this
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if negative
   */
  public FakeGraphTenantBuilder grantPropagationDelay(Duration delay) {
    this.propagationDelay = TenantChecks.delay(delay);
    return this;
  }

  /**
   * The B2C directory content: users, groups, user flows, identity providers, directory roles,
   * role assignments, audit entries and applications ({@link B2cData#empty()} unless set).
   *
   * @param data the content; {@code reset()} goes back to it
   * @return this
   * @throws NullPointerException if null
   */
  public FakeGraphTenantBuilder b2cData(B2cData data) {
    this.b2cData = Objects.requireNonNull(data, "data");
    return this;
  }

  /**
   * The External ID configuration: user flows ({@code identity/authenticationEventsFlows}), custom
   * authentication extensions and the authentication methods policy ({@link ExternalIdData#empty()}
   * unless set). The objects its flows link to belong in {@link #b2cData(B2cData)}.
   *
   * @param data the configuration; {@code reset()} goes back to it
   * @return this
   * @throws NullPointerException if null
   */
  public FakeGraphTenantBuilder externalIdData(ExternalIdData data) {
    this.externalIdData = Objects.requireNonNull(data, "data");
    return this;
  }

  /**
   * A tenant with a server of its own, with the default server settings (stopped: call {@link
   * FakeGraphTenant#start()}).
   *
   * @return the tenant
   * @throws IllegalStateException if the settings do not go together (for example grants for an
   *     absent service principal)
   */
  public FakeGraphTenant build() {
    return build(FakeGraph.builder());
  }

  /**
   * A tenant with a server of its own, with these server settings (port, strictness, token
   * lifetime, clock, journal limit): {@code builder().grantedAll().build(FakeGraph.builder().clock(c))}.
   * The server is built anew for each call.
   *
   * @param server the server settings
   * @return the tenant, stopped
   * @throws NullPointerException if {@code server} is null
   * @throws IllegalStateException if the settings do not go together (for example grants for an
   *     absent service principal)
   */
  public FakeGraphTenant build(FakeGraph.Builder server) {
    Objects.requireNonNull(server, "server");
    return FakeGraph.create(server.config()).add(seed(), true);
  }

  /** The seed of a new tenant, after checking that the settings go together. */
  TenantSeed seed() {
    return TenantSeeds.of(this);
  }

  @Override
  public String toString() {
    return "FakeGraphTenantBuilder{domain=" + domain + ", tenantType=" + tenantType + ", clientId="
        + clientId + ", clientSecret=***, granted=" + granted + ", without=" + without
        + ", servicePrincipal=" + presence + "}";
  }
}
