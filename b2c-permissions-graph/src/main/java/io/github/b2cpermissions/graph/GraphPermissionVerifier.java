package io.github.b2cpermissions.graph;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.kiota.http.middleware.RedirectHandler;
import com.microsoft.kiota.http.middleware.RetryHandler;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.ConsentUrlBuilder;
import io.github.b2cpermissions.FleetProgressListener;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.InsufficientPrivilegesException;
import io.github.b2cpermissions.PermissionVerifier;
import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.VerificationCancelledException;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.internal.AccessTokenClaims;
import io.github.b2cpermissions.graph.internal.CallContext;
import io.github.b2cpermissions.graph.internal.DirectoryFacts;
import io.github.b2cpermissions.graph.internal.DirectoryReader;
import io.github.b2cpermissions.graph.internal.GraphTransport;
import io.github.b2cpermissions.graph.internal.ReportAssembler;
import io.github.b2cpermissions.graph.internal.RequestGate;
import io.github.b2cpermissions.graph.internal.TenantIdentifiers;
import io.github.b2cpermissions.graph.internal.TokenConfirmations;
import io.github.b2cpermissions.graph.internal.TokenSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * expires ({@link Builder#tokenConfirmationExpiry(Duration)}), a verdict is not SATISFIED, or the
 * token's {@code roles}, {@code oid} or {@code tid} change.
 *
 * <p>The verdict fails closed: every answer Graph gave is used (a tenant type other than B2C, a
 * missing or disabled service principal decide whatever else failed); the organization must be
 * the token's tenant and list a domain-named tenant among its verified domains; a refused read
 * gives {@link io.github.b2cpermissions.VerificationOutcome#DIRECTORY_UNREADABLE} (or, under
 * {@link VerificationStrategy#DIRECTORY}, {@link InsufficientPrivilegesException}); only roles
 * that the tenant's own Microsoft Graph service principal defines and has enabled can grant.
 * Per-tenant caches are bounded by {@link Builder#tenantCacheSize(int)} and their expiries.
 *
 * <p>Every HTTP request that leaves is one the {@link GraphRetryPolicy} decided, and each is counted
 * in {@link VerificationReport#graphRequestCount()}. The Graph SDK's own {@code RetryHandler} (and
 * its redirect handler) are removed from the HTTP client, including one passed to {@link
 * Builder#httpClient(OkHttpClient)}; OkHttp's own retries, redirects and 401 authenticator are
 * turned off, and a network interceptor keeps OkHttp from resending a 503 that carries {@code
 * Retry-After: 0} (or any other follow-up): retries never multiply and the bearer token never
 * follows a redirect. Requests in flight across all checks are bounded by {@link
 * Builder#maxConcurrentRequests(int)}.
 *
 * <p>The policy's {@linkplain GraphRetryPolicy#deadline() deadline} bounds a whole check, every wait
 * included: for a request slot, for the token, between retries. {@link
 * Builder#requestTimeout(Duration)} bounds each request end to end.
 *
 * <p>{@link #close()} stops the checks that are running: each ends with a {@link
 * VerificationCancelledException} (no report is returned after close), and no request is sent for it
 * afterwards. Every public method throws {@link IllegalStateException} once the verifier is closed.
 */
public final class GraphPermissionVerifier implements PermissionVerifier, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GraphPermissionVerifier.class);

  /** The default bound of each per-tenant cache, in tenants. */
  public static final int DEFAULT_TENANT_CACHE_SIZE = 10_000;
  /** The default age bound of cached object ids, Graph roles and credentials. */
  public static final Duration DEFAULT_TENANT_CACHE_EXPIRY = Duration.ofHours(1);
  /** The default age bound of the token strategy's per-tenant confirmation. */
  public static final Duration DEFAULT_TOKEN_CONFIRMATION_EXPIRY = Duration.ofMinutes(10);

  private final String clientId;
  private final GraphCloud cloud;
  private final VerificationStrategy strategy;
  private final GraphRetryPolicy retryPolicy;
  private final int fleetConcurrency;
  private final int maxConcurrentRequests;
  private final @Nullable ConsentUrlBuilder consentUrlBuilder;
  private final Clock clock;
  private final ExecutorService ownedExecutor;
  private final java.util.concurrent.Executor executor;
  private final OkHttpClient httpClient;
  private final boolean ownsHttpClient;
  private final TokenSource tokens;
  private final DirectoryReader directory;
  private final TokenConfirmations confirmations;
  private final int tenantCacheSize;
  private final Duration tenantCacheExpiry;
  private final Duration tokenConfirmationExpiry;
  private final String credentialDescription;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();
  /** The checks running now, so {@link #close()} can stop them. */
  private final Set<CallContext> running = ConcurrentHashMap.newKeySet();
  /** Woken by {@link #close()}, for the waits of {@link #awaitSatisfied}. */
  private final Object closeSignal = new Object();

  private GraphPermissionVerifier(Builder b) {
    this.clientId = Objects.requireNonNull(b.clientId);
    this.cloud = b.cloud;
    this.strategy = b.strategy;
    this.retryPolicy = b.retryPolicy;
    this.fleetConcurrency = b.fleetConcurrency;
    this.maxConcurrentRequests = b.maxConcurrentRequests;
    this.consentUrlBuilder = b.consentUrlBuilder;
    this.clock = b.clock;
    if (b.executor == null) {
      this.ownedExecutor = Executors.newFixedThreadPool(fleetConcurrency, daemonThreads());
      this.executor = ownedExecutor;
    } else {
      this.ownedExecutor = null;
      this.executor = b.executor;
    }
    this.ownsHttpClient = b.httpClient == null;
    this.httpClient = withoutOtherRetries(
        b.httpClient != null
            ? b.httpClient.newBuilder()
            : defaultClientBuilder().connectionPool(
                new ConnectionPool(Math.max(5, maxConcurrentRequests), 5, TimeUnit.MINUTES)),
        b.requestTimeout);
    GraphTransport transport = new GraphTransport(httpClient, cloud, retryPolicy,
        new Semaphore(maxConcurrentRequests, true), b.requestTimeout, b.retryListener, clock);
    java.util.function.LongSupplier ticker = cacheTicker(clock);
    this.directory = new DirectoryReader(
        transport, clientId, b.tenantCacheSize, b.tenantCacheExpiry, ticker);
    this.tokens = new TokenSource(b.credentialSource(), cloud.graphDefaultScope(), b.passTenantId,
        b.tenantCacheSize, b.tenantCacheExpiry, ticker);
    this.confirmations =
        new TokenConfirmations(b.tenantCacheSize, b.tokenConfirmationExpiry, ticker);
    this.tenantCacheSize = b.tenantCacheSize;
    this.tenantCacheExpiry = b.tenantCacheExpiry;
    this.tokenConfirmationExpiry = b.tokenConfirmationExpiry;
    this.credentialDescription = b.credentialDescription;
  }

  /**
   * The time source of the per-tenant caches: monotonic for the system clock, else the given
   * clock (so a test moves cache ages by moving its clock).
   */
  private static java.util.function.LongSupplier cacheTicker(Clock clock) {
    if (clock.equals(Clock.systemUTC())) {
      return System::nanoTime;
    }
    return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  private static OkHttpClient.Builder defaultClientBuilder() {
    Interceptor[] graphDefaults =
        GraphClientFactory.createDefaultGraphInterceptors(new GraphClientOption());
    return GraphClientFactory.create(Arrays.asList(graphDefaults));
  }

  /**
   * Makes the client send only what the retry policy decides: no Graph SDK retry or redirect
   * handler, no OkHttp retry on connection failure, no redirects, no 401 authenticator, and the
   * {@link RequestGate} last among the network interceptors (it counts each request, refuses a
   * second network request per attempt and hides {@code Retry-After} from OkHttp's follow-ups).
   * The proxy authenticator is kept: answering a proxy's 407 on the tunnel is not a Graph request.
   */
  private static OkHttpClient withoutOtherRetries(OkHttpClient.Builder builder, Duration timeout) {
    builder.interceptors().removeIf(i -> i instanceof RetryHandler || i instanceof RedirectHandler);
    builder.networkInterceptors().removeIf(
        i -> i instanceof RetryHandler || i instanceof RedirectHandler || i instanceof RequestGate);
    builder.addNetworkInterceptor(new RequestGate());
    return builder
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .authenticator(Authenticator.NONE)
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout)
        .build();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "b2c-permissions-verifier-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the verifier was closed
   */
  @Override
  public VerificationReport verify(String tenantId) {
    ensureOpen();
    String tenant = TenantIdentifiers.requireTenant(tenantId);
    return check(tenant, false);
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
    ensureOpen();
    String tenant = TenantIdentifiers.requireTenant(tenantId);
    CompletableFuture<VerificationReport> future = new CompletableFuture<>();
    AtomicReference<CallContext> current = new AtomicReference<>();
    future.whenComplete((report, failure) -> {
      CallContext ctx = current.get();
      if (future.isCancelled() && ctx != null) {
        ctx.cancel("its future was cancelled");
      }
    });
    Consumer<CallContext> started = ctx -> {
      current.set(ctx);
      if (future.isCancelled()) {
        ctx.cancel("its future was cancelled");
      }
    };
    try {
      executor.execute(() -> {
        if (future.isDone()) {
          return;
        }
        try {
          future.complete(check(tenant, false, true, Long.MAX_VALUE, started));
        } catch (Throwable t) {
          future.completeExceptionally(t);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException rejected) {
      future.completeExceptionally(closed.get()
          ? new VerificationCancelledException(
              "the verifier was closed before the check of tenant " + tenant + " started",
              tenant, rejected)
          : new B2cPermissionsException(
              "the executor refused the check of tenant " + tenant, tenant, rejected));
    }
    return future;
  }

  /**
   * {@inheritDoc}
   *
   * <p>At most {@link Builder#fleetConcurrency(int)} tenants are checked at once. Blocks until every
   * tenant has finished. A tenant id's resolved GUID is the id itself for a GUID, and the token's
   * {@code tid} for a domain whose check finished. When the verifier is closed during the fleet
   * check, the tenants not yet finished fail with a {@link VerificationCancelledException}.
   *
   * @throws IllegalStateException if the verifier was closed
   * @throws VerificationCancelledException if the calling thread was interrupted while waiting
   */
  @Override
  public FleetVerification verifyFleet(Collection<String> tenantIds, FleetProgressListener listener) {
    ensureOpen();
    Objects.requireNonNull(tenantIds, "tenantIds");
    Objects.requireNonNull(listener, "listener");
    List<String> given = new ArrayList<>(tenantIds.size());
    Map<String, List<Integer>> elementsByTenant = new LinkedHashMap<>();
    for (String t : tenantIds) {
      String tenant = TenantIdentifiers.requireTenant(Objects.requireNonNull(t, "tenant id"));
      elementsByTenant.computeIfAbsent(tenant, k -> new ArrayList<>()).add(given.size());
      given.add(t);
    }
    long start = System.nanoTime();
    int total = given.size();
    AtomicReferenceArray<TenantVerification> results = new AtomicReferenceArray<>(total);
    AtomicInteger done = new AtomicInteger();
    Semaphore slots = new Semaphore(fleetConcurrency);
    java.util.concurrent.CountDownLatch finished =
        new java.util.concurrent.CountDownLatch(elementsByTenant.size());
    for (Map.Entry<String, List<Integer>> entry : elementsByTenant.entrySet()) {
      String tenant = entry.getKey();
      List<Integer> elements = entry.getValue();
      Consumer<TenantVerification> record = result -> {
        for (int index : elements) {
          TenantVerification mine = result.forTenantIdAsGiven(given.get(index));
          results.set(index, mine);
          try {
            listener.onTenantDone(mine, done.incrementAndGet(), total);
          } catch (Throwable t) {
            LOG.warn("the fleet progress listener threw; ignored", t);
          }
        }
        finished.countDown();
      };
      try {
        slots.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new VerificationCancelledException(
            "interrupted while starting the fleet check", null, e);
      }
      try {
        executor.execute(() -> {
          TenantVerification result = null;
          try {
            result = fleetCheck(tenant);
          } finally {
            slots.release();
            if (result == null) {
              // An Error escaped the check: record it so the fleet never waits forever.
              result = TenantVerification.failed(tenant, guidOrNull(tenant),
                  new B2cPermissionsException(
                      "the check of tenant " + tenant + " died with an error", tenant, null));
            }
            record.accept(result);
          }
        });
      } catch (RuntimeException rejected) {
        slots.release();
        record.accept(TenantVerification.failed(tenant, guidOrNull(tenant), closed.get()
            ? new VerificationCancelledException(
                "the verifier was closed before the check of tenant " + tenant + " started",
                tenant, rejected)
            : new B2cPermissionsException(
                "the executor refused the check of tenant " + tenant, tenant, rejected)));
      }
    }
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VerificationCancelledException(
          "interrupted while waiting for the fleet check", null, e);
    }
    List<TenantVerification> ordered = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      ordered.add(results.get(i));
    }
    return new FleetVerification(ordered, Duration.ofNanos(System.nanoTime() - start));
  }

  /** One fleet tenant's check, as a result (never throws a {@link RuntimeException}). */
  private TenantVerification fleetCheck(String tenant) {
    if (closed.get()) {
      return TenantVerification.failed(tenant, guidOrNull(tenant), new VerificationCancelledException(
          "the verifier was closed before the check of tenant " + tenant + " started", tenant, null));
    }
    AtomicReference<CallContext> current = new AtomicReference<>();
    try {
      VerificationReport report = check(tenant, false, true, Long.MAX_VALUE, current::set);
      CallContext ctx = current.get();
      String tid = ctx != null ? ctx.tokenTenantId() : null;
      String resolved = guidOrNull(tenant) != null ? tenant
          : tid != null ? tid.toLowerCase(Locale.ROOT) : null;
      return TenantVerification.of(tenant, resolved, report);
    } catch (B2cPermissionsException e) {
      return TenantVerification.failed(tenant, guidOrNull(tenant), e);
    } catch (IllegalStateException e) {
      if (closed.get()) {
        return TenantVerification.failed(tenant, guidOrNull(tenant),
            new VerificationCancelledException(
                "the verifier was closed before the check of tenant " + tenant + " started",
                tenant, e));
      }
      return unexpectedFailure(tenant, e);
    } catch (RuntimeException e) {
      return unexpectedFailure(tenant, e);
    }
  }

  private static TenantVerification unexpectedFailure(String tenant, RuntimeException e) {
    LOG.error("tenant {}: the check failed unexpectedly", tenant, e);
    return TenantVerification.failed(tenant, guidOrNull(tenant), new B2cPermissionsException(
        "the check of tenant " + tenant + " failed unexpectedly ("
            + e.getClass().getSimpleName() + ")", tenant, e));
  }

  private static @Nullable String guidOrNull(String tenant) {
    return TenantIdentifiers.isGuid(tenant) ? tenant : null;
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
    ensureOpen();
    String tenant = TenantIdentifiers.requireTenant(tenantId);
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    long waitMillis = Math.min(1000, Math.max(50, timeout.toMillis() / 20));
    VerificationReport last = null;
    B2cPermissionsException lastFailure = null;
    for (int attempt = 0; ; attempt++) {
      try {
        VerificationReport report = check(tenant, attempt > 0, false, deadline, ctx -> {});
        if (report.isSatisfied()) {
          return report;
        }
        last = report;
        lastFailure = null;
      } catch (VerificationCancelledException e) {
        throw e;
      } catch (B2cPermissionsException e) {
        lastFailure = e;
        LOG.debug("tenant {}: check {} while awaiting grants failed: {}", tenant, attempt + 1,
            e.getMessage());
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= waitMillis) {
        // No time for another full wait and check: answer with what is known.
        if (last != null) {
          return last;
        }
        LOG.warn("tenant {}: permission check failed while awaiting grants: {}", tenant,
            lastFailure.getMessage());
        throw lastFailure;
      }
      pauseUnlessClosed(tenant, waitMillis);
      waitMillis = Math.min(waitMillis * 2, 15_000);
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("this verifier was closed");
    }
  }

  /** Waits between the checks of {@link #awaitSatisfied}; {@link #close()} ends the wait. */
  private void pauseUnlessClosed(String tenant, long millis) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (closeSignal) {
      while (!closed.get()) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(closeSignal, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new VerificationCancelledException(
              "interrupted while awaiting grants for tenant " + tenant, tenant, e);
        }
      }
    }
    throw new VerificationCancelledException(
        "the verifier was closed while awaiting grants for tenant " + tenant, tenant, null);
  }

  private VerificationReport check(String tenant, boolean freshToken) {
    return check(tenant, freshToken, true, Long.MAX_VALUE, ctx -> {});
  }

  /**
   * Checks one tenant within the policy's deadline, and never past {@code notAfterNanos}; a failure
   * is logged here (once) unless the caller decides it.
   */
  private VerificationReport check(String tenant, boolean freshToken, boolean logFailure,
      long notAfterNanos, Consumer<CallContext> started) {
    ensureOpen();
    long policyDeadline = System.nanoTime() + retryPolicy.deadline().toNanos();
    long deadline = notAfterNanos - policyDeadline < 0 ? notAfterNanos : policyDeadline;
    CallContext ctx = new CallContext(tenant, deadline);
    running.add(ctx);
    try {
      if (closed.get()) {
        ctx.cancel("the verifier was closed");
      }
      started.accept(ctx);
      ctx.throwIfCancelled("before it started");
      VerificationReport report;
      try {
        report = checkOrThrow(ctx, freshToken);
      } catch (VerificationCancelledException e) {
        throw e;
      } catch (RuntimeException e) {
        if (ctx.isCancelled()) {
          throw ctx.cancelled("while it ran", e);
        }
        throw e;
      }
      // Nothing is reported for a check cancelled or closed while it ran.
      ctx.throwIfCancelled("before its report was returned");
      return report;
    } catch (VerificationCancelledException e) {
      LOG.debug("tenant {}: {}", tenant, e.getMessage());
      throw e;
    } catch (B2cPermissionsException e) {
      if (logFailure) {
        LOG.warn("tenant {}: permission check failed: {}", tenant, e.getMessage());
      }
      throw e;
    } finally {
      running.remove(ctx);
    }
  }

  private VerificationReport checkOrThrow(CallContext ctx, boolean freshToken) {
    VerificationReport.Builder report = VerificationReport.builder(ctx.tenantId()).strategy(strategy);
    AccessToken token;
    try {
      token = tokens.acquire(ctx, freshToken);
    } catch (AuthenticationFailedException e) {
      int code = e.aadstsCode().orElse(0);
      if (code == TokenSource.APP_NOT_IN_TENANT || code == TokenSource.APP_DISABLED) {
        LOG.debug("tenant {}: no token (AADSTS{}); reporting the app as {}", ctx.tenantId(), code,
            code == TokenSource.APP_DISABLED ? "disabled" : "not consented");
        report.tenantType(null).appPresence(
            code == TokenSource.APP_DISABLED ? AppPresence.DISABLED : AppPresence.NOT_FOUND);
        return finish(report, ctx);
      }
      throw e;
    }
    AccessTokenClaims claims;
    try {
      claims = AccessTokenClaims.parse(token.getToken());
    } catch (IllegalArgumentException e) {
      throw new AuthenticationFailedException(
          "the credential for tenant " + ctx.tenantId() + " returned a token that cannot be read: "
              + e.getMessage(), ctx.tenantId(), 0, null);
    }
    checkTokenIdentity(ctx, claims);
    ctx.tokenTenantId(claims.tenantId());
    ctx.bearerToken(token.getToken());

    if (strategy == VerificationStrategy.TOKEN) {
      return checkByToken(ctx, claims, report);
    }
    DirectoryFacts facts = directory.read(ctx, String.valueOf(claims.tenantId()));
    return decide(ctx, report, facts, claims.roles());
  }

  /**
   * The token strategy: the tenant type and the app's service principal are confirmed from the
   * directory once per tenant and remembered; a warm check whose token shows no sign of change
   * makes no Graph request. Any verdict other than SATISFIED forgets the confirmation.
   */
  private VerificationReport checkByToken(
      CallContext ctx, AccessTokenClaims claims, VerificationReport.Builder report) {
    TokenConfirmations.Confirmation known = confirmations.get(ctx.tenantId());
    if (known != null && known.stillHolds(claims)) {
      report.tenantType(known.tenantType()).appPresence(AppPresence.ENABLED)
          .servicePrincipalId(known.servicePrincipalId());
      ReportAssembler.assemble(report, null, claims.roles());
      VerificationReport built = finish(report, ctx);
      if (!built.isSatisfied()) {
        confirmations.forget(ctx.tenantId());
      }
      return built;
    }
    confirmations.forget(ctx.tenantId());
    DirectoryFacts facts = directory.confirm(ctx, String.valueOf(claims.tenantId()));
    VerificationReport built = decide(ctx, report, facts, claims.roles());
    if (built.isSatisfied()) {
      confirmations.put(ctx.tenantId(), new TokenConfirmations.Confirmation(
          VerificationReport.B2C_TENANT_TYPE, facts.servicePrincipalId(), claims.roles(),
          claims.objectId(), String.valueOf(claims.tenantId())));
    }
    return built;
  }

  /**
   * Decides from the directory's answers, in the agreed order: the organization was already bound
   * to the token while reading; then a decisive answer (not B2C, no service principal, a disabled
   * one) wins over anything that failed; then a refused read makes the directory unreadable (or,
   * under {@link VerificationStrategy#DIRECTORY}, throws); then any other failure is thrown; only
   * then are the statuses assembled.
   */
  private VerificationReport decide(CallContext ctx, VerificationReport.Builder report,
      DirectoryFacts facts, java.util.Set<String> tokenRoles) {
    report.tenantType(facts.tenantType())
        .appPresence(facts.presence() == null ? AppPresence.NOT_CHECKED : facts.presence())
        .servicePrincipalId(facts.servicePrincipalId());
    if (facts.decisive()) {
      return finish(report, ctx);
    }
    String refused = facts.refusedRole();
    if (refused != null) {
      if (strategy == VerificationStrategy.DIRECTORY) {
        throw new InsufficientPrivilegesException(
            "Graph refused a directory read the check of tenant " + ctx.tenantId() + " needs; the"
                + " backup app needs at least " + refused + " to be verified from the directory",
            ctx.tenantId(), refused);
      }
      LOG.debug("tenant {}: a directory read was refused; the report says DIRECTORY_UNREADABLE"
          + " (needs {})", ctx.tenantId(), refused);
      report.directoryRoleNeeded(refused);
      ReportAssembler.assemble(report, null, tokenRoles);
      return finish(report, ctx);
    }
    if (facts.failure() != null) {
      throw facts.failure();
    }
    switch (strategy) {
      case TOKEN -> ReportAssembler.assemble(report, null, tokenRoles);
      case DIRECTORY -> ReportAssembler.assemble(report, facts, null);
      default -> ReportAssembler.assemble(report, facts, tokenRoles);
    }
    return finish(report, ctx);
  }

  /**
   * Fails closed unless the token is what the check needs: for Microsoft Graph of this cloud, for
   * the backup app, for this tenant, and not expired.
   */
  private void checkTokenIdentity(CallContext ctx, AccessTokenClaims claims) {
    String aud = claims.audience();
    if (aud == null || !cloud.isTokenAudience(aud)) {
      throw new AuthenticationFailedException(
          "the token for tenant " + ctx.tenantId() + " is for audience " + aud
              + ", not for Microsoft Graph (" + cloud.tokenAudience()
              + "); check the credential and the cloud's tokenAudience",
          ctx.tenantId(), 0, null);
    }
    if (claims.expiresAtEpochSecond() <= clock.instant().getEpochSecond()) {
      throw new AuthenticationFailedException(
          "the credential returned an expired token for tenant " + ctx.tenantId(),
          ctx.tenantId(), 0, null);
    }
    if (claims.tenantId() == null || claims.appId() == null) {
      throw new AuthenticationFailedException(
          "the token for tenant " + ctx.tenantId() + " names no tenant (tid) or app (appid/azp)",
          ctx.tenantId(), 0, null);
    }
    if (TenantIdentifiers.isGuid(ctx.tenantId())
        && !ctx.tenantId().equalsIgnoreCase(claims.tenantId())) {
      throw new AuthenticationFailedException(
          "the token for tenant " + ctx.tenantId() + " was issued for tenant " + claims.tenantId()
              + "; the credential source returned a credential for the wrong tenant",
          ctx.tenantId(), 0, null);
    }
    if (!clientId.equalsIgnoreCase(claims.appId())) {
      throw new AuthenticationFailedException(
          "the token for tenant " + ctx.tenantId() + " was issued to app " + claims.appId()
              + ", not to the backup app " + clientId + "; check the configured credential",
          ctx.tenantId(), 0, null);
    }
  }

  private VerificationReport finish(VerificationReport.Builder report, CallContext ctx) {
    report.graphRequestCount(ctx.requestCount()).checkedAt(clock.instant());
    VerificationReport built = report.build();
    if (consentUrlBuilder != null
        && (built.outcome() == VerificationOutcome.MISSING_PERMISSIONS
            || built.outcome() == VerificationOutcome.APP_NOT_CONSENTED
            || built.outcome() == VerificationOutcome.DIRECTORY_UNREADABLE)) {
      try {
        built = report.consentRequest(consentUrlBuilder.adminConsentUrl(ctx.tenantId())).build();
      } catch (RuntimeException e) {
        LOG.warn("tenant {}: no consent URL could be built ({}); the report carries none",
            ctx.tenantId(), e.getMessage());
      }
    }
    return built;
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
    if (closed.getAndSet(true)) {
      return;
    }
    synchronized (closeSignal) {
      closeSignal.notifyAll();
    }
    for (CallContext ctx : running) {
      ctx.cancel("the verifier was closed");
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
    if (ownsHttpClient) {
      httpClient.dispatcher().executorService().shutdown();
      httpClient.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "GraphPermissionVerifier{clientId=" + clientId + ", cloud=" + cloud.name()
        + ", strategy=" + strategy + ", credential=" + credentialDescription
        + ", retryPolicy=" + retryPolicy + ", fleetConcurrency=" + fleetConcurrency
        + ", maxConcurrentRequests=" + maxConcurrentRequests
        + ", tenantCacheSize=" + tenantCacheSize + ", tenantCacheExpiry=" + tenantCacheExpiry
        + ", tokenConfirmationExpiry=" + tokenConfirmationExpiry
        + ", consentUrls=" + (consentUrlBuilder != null) + "}";
  }

  /**
   * Builds a {@link GraphPermissionVerifier}. A client id and exactly one credential source are
   * required; everything else has a default. Each setter checks its argument at once; {@link
   * #build()} checks the combination. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable String clientId;
    private @Nullable Function<String, TokenCredential> credentials;
    private @Nullable TokenCredential sharedCredential;
    private @Nullable String clientSecret;
    private @Nullable Path certificatePath;
    private @Nullable String certificatePassword;
    private boolean passTenantId;
    private String credentialDescription = "(none)";
    private GraphCloud cloud = GraphCloud.GLOBAL;
    private VerificationStrategy strategy = VerificationStrategy.DIRECTORY_AND_TOKEN;
    private GraphRetryPolicy retryPolicy = GraphRetryPolicy.ofDefaults();
    private Duration requestTimeout = Duration.ofSeconds(30);
    private java.util.concurrent.@Nullable Executor executor;
    private int fleetConcurrency = 16;
    private int maxConcurrentRequests = 64;
    private @Nullable OkHttpClient httpClient;
    private @Nullable ConsentUrlBuilder consentUrlBuilder;
    private Consumer<GraphRetryEvent> retryListener = e -> {};
    private Clock clock = Clock.systemUTC();
    private com.azure.core.http.@Nullable HttpClient identityHttpClient;
    private int tenantCacheSize = DEFAULT_TENANT_CACHE_SIZE;
    private Duration tenantCacheExpiry = DEFAULT_TENANT_CACHE_EXPIRY;
    private Duration tokenConfirmationExpiry = DEFAULT_TOKEN_CONFIRMATION_EXPIRY;

    private Builder() {}

    /**
     * Bounds every per-tenant cache of the verifier (the directory's object ids and Graph roles,
     * the token strategy's confirmations, the per-tenant credentials) to {@code size} tenants;
     * past it, the least recently used tenant is forgotten and simply read again on its next
     * check. Defaults to {@value GraphPermissionVerifier#DEFAULT_TENANT_CACHE_SIZE}.
     *
     * @throws IllegalArgumentException if {@code size} is less than 1
     */
    public Builder tenantCacheSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("tenantCacheSize must be at least 1, was " + size);
      }
      this.tenantCacheSize = size;
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
    public Builder tenantCacheExpiry(Duration expiry) {
      this.tenantCacheExpiry = positive(expiry, "tenantCacheExpiry");
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
    public Builder tokenConfirmationExpiry(Duration expiry) {
      this.tokenConfirmationExpiry = positive(expiry, "tokenConfirmationExpiry");
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }

    /**
     * Sets the backup app's client id (its appId).
     *
     * @throws NullPointerException if {@code clientId} is null
     * @throws IllegalArgumentException if it is not a GUID
     */
    public Builder clientId(String clientId) {
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
    public Builder credentials(Function<String, TokenCredential> source) {
      this.credentials = Objects.requireNonNull(source, "source");
      this.passTenantId = false;
      this.credentialDescription = "per-tenant credential source";
      return this;
    }

    /**
     * Uses one multi-tenant credential for every tenant; each token request names the tenant. The
     * credential must allow those tenants (for azure-identity, {@code
     * additionallyAllowedTenants("*")}).
     *
     * @throws NullPointerException if {@code credential} is null
     */
    public Builder credential(TokenCredential credential) {
      this.sharedCredential = Objects.requireNonNull(credential, "credential");
      this.passTenantId = true;
      this.credentialDescription = "shared credential " + credential.getClass().getSimpleName();
      return this;
    }

    /**
     * Authenticates with the backup app's client secret, through one azure-identity {@code
     * ClientSecretCredential} for all tenants against the cloud's authority host.
     *
     * @throws NullPointerException if {@code secret} is null
     * @throws IllegalArgumentException if it is blank
     */
    public Builder clientSecret(String secret) {
      Objects.requireNonNull(secret, "secret");
      if (secret.isBlank()) {
        throw new IllegalArgumentException("the client secret must not be blank");
      }
      this.clientSecret = secret;
      this.passTenantId = true;
      this.credentialDescription = "client secret (***)";
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
    public Builder clientCertificate(Path path, @Nullable String pfxPassword) {
      Objects.requireNonNull(path, "path");
      if (!Files.isReadable(path)) {
        throw new IllegalArgumentException("the certificate file is not readable: " + path);
      }
      this.certificatePath = path;
      this.certificatePassword = pfxPassword;
      this.passTenantId = true;
      this.credentialDescription = "client certificate " + path.getFileName();
      return this;
    }

    /**
     * Sets the cloud. Defaults to {@link GraphCloud#GLOBAL}.
     *
     * @throws NullPointerException if {@code cloud} is null
     */
    public Builder cloud(GraphCloud cloud) {
      this.cloud = Objects.requireNonNull(cloud, "cloud");
      return this;
    }

    /**
     * Sets how tenants are checked. Defaults to {@link VerificationStrategy#DIRECTORY_AND_TOKEN}.
     *
     * @throws NullPointerException if {@code strategy} is null
     */
    public Builder strategy(VerificationStrategy strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * Sets the retry policy. Defaults to {@link GraphRetryPolicy#ofDefaults()}.
     *
     * @throws NullPointerException if {@code policy} is null
     */
    public Builder retryPolicy(GraphRetryPolicy policy) {
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
    public Builder requestTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("requestTimeout must be positive, was " + timeout);
      }
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * Runs asynchronous and fleet checks on {@code executor} instead of the verifier's own pool of
     * {@link #fleetConcurrency(int)} daemon threads. The verifier never shuts it down.
     *
     * @throws NullPointerException if {@code executor} is null
     */
    public Builder executor(java.util.concurrent.Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets how many tenants a fleet check verifies at once. Defaults to 16.
     *
     * @throws IllegalArgumentException if {@code concurrency} is less than 1 or more than 1024
     */
    public Builder fleetConcurrency(int concurrency) {
      if (concurrency < 1 || concurrency > 1024) {
        throw new IllegalArgumentException("fleetConcurrency must be 1 to 1024, was " + concurrency);
      }
      this.fleetConcurrency = concurrency;
      return this;
    }

    /**
     * Bounds the Graph requests in flight across every check of this verifier (a bulkhead), so a
     * fleet run cannot stampede the app's Graph budget. Defaults to 64.
     *
     * @throws IllegalArgumentException if {@code max} is less than 1
     */
    public Builder maxConcurrentRequests(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, was " + max);
      }
      this.maxConcurrentRequests = max;
      return this;
    }

    /**
     * Sends Graph requests through a copy of {@code client} (for proxies, TLS trust or connection
     * pools you already have). The copy drops any Graph SDK {@code RetryHandler} and redirect
     * handler and never follows redirects.
     *
     * @throws NullPointerException if {@code client} is null
     */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Attaches an admin consent link to every report with missing permissions or no consent.
     *
     * @throws NullPointerException if {@code builder} is null
     */
    public Builder consentUrlBuilder(ConsentUrlBuilder builder) {
      this.consentUrlBuilder = Objects.requireNonNull(builder, "builder");
      return this;
    }

    /**
     * Is told of every retry before its wait. Called on the checking thread; must be quick. An
     * exception it throws is logged and ignored.
     *
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder retryListener(Consumer<GraphRetryEvent> listener) {
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
    public Builder identityHttpClient(com.azure.core.http.HttpClient client) {
      this.identityHttpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets the clock for report times and HTTP-date {@code Retry-After} values. Defaults to UTC
     * system time.
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    private Function<String, TokenCredential> credentialSource() {
      if (credentials != null) {
        return credentials;
      }
      TokenCredential shared = sharedCredential;
      if (shared == null && clientSecret != null) {
        ClientSecretCredentialBuilder sb = new ClientSecretCredentialBuilder()
            .authorityHost(cloud.authorityHost().orElseThrow().toString())
            .tenantId("organizations")
            .clientId(Objects.requireNonNull(clientId))
            .clientSecret(clientSecret)
            .additionallyAllowedTenants("*");
        if (identityHttpClient != null) {
          sb.httpClient(identityHttpClient);
        }
        if (cloud.isCustom()) {
          sb.disableInstanceDiscovery();
        }
        shared = sb.build();
      } else if (shared == null && certificatePath != null) {
        ClientCertificateCredentialBuilder cb = new ClientCertificateCredentialBuilder()
            .authorityHost(cloud.authorityHost().orElseThrow().toString())
            .tenantId("organizations")
            .clientId(Objects.requireNonNull(clientId))
            .additionallyAllowedTenants("*");
        if (identityHttpClient != null) {
          cb.httpClient(identityHttpClient);
        }
        if (cloud.isCustom()) {
          cb.disableInstanceDiscovery();
        }
        if (certificatePassword != null) {
          cb.pfxCertificate(certificatePath.toString()).clientCertificatePassword(certificatePassword);
        } else {
          cb.pemCertificate(certificatePath.toString());
        }
        shared = cb.build();
      }
      TokenCredential credential = Objects.requireNonNull(shared);
      return tenant -> credential;
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
      if (clientId == null) {
        throw new IllegalStateException("clientId is required: the backup app's appId");
      }
      int sources = (credentials != null ? 1 : 0) + (sharedCredential != null ? 1 : 0)
          + (clientSecret != null ? 1 : 0) + (certificatePath != null ? 1 : 0);
      if (sources != 1) {
        throw new IllegalStateException("set exactly one credential source (credentials, credential,"
            + " clientSecret or clientCertificate); " + sources + " were set");
      }
      if ((clientSecret != null || certificatePath != null) && cloud.authorityHost().isEmpty()) {
        throw new IllegalStateException("clientSecret and clientCertificate need a cloud with an"
            + " authority host to get tokens from; " + cloud + " has none. Set one on the cloud, or"
            + " pass your own TokenCredential with credential(...) or credentials(...)");
      }
      return new GraphPermissionVerifier(this);
    }

    @Override
    public String toString() {
      return "GraphPermissionVerifier.Builder{clientId=" + clientId + ", cloud=" + cloud.name()
          + ", strategy=" + strategy + ", credential=" + credentialDescription + "}";
    }
  }
}
