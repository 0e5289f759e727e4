package io.github.b2cpermissions.graph;

import io.github.b2cpermissions.FleetProgressListener;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.InsufficientPrivilegesException;
import io.github.b2cpermissions.PermissionVerifier;
import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.VerificationCancelledException;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.internal.await.AwaitPoller;
import io.github.b2cpermissions.graph.internal.cache.BoundedCache;
import io.github.b2cpermissions.graph.internal.check.CheckRunner;
import io.github.b2cpermissions.graph.internal.check.DirectoryReader;
import io.github.b2cpermissions.graph.internal.check.TenantCheck;
import io.github.b2cpermissions.graph.internal.credentials.TokenConfirmations;
import io.github.b2cpermissions.graph.internal.credentials.TokenSource;
import io.github.b2cpermissions.graph.internal.credentials.TokenValidator;
import io.github.b2cpermissions.graph.internal.fleet.FleetRunner;
import io.github.b2cpermissions.graph.internal.http.GraphHttpClients;
import io.github.b2cpermissions.graph.internal.http.GraphTransport;
import io.github.b2cpermissions.graph.internal.http.Wire;
import io.github.b2cpermissions.graph.internal.http.InFlightLimit;
import io.github.b2cpermissions.graph.internal.http.RequestPermits;
import io.github.b2cpermissions.graph.internal.throttle.FleetThrottle;
import io.github.b2cpermissions.graph.internal.http.RetryObserver;
import io.github.b2cpermissions.graph.internal.http.RetrySettings;
import io.github.b2cpermissions.graph.internal.tenant.TenantIdentifiers;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * A {@link PermissionVerifier} on Microsoft Graph. Build one per backup app and cloud, share it
 * across threads and tenants, and {@link #close()} it when done.
 *
 * <pre>{@code
 * PermissionVerifier verifier = GraphPermissionVerifier.builder()
 *     .clientId(backupAppClientId)
 *     .clientSecret(secret)
 *     .build();
 * VerificationReport report = verifier.verify(tenantId);
 * }</pre>
 *
 * <p>With the default {@link VerificationStrategy#DIRECTORY_AND_TOKEN} a check acquires the app-only
 * token the backup job will use (from the same credential and cache), reads its {@code roles}, and
 * reads the app's grants from the directory in one {@code $batch} (the app's service principal,
 * Microsoft Graph's, the organization and the first page of assignments), plus one request per
 * further page of assignments. Where Graph refuses the assignments through the alternate key on
 * the first check of a tenant, they are read by object id: one more request, that time only. {@link
 * VerificationStrategy#TOKEN} confirms the tenant type and the app's service principal in one
 * {@code $batch} per tenant, then makes no Graph request on warm checks until the confirmation
 * expires ({@link GraphPermissionVerifierBuilder#tokenConfirmationExpiry(Duration)}), a verdict is
 * not SATISFIED, or the token's {@code roles}, {@code oid} or {@code tid} change.
 *
 * <p>The verdict fails closed: every answer Graph gave is used (a tenant type other than B2C, a
 * missing or disabled service principal decide whatever else failed); the organization must be
 * the token's tenant and list a domain-named tenant among its verified domains; a refused read
 * gives {@link VerificationOutcome#DIRECTORY_UNREADABLE} (or, under
 * {@link VerificationStrategy#DIRECTORY}, {@link InsufficientPrivilegesException}); only roles
 * that the tenant's own Microsoft Graph service principal defines and has enabled can grant.
 * Per-tenant caches are bounded by {@link GraphPermissionVerifierBuilder#tenantCacheSize(int)} and
 * their expiries.
 *
 * <p>Every HTTP request that leaves is one the {@link GraphRetryPolicy} decided, and each is counted
 * in {@link VerificationReport#graphRequestCount()}. The Graph SDK's own {@code RetryHandler} (and
 * its redirect handler) are removed from the HTTP client, including one passed to {@link
 * GraphPermissionVerifierBuilder#httpClient(OkHttpClient)}; OkHttp's own retries, redirects and 401 authenticator are
 * turned off, and a network interceptor keeps OkHttp from resending a 503 that carries {@code
 * Retry-After: 0} (or any other follow-up): retries never multiply and the bearer token never
 * follows a redirect. A JDK {@code HttpClient} given to {@link
 * GraphPermissionVerifierBuilder#jdkHttpClient} must not follow redirects nor hold an
 * authenticator (the builder refuses one that does). Requests in flight across all checks are bounded by {@link
 * GraphPermissionVerifierBuilder#maxConcurrentRequests(int)}.
 *
 * <p>The policy's {@linkplain GraphRetryPolicy#deadline() deadline} bounds a whole check, every wait
 * included: for a request slot, for the token, between retries. {@link
 * GraphPermissionVerifierBuilder#requestTimeout(Duration)} bounds each request end to end.
 *
 * <p>{@link #close()} stops the checks that are running: each ends with a {@link
 * VerificationCancelledException} (no report is returned after close), and no request is sent for it
 * afterwards. Every public method throws {@link IllegalStateException} once the verifier is closed.
 */
public final class GraphPermissionVerifier implements PermissionVerifier, AutoCloseable {
  /** The default bound of each per-tenant cache, in tenants. */
  public static final int DEFAULT_TENANT_CACHE_SIZE = 10_000;
  /** The default age bound of cached object ids, Graph roles and credentials. */
  public static final Duration DEFAULT_TENANT_CACHE_EXPIRY = Duration.ofHours(1);
  /**
   * The default of {@link GraphPermissionVerifierBuilder#maxConcurrentRequests(int)}: Graph
   * requests in flight across all checks. Sized for Graph's latency (100–300 ms a request: a cold
   * fleet of 10,000 tenants at 200 ms is bound by about 16 s) and its app-wide budget (130,000
   * requests per 10 s, far above what 256 in flight can send). With the verifier's own HTTP
   * client, HTTP/2 is used where the server offers it, as Graph does, so requests share
   * connections instead of opening one each.
   */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 256;
  /** The default of {@link GraphPermissionVerifierBuilder#fleetConcurrency(int)}: tenants at once. */
  public static final int DEFAULT_FLEET_CONCURRENCY = 256;
  /** Where the in-flight limit's slow start begins (or the limit itself, when smaller). */
  static final int SLOW_START_INITIAL = 32;
  /** Threads of the verifier's own executor, which starts checks and completes their futures. */
  static final int OWN_THREADS = 4;
  /** The default age bound of the token strategy's per-tenant confirmation. */
  public static final Duration DEFAULT_TOKEN_CONFIRMATION_EXPIRY = Duration.ofMinutes(10);

  /** A copy of the builder this verifier was built from, for {@link #from}. */
  private final GraphPermissionVerifierBuilder settings;
  private final VerifierConfiguration config;
  private final Optional<ExecutorService> ownedExecutor;
  private final Executor executor;
  private final ScheduledThreadPoolExecutor timer;
  private final Wire wire;
  private final CheckRunner checks;
  private final FleetRunner fleet;
  private final AwaitPoller poller;

  GraphPermissionVerifier(GraphPermissionVerifierBuilder settings, VerifierConfiguration config) {
    this.settings = settings;
    this.config = config;
    Optional<Executor> given = config.executor();
    this.ownedExecutor = given.isPresent()
        ? Optional.empty()
        : Optional.of(Executors.newFixedThreadPool(OWN_THREADS, daemonThreads("verifier")));
    this.executor = given.orElseGet(ownedExecutor::orElseThrow);
    this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("timer"));
    timer.setRemoveOnCancelPolicy(true);
    this.wire = config.jdkHttpClient().isPresent()
        ? GraphHttpClients.jdkWire(config.jdkHttpClient().get(), timer)
        : GraphHttpClients.okHttpWire(config.httpClient().orElse(null),
            config.maxConcurrentRequests(), config.requestTimeout());
    GraphCloud cloud = config.cloud();
    Clock clock = config.clock();
    InFlightLimit limit = new InFlightLimit(config.maxConcurrentRequests(),
        Math.min(config.maxConcurrentRequests(), SLOW_START_INITIAL), timer);
    // The throttle budget's seam: every request asks it before leaving, and it hears every 429.
    RequestPermits permits =
        new FleetThrottle(config.requestBudget(), config.lowThrottlePriority(), timer);
    GraphTransport transport = new GraphTransport(wire, cloud.graphEndpoint(),
        retrySettings(config.retryPolicy()), limit, permits, config.requestTimeout(),
        retryObserver(config.retryListener()), clock, timer);
    LongSupplier ticker = cacheTicker(clock);
    DirectoryReader directory = new DirectoryReader(transport, config.clientId(),
        config.tenantCacheSize(), config.tenantCacheExpiry(), ticker, coveredTenantTypes(config));
    TokenSource tokens = new TokenSource(config.credentials(), cloud.graphDefaultScope(),
        config.passTenantId(), config.tenantCacheSize(), config.tenantCacheExpiry(), ticker, timer);
    TokenConfirmations confirmations =
        new TokenConfirmations(config.tenantCacheSize(), config.tokenConfirmationExpiry(), ticker);
    TokenValidator validator = new TokenValidator(config.clientId(), cloud::isTokenAudience,
        cloud.tokenAudience().toString(), clock,
        new BoundedCache<>(config.tenantCacheSize(), config.tenantCacheExpiry(), ticker));
    TenantCheck pipeline = new TenantCheck(config.strategy(), tokens, validator, directory,
        confirmations, config.consentUrlBuilder().orElse(null), clock, config.profiles());
    this.checks = new CheckRunner(pipeline, config.retryPolicy().deadline(), config.observer());
    this.fleet = new FleetRunner(checks, executor, config.fleetConcurrency());
    this.poller = new AwaitPoller(checks);
  }

  /** The {@code tenantType} values of the tenant kinds a profile is configured for. */
  private static Set<String> coveredTenantTypes(VerifierConfiguration config) {
    Set<String> types = new HashSet<>();
    config.profiles().keySet().forEach(kind -> types.add(kind.tenantType()));
    return Set.copyOf(types);
  }

  /** The policy's numbers, as the transport reads them. */
  private static RetrySettings retrySettings(GraphRetryPolicy policy) {
    return new RetrySettings(policy.maxAttempts(), policy.initialBackoff(), policy.maxBackoff(),
        policy.maxRetryAfter(), policy.deadline());
  }

  /**
   * Hands each retry the transport reports to the user's listener as a {@link GraphRetryEvent}
   * (the transport reports it to the check's observation itself, through the call context).
   */
  private static RetryObserver retryObserver(Consumer<GraphRetryEvent> listener) {
    return (tenantId, request, failedAttempt, reason, delay, fromRetryAfter) -> {
      listener.accept(
          new GraphRetryEvent(tenantId, request, failedAttempt, reason, delay, fromRetryAfter));
    };
  }

  /**
   * The time source of the per-tenant caches: monotonic for the system clock, else the given
   * clock (so a test moves cache ages by moving its clock).
   */
  private static LongSupplier cacheTicker(Clock clock) {
    if (clock.equals(Clock.systemUTC())) {
      return System::nanoTime;
    }
    return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
  }

  private static ThreadFactory daemonThreads(String role) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "b2c-permissions-" + role + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts a builder. */
  public static GraphPermissionVerifierBuilder builder() {
    return new GraphPermissionVerifierBuilder();
  }

  /**
   * Starts a builder with every setting {@code existing} was built with (credential source, cloud,
   * strategy, profiles, limits, clients, executor, budget, listener and observations), to derive
   * another verifier from it, say {@code GraphPermissionVerifier.from(nightly).strategy(TOKEN)
   * .build()}. The two verifiers share what was passed in (a credential, an HTTP client, an
   * executor, a request budget) and nothing else: caches, threads and connections of their own.
   * Changing the builder does not change {@code existing}; {@code existing} may be closed.
   *
   * @throws NullPointerException if {@code existing} is null
   */
  public static GraphPermissionVerifierBuilder from(GraphPermissionVerifier existing) {
    return new GraphPermissionVerifierBuilder(Objects.requireNonNull(existing, "existing").settings);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the verifier was closed
   */
  @Override
  public VerificationReport verify(String tenantId) {
    checks.ensureOpen();
    String tenant = TenantIdentifiers.requireTenant(tenantId);
    return checks.run(tenant, false, true, Long.MAX_VALUE, ctx -> {});
  }

  /**
   * {@inheritDoc}
   *
   * <p>Runs on the verifier's executor. Cancelling the future cancels the check's HTTP call or
   * wait in progress; the check sends no further request.
   *
   * @throws IllegalStateException if the verifier was closed
   */
  @Override
  public CompletableFuture<VerificationReport> verifyAsync(String tenantId) {
    checks.ensureOpen();
    String tenant = TenantIdentifiers.requireTenant(tenantId);
    return checks.runAsync(tenant, executor);
  }

  /**
   * {@inheritDoc}
   *
   * <p>At most {@link GraphPermissionVerifierBuilder#fleetConcurrency(int)} tenants are checked at
   * once, holding no thread each. Blocks until every tenant has finished. Holds every id and
   * result of the fleet; for fleets too large for that, use {@link #verifyEach(Iterator,
   * Consumer)}. A tenant id's resolved GUID is the id itself for a
   * GUID, and the token's {@code tid} for a domain whose check finished. When the verifier is closed
   * during the fleet check, the tenants not yet finished fail with a {@link
   * VerificationCancelledException}.
   *
   * @throws IllegalStateException if the verifier was closed
   * @throws VerificationCancelledException if the calling thread was interrupted while waiting
   */
  @Override
  public FleetVerification verifyFleet(Collection<String> tenantIds, FleetProgressListener listener) {
    checks.ensureOpen();
    return fleet.run(tenantIds, listener);
  }

  /**
   * Checks each tenant id {@code tenantIds} yields and hands each result to {@code sink} as it
   * finishes, for fleets too large to hold: a worker's memory stays O({@link
   * GraphPermissionVerifierBuilder#fleetConcurrency(int)}) whatever the fleet's size. Results come
   * in completion order, not input order; each element is checked as given (a tenant given twice
   * is checked twice; a null or malformed id becomes a failed result). The iterator is read, and
   * the sink called, by one thread at a time (so neither needs to be thread-safe), never while
   * this method's caller could; a sink that throws is logged and ignored. Blocks until the last
   * result went to the sink.
   *
   * <p>Bounds: at most {@code fleetConcurrency} tenants are in progress and at most {@link
   * GraphPermissionVerifierBuilder#maxConcurrentRequests(int)} Graph requests are in flight; no
   * thread is held per tenant or per request by the verifier itself (its own threads are a timer
   * and {@value #OWN_THREADS} executor threads). Over OkHttp (the default HTTP client) each call in
   * flight runs on a dispatcher thread of its own, so threads grow with requests in flight; over
   * the JDK's client ({@link GraphPermissionVerifierBuilder#jdkHttpClient}) they do not: its
   * selector thread and the executor it was built with carry them all. Waits for the request
   * budget, the pacer or a throttle pause hold no thread either: they end on the verifier's timer
   * thread (the in-process budget's on the JDK's one delay thread). Per-tenant caches stay within
   * {@link GraphPermissionVerifierBuilder#tenantCacheSize(int)} tenants.
   *
   * @param tenantIds the tenant ids (GUIDs or domains)
   * @param sink receives each tenant's result
   * @return how many tenant ids were read from the iterator
   * @throws NullPointerException if {@code tenantIds} or {@code sink} is null
   * @throws IllegalStateException if the verifier was closed
   * @throws VerificationCancelledException if the calling thread was interrupted while waiting
   *     (the checks in progress go on; no new one starts)
   * @throws RuntimeException what the iterator threw, after the checks in progress finished
   */
  public long verifyEach(Iterator<String> tenantIds, Consumer<TenantVerification> sink) {
    checks.ensureOpen();
    return fleet.stream(tenantIds, sink);
  }

  /**
   * As {@link #verifyEach(Iterator, Consumer)}, for a stream of tenant ids (consumed by this call;
   * closed when done).
   *
   * @throws NullPointerException if {@code tenantIds} or {@code sink} is null
   * @throws IllegalStateException if the verifier was closed
   * @throws VerificationCancelledException if the calling thread was interrupted while waiting
   */
  public long verifyEach(Stream<String> tenantIds, Consumer<TenantVerification> sink) {
    checks.ensureOpen();
    try (tenantIds) {
      return fleet.stream(tenantIds.iterator(), sink);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>After the first check, each new check asks for a fresh token (bypassing the credential's
   * cache), so grants made since the cached token was issued show up. Waits grow from 1 second to
   * 15 seconds between checks, and no check runs past {@code timeout}. Failures of intermediate
   * checks are logged at DEBUG and tried again; when time runs out the last completed report is
   * returned, and only when no check completed is the last failure thrown. {@link #close()} ends
   * the wait with a {@link VerificationCancelledException}.
   *
   * @throws IllegalStateException if the verifier was closed
   */
  @Override
  public VerificationReport awaitSatisfied(String tenantId, Duration timeout) {
    checks.ensureOpen();
    String tenant = TenantIdentifiers.requireTenant(tenantId);
    return poller.await(tenant, timeout);
  }

  /**
   * Stops the checks that are running (their HTTP calls and waits are cancelled, and each ends with
   * a {@link VerificationCancelledException} instead of a report), then the verifier's own threads
   * and, if the verifier created its HTTP client, its connections. A closed verifier refuses new
   * checks. An executor or HTTP client passed to the builder is left running. Closing again does
   * nothing.
   */
  @Override
  public void close() {
    if (!checks.close()) {
      return;
    }
    ownedExecutor.ifPresent(ExecutorService::shutdown);
    timer.shutdown();
    wire.shutDown(config.httpClient().isEmpty());
  }

  @Override
  public String toString() {
    return "GraphPermissionVerifier{clientId=" + config.clientId()
        + ", cloud=" + config.cloud().name()
        + ", strategy=" + config.strategy() + ", credential=" + config.credentialDescription()
        + ", retryPolicy=" + config.retryPolicy()
        + ", fleetConcurrency=" + config.fleetConcurrency()
        + ", maxConcurrentRequests=" + config.maxConcurrentRequests()
        + ", tenantCacheSize=" + config.tenantCacheSize()
        + ", tenantCacheExpiry=" + config.tenantCacheExpiry()
        + ", tokenConfirmationExpiry=" + config.tokenConfirmationExpiry()
        + ", consentUrls=" + config.consentUrlBuilder().isPresent() + "}";
  }
}
