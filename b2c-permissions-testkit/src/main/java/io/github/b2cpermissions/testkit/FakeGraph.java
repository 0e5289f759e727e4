package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.testkit.internal.GraphServer;
import io.github.b2cpermissions.testkit.internal.ServerConfig;
import io.github.b2cpermissions.testkit.internal.TenantModel;
import io.github.b2cpermissions.testkit.internal.TenantSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * A fake Microsoft Graph and Microsoft identity platform on one HTTPS port of 127.0.0.1, hosting any
 * number of {@link FakeGraphTenant tenants} (thousands, for fleet tests and benchmarks). Graph
 * paths do not name the tenant, so each Graph request is served for the tenant its bearer token was
 * issued for ({@code tid}); the token and consent endpoints name the tenant in their path.
 *
 * <pre>{@code
 * FakeGraph graph = FakeGraph.builder().pageSize(100).build().start();
 * FakeGraphTenant a = graph.addTenant(FakeGraphTenant.builder().b2c("a.onmicrosoft.com").grantedAll());
 * FakeGraphTenant b = graph.addTenant(FakeGraphTenant.builder().b2c("b.onmicrosoft.com"));
 * ...
 * graph.stop();
 * }</pre>
 *
 * <p>For one tenant, {@link FakeGraphTenant#builder()} with {@link FakeGraphTenantBuilder#build()}
 * is shorter: that tenant gets a server of its own. Instances are thread-safe.
 */
public final class FakeGraph implements AutoCloseable {
  private final GraphServer server;
  private final Map<String, FakeGraphTenant> handles = new ConcurrentHashMap<>();
  private final FakeClients clients = new FakeClients(this::sslContext);

  private FakeGraph(ServerConfig config) {
    this.server = new GraphServer(config, FakeRoute.table());
  }

  static FakeGraph create(ServerConfig config) {
    return new FakeGraph(config);
  }

  /** A builder with the defaults: random port, page size 100, strict, one-hour tokens. */
  public static Builder builder() {
    return new Builder();
  }

  GraphServer server() {
    return server;
  }

  /**
   * Starts serving; does nothing if already running.
   *
   * @return this
   * @throws IllegalStateException if the port cannot be bound
   */
  public FakeGraph start() {
    server.start();
    return this;
  }

  /** Stops serving; does nothing if not running. Tenants and their state are kept. */
  public void stop() {
    server.stop();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** Whether the server is running. */
  public boolean isRunning() {
    return server.isRunning();
  }

  /**
   * Puts every tenant back to its seed and clears all faults and the journal. Costs the same for
   * ten thousand tenants as for one: tenants rebuild their state lazily. Tokens already issued stay
   * valid (a token is a snapshot, as in Entra); get a fresh credential for each test.
   */
  public void reset() {
    server.reset();
  }

  /**
   * Hosts a new tenant. The server may be running or not.
   *
   * @param tenant the tenant's settings
   * @return the hosted tenant
   * @throws NullPointerException if {@code tenant} is null
   * @throws IllegalArgumentException if its id or domain is already hosted, or if its backup app's
   *     client id is registered here with other settings
   * @throws IllegalStateException if the tenant's settings do not go together
   */
  public FakeGraphTenant addTenant(FakeGraphTenantBuilder tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return add(tenant.seed(), false);
  }

  FakeGraphTenant add(TenantSeed seed, boolean owner) {
    TenantModel model = server.addTenant(seed);
    FakeGraphTenant handle = new FakeGraphTenant(this, model, owner);
    handles.put(model.seed.tenantId.toString(), handle);
    return handle;
  }

  /** The hosted tenants, in the order they were added. */
  public List<FakeGraphTenant> tenants() {
    List<FakeGraphTenant> out = new ArrayList<>();
    for (TenantModel m : server.tenants()) {
      out.add(handles.get(m.seed.tenantId.toString()));
    }
    return out;
  }

  /**
   * A hosted tenant by id or verified domain.
   *
   * @param idOrDomain a tenant id (GUID) or domain such as {@code contoso.onmicrosoft.com}
   * @return the tenant, or empty
   * @throws NullPointerException if {@code idOrDomain} is null
   */
  public Optional<FakeGraphTenant> tenant(String idOrDomain) {
    Objects.requireNonNull(idOrDomain, "idOrDomain");
    TenantModel m = server.tenant(idOrDomain);
    return m == null ? Optional.empty() : Optional.ofNullable(handles.get(m.seed.tenantId.toString()));
  }

  /**
   * The port.
   *
   * @throws IllegalStateException if not running
   */
  public int port() {
    return server.port();
  }

  /**
   * {@code https://127.0.0.1:PORT}: the Graph host, also the resource whose {@code /.default} scope
   * tokens are asked for.
   *
   * @throws IllegalStateException if not running
   */
  public URI graphHost() {
    return URI.create(server.host());
  }

  /**
   * {@code https://127.0.0.1:PORT/v1.0}.
   *
   * @throws IllegalStateException if not running
   */
  public URI graphEndpoint() {
    return URI.create(server.graphEndpoint());
  }

  /**
   * {@code https://127.0.0.1:PORT}: the authority host (token and admin consent endpoints).
   *
   * @throws IllegalStateException if not running
   */
  public URI authorityHost() {
    return URI.create(server.host());
  }

  /** A TLS context that trusts the fake's self-signed certificate and nothing else. */
  public SSLContext sslContext() {
    return server.tls().sslContext();
  }

  /** A trust manager that trusts the fake's self-signed certificate and nothing else. */
  public X509TrustManager trustManager() {
    return server.tls().trustManager();
  }

  /** The fake's certificate (EC P-256, for {@code 127.0.0.1} and {@code localhost}). */
  public X509Certificate certificate() {
    return server.tls().certificate();
  }

  /** The fake's certificate in PEM form, for clients outside the JVM. */
  public String certificatePem() {
    return server.tls().certificatePem();
  }

  /**
   * A {@code java.net.http} client that trusts the fake (HTTP/1.1, no redirects followed); one per
   * fake, created on first use.
   */
  public HttpClient httpClient() {
    return clients.httpClient();
  }

  /**
   * A new token credential for the backup apps of all tenants hosted here, caching one token per
   * tenant as MSAL caches Entra ID's (see {@link CachingTokenCredential}). For fleets and for tests
   * of token caching; {@link FakeGraphTenant#credential()} gives azure-identity's own credential.
   * {@link CachingTokenCredential#of(FakeGraph, com.azure.core.http.HttpClient)} makes one that
   * fetches its tokens through an HTTP client of your choice.
   */
  public CachingTokenCredential cachingCredential() {
    return new CachingTokenCredential(this, clients.azureHttpClient(), null);
  }

  FakeClients clients() {
    return clients;
  }

  /** Faults for every request this server receives, whatever the tenant. */
  public Faults faults() {
    return new Faults(server::faults);
  }

  /** What the modelled throttling ({@link Builder#throttleLimits}) counted so far. */
  public ThrottleCounters throttleCounters() {
    var t = server.throttle();
    return new ThrottleCounters(t.received(), t.appThrottled(), t.tenantThrottled(),
        t.peakAppRequestsPerPeriod(), t.limitSignals());
  }

  /** Every request this server received. */
  public RequestJournal journal() {
    return new RequestJournal(server.journal(), e -> true);
  }

  /**
   * Fails if any request matched no route.
   *
   * @throws AssertionError listing them
   */
  public void verifyNoUnmatchedRequests() {
    journal().assertNoUnmatchedRequests();
  }

  /** Whether unmatched routes fail loudly (501, and {@link #verifyNoUnmatchedRequests()}). */
  public boolean isStrict() {
    return server.config().strict;
  }

  @Override
  public String toString() {
    return "FakeGraph{"
        + (isRunning() ? server.host() : "stopped")
        + ", tenants="
        + server.tenants().size()
        + ", "
        + server.config()
        + "}";
  }

  /** Settings of a {@link FakeGraph}. Not thread-safe; each setter checks its argument. */
  public static final class Builder {
    int port;
    int pageSize = 100;
    boolean strict = true;
    Duration tokenLifetime = Duration.ofHours(1);
    Clock clock = Clock.systemUTC();
    int journalLimit = 100_000;
    FakeThrottleLimits throttleLimits = FakeThrottleLimits.none();

    Builder() {}

    /**
     * The port on 127.0.0.1; 0 (the default) picks a free one.
     *
     * @param port 0 to 65535
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * How many items a collection page holds unless the request sets {@code $top} (default 100,
     * Graph's default for directory objects). A tenant may override it.
     *
     * @param pageSize 1 to 999
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = checkPageSize(pageSize);
      return this;
    }

    /**
     * Whether requests the fake does not serve (unknown routes, unsupported query options) are
     * answered 501 and recorded as unmatched, so that {@link #verifyNoUnmatchedRequests()} and the
     * JUnit extension fail the test (default true). When false they get the answer Graph gives to
     * an unknown segment (400) and tests carry on.
     *
     * @param strict true to fail loudly
     * @return this
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * How long issued tokens live (default one hour).
     *
     * @param lifetime at least one second
     * @return this
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if shorter than one second
     */
    public Builder tokenLifetime(Duration lifetime) {
      this.tokenLifetime = checkLifetime(lifetime);
      return this;
    }

    /**
     * The clock for token times, assignment dates and propagation delays (default system UTC). A
     * test clock lets tests expire tokens and end propagation delays without waiting.
     *
     * @param clock the clock
     * @return this
     * @throws NullPointerException if null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How many requests the journal keeps; older ones are dropped (default 100,000; 0 keeps none).
     *
     * @param limit zero or more
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder journalLimit(int limit) {
      if (limit < 0) {
        throw new IllegalArgumentException("journal limit must not be negative, was " + limit);
      }
      this.journalLimit = limit;
      return this;
    }

    /**
     * The throttling limits the fake models (default {@link FakeThrottleLimits#none()}).
     *
     * @param limits the limits
     * @return this
     * @throws NullPointerException if null
     */
    public Builder throttleLimits(FakeThrottleLimits limits) {
      this.throttleLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** A new, stopped fake with no tenants. */
    public FakeGraph build() {
      return new FakeGraph(config());
    }

    ServerConfig config() {
      return new ServerConfig(port, pageSize, strict, tokenLifetime, clock, journalLimit,
          throttleLimits.settings());
    }

    static int checkPageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 999) {
        throw new IllegalArgumentException("page size must be from 1 to 999, was " + pageSize);
      }
      return pageSize;
    }

    static Duration checkLifetime(Duration lifetime) {
      Objects.requireNonNull(lifetime, "lifetime");
      if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("token lifetime must be at least one second, was " + lifetime);
      }
      return lifetime;
    }

    @Override
    public String toString() {
      return "FakeGraph.Builder{" + config() + "}";
    }
  }
}
