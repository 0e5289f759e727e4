package io.github.b2cpermissions.testkit.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.b2cpermissions.testkit.FakeRoute;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The fake's HTTPS server: WireMock (Jetty) on 127.0.0.1 with one request filter that hands every
 * request to this class's router, plus the registry of hosted tenants and apps, the journal and the
 * server-wide faults. The router never lets WireMock match stubs; WireMock's admin API is locked.
 */
public final class GraphServer {
  private static final Logger LOG = LoggerFactory.getLogger(GraphServer.class);

  private final ServerConfig config;
  private final String kid = Jwt.newKid();
  private final TlsMaterial tls;
  private final Map<UUID, TenantModel> tenantsById = new ConcurrentHashMap<>();
  private final Map<String, TenantModel> tenantsByDomain = new ConcurrentHashMap<>();
  private final List<TenantModel> tenantOrder = new ArrayList<>();
  private final Map<String, AppRegistration> apps = new ConcurrentHashMap<>();
  private final JournalStore journal;
  private final FaultPlan faults = new FaultPlan();
  private final AtomicLong epoch = new AtomicLong();
  private final GraphRoutes graph;
  private final IdentityRoutes identity;
  private volatile @Nullable WireMockServer wireMock;
  private volatile int port;
  private volatile String host = "";
  private volatile boolean fastPath;
  private final boolean fastPathAllowed;

  /** A reply the fast path computed and hands to WireMock for a connection fault. */
  static final ThreadLocal<Reply> PENDING = new ThreadLocal<>();

  public GraphServer(ServerConfig config) {
    this(config, true);
  }

  /** For tests of the plain filter path. */
  GraphServer(ServerConfig config, boolean fastPathAllowed) {
    this.fastPathAllowed = fastPathAllowed;
    this.config = config;
    this.tls = TlsMaterial.shared();
    this.journal = new JournalStore(config.journalLimit);
    this.graph = new GraphRoutes(this);
    this.identity = new IdentityRoutes(this);
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
            .http2TlsDisabled(true)
            .http2PlainDisabled(true)
            .templatingEnabled(false)
            .globalTemplating(false)
            .disableRequestJournal()
            .gzipDisabled(true)
            .stubRequestLoggingDisabled(true)
            .extensionScanningEnabled(false)
            .jettyStopTimeout(0L)
            // Injected latency holds a server thread while it sleeps (the fast path sleeps; the
            // WireMock path schedules): enough threads that a fleet's concurrency, not the pool,
            // sets the pace. Idle threads cost little.
            .asynchronousResponseEnabled(true)
            .asynchronousResponseThreads(4)
            .containerThreads(300)
            .adminAuthenticator(request -> false)
            .notifier(new Slf4jNotifier())
            .extensions(new Filter());
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
      server = new WireMockServer(options.httpServerFactory(FastPathServer.factory(this)));
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
    return identity.issue(tenant, tenant.seed.app);
  }

  /** {@link #handle} that turns a bug in the fake into a 500 instead of a dropped connection. */
  Reply handleSafely(Exchange ex) {
    try {
      return handle(ex);
    } catch (RuntimeException e) {
      LOG.error("the fake Graph failed on {} {}", ex.method, ex.path, e);
      return Reply.html(500, "<html><body>fake Graph internal error: " + Html.escape(String.valueOf(e)) + "</body></html>");
    }
  }

  /** Whether requests take the fast path (WireMock's Jetty with the fake's handler in front). */
  public boolean fastPath() {
    return fastPath;
  }

  Reply handle(Exchange ex) {
    Instant received = config.clock.instant();
    RouteMatcher.Match m = RouteMatcher.match(ex.method, ex.path);
    boolean graphPath = !m.segments.isEmpty() && m.segments.get(0).equalsIgnoreCase("v1.0");
    Reply reply;
    TenantModel tenant = null;
    if (graphPath) {
      GraphRoutes.Caller caller = graph.authenticate(ex);
      tenant = caller.tenant;
      FaultPlan tenantFaults = tenant == null ? null : tenant.faults();
      long latency =
          faults.latencyMillis(m.route)
              + (tenantFaults == null ? 0 : tenantFaults.latencyMillis(m.route));
      FaultPlan.Fired transport = faults.takeTransport(m.route);
      if (transport == null && tenantFaults != null) {
        transport = tenantFaults.takeTransport(m.route);
      }
      if (transport != null && transport.kind != FaultPlan.Kind.MALFORMED) {
        reply = new Reply(0);
        reply.transportFault = transport.kind;
      } else {
        reply = graph.operation(ex, m, caller);
        if (transport != null) {
          malform(reply);
        }
      }
      reply.delayMillis = latency;
    } else if (m.route != null) {
      tenant = identity.tenantOf(m);
      FaultPlan tenantFaults = tenant == null ? null : tenant.faults();
      long latency =
          faults.latencyMillis(m.route)
              + (tenantFaults == null ? 0 : tenantFaults.latencyMillis(m.route));
      FaultPlan.Fired fired = faults.takeTransport(m.route);
      if (fired == null && tenantFaults != null) {
        fired = tenantFaults.takeTransport(m.route);
      }
      FaultPlan.Fired status = null;
      if (fired == null) {
        status = faults.takeStatus(m.route, false);
        if (status == null && tenantFaults != null) {
          status = tenantFaults.takeStatus(m.route, false);
        }
      }
      if (fired != null && fired.kind != FaultPlan.Kind.MALFORMED) {
        reply = new Reply(0);
        reply.transportFault = fired.kind;
      } else if (status != null) {
        reply = identity.faultReply(status);
      } else {
        reply = identity.handle(ex, m, tenant);
        if (fired != null) {
          malform(reply);
        }
      }
      String crid = ex.header("client-request-id");
      if (crid != null && !crid.isBlank()) {
        reply.headers.putIfAbsent("client-request-id", crid);
      }
      reply.delayMillis = latency;
    } else {
      reply = unmatched(ex, m);
    }
    record(received, ex, m.route, tenant, reply);
    return reply;
  }

