package io.github.b2cpermissions.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front of the fake, one call per request from the wire: matches the route, applies latency and
 * transport faults, hands Graph requests to the {@link GraphDispatcher} and sign-in requests to
 * their endpoint, answers unserved paths, and journals every request.
 */
final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final GraphServer server;
  private final ErrorEnvelopes errors;
  private final GraphDispatcher graph;
  private final TokenIssuer issuer;
  private final Map<Route, SignInOperation> signIn = new HashMap<>();

  Dispatcher(GraphServer server) {
    this.server = server;
    this.errors = new ErrorEnvelopes(server);
    this.graph = new GraphDispatcher(server, errors);
    this.issuer = new TokenIssuer(server);
    DiscoveryEndpoint discovery = new DiscoveryEndpoint(server, errors);
    Routes routes = server.routes();
    signIn.put(routes.named("TOKEN"), new TokenEndpoint(server, errors, issuer));
    signIn.put(routes.named("ADMIN_CONSENT"), new ConsentEndpoint(server, false));
    signIn.put(routes.named("ADMIN_CONSENT_V2"), new ConsentEndpoint(server, true));
    signIn.put(routes.named("OPENID_CONFIGURATION"), discovery::openidConfiguration);
    signIn.put(routes.named("SIGNING_KEYS"), discovery::signingKeys);
    signIn.put(routes.named("INSTANCE_DISCOVERY"), discovery::instanceDiscovery);
    for (Route r : routes.all()) {
      if (!r.isGraph() && !signIn.containsKey(r)) {
        throw new IllegalStateException("no endpoint for sign-in route " + r);
      }
    }
  }

  TokenIssuer issuer() {
    return issuer;
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

  Reply handle(Exchange ex) {
    Instant received = server.clock().instant();
    RouteMatcher.Match m = server.matcher().match(ex.method, ex.path);
    boolean graphPath = RouteMatcher.isGraphVersion(m.segments);
    TenantModel tenant = null;
    Reply reply;
    if (graphPath) {
      Caller caller = graph.authenticate(ex);
      tenant = caller.tenant;
      long delay = latency(m.route, tenant);
      FaultPlan.Fired transport = transportFault(m.route, tenant);
      if (transport != null && transport.kind != FaultPlan.Kind.MALFORMED) {
        reply = dropped(transport);
      } else {
        reply = graph.operation(ex, m, caller);
        if (transport != null) {
          malform(reply);
        }
      }
      reply.delayMillis = delay;
    } else if (m.route != null) {
      tenant = SignInTenants.of(server, m);
      long delay = latency(m.route, tenant);
      FaultPlan.Fired transport = transportFault(m.route, tenant);
      FaultPlan.Fired status = transport == null ? statusFault(m.route, tenant) : null;
      if (transport != null && transport.kind != FaultPlan.Kind.MALFORMED) {
        reply = dropped(transport);
      } else if (status != null) {
        reply = errors.entraFault(status);
      } else {
        reply = signIn.get(m.route).handle(ex, m, tenant);
        if (transport != null) {
          malform(reply);
        }
      }
      String crid = ex.header("client-request-id");
      if (crid != null && !crid.isBlank()) {
        reply.headers.putIfAbsent("client-request-id", crid);
      }
      reply.delayMillis = delay;
    } else {
      reply = unmatched(ex, m);
    }
    record(server.journal(), received, ex, m.route, tenant, reply);
    return reply;
  }

  private long latency(@Nullable Route route, @Nullable TenantModel tenant) {
    return server.faults().latencyMillis(route) + (tenant == null ? 0 : tenant.faults().latencyMillis(route));
  }

  private FaultPlan.@Nullable Fired transportFault(@Nullable Route route, @Nullable TenantModel tenant) {
    FaultPlan.Fired fired = server.faults().takeTransport(route);
    return fired == null && tenant != null ? tenant.faults().takeTransport(route) : fired;
  }

  private FaultPlan.@Nullable Fired statusFault(Route route, @Nullable TenantModel tenant) {
    FaultPlan.Fired fired = server.faults().takeStatus(route, false);
    return fired == null && tenant != null ? tenant.faults().takeStatus(route, false) : fired;
  }

  private static Reply dropped(FaultPlan.Fired transport) {
    Reply reply = new Reply(0);
    reply.transportFault = transport.kind;
    return reply;
  }

  /** Journals one request (also each request inside a {@code $batch}). */
  static void record(JournalStore journal, Instant received, Exchange ex, @Nullable Route route, @Nullable TenantModel tenant, Reply reply) {
    String fault = reply.transportFault == null ? null : reply.transportFault.name();
    journal.add(
        new JournalEntry(
            journal.nextSequence(),
            received,
            ex,
            route == null ? null : route.name(),
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
    if (server.config().strict) {
      r = Reply.html(501, "<html><body><h1>Not implemented by the fake</h1><p>" + Html.escape(reason) + "</p></body></html>");
    } else {
      r = Reply.html(404, "<html><body><h1>Not found</h1></body></html>");
    }
    r.unmatchedReason = reason;
    return r;
  }
}
