package io.github.b2cpermissions.testkit;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.internal.AppRegistration;
import io.github.b2cpermissions.testkit.internal.RoleCatalog;
import io.github.b2cpermissions.testkit.internal.TenantModel;
import io.github.b2cpermissions.testkit.internal.TenantSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

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
 * <p>A tenant built with {@link Builder#build()} has a {@link FakeGraph} server to itself and
 * {@link #start()}, {@link #stop()} and {@link #reset()} act on that server. A tenant from {@link
 * FakeGraph#addTenant(Builder)} shares its server: {@link #reset()} resets this tenant only and
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
  public static Builder builder() {
    return new Builder();
  }

  // ---- lifecycle -------------------------------------------------------------------------------

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

  // ---- identity --------------------------------------------------------------------------------

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

  // ---- endpoints and trust ----------------------------------------------------------------------

  /**
   * {@code https://127.0.0.1:PORT}; tokens for the fake are asked with scope {@code
   * graphHost() + "/.default"}.
   *
   * @throws IllegalStateException if not running
   */
  public URI graphHost() {
    return graph.graphHost();
  }

  /**
   * {@code https://127.0.0.1:PORT/v1.0}.
   *
   * @throws IllegalStateException if not running
   */
  public URI graphEndpoint() {
    return graph.graphEndpoint();
  }

  /**
   * {@code https://127.0.0.1:PORT}, the authority host of the token and consent endpoints.
   *
   * @throws IllegalStateException if not running
   */
  public URI authorityHost() {
    return graph.authorityHost();
  }

  /**
   * {@code https://127.0.0.1:PORT/{tenantId}/oauth2/v2.0/token}.
   *
   * @throws IllegalStateException if not running
   */
  public URI tokenEndpoint() {
    return URI.create(graph.authorityHost() + "/" + tenantId() + "/oauth2/v2.0/token");
  }

  /** The scope of a Graph app-only token from this fake: {@code graphHost() + "/.default"}. */
  public String graphDefaultScope() {
    return graphHost() + "/.default";
  }

  /** A TLS context that trusts the fake's certificate and nothing else. */
  public SSLContext sslContext() {
    return graph.sslContext();
  }

  /** A trust manager that trusts the fake's certificate and nothing else. */
  public X509TrustManager trustManager() {
    return graph.trustManager();
  }

  /** The fake's self-signed certificate. */
  public X509Certificate certificate() {
    return graph.certificate();
  }

  /** A {@code java.net.http} client that trusts the fake (shared per server). */
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
    return new ClientSecretCredentialBuilder()
        .authorityHost(authorityHost().toString())
        .tenantId(tenantId())
        .clientId(clientId())
        .clientSecret(clientSecret())
        .disableInstanceDiscovery()
        .httpClient(graph.azureHttpClient())
        .build();
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

  // ---- state -----------------------------------------------------------------------------------

  /**
   * Grants permissions to the backup app (app role assignments on Microsoft Graph). Granting what
   * is already granted does nothing.
   *
   * @param permissions the permissions
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the service principal is absent
   */
  public void grant(B2cBackupPermission... permissions) {
    for (B2cBackupPermission p : nonNull(permissions)) {
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
    for (B2cBackupPermission p : nonNull(permissions)) {
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
    return model.grant(checkRole(graphRoleValue));
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
    return model.revoke(checkRole(graphRoleValue));
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
    Builder.checkOtherResource(resourceAppId, resourceDisplayName, clientId());
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
    model.propagationDelay(Builder.checkDelay(delay));
  }

  /**
   * What the administrator does on the next admin consent pages (until changed or reset).
   *
   * @param outcome the outcome
   * @throws NullPointerException if null
   */
  public void onAdminConsent(AdminConsentOutcome outcome) {
    model.consentOutcome(Objects.requireNonNull(outcome, "outcome"));
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

  private static String checkRole(String value) {
    Objects.requireNonNull(value, "graphRoleValue");
    if (RoleCatalog.byValue(value) == null) {
      throw new IllegalArgumentException(
          "the fake's Microsoft Graph has no app role '" + value + "' (values are case-sensitive)");
    }
    return value;
  }

  @SafeVarargs
  private static <T> List<T> nonNull(T... items) {
    Objects.requireNonNull(items, "permissions");
    List<T> out = new ArrayList<>(items.length);
    for (T t : items) {
      out.add(Objects.requireNonNull(t, "permission"));
    }
    return out;
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

  // ---- builder ---------------------------------------------------------------------------------

  /**
   * Settings of a fake tenant. Setters check their argument; {@link #build()} and {@link
   * FakeGraph#addTenant(Builder)} check combinations. Not thread-safe. A builder may be used again:
   * each tenant built from it gets new object ids unless {@link #tenantId} fixes the tenant id.
   */
  public static final class Builder {
    private static final Pattern DOMAIN =
        Pattern.compile("^(?=.{4,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$");

    private @Nullable String domain;
    private String tenantType = TENANT_TYPE_B2C;
    private @Nullable UUID tenantId;
    private @Nullable String displayName;
    private String clientId = DEFAULT_CLIENT_ID;
    private String clientSecret = DEFAULT_CLIENT_SECRET;
    private String appDisplayName = DEFAULT_APP_DISPLAY_NAME;
    private List<URI> redirectUris = List.of(DEFAULT_REDIRECT_URI);
    private Set<B2cBackupPermission> required = EnumSet.allOf(B2cBackupPermission.class);
    private java.security.cert.@Nullable X509Certificate certificate;
    private final Set<B2cBackupPermission> granted = EnumSet.noneOf(B2cBackupPermission.class);
    private final Set<B2cBackupPermission> without = EnumSet.noneOf(B2cBackupPermission.class);
    private final Set<String> extraRoles = new LinkedHashSet<>();
    private final List<TenantSeed.OtherGrant> otherGrants = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();
    private AppPresence presence = AppPresence.ENABLED;
    private int pageSize;
    private Duration propagationDelay = Duration.ZERO;
    private B2cData b2cData = B2cData.empty();
    // Server settings, for build() only.
    private final FakeGraph.Builder server = new FakeGraph.Builder();
    private boolean serverSettingsSet;

    Builder() {}

    /**
     * An Azure AD B2C tenant with this verified domain: {@code tenantType} {@code AAD B2C}.
     *
     * @param domain such as {@code contoso.onmicrosoft.com}
     * @return this
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if not a domain name
     */
    public Builder b2c(String domain) {
      domain(domain);
      this.tenantType = TENANT_TYPE_B2C;
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
    public Builder domain(String domain) {
      Objects.requireNonNull(domain, "domain");
      if (!DOMAIN.matcher(domain).matches()) {
        throw new IllegalArgumentException("not a domain name: '" + domain + "'");
      }
      this.domain = domain.toLowerCase(Locale.ROOT);
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
    public Builder tenantType(String tenantType) {
      Objects.requireNonNull(tenantType, "tenantType");
      if (tenantType.isBlank()) {
        throw new IllegalArgumentException("tenantType must not be blank");
      }
      this.tenantType = tenantType;
      return this;
    }

    /**
     * A fixed tenant id (default: random).
     *
     * @param tenantId a GUID
     * @return this
     * @throws NullPointerException if null
     */
    public Builder tenantId(UUID tenantId) {
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
    public Builder tenantId(String tenantId) {
      return tenantId(guid(tenantId, "tenantId"));
    }

    /**
     * The organization's display name (default: the first label of the domain).
     *
     * @param displayName not blank
     * @return this
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder displayName(String displayName) {
      this.displayName = notBlank(displayName, "displayName");
      return this;
    }

    /**
     * The backup app: its client id and one registered redirect URI (defaults {@link
     * #DEFAULT_CLIENT_ID} and {@link #DEFAULT_REDIRECT_URI}).
     *
     * @param clientId a GUID
     * @param redirectUri an absolute https URI (or http on localhost), without fragment
     * @return this
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the client id is not a GUID or the URI is not acceptable
     */
    public Builder backupApp(String clientId, URI redirectUri) {
      this.clientId = guid(clientId, "clientId").toString();
      this.redirectUris = List.of(checkRedirect(redirectUri));
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
    public Builder redirectUris(URI... redirectUris) {
      Objects.requireNonNull(redirectUris, "redirectUris");
      List<URI> list = new ArrayList<>();
      for (URI u : redirectUris) {
        list.add(checkRedirect(u));
      }
      this.redirectUris = List.copyOf(list);
      return this;
    }

    /**
     * The backup app's client secret (default {@link #DEFAULT_CLIENT_SECRET}).
     *
     * @param clientSecret not blank
     * @return this
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = notBlank(clientSecret, "clientSecret");
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
    public Builder backupAppCertificate(X509Certificate certificate) {
      Objects.requireNonNull(certificate, "certificate");
      if (!"RSA".equals(certificate.getPublicKey().getAlgorithm())) {
        throw new IllegalArgumentException(
            "client assertions are signed with RS256 or PS256: the certificate needs an RSA key, was "
                + certificate.getPublicKey().getAlgorithm());
      }
      this.certificate = certificate;
      return this;
    }

    /**
     * The backup app's display name (default {@link #DEFAULT_APP_DISPLAY_NAME}).
     *
     * @param name not blank
     * @return this
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder backupAppDisplayName(String name) {
      this.appDisplayName = notBlank(name, "backupAppDisplayName");
      return this;
    }

    /**
     * The permissions the backup app requests, which admin consent grants (default: all 14).
     *
     * @param permissions the permissions (none is allowed)
     * @return this
     * @throws NullPointerException if an argument is null
     */
    public Builder requiredPermissions(B2cBackupPermission... permissions) {
      Set<B2cBackupPermission> s = EnumSet.noneOf(B2cBackupPermission.class);
      s.addAll(nonNull(permissions));
      this.required = s;
      return this;
    }

    /**
     * Grants all 14 permissions.
     *
     * @return this
     */
    public Builder grantedAll() {
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
    public Builder granted(B2cBackupPermission... permissions) {
      granted.addAll(nonNull(permissions));
      return this;
    }

    /**
     * Leaves these permissions out of the granted ones, whatever order the calls come in.
     *
     * @param permissions the permissions
     * @return this
     * @throws NullPointerException if an argument is null
     */
    public Builder without(B2cBackupPermission... permissions) {
      without.addAll(nonNull(permissions));
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
    public Builder grantedRoles(String... graphRoleValues) {
      for (String v : nonNull(graphRoleValues)) {
        extraRoles.add(checkRole(v));
      }
      return this;
    }

    /**
     * Also grants a role on another resource (see {@link
     * FakeGraphTenant#grantOtherResourceRole(String, String, UUID)}).
     *
     * @param resourceAppId the resource's appId
     * @param resourceDisplayName its display name
     * @param appRoleId the app role id
     * @return this
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the resource is Graph or the app itself, or a name is
     *     blank
     */
    public Builder otherResourceRole(String resourceAppId, String resourceDisplayName, UUID appRoleId) {
      Objects.requireNonNull(appRoleId, "appRoleId");
      otherGrants.add(new TenantSeed.OtherGrant(resourceAppId, resourceDisplayName, appRoleId));
      checkOtherResource(resourceAppId, resourceDisplayName, null);
      return this;
    }

    /**
     * Also adds assignments of these permissions whose {@code deletedDateTime} is set.
     *
     * @param permissions the permissions
     * @return this
     * @throws NullPointerException if an argument is null
     */
    public Builder deletedAssignment(B2cBackupPermission... permissions) {
      for (B2cBackupPermission p : nonNull(permissions)) {
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
    public Builder servicePrincipal(AppPresence presence) {
      Objects.requireNonNull(presence, "presence");
      if (presence == AppPresence.NOT_CHECKED) {
        throw new IllegalArgumentException("a service principal is ENABLED, DISABLED or NOT_FOUND");
      }
      this.presence = presence;
      return this;
    }

    /**
     * This tenant's collection page size (default: the server's, 100).
     *
     * @param pageSize 1 to 999
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = FakeGraph.Builder.checkPageSize(pageSize);
      server.pageSize(pageSize);
      return this;
    }

    /**
     * See {@link FakeGraphTenant#grantPropagationDelay(Duration)} (default zero).
     *
     * @param delay zero or more
     * @return this
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if negative
     */
    public Builder grantPropagationDelay(Duration delay) {
      this.propagationDelay = checkDelay(delay);
      return this;
    }

    /**
     * Server setting for {@link #build()}: see {@link FakeGraph.Builder#port(int)}.
     *
     * @param port 0 to 65535
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder port(int port) {
      server.port(port);
      serverSettingsSet = true;
      return this;
    }

    /**
     * Server setting for {@link #build()}: see {@link FakeGraph.Builder#strict(boolean)}.
     *
     * @param strict true to fail loudly
     * @return this
     */
    public Builder strict(boolean strict) {
      server.strict(strict);
      serverSettingsSet = true;
      return this;
    }

    /**
     * Server setting for {@link #build()}: see {@link FakeGraph.Builder#tokenLifetime(Duration)}.
     *
     * @param lifetime at least one second
     * @return this
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if shorter than one second
     */
    public Builder tokenLifetime(Duration lifetime) {
      server.tokenLifetime(lifetime);
      serverSettingsSet = true;
      return this;
    }

    /**
     * Server setting for {@link #build()}: see {@link FakeGraph.Builder#clock(Clock)}.
     *
     * @param clock the clock
     * @return this
     * @throws NullPointerException if null
     */
    public Builder clock(Clock clock) {
      server.clock(clock);
      serverSettingsSet = true;
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
    public Builder b2cData(B2cData data) {
      this.b2cData = Objects.requireNonNull(data, "data");
      return this;
    }

    /**
     * A tenant with a server of its own (stopped: call {@link FakeGraphTenant#start()}).
     *
     * @return the tenant
     * @throws IllegalArgumentException if the settings do not go together (for example grants for
     *     an absent service principal)
     */
    public FakeGraphTenant build() {
      TenantSeed seed = seed();
      FakeGraph graph = FakeGraph.create(server.config());
      return graph.add(seed, true);
    }

    void requireNoServerSettings() {
      if (serverSettingsSet) {
        throw new IllegalArgumentException(
            "port, strict, tokenLifetime and clock belong to the server: set them on FakeGraph.builder()");
      }
    }

    TenantSeed seed() {
      UUID id = tenantId == null ? UUID.randomUUID() : tenantId;
      String d = domain == null ? "fake-" + id.toString().substring(0, 8) + ".onmicrosoft.com" : domain;
      String name = displayName == null ? d.substring(0, d.indexOf('.')) : displayName;
      List<String> grantedRoles = new ArrayList<>();
      for (B2cBackupPermission p : B2cBackupPermission.values()) {
        if (granted.contains(p) && !without.contains(p)) {
          grantedRoles.add(p.scope());
        }
      }
      for (String r : extraRoles) {
        if (!grantedRoles.contains(r)) {
          grantedRoles.add(r);
        }
      }
      if (presence == AppPresence.NOT_FOUND
          && (!grantedRoles.isEmpty() || !otherGrants.isEmpty() || !deleted.isEmpty())) {
        throw new IllegalArgumentException(
            "a tenant without the backup app's service principal cannot have grants; drop"
                + " servicePrincipal(NOT_FOUND) or the granted roles");
      }
      for (TenantSeed.OtherGrant g : otherGrants) {
        checkOtherResource(g.resourceAppId, g.resourceDisplayName, clientId);
      }
      List<String> requiredRoles = new ArrayList<>();
      for (B2cBackupPermission p : required) {
        requiredRoles.add(p.scope());
      }
      AppRegistration app =
          new AppRegistration(
              clientId, clientSecret, appDisplayName, redirectUris, requiredRoles, certificate);
      return new TenantSeed(
          id,
          d,
          tenantType,
          name,
          app,
          presence,
          grantedRoles,
          otherGrants,
          deleted,
          pageSize,
          propagationDelay,
          UUID.randomUUID(),
          UUID.randomUUID()).withB2c(b2cData.seed());
    }

    static void checkOtherResource(String appId, String displayName, @Nullable String backupClientId) {
      Objects.requireNonNull(appId, "resourceAppId");
      notBlank(displayName, "resourceDisplayName");
      if (appId.isBlank()) {
        throw new IllegalArgumentException("resourceAppId must not be blank");
      }
      if (appId.equalsIgnoreCase(B2cBackupPermission.MICROSOFT_GRAPH_APP_ID)) {
        throw new IllegalArgumentException(
            "the other resource must not be Microsoft Graph; use grantRole for Graph roles");
      }
      if (backupClientId != null && appId.equalsIgnoreCase(backupClientId)) {
        throw new IllegalArgumentException("the other resource must not be the backup app itself");
      }
    }

    static Duration checkDelay(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative, was " + delay);
      }
      return delay;
    }

    private static UUID guid(String s, String what) {
      Objects.requireNonNull(s, what);
      if (!s.matches("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")) {
        throw new IllegalArgumentException(what + " must be a GUID such as 00000000-0000-0000-0000-000000000000, was '" + s + "'");
      }
      return UUID.fromString(s);
    }

    private static String notBlank(String s, String what) {
      Objects.requireNonNull(s, what);
      if (s.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return s;
    }

    private static URI checkRedirect(URI u) {
      Objects.requireNonNull(u, "redirectUri");
      boolean localhost = "localhost".equalsIgnoreCase(u.getHost()) || "127.0.0.1".equals(u.getHost());
      if (!u.isAbsolute()
          || u.getHost() == null
          || u.getRawFragment() != null
          || !("https".equalsIgnoreCase(u.getScheme()) || ("http".equalsIgnoreCase(u.getScheme()) && localhost))) {
        throw new IllegalArgumentException(
            "a redirect URI must be an absolute https URI (http only on localhost) without fragment, was " + u);
      }
      return u;
    }

    @Override
    public String toString() {
      return "FakeGraphTenant.Builder{domain="
          + domain
          + ", tenantType="
          + tenantType
          + ", clientId="
          + clientId
          + ", clientSecret=***, granted="
          + granted
          + ", without="
          + without
          + ", servicePrincipal="
          + presence
          + "}";
    }
  }
}