  void record(Instant received, Exchange ex, @Nullable FakeRoute route, @Nullable TenantModel tenant, Reply reply) {
    String fault =
        reply.transportFault == null
            ? null
            : reply.transportFault.name();
    journal.add(
        new JournalEntry(
            journal.nextSequence(),
            received,
            ex,
            route,
            tenant == null ? null : tenant.seed.tenantId.toString(),
            reply.transportFault == null ? reply.status : -1,
            fault,
            reply.unmatchedReason != null,
            reply.unmatchedReason));
  }

  private static void malform(Reply reply) {
    reply.status = 200;
    reply.headers.put("Content-Type", Reply.GRAPH_JSON);
    reply.body = "{\"@odata.context\":\"$metadata#\",\"value\":[{\"id\":".getBytes(StandardCharsets.UTF_8);
  }

  private Reply unmatched(Exchange ex, RouteMatcher.Match m) {
    String reason =
        m.methodNotAllowed
            ? "the fake serves this path but not with " + ex.method
            : "the fake serves no route " + ex.method + " " + ex.path;
    Reply r;
    if (config.strict) {
      r = Reply.html(501, "<html><body><h1>Not implemented by the fake</h1><p>" + Html.escape(reason) + "</p></body></html>");
    } else {
      r = Reply.html(404, "<html><body><h1>Not found</h1></body></html>");
    }
    r.unmatchedReason = reason;
    return r;
  }

  // ---- WireMock glue --------------------------------------------------------------------------

  private final class Filter implements StubRequestFilterV2 {
    @Override
    public String getName() {
      return "b2c-permissions-fake-graph";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
      Reply pending = PENDING.get();
      if (pending != null) {
        return RequestFilterAction.stopWith(definition(pending));
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (HttpHeader h : request.getHeaders().all()) {
        headers.put(h.key(), h.values());
      }
      byte[] body = request.getBody();
      Exchange ex =
          new Exchange(
              request.getMethod().getName(),
              request.getUrl(),
              headers,
              body == null ? new byte[0] : body,
              false);
      return RequestFilterAction.stopWith(definition(handleSafely(ex)));
    }

    private ResponseDefinition definition(Reply reply) {
      ResponseDefinitionBuilder b = new ResponseDefinitionBuilder();
      if (reply.transportFault == FaultPlan.Kind.RESET) {
        b.withFault(Fault.CONNECTION_RESET_BY_PEER);
      } else if (reply.transportFault == FaultPlan.Kind.EMPTY) {
        b.withFault(Fault.EMPTY_RESPONSE);
      } else {
        b.withStatus(reply.status);
        for (Map.Entry<String, String> h : reply.headers.entrySet()) {
          b.withHeader(h.getKey(), h.getValue());
        }
        if (reply.body.length > 0) {
          b.withBody(reply.body);
        }
      }
      if (reply.delayMillis > 0) {
        b.withFixedDelay((int) Math.min(Integer.MAX_VALUE, reply.delayMillis));
      }
      return b.build();
    }

    @Override
    public boolean applyToAdmin() {
      return false;
    }

    @Override
    public boolean applyToStubs() {
      return true;
    }
  }

  /** Routes WireMock's own messages to SLF4J (never to the console). */
  private static final class Slf4jNotifier implements Notifier {
    private static final Logger WM = LoggerFactory.getLogger("io.github.b2cpermissions.testkit.wiremock");

    @Override
    public void info(String message) {
      WM.debug(message);
    }

    @Override
    public void error(String message) {
      WM.warn(message);
    }

    @Override
    public void error(String message, Throwable t) {
      WM.warn(message, t);
    }
  }
}
