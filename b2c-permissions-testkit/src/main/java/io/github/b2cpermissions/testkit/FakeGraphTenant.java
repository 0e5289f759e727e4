package io.github.b2cpermissions.testkit;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.testkit.internal.TenantModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * A fake Azure AD B2C tenant as Microsoft Graph and Entra ID show it to a backup app: its
 * organization (id, verified domain, {@code tenantType}), the Microsoft Graph service principal
 * with its app roles, the backup app's service principal (enabled, disabled or absent) and the app
 * role assignments granted to it. Served over HTTPS on 127.0.0.1 with a token endpoint, admin
 * consent, Graph's authorization rules, deterministic {@link #faults() faults} and a request
 * {@link #journal() journal}. The backup app's service principal and grants are changed through
 * {@link #app()}.
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
  private final FakeBackupApp app;

  FakeGraphTenant(FakeGraph graph, TenantModel model, boolean owner) {
    this.graph = graph;
    this.model = model;
    this.owner = owner;
    this.app = new FakeBackupApp(model);
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
   * The backup app in this tenant: its service principal, its grants, the grant propagation delay
   * and the admin consent outcome, to change while the tenant runs. The same view on every call.
   */
  public FakeBackupApp app() {
    return app;
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
        + app.servicePrincipalPresence()
        + ", granted="
        + app.grantedRoles()
        + ", server="
        + (graph.isRunning() ? graph.graphHost() : "stopped")
        + "}";
  }
}
