package io.github.b2cpermissions.testkit.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake's HTTPS server: WireMock (Jetty) on 127.0.0.1, with the {@link FastPathServer} in front
 * when it links and the {@link WireMockFilter} otherwise, both handing each request to the {@link
 * Dispatcher}; plus the registry of hosted tenants and apps, the journal and the server-wide faults.
 * WireMock never matches stubs; its admin API is locked.
 */
public final class GraphServer {
  private static final Logger LOG = LoggerFactory.getLogger(GraphServer.class);

  private final ServerConfig config;
  private final Routes routes;
  private final RouteMatcher matcher;
  private final String kid = Jwt.newKid();
  private final TlsMaterial tls;
  private final Map<UUID, TenantModel> tenantsById = new ConcurrentHashMap<>();
  private final Map<String, TenantModel> tenantsByDomain = new ConcurrentHashMap<>();
  private final List<TenantModel> tenantOrder = new ArrayList<>();
  private final Map<String, AppRegistration> apps = new ConcurrentHashMap<>();
  private final JournalStore journal;
  private final FaultPlan faults = new FaultPlan();
  private final ThrottleModel throttle;
  private final AtomicLong epoch = new AtomicLong();
  private final Dispatcher dispatcher;
  private volatile @Nullable WireMockServer wireMock;
  private volatile int port;
  private volatile String host = "";
  private volatile boolean fastPath;
  private final boolean fastPathAllowed;

  /**
   * Creates a server that is not started yet.
   *
   * @param config the server settings
   * @param routes the route table it serves
   * @throws IllegalStateException if a handler names a route the table lacks, or a route of the
   *     table has no handler
   */
  public GraphServer(ServerConfig config, Routes routes) {
    this(config, routes, true);
  }

