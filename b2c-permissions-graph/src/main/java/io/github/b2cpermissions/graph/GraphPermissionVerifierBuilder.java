package io.github.b2cpermissions.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import io.github.b2cpermissions.ConsentUrlBuilder;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.RequestBudget;
import io.github.b2cpermissions.TenantKind;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.internal.observe.CheckObserver;
import io.github.b2cpermissions.graph.internal.tenant.TenantIdentifiers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link GraphPermissionVerifier}. A client id and exactly one credential source are
 * required; everything else has a default. Each setter checks its argument at once; {@link
 * #build()} checks the combination. Not thread-safe.
 */
public final class GraphPermissionVerifierBuilder {
  private @Nullable String clientId;
  private final CredentialSources credentials = new CredentialSources();
  private final VerifierLimits limits = new VerifierLimits();
  private GraphCloud cloud = GraphCloud.GLOBAL;
  private VerificationStrategy strategy = VerificationStrategy.DIRECTORY_AND_TOKEN;
  private GraphRetryPolicy retryPolicy = GraphRetryPolicy.ofDefaults();
  private @Nullable Executor executor;
  private final HttpClientSettings http = new HttpClientSettings();
  private @Nullable ConsentUrlBuilder consentUrlBuilder;
  private Consumer<GraphRetryEvent> retryListener = e -> {};
  private Clock clock = Clock.systemUTC();
  private final Map<TenantKind, PermissionProfile> profiles = new EnumMap<>(TenantKind.class);
  private @Nullable VerifierObservations observations;
  private @Nullable RequestBudget requestBudget;
  private boolean lowThrottlePriority;

  GraphPermissionVerifierBuilder() {
    profiles.put(TenantKind.B2C, PermissionProfile.B2C_BACKUP_AND_RESTORE);
  }

  /** A builder holding every setting of {@code other}, independent of it from then on. */
  GraphPermissionVerifierBuilder(GraphPermissionVerifierBuilder other) {
    this.clientId = other.clientId;
    this.credentials.copyFrom(other.credentials);
    this.limits.copyFrom(other.limits);
    this.cloud = other.cloud;
    this.strategy = other.strategy;
    this.retryPolicy = other.retryPolicy;
    this.executor = other.executor;
    this.http.copyFrom(other.http);
    this.consentUrlBuilder = other.consentUrlBuilder;
    this.retryListener = other.retryListener;
    this.clock = other.clock;
    this.profiles.putAll(other.profiles);
    this.observations = other.observations;
    this.requestBudget = other.requestBudget;
    this.lowThrottlePriority = other.lowThrottlePriority;
  }

  /**
   * Verifies tenants of {@code kind} against {@code profile}. The kind of each tenant is read from
   * its organization's {@code tenantType} in the check's first {@code $batch}, as before. By
   * default only B2C tenants are covered, against {@link PermissionProfile#B2C_BACKUP_AND_RESTORE};
   * set {@code .profile(TenantKind.EXTERNAL_ID, PermissionProfile.EXTERNAL_ID_BACKUP_AND_RESTORE)}
   * to cover External ID ({@code CIAM}) tenants too. A tenant of a kind with no profile (and a
   * workforce tenant, which is of no kind) is reported {@code NOT_A_B2C_TENANT}: not covered.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code profile} is for another tenant kind
   */
  public GraphPermissionVerifierBuilder profile(TenantKind kind, PermissionProfile profile) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(profile, "profile");
    if (profile.tenantKind() != kind) {
      throw new IllegalArgumentException(
          profile + " is a profile for " + profile.tenantKind() + " tenants, not " + kind);
    }
    profiles.put(kind, profile);
    return this;
  }

  /**
   * Bounds every per-tenant cache of the verifier (the directory's object ids and Graph roles,
   * the token strategy's confirmations, the per-tenant credentials) to {@code size} tenants;
   * past it, the least recently used tenant is forgotten and simply read again on its next
   * check. Defaults to {@value GraphPermissionVerifier#DEFAULT_TENANT_CACHE_SIZE}.
   *
   * @throws IllegalArgumentException if {@code size} is less than 1
   */
  public GraphPermissionVerifierBuilder tenantCacheSize(int size) {
    limits.tenantCacheSize(size);
    return this;
  }

  /**
   * Sets how long a tenant's object ids, Microsoft Graph app roles and credential (from {@link
   * #credentials}) are remembered before they are read or asked for again: a rotated credential
   * or a changed role list is picked up within this time. Defaults to 1 hour.
   *
   * @throws NullPointerException if {@code expiry} is null
   * @throws IllegalArgumentException if it is zero or negative
   */
  public GraphPermissionVerifierBuilder tenantCacheExpiry(Duration expiry) {
    limits.tenantCacheExpiry(expiry);
    return this;
  }

  /**
   * Sets how long the {@link VerificationStrategy#TOKEN} strategy trusts its confirmation of a
   * tenant (B2C tenant type, enabled service principal) before it reads the directory again.
   * Within this time a service principal disabled in the directory is not seen while the cached
   * token still works. Defaults to 10 minutes.
   *
   * @throws NullPointerException if {@code expiry} is null
   * @throws IllegalArgumentException if it is zero or negative
   */
  public GraphPermissionVerifierBuilder tokenConfirmationExpiry(Duration expiry) {
    limits.tokenConfirmationExpiry(expiry);
    return this;
  }

  /**
   * Sets the backup app's client id (its appId).
   *
   * @throws NullPointerException if {@code clientId} is null
   * @throws IllegalArgumentException if it is not a GUID
   */
  public GraphPermissionVerifierBuilder clientId(String clientId) {
    Objects.requireNonNull(clientId, "clientId");
    if (!TenantIdentifiers.isGuid(clientId)) {
      throw new IllegalArgumentException(
          "clientId must be the app's GUID, was " + TenantIdentifiers.describe(clientId));
    }
    this.clientId = clientId.toLowerCase(Locale.ROOT);
    return this;
  }

  /**
   * Uses one credential per tenant: {@code source} is called once for each tenant (with the
   * tenant as given to {@code verify}, lower-cased) and its credential is remembered.
   *
   * @throws NullPointerException if {@code source} is null
   */
  public GraphPermissionVerifierBuilder credentials(Function<String, TokenCredential> source) {
    credentials.perTenant(source);
    return this;
  }

  /**
   * Uses one multi-tenant credential for every tenant; each token request names the tenant. The
   * credential must allow those tenants (for azure-identity, {@code
   * additionallyAllowedTenants("*")}).
   *
   * @throws NullPointerException if {@code credential} is null
   */
  public GraphPermissionVerifierBuilder credential(TokenCredential credential) {
    credentials.shared(credential);
    return this;
  }

  /**
   * Authenticates with the backup app's client secret, through one azure-identity {@code
   * ClientSecretCredential} for all tenants against the cloud's authority host.
   *
   * @throws NullPointerException if {@code secret} is null
   * @throws IllegalArgumentException if it is blank
   */
  public GraphPermissionVerifierBuilder clientSecret(String secret) {
    credentials.clientSecret(secret);
    return this;
  }

  /**
   * Authenticates with the backup app's certificate (a PEM file with the private key, or a PFX
   * file with its password), through one azure-identity {@code ClientCertificateCredential}.
   *
   * @param path the PEM or PFX file
   * @param pfxPassword the PFX password, or null for a PEM file
   * @throws NullPointerException if {@code path} is null
   * @throws IllegalArgumentException if the file does not exist or is not readable
   */
  public GraphPermissionVerifierBuilder clientCertificate(Path path, @Nullable String pfxPassword) {
    credentials.clientCertificate(path, pfxPassword);
    return this;
  }

  /**
   * Sets the cloud. Defaults to {@link GraphCloud#GLOBAL}.
   *
   * @throws NullPointerException if {@code cloud} is null
   */
  public GraphPermissionVerifierBuilder cloud(GraphCloud cloud) {
    this.cloud = Objects.requireNonNull(cloud, "cloud");
    return this;
  }

  /**
   * Sets how tenants are checked. Defaults to {@link VerificationStrategy#DIRECTORY_AND_TOKEN}.
   *
   * @throws NullPointerException if {@code strategy} is null
   */
  public GraphPermissionVerifierBuilder strategy(VerificationStrategy strategy) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    return this;
  }

  /**
   * Sets the retry policy. Defaults to {@link GraphRetryPolicy#ofDefaults()}.
   *
   * @throws NullPointerException if {@code policy} is null
   */
  public GraphPermissionVerifierBuilder retryPolicy(GraphRetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Bounds each HTTP request end to end (connecting, sending, waiting and reading the whole
   * answer, as OkHttp's call timeout): a server that answers slowly, or drips its answer, fails
   * that request when this passes, and the retry policy decides what follows. Defaults to 30
   * seconds. The retry policy's deadline bounds the whole check on top of this.
   *
   * @throws NullPointerException if {@code timeout} is null
   * @throws IllegalArgumentException if it is zero or negative
   */
  public GraphPermissionVerifierBuilder requestTimeout(Duration timeout) {
    limits.requestTimeout(timeout);
    return this;
  }

  /**
   * Starts asynchronous and fleet checks on {@code executor} (and completes the futures of {@code
   * verifyAsync} there) instead of
   * on the verifier's own {@value GraphPermissionVerifier#OWN_THREADS} daemon threads. No check
   * holds a thread while it waits for Graph or a token, so a small executor serves any
   * concurrency. The verifier never shuts it down.
   *
   * @throws NullPointerException if {@code executor} is null
   */
  public GraphPermissionVerifierBuilder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * Sets how many tenants a fleet check verifies at once. Defaults to {@value
   * GraphPermissionVerifier#DEFAULT_FLEET_CONCURRENCY}; a tenant in progress holds no thread.
   *
   * @throws IllegalArgumentException if {@code concurrency} is less than 1 or more than 1024
   */
  public GraphPermissionVerifierBuilder fleetConcurrency(int concurrency) {
    limits.fleetConcurrency(concurrency);
    return this;
  }

  /**
   * Bounds the Graph requests in flight across every check of this verifier. Defaults to {@value
   * GraphPermissionVerifier#DEFAULT_MAX_CONCURRENT_REQUESTS}, sized for Graph's latency. A request
   * over the limit waits in a queue holding no thread, within its check's deadline. The limit
   * ramps up (slow start: from 32, one more per request answered, about doubling per round trip),
   * so a cold fleet does not open every connection at once.
   *
   * @throws IllegalArgumentException if {@code max} is less than 1
   */
  public GraphPermissionVerifierBuilder maxConcurrentRequests(int max) {
    limits.maxConcurrentRequests(max);
    return this;
  }

  /**
   * Draws a permit from {@code budget} before every Graph request (one per request inside a {@code
   * $batch}); share one budget between the verifiers, or with {@code b2c-permissions-bucket4j}
   * between the JVMs, that check tenants for the same app. Defaults to a new {@link
   * RequestBudget#inProcess()} budget of this verifier alone, at Graph's app-wide limit.
   *
   * @throws NullPointerException if {@code budget} is null
   */
  public GraphPermissionVerifierBuilder requestBudget(RequestBudget budget) {
    this.requestBudget = Objects.requireNonNull(budget, "budget");
    return this;
  }

  /**
   * Marks every Graph request {@code x-ms-throttle-priority: low}, for a background fleet that
   * should yield to the app's interactive traffic when Graph has to choose. Defaults to false
   * (no header: Graph's normal priority).
   */
  public GraphPermissionVerifierBuilder lowThrottlePriority(boolean low) {
    this.lowThrottlePriority = low;
    return this;
  }

  /**
   * Sends Graph requests through a copy of {@code client} (for proxies, TLS trust or connection
   * pools you already have). The copy drops any Graph SDK {@code RetryHandler} and redirect
   * handler and never follows redirects.
   *
   * @throws NullPointerException if {@code client} is null
   */
  public GraphPermissionVerifierBuilder httpClient(OkHttpClient client) {
    http.okHttp(client);
    return this;
  }

  /**
   * Sends Graph requests through the JDK's {@code java.net.http.HttpClient} instead of OkHttp: its
   * I/O is non-blocking, so requests in flight hold no thread each (OkHttp runs every call in
   * flight on a thread of its own), which is what a fleet with hundreds of requests in flight
   * wants. Build the client with the SSL context and proxy you need, HTTP/2 (its default; Graph
   * offers it), and an executor of a few threads ({@code HttpClient.Builder.executor}); without
   * one the JDK uses a cached pool for its callbacks. The verifier neither closes it nor changes
   * it. Each attempt is counted in {@link io.github.b2cpermissions.VerificationReport#graphRequestCount()}
   * when it is handed to the client (an attempt whose connection failed counts too), and is
   * bounded end to end by {@link #requestTimeout(Duration)}.
   *
   * <p>Over HTTP/2, JDK 17's client holds one connection per host and fails a request beyond the
   * server's stream limit ({@code SETTINGS_MAX_CONCURRENT_STREAMS}, often 100) with "too many
   * concurrent streams" instead of opening another connection (JDK-8225647); the retry policy then
   * retries it like any connection failure. With more requests in flight than that ({@link
   * #maxConcurrentRequests(int)}), build the client with {@code version(HTTP_1_1)}: each request in
   * flight then has a connection of its own, still without a thread. The JDK client completes a
   * response's future on {@code CompletableFuture}'s default pool when it has an executor; on a
   * machine of one or two cores that pool is a new short-lived thread per task.
   *
   * @throws NullPointerException if {@code client} is null
   * @throws IllegalArgumentException if it follows redirects or has an authenticator (the bearer
   *     token must never follow a redirect, and a 401 must reach the verifier)
   */
  public GraphPermissionVerifierBuilder jdkHttpClient(java.net.http.HttpClient client) {
    http.jdk(client);
    return this;
  }

  /**
   * Attaches an admin consent link to every report with missing permissions or no consent.
   *
   * @throws NullPointerException if {@code builder} is null
   */
  public GraphPermissionVerifierBuilder consentUrlBuilder(ConsentUrlBuilder builder) {
    this.consentUrlBuilder = Objects.requireNonNull(builder, "builder");
    return this;
  }

  /**
   * Is told of every retry before its wait. Called on the checking thread; must be quick. An
   * exception it throws is logged and ignored.
   *
   * @throws NullPointerException if {@code listener} is null
   */
  public GraphPermissionVerifierBuilder retryListener(Consumer<GraphRetryEvent> listener) {
    this.retryListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Sets the HTTP client azure-identity uses to get tokens when the verifier builds the credential
   * itself ({@link #clientSecret} or {@link #clientCertificate}): for proxies, or to trust a
   * private authority such as the testkit's fake. Defaults to azure-core's default client.
   *
   * @throws NullPointerException if {@code client} is null
   */
  public GraphPermissionVerifierBuilder identityHttpClient(HttpClient client) {
    http.identity(client);
    return this;
  }

  /**
   * Sets the clock for report times and HTTP-date {@code Retry-After} values. Defaults to UTC
   * system time.
   *
   * @throws NullPointerException if {@code clock} is null
   */
  public GraphPermissionVerifierBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Observes the verifier with Micrometer's Observation API (see {@link VerifierObservations}).
   * Without this call nothing of Micrometer is needed.
   *
   * @throws NullPointerException if {@code observations} is null
   */
  public GraphPermissionVerifierBuilder observations(VerifierObservations observations) {
    this.observations = Objects.requireNonNull(observations, "observations");
    return this;
  }

  /**
   * Builds the verifier.
   *
   * @throws IllegalStateException if no client id was set, or not exactly one credential source
   *     ({@link #credentials}, {@link #credential}, {@link #clientSecret} or {@link
   *     #clientCertificate}) was set, or a client secret or certificate was set with a cloud that
   *     has no authority host
   */
  public GraphPermissionVerifier build() {
    String id = clientId;
    if (id == null) {
      throw new IllegalStateException("clientId is required: the backup app's appId");
    }
    credentials.check(cloud);
    http.check();
    CheckObserver observer =
        observations == null ? CheckObserver.NONE : observations.observer(strategy.name());
    Function<String, TokenCredential> source = credentials.resolve(cloud, id, http.identity());
    GraphPermissionVerifierBuilder settings = new GraphPermissionVerifierBuilder(this);
    return new GraphPermissionVerifier(settings, new VerifierConfiguration(id, cloud, strategy,
        source, credentials.passTenantId(), credentials.description(), retryPolicy,
        limits.requestTimeout(), Optional.ofNullable(executor), limits.fleetConcurrency(),
        limits.maxConcurrentRequests(), http.okHttp(), http.jdk(),
        Optional.ofNullable(consentUrlBuilder), retryListener, clock, limits.tenantCacheSize(),
        limits.tenantCacheExpiry(), limits.tokenConfirmationExpiry(), Map.copyOf(profiles),
        observer, requestBudget != null ? requestBudget : RequestBudget.inProcess(),
        lowThrottlePriority));
  }

  @Override
  public String toString() {
    return "GraphPermissionVerifierBuilder{clientId=" + clientId + ", cloud=" + cloud.name()
        + ", strategy=" + strategy + ", profiles=" + profiles.values()
        + ", credential=" + credentials.description() + "}";
  }
}
