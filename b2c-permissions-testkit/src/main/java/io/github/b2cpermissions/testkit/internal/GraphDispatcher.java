package io.github.b2cpermissions.testkit.internal;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Runs one Graph operation (a request, or one inside a {@code $batch}): refuses a bad token, fires
 * status faults, answers unserved routes and query options, authorizes the caller once from the
 * route table (or the route's registered {@link Authorization}), then calls the route's
 * handler and turns a {@link GraphErrorException} into Graph's envelope.
 */
final class GraphDispatcher {
  private final GraphServer server;
  private final BearerAuthenticator authenticator;
  private final ErrorEnvelopes errors;
  private final RouteTable routes;
  private final DirectoryQueryRules directoryRules;

  GraphDispatcher(GraphServer server, ErrorEnvelopes errors) {
    this.server = server;
    this.errors = errors;
    this.authenticator = new BearerAuthenticator(server);
    this.routes = new RouteTable(server.routes());
    this.directoryRules = new DirectoryQueryRules(server.routes());
    new OrganizationHandler().register(routes);
    new BrandingHandler().register(routes);
    new DomainHandler().register(routes);
    new ServicePrincipalHandler(server).register(routes);
    new AppRoleAssignmentHandler().register(routes);
    new BatchHandler(this, server, errors).register(routes);
    new UserHandler().register(routes);
    new DeltaHandler().register(routes);
    new MemberOfHandler().register(routes);
    new OwnerHandler().register(routes);
    new AuthenticationMethodHandler().register(routes);
    new GroupHandler().register(routes);
    new UserFlowHandler().register(routes);
    new UserFlowLanguageHandler().register(routes);
    new IdentityProviderHandler().register(routes);
    new UserFlowAttributeHandler().register(routes);
    new ApiConnectorHandler().register(routes);
    new AuthenticationEventsFlowHandler().register(routes);
    new AuthenticationEventsFlowLinkHandler().register(routes);
    new CustomAuthenticationExtensionHandler().register(routes);
    new AuthenticationMethodsPolicyHandler().register(routes);
    new DirectoryRoleHandler().register(routes);
    new RoleAssignmentHandler().register(routes);
    new RoleDefinitionHandler().register(routes);
    new DirectoryRoleTemplateHandler().register(routes);
    new AuditLogHandler().register(routes);
    new ApplicationHandler().register(routes);
    new ExtensionPropertyHandler().register(routes);
    new DeletedItemsHandler().register(routes);
    new OAuth2PermissionGrantHandler().register(routes);
    routes.requireComplete();
  }

  Caller authenticate(Exchange ex) {
    return authenticator.authenticate(ex);
  }

  /** Authorizes, faults and routes one Graph operation. */
  Reply operation(Exchange ex, RouteMatcher.Match m, Caller caller) {
    String requestId = Ids.fastRandom().toString();
    TenantModel t = caller.tenant;
    if (caller.isRefused() || t == null) {
      Reply r = errors.graph(ex, requestId, 401, "InvalidAuthenticationToken", caller.problem == null ? "Access token validation failure." : caller.problem);
      r.headers.put(
          "WWW-Authenticate",
          "Bearer realm=\"\", authorization_uri=\"" + server.host() + "/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
      return r;
    }
    FaultPlan.Fired fired = server.faults().takeStatus(m.route, ex.insideBatch);
    if (fired == null) {
      fired = t.faults().takeStatus(m.route, ex.insideBatch);
    }
    if (fired != null) {
      return errors.graphFault(ex, requestId, fired, caller, t.seed.tenantId);
    }
    Route route = m.route;
    String limitPercentage = null;
    ThrottleModel throttle = server.throttle();
    if (throttle.enabled() && (route == null || !route.is("BATCH"))) {
      ThrottleModel.Decision d = throttle.charge(String.valueOf(caller.appId), t.seed.tenantId,
          ThrottleModel.resourceUnits(ex.path, ex.query));
      if (d.refusedScope != null) {
        return throttled(ex, requestId, d, caller, t.seed.tenantId);
      }
      limitPercentage = d.limitPercentageHeader();
    }
    RouteTable.Entry entry = route == null ? null : routes.get(route);
    if (route == null || entry == null) {
      return unmatched(ex, m, requestId);
    }
    GraphRequest op = new GraphRequest(ex, m, route, caller, t, requestId, server);
    String unsupported = unsupportedQueryOption(op, entry.queryOptions);
    if (unsupported != null) {
      return errors.graph(op, GraphErrorException.unsupported(op, unsupported));
    }
    Reply r;
    try {
      if (!entry.authorization.allows(op)) {
        throw GraphErrorException.forbidden();
      }
      directoryRules.check(op);
      r = entry.operation.handle(op);
    } catch (GraphErrorException e) {
      r = errors.graph(op, e);
    }
    r.headers.putIfAbsent("request-id", op.requestId);
    r.headers.putIfAbsent("client-request-id", op.clientRequestId);
    r.headers.putIfAbsent("x-ms-ags-diagnostic", "{\"ServerInfo\":{\"DataCenter\":\"Loopback\",\"Slice\":\"E\",\"Ring\":\"0\",\"ScaleUnit\":\"000\",\"RoleInstance\":\"fake-graph\"}}");
    r.headers.putIfAbsent("x-ms-resource-unit", "1");
    if (limitPercentage != null) {
      r.headers.put("x-ms-throttle-limit-percentage", limitPercentage);
    }
    return r;
  }

  /** The 429 of a modelled limit, with the headers Graph documents for it. */
  private Reply throttled(Exchange ex, String requestId, ThrottleModel.Decision d, Caller caller, UUID tenantId) {
    Reply r = errors.graph(ex, requestId, 429, "TooManyRequests", "Too many requests.");
    String access = ex.method.equals("GET") ? "Read" : "Write";
    r.headers.put("Retry-After", Long.toString(d.retryAfterSeconds));
    r.headers.put("x-ms-throttle-scope", d.refusedScope + "/" + access + "/" + caller.appId + "/" + tenantId);
    if ("Tenant_Application".equals(d.refusedScope)) {
      r.headers.put("x-ms-throttle-information", "ResourceUnitLimitExceeded");
    }
    String pct = d.limitPercentageHeader();
    if (pct != null) {
      r.headers.put("x-ms-throttle-limit-percentage", pct);
    }
    return r;
  }

  private Reply unmatched(Exchange ex, RouteMatcher.Match m, String requestId) {
    String betaOnly = BetaOnly.segmentIn(m.segments);
    if (betaOnly != null) {
      // Not a gap of the fake: Graph itself refuses the address, in strict mode too.
      Reply r = errors.graph(ex, requestId, 400, "BadRequest", "Resource not found for the segment '" + betaOnly + "'.");
      r.unmatchedReason = betaOnly + " exists only in Graph beta: call " + BetaOnly.betaPath(ex.path);
      return r;
    }
    String reason =
        m.methodNotAllowed
            ? "the fake serves " + ex.path + " but not with " + ex.method
            : "the fake serves no Graph route " + ex.method + " " + ex.path;
    Reply r;
    if (server.config().strict) {
      r = errors.graph(ex, requestId, 501, "NotImplementedByFake", reason + " (strict mode)");
    } else if (m.methodNotAllowed) {
      r = errors.graph(ex, requestId, 405, "Request_BadRequest", "Specified HTTP method is not allowed for the request uri.");
    } else {
      String last = m.segments.isEmpty() ? "" : m.segments.get(m.segments.size() - 1);
      r = errors.graph(ex, requestId, 400, "BadRequest", "Resource not found for the segment '" + last + "'.");
    }
    r.unmatchedReason = reason;
    return r;
  }

  private static @Nullable String unsupportedQueryOption(GraphRequest op, Set<String> allowed) {
    for (String k : op.ex.query.keySet()) {
      if (k.startsWith("$") && !allowed.contains(k)) {
        return "the query option " + k;
      }
    }
    return null;
  }
}