  /** For tests of the plain filter path. */
  GraphServer(ServerConfig config, Routes routes, boolean fastPathAllowed) {
    this.fastPathAllowed = fastPathAllowed;
    this.config = config;
    this.routes = routes;
    this.matcher = new RouteMatcher(routes);
    this.tls = TlsMaterial.shared();
    this.journal = new JournalStore(config.journalLimit);
    this.throttle = new ThrottleModel(config.throttle, config.clock);
    this.dispatcher = new Dispatcher(this);
    Jwt.warmUp();
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  /** Starts the server; a second call while running does nothing. */
  public synchronized void start() {
    if (wireMock != null) {
      return;
    }
    WireMockConfiguration options =
        WireMockConfiguration.options()
            .httpDisabled(true)
            .bindAddress("127.0.0.1")
            .keystorePath(tls.keyStoreFile().toString())
            .keystorePassword(TlsMaterial.KEY_STORE_PASSWORD)
            .keyManagerPassword(TlsMaterial.KEY_STORE_PASSWORD)
            .keystoreType("PKCS12")
            .http2TlsDisabled(!config.http2)
            // A cold fleet opens hundreds of connections at once; Jetty's default queue of 50
            // overflows and each overflow costs the client a SYN retransmit (1 s or more).
            .jettyAcceptQueueSize(config.acceptQueue)
            .http2PlainDisabled(true)
            .templatingEnabled(false)
            .globalTemplating(false)
            .disableRequestJournal()
            .gzipDisabled(true)
            .stubRequestLoggingDisabled(true)
            .extensionScanningEnabled(false)
            .jettyStopTimeout(0L)
            // Injected latency holds no server thread on either path (both schedule the reply);
            // the pool still allows many requests at once being read and written.
            .asynchronousResponseEnabled(true)
            .asynchronousResponseThreads(4)
            .containerThreads(300)
            .adminAuthenticator(request -> false)
            .notifier(new Slf4jNotifier())
            .extensions(new WireMockFilter(dispatcher));
    if (config.port == 0) {
      options.dynamicHttpsPort();
    } else {
      options.httpsPort(config.port);
    }
    WireMockServer server;
    try {
      if (!fastPathAllowed) {
        throw new LinkageError("fast path turned off");
      }
      server = new WireMockServer(options.httpServerFactory(FastPathServer.factory(dispatcher)));
      fastPath = true;
    } catch (LinkageError e) {
      // Another WireMock version on the classpath: its shaded Jetty differs. The request filter
      // alone serves everything, only slower.
      LOG.debug("fake Graph: WireMock fast path unavailable ({}); using the request filter", e.toString());
      server = new WireMockServer(options.httpServerFactory(WireMockConfiguration.options().httpServerFactory()));
      fastPath = false;
    }
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "the fake Graph server could not start on 127.0.0.1:"
              + (config.port == 0 ? "<random port>" : config.port)
              + ": "
              + e.getMessage(),
          e);
    }
    port = server.httpsPort();
    host = "https://127.0.0.1:" + port;
    wireMock = server;
    LOG.debug("fake Graph listening on https://127.0.0.1:{}", port);
  }

  public synchronized void stop() {
    WireMockServer server = wireMock;
    if (server != null) {
      server.stop();
      wireMock = null;
    }
  }

  public boolean isRunning() {
    return wireMock != null;
  }

  private void requireRunning() {
    if (wireMock == null) {
      throw new IllegalStateException("the fake Graph server is not running: call start() first");
    }
  }

  public int port() {
    requireRunning();
    return port;
  }

  /** {@code https://127.0.0.1:PORT}. */
  public String host() {
    requireRunning();
    return host;
  }

  public String graphEndpoint() {
    return host() + "/v1.0";
  }

  /** The route table this server serves. */
  Routes routes() {
    return routes;
  }

  /** Matches request paths against {@link #routes()}. */
  RouteMatcher matcher() {
    return matcher;
  }

  public ServerConfig config() {
    return config;
  }

  public TlsMaterial tls() {
    return tls;
  }

  Clock clock() {
    return config.clock;
  }

  String kid() {
    return kid;
  }

  public long epoch() {
    return epoch.get();
  }

  public JournalStore journal() {
    return journal;
  }

  public FaultPlan faults() {
    return faults;
  }

  /** Graph's throttling limits as configured, and their counters. */
  public ThrottleModel throttle() {
    return throttle;
  }

  /** Everything back to the seeds; faults and journal cleared. */
  public void reset() {
    epoch.incrementAndGet();
    faults.clear();
    journal.remove(e -> true);
  }

  // ---- tenants and apps -----------------------------------------------------------------------

  /**
   * Hosts a tenant.
   *
   * @throws IllegalArgumentException if its id or domain is taken, or its app's client id is
   *     registered with other settings
   */
  public synchronized TenantModel addTenant(TenantSeed seed) {
    String domain = seed.domain.toLowerCase(Locale.ROOT);
    if (tenantsById.containsKey(seed.tenantId)) {
      throw new IllegalArgumentException("a tenant with id " + seed.tenantId + " is already hosted");
    }
    if (tenantsByDomain.containsKey(domain)) {
      throw new IllegalArgumentException("a tenant with domain " + seed.domain + " is already hosted");
    }
    String clientKey = seed.app.clientId.toLowerCase(Locale.ROOT);
    AppRegistration known = apps.get(clientKey);
    if (known != null && !known.sameAs(seed.app)) {
      throw new IllegalArgumentException(
          "the app "
              + seed.app.clientId
              + " is already registered on this server with another secret, display name, redirect"
              + " URIs or required permissions; one client id is one app registration");
    }
    apps.putIfAbsent(clientKey, seed.app);
    TenantModel model = new TenantModel(seed, this);
    tenantsById.put(seed.tenantId, model);
    tenantsByDomain.put(domain, model);
    tenantOrder.add(model);
    return model;
  }

  public synchronized List<TenantModel> tenants() {
    return new ArrayList<>(tenantOrder);
  }

  public @Nullable TenantModel tenantById(UUID id) {
    return tenantsById.get(id);
  }

  public @Nullable TenantModel tenantByDomain(String domain) {
    return tenantsByDomain.get(domain.toLowerCase(Locale.ROOT));
  }

  /** A tenant by GUID or verified domain, or null. */
  public @Nullable TenantModel tenant(String idOrDomain) {
    UUID id = Ids.parseGuid(idOrDomain);
    return id != null ? tenantById(id) : tenantByDomain(idOrDomain);
  }

  @Nullable
  AppRegistration app(String clientId) {
    return apps.get(clientId.toLowerCase(Locale.ROOT));
  }

  // ---- request handling -----------------------------------------------------------------------

  /** Issues a token as the token endpoint would (for tests that skip the HTTP round trip). */
  public String issueToken(TenantModel tenant) {
    return dispatcher.issuer().issue(tenant, tenant.seed.app);
  }

  /** Whether requests take the fast path (WireMock's Jetty with the fake's handler in front). */
  public boolean fastPath() {
    return fastPath;
  }
}
