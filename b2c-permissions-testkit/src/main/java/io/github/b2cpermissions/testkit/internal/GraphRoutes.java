package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.testkit.FakeRoute;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Microsoft Graph v1.0 routes: authentication of the bearer token, authorization from {@link
 * FakeRoute#allowedBy()}, status faults, the handlers with Graph's JSON shapes, paging, {@code
 * $select}, {@code $filter}, {@code $top} and {@code $batch}.
 */
final class GraphRoutes {
  private static final String MICROSOFT_TENANT = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
  private static final int MAX_TOP = 999;
  private static final int MAX_BATCH = 20;
  private static final Pattern FILTER_EQ =
      Pattern.compile("^\\s*([A-Za-z]+)\\s+eq\\s+('(?:[^']|'')*'|[0-9a-fA-F-]{36})\\s*$");
  private static final String SKIP_PREFIX = "FakeGraphSkip:";

  /** Who is calling, from the bearer token. */
  static final class Caller {
    final @Nullable TenantModel tenant;
    final @Nullable String appId;
    final @Nullable UUID oid;
    final Set<String> roles;
    final @Nullable String problem;

    Caller(@Nullable TenantModel tenant, @Nullable String appId, @Nullable UUID oid, Set<String> roles, @Nullable String problem) {
      this.tenant = tenant;
      this.appId = appId;
      this.oid = oid;
      this.roles = roles;
      this.problem = problem;
    }

    static Caller bad(String problem) {
      return new Caller(null, null, null, Set.of(), problem);
    }
  }

  /** The parts of a verified token the router needs. */
  private static final class TokenInfo {
    final String aud;
    final @Nullable UUID tid;
    final String appId;
    final @Nullable UUID oid;
    final Set<String> roles;
    final long nbf;
    final long exp;

    TokenInfo(JsonNode c) {
      this.aud = c.path("aud").asText("");
      this.tid = Ids.parseGuid(c.path("tid").asText(null));
      this.appId = c.path("appid").asText(c.path("azp").asText(""));
      this.oid = Ids.parseGuid(c.path("oid").asText(null));
      Set<String> r = new HashSet<>();
      for (JsonNode n : c.path("roles")) {
        r.add(n.asText());
      }
      this.roles = Set.copyOf(r);
      this.nbf = c.path("nbf").asLong(0);
      this.exp = c.path("exp").asLong(0);
    }
  }

  /** One Graph operation in progress. */
  final class Op {
    final Exchange ex;
    final RouteMatcher.Match m;
    final FakeRoute route;
    final Caller caller;
    final TenantModel t;
    final String requestId;
    final String clientRequestId;

    Op(Exchange ex, RouteMatcher.Match m, FakeRoute route, Caller caller, TenantModel t, String requestId) {
      this.requestId = requestId;
      this.ex = ex;
      this.m = m;
      this.route = route;
      this.caller = caller;
      this.t = t;
      String crid = ex.header("client-request-id");
      this.clientRequestId = crid == null || crid.isBlank() ? requestId : crid;
    }
  }

  interface Handler {
    Reply handle(Op op);
  }

  final GraphServer server;
  private final Map<FakeRoute, Handler> handlers = new EnumMap<>(FakeRoute.class);
  private final Map<String, TokenInfo> tokens = new ConcurrentHashMap<>();
  private volatile @Nullable ObjectNode graphSpTemplate;

  GraphRoutes(GraphServer server) {
    this.server = server;
    handlers.put(FakeRoute.LIST_ORGANIZATION, this::listOrganization);
    handlers.put(FakeRoute.GET_ORGANIZATION, this::getOrganization);
    handlers.put(FakeRoute.GET_SERVICE_PRINCIPAL_BY_APP_ID, this::getServicePrincipal);
    handlers.put(FakeRoute.GET_SERVICE_PRINCIPAL, this::getServicePrincipal);
    handlers.put(FakeRoute.LIST_SERVICE_PRINCIPALS, this::listServicePrincipals);
    handlers.put(FakeRoute.LIST_APP_ROLE_ASSIGNMENTS, this::listAppRoleAssignments);
    handlers.put(FakeRoute.GET_APP_ROLE_ASSIGNMENT, this::getAppRoleAssignment);
    handlers.put(FakeRoute.CREATE_APP_ROLE_ASSIGNMENT, this::createAppRoleAssignment);
    handlers.put(FakeRoute.DELETE_APP_ROLE_ASSIGNMENT, this::deleteAppRoleAssignment);
    handlers.put(FakeRoute.LIST_APP_ROLE_ASSIGNED_TO, this::listAppRoleAssignedTo);
    handlers.put(FakeRoute.BATCH, this::batch);
    new B2cRoutes(this).register(handlers);
    for (FakeRoute r : FakeRoute.values()) {
      if (r.isGraph() && !handlers.containsKey(r)) {
        throw new IllegalStateException("no handler for Graph route " + r);
      }
    }
  }

  // ---- authentication -------------------------------------------------------------------------

  Caller authenticate(Exchange ex) {
    String auth = ex.header("Authorization");
    if (auth == null || auth.length() < 7 || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Caller.bad("Access token is empty.");
    }
    String token = auth.substring(7).trim();
    if (token.isEmpty()) {
      return Caller.bad("Access token is empty.");
    }
    TokenInfo info = tokens.get(token);
    if (info == null) {
      Jwt.Verified v = Jwt.verify(token, server.kid());
      if (v.claims == null) {
        return Caller.bad(v.problem == null ? "Access token validation failure." : v.problem);
      }
      info = new TokenInfo(v.claims);
      if (tokens.size() > 20_000) {
        tokens.clear();
      }
      tokens.put(token, info);
    }
    if (!info.aud.equals(server.host()) && !info.aud.equals(server.host() + "/")) {
      return Caller.bad("Access token validation failure. Invalid audience.");
    }
    TenantModel tenant = info.tid == null ? null : server.tenantById(info.tid);
    if (tenant == null) {
      return Caller.bad("Access token validation failure. Invalid issuer.");
    }
    long now = server.clock().instant().getEpochSecond();
    if (info.exp <= now) {
      return new Caller(tenant, info.appId, info.oid, Set.of(), "Lifetime validation failed, the token is expired.");
    }
    if (info.nbf > now + 300) {
      return new Caller(tenant, info.appId, info.oid, Set.of(), "Lifetime validation failed, the token is not yet valid.");
    }
    return new Caller(tenant, info.appId, info.oid, info.roles, null);
  }

  // ---- one operation --------------------------------------------------------------------------

  /** Authorizes, faults and routes one Graph operation (a request, or one inside a batch). */
  Reply operation(Exchange ex, RouteMatcher.Match m, Caller caller) {
    String requestId = Ids.fastRandom().toString();
    if (caller.problem != null || caller.tenant == null) {
      Reply r =
          error(ex, requestId, 401, "InvalidAuthenticationToken", caller.problem == null ? "Access token validation failure." : caller.problem);
      r.headers.put(
          "WWW-Authenticate",
          "Bearer realm=\"\", authorization_uri=\"" + server.host() + "/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
      return r;
    }
    TenantModel t = caller.tenant;
    FaultPlan.Fired fired = server.faults().takeStatus(m.route, ex.insideBatch);
    if (fired == null) {
      fired = t.faults().takeStatus(m.route, ex.insideBatch);
    }
    if (fired != null) {
      return faultReply(ex, requestId, fired, caller, t);
    }
    if (m.route == null) {
      return unmatched(ex, m, requestId);
    }
    Op op = new Op(ex, m, m.route, caller, t, requestId);
    String unsupported = unsupportedQueryOption(op);
    if (unsupported != null) {
      return unsupported(op, unsupported);
    }
    Reply r = handlers.get(m.route).handle(op);
    r.headers.putIfAbsent("request-id", op.requestId);
    r.headers.putIfAbsent("client-request-id", op.clientRequestId);
    r.headers.putIfAbsent("x-ms-ags-diagnostic", "{\"ServerInfo\":{\"DataCenter\":\"Loopback\",\"Slice\":\"E\",\"Ring\":\"0\",\"ScaleUnit\":\"000\",\"RoleInstance\":\"fake-graph\"}}");
    r.headers.putIfAbsent("x-ms-resource-unit", "1");
    return r;
  }

  private Reply unmatched(Exchange ex, RouteMatcher.Match m, String requestId) {
    String reason =
        m.methodNotAllowed
            ? "the fake serves " + ex.path + " but not with " + ex.method
            : "the fake serves no Graph route " + ex.method + " " + ex.path;
    Reply r;
    if (server.config().strict) {
      r = error(ex, requestId, 501, "NotImplementedByFake", reason + " (strict mode)");
    } else if (m.methodNotAllowed) {
      r = error(ex, requestId, 405, "Request_BadRequest", "Specified HTTP method is not allowed for the request uri.");
    } else {
      String last = m.segments.isEmpty() ? "" : m.segments.get(m.segments.size() - 1);
      r = error(ex, requestId, 400, "BadRequest", "Resource not found for the segment '" + last + "'.");
    }
    r.unmatchedReason = reason;
    return r;
  }

  Reply unsupported(Op op, String what) {
    if (server.config().strict) {
      Reply r = error(op, 501, "NotImplementedByFake", "the fake does not support " + what + " on " + op.route + " (strict mode)");
      r.unmatchedReason = "unsupported " + what + " on " + op.route;
      return r;
    }
    return error(op, 400, "Request_UnsupportedQuery", "Unsupported Query.");
  }

  private static final Set<String> COLLECTION_OPTIONS = Set.of("$select", "$top", "$skiptoken", "$filter", "$count");
  private static final Set<String> ENTITY_OPTIONS = Set.of("$select");

  private static @Nullable String unsupportedQueryOption(Op op) {
    Set<String> allowed;
    switch (op.route) {
      case LIST_ORGANIZATION:
      case LIST_SERVICE_PRINCIPALS:
      case LIST_APP_ROLE_ASSIGNMENTS:
      case LIST_APP_ROLE_ASSIGNED_TO:
        allowed = COLLECTION_OPTIONS;
        break;
      case GET_ORGANIZATION:
      case GET_SERVICE_PRINCIPAL:
      case GET_SERVICE_PRINCIPAL_BY_APP_ID:
      case GET_APP_ROLE_ASSIGNMENT:
        allowed = ENTITY_OPTIONS;
        break;
      default:
        allowed = B2cRoutes.queryOptions(op.route);
    }
    for (String k : op.ex.query.keySet()) {
      if (k.startsWith("$") && !allowed.contains(k)) {
        return "the query option " + k;
      }
    }
    return null;
  }

  // ---- errors ---------------------------------------------------------------------------------

  Reply error(Op op, int status, String code, String message) {
    Reply r = error(op.ex, op.requestId, status, code, message);
    r.headers.put("client-request-id", op.clientRequestId);
    return r;
  }

  private Reply error(Exchange ex, String requestId, int status, String code, String message) {
    String crid = ex.header("client-request-id");
    String clientRequestId = crid == null || crid.isBlank() ? requestId : crid;
    ObjectNode root = Json.object();
    ObjectNode err = root.putObject("error");
    err.put("code", code);
    err.put("message", message);
    ObjectNode inner = err.putObject("innerError");
    inner.put("date", Json.innerErrorDate(server.clock().instant()));
    inner.put("request-id", requestId);
    inner.put("client-request-id", clientRequestId);
    Reply r = Reply.plainJson(status, root);
    r.headers.put("request-id", requestId);
    r.headers.put("client-request-id", clientRequestId);
    return r;
  }

  private Reply faultReply(Exchange ex, String requestId, FaultPlan.Fired fired, Caller caller, TenantModel t) {
    Reply r;
    if (fired.kind == FaultPlan.Kind.THROTTLE) {
      r = error(ex, requestId, 429, "TooManyRequests", "Too many requests.");
      r.headers.put("x-ms-throttle-scope", "Tenant_Application/ReadWrite/" + caller.appId + "/" + t.seed.tenantId);
      r.headers.put("x-ms-throttle-information", "ResourceUnitLimitExceeded");
      r.headers.put("x-ms-throttle-limit-percentage", "1.0");
    } else {
      r = error(ex, requestId, fired.status, statusCode(fired.status), statusMessage(fired.status));
    }
    if (fired.retryAfterSeconds >= 0) {
      r.headers.put("Retry-After", Long.toString(fired.retryAfterSeconds));
    }
    return r;
  }

  static String statusCode(int status) {
    switch (status) {
      case 400:
        return "BadRequest";
      case 401:
        return "InvalidAuthenticationToken";
      case 403:
        return "Authorization_RequestDenied";
      case 404:
        return "Request_ResourceNotFound";
      case 409:
        return "Conflict";
      case 429:
        return "TooManyRequests";
      case 500:
        return "InternalServerError";
      case 502:
        return "BadGateway";
      case 503:
        return "ServiceUnavailable";
      case 504:
        return "GatewayTimeout";
      default:
        return "UnknownError";
    }
  }

  static String statusMessage(int status) {
    switch (status) {
      case 503:
        return "The service is temporarily unavailable. Please retry later.";
      case 504:
        return "The gateway did not receive a timely response.";
      case 429:
        return "Too many requests.";
      default:
        return "The fake Graph was told to fail this request with " + status + ".";
    }
  }

  Reply forbidden(Op op) {
    return error(op, 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  }

  Reply notFound(Op op, String id) {
    return error(
        op,
        404,
        "Request_ResourceNotFound",
        "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
  }

  Reply badRequest(Op op, String message) {
    return error(op, 400, "Request_BadRequest", message);
  }

  // ---- organization ---------------------------------------------------------------------------

  private ObjectNode organization(TenantModel t) {
    TenantSeed s = t.seed;
    ObjectNode o = Json.object();
    o.put("id", s.tenantId.toString());
    o.putNull("deletedDateTime");
    o.putArray("businessPhones");
    o.putNull("city");
    o.putNull("country");
    o.put("countryLetterCode", "US");
    o.put("createdDateTime", "2021-01-04T09:00:00Z");
    o.putNull("defaultUsageLocation");
    o.put("displayName", s.displayName);
    o.putArray("marketingNotificationEmails");
    o.putNull("onPremisesLastSyncDateTime");
    o.putNull("onPremisesSyncEnabled");
    o.putNull("postalCode");
    o.put("preferredLanguage", "en");
    o.putArray("securityComplianceNotificationMails");
    o.putArray("securityComplianceNotificationPhones");
    o.putNull("state");
    o.putNull("street");
    o.putArray("technicalNotificationMails");
    o.put("tenantType", s.tenantType);
    o.putArray("assignedPlans");
    o.putArray("provisionedPlans");
    ObjectNode d = o.putArray("verifiedDomains").addObject();
    d.put("capabilities", "None");
    d.put("isDefault", true);
    d.put("isInitial", true);
    d.put("name", s.domain);
    d.put("type", "Managed");
    return o;
  }

  private Reply listOrganization(Op op) {
    if (!op.route.isAllowedBy(op.caller.roles)) {
      return forbidden(op);
    }
    List<ObjectNode> items = new ArrayList<>();
    items.add(organization(op.t));
    return collection(op, "organization", items, "microsoft.graph.organization");
  }

  private Reply getOrganization(Op op) {
    if (!op.route.isAllowedBy(op.caller.roles)) {
      return forbidden(op);
    }
    String id = op.m.var("id");
    if (!id.equalsIgnoreCase(op.t.seed.tenantId.toString())) {
      return notFound(op, id);
    }
    return entity(op, "organization", organization(op.t), "microsoft.graph.organization");
  }

  // ---- service principals ---------------------------------------------------------------------

  private ObjectNode graphSpTemplate() {
    ObjectNode tpl = graphSpTemplate;
    if (tpl == null) {
      tpl = Json.object();
      spCommon(tpl, true, "Microsoft Graph", "00000003-0000-0000-c000-000000000000", MICROSOFT_TENANT);
      ArrayNode names = tpl.putArray("servicePrincipalNames");
      names.add("00000003-0000-0000-c000-000000000000");
      names.add(server.host());
      tpl.set("appRoles", RoleCatalog.appRolesJson());
      graphSpTemplate = tpl;
    }
    return tpl;
  }

  private static void spCommon(ObjectNode o, boolean enabled, String name, String appId, String owner) {
    o.putNull("deletedDateTime");
    o.put("accountEnabled", enabled);
    o.putArray("alternativeNames");
    o.put("appDisplayName", name);
    o.putNull("appDescription");
    o.put("appId", appId);
    o.putNull("applicationTemplateId");
    o.put("appOwnerOrganizationId", owner);
    o.put("appRoleAssignmentRequired", false);
    o.putNull("description");
    o.putNull("disabledByMicrosoftStatus");
    o.put("displayName", name);
    o.putNull("homepage");
    o.putNull("loginUrl");
    o.putNull("logoutUrl");
    o.putNull("notes");
    o.putArray("notificationEmailAddresses");
    o.putNull("preferredSingleSignOnMode");
    o.putNull("preferredTokenSigningKeyThumbprint");
    o.putArray("replyUrls");
    o.put("servicePrincipalType", "Application");
    o.put("signInAudience", "AzureADMultipleOrgs");
    o.putArray("tags");
    o.putNull("tokenEncryptionKeyId");
    o.putArray("addIns");
    o.putArray("appRoles");
    o.putArray("keyCredentials");
    o.putArray("oauth2PermissionScopes");
    o.putArray("passwordCredentials");
    o.putArray("resourceSpecificApplicationPermissions");
    ObjectNode vp = o.putObject("verifiedPublisher");
    vp.putNull("displayName");
    vp.putNull("verifiedPublisherId");
    vp.putNull("addedDateTime");
  }

  private ObjectNode servicePrincipal(TenantModel.Sp sp, TenantModel t) {
    ObjectNode o = Json.object();
    o.put("id", sp.id.toString());
    switch (sp.kind) {
      case GRAPH:
        o.setAll(graphSpTemplate());
        break;
      case BACKUP:
        {
          AppRegistration app = t.seed.app;
          spCommon(o, sp.enabled, app.displayName, app.clientId, app.homeTenantId);
          ArrayNode reply = o.putArray("replyUrls");
          for (URI u : app.redirectUris) {
            reply.add(u.toString());
          }
          o.putArray("servicePrincipalNames").add(app.clientId);
          o.putArray("tags").add("WindowsAzureActiveDirectoryIntegratedApp");
          break;
        }
      default:
        {
          TenantModel.OtherResource other = sp.other;
          spCommon(o, true, sp.displayName, sp.appId, MICROSOFT_TENANT);
          o.putArray("servicePrincipalNames").add(sp.appId);
          ArrayNode roles = o.putArray("appRoles");
          int n = 1;
          if (other != null) {
            for (UUID id : other.roleIds) {
              ObjectNode role = roles.addObject();
              role.putArray("allowedMemberTypes").add("Application");
              role.put("description", "An app role of " + sp.displayName + ".");
              role.put("displayName", sp.displayName + " role " + n);
              role.put("id", id.toString());
              role.put("isEnabled", true);
              role.put("origin", "Application");
              role.put("value", "FakeResourceRole" + n++);
            }
          }
        }
    }
    return o;
  }

  /** Resolves {@code {id}}: an object id, or the {@code (appId='…')} key form. */
  private TenantModel.@Nullable Sp resolveSp(Op op, String idOrKey, Reply[] error) {
    if (idOrKey.startsWith("(")) {
      String appId = appIdFromKey(idOrKey);
      if (appId == null) {
        error[0] = badRequest(op, "Invalid object identifier '" + idOrKey + "'.");
        return null;
      }
      TenantModel.Sp sp = op.t.spByAppId(appId);
      if (sp == null) {
        error[0] = notFound(op, appId);
      }
      return sp;
    }
    if (Ids.parseGuid(idOrKey) == null) {
      error[0] = badRequest(op, "Invalid object identifier '" + idOrKey + "'.");
      return null;
    }
    TenantModel.Sp sp = op.t.spById(idOrKey);
    if (sp == null) {
      error[0] = notFound(op, idOrKey);
    }
    return sp;
  }

  private static @Nullable String appIdFromKey(String key) {
    String k = key.trim();
    if (!k.regionMatches(true, 0, "(appId='", 0, 8) || !k.endsWith("')")) {
      return null;
    }
    return k.substring(8, k.length() - 2).replace("''", "'");
  }

  private Reply getServicePrincipal(Op op) {
    Reply[] err = new Reply[1];
    TenantModel.Sp sp;
    if (op.route == FakeRoute.GET_SERVICE_PRINCIPAL_BY_APP_ID) {
      String appId = op.m.var("appId").replace("''", "'");
      sp = op.t.spByAppId(appId);
      if (sp == null) {
        err[0] = notFound(op, appId);
      }
    } else {
      sp = resolveSp(op, op.m.var("id"), err);
    }
    boolean self = sp != null && sp.kind == TenantModel.SpKind.BACKUP && sp.id.equals(op.caller.oid);
    if (!op.route.isAllowedBy(op.caller.roles) && !(op.route.allowsSelf() && self)) {
      return forbidden(op);
    }
    if (sp == null) {
      return err[0];
    }
    return entity(op, "servicePrincipals", servicePrincipal(sp, op.t), "microsoft.graph.servicePrincipal");
  }

  private Reply listServicePrincipals(Op op) {
    if (!op.route.isAllowedBy(op.caller.roles)) {
      return forbidden(op);
    }
    Map<String, String> filter = null;
    String f = op.ex.query.get("$filter");
    if (f != null) {
      filter = parseFilter(f, Set.of("appId", "displayName", "servicePrincipalType", "id"));
      if (filter == null) {
        return unsupported(op, "$filter=" + f);
      }
    }
    List<ObjectNode> items = new ArrayList<>();
    for (TenantModel.Sp sp : op.t.allSps()) {
      ObjectNode o = servicePrincipal(sp, op.t);
      if (filter == null || matches(o, filter)) {
        items.add(o);
      }
    }
    return collection(op, "servicePrincipals", items, "microsoft.graph.servicePrincipal");
  }

  // ---- app role assignments -------------------------------------------------------------------

  private ObjectNode assignment(TenantModel t, TenantModel.Assignment a) {
    ObjectNode o = Json.object();
    o.put("id", t.assignmentId(a));
    if (a.deleted == null) {
      o.putNull("deletedDateTime");
    } else {
      o.put("deletedDateTime", Json.timestamp(a.deleted));
    }
    o.put("appRoleId", a.appRoleId.toString());
    o.put("createdDateTime", Json.timestamp(a.created));
    o.put("principalDisplayName", a.principalDisplayName);
    o.put("principalId", a.principalId.toString());
    o.put("principalType", "ServicePrincipal");
    o.put("resourceDisplayName", a.resourceDisplayName);
    o.put("resourceId", a.resourceId.toString());
    return o;
  }

  private Reply assignmentList(Op op, boolean assignedTo) {
    if (!op.route.isAllowedBy(op.caller.roles)) {
      return forbidden(op);
    }
    Reply[] err = new Reply[1];
    TenantModel.Sp sp = resolveSp(op, op.m.var("id"), err);
    if (sp == null) {
      return err[0];
    }
    Map<String, String> filter = null;
    String f = op.ex.query.get("$filter");
    if (f != null) {
      filter = parseFilter(f, Set.of("resourceId", "appRoleId", "principalId", "id"));
      if (filter == null) {
        return unsupported(op, "$filter=" + f);
      }
    }
    List<ObjectNode> items = new ArrayList<>();
    for (TenantModel.Assignment a : assignedTo ? op.t.assignedTo(sp.id) : op.t.assignmentsOf(sp.id)) {
      ObjectNode o = assignment(op.t, a);
      if (filter == null || matches(o, filter)) {
        items.add(o);
      }
    }
    String nav = assignedTo ? "appRoleAssignedTo" : "appRoleAssignments";
    return collection(op, "servicePrincipals('" + sp.id + "')/" + nav, items, "microsoft.graph.appRoleAssignment");
  }

  private Reply listAppRoleAssignments(Op op) {
    return assignmentList(op, false);
  }

  private Reply listAppRoleAssignedTo(Op op) {
    return assignmentList(op, true);
  }

  private Reply getAppRoleAssignment(Op op) {
    if (!op.route.isAllowedBy(op.caller.roles)) {
      return forbidden(op);
    }
    Reply[] err = new Reply[1];
    TenantModel.Sp sp = resolveSp(op, op.m.var("id"), err);
    if (sp == null) {
      return err[0];
    }
    String aid = op.m.var("assignmentId");
    TenantModel.Assignment a = op.t.findAssignment(sp.id, aid);
    if (a == null) {
      return notFound(op, aid);
    }
    return entity(op, "servicePrincipals('" + sp.id + "')/appRoleAssignments", assignment(op.t, a), "microsoft.graph.appRoleAssignment");
  }

  private Reply createAppRoleAssignment(Op op) {
    if (!op.route.isAllowedBy(op.caller.roles)) {
      return forbidden(op);
    }
    Reply[] err = new Reply[1];
    TenantModel.Sp sp = resolveSp(op, op.m.var("id"), err);
    if (sp == null) {
      return err[0];
    }
    JsonNode body = Json.parse(op.ex.body);
    if (body == null || !body.isObject()) {
      return error(op, 400, "BadRequest", "Write requests (excluding DELETE) must contain the Content-Type header declaration.");
    }
    UUID principalId = Ids.parseGuid(body.path("principalId").asText(null));
    UUID resourceId = Ids.parseGuid(body.path("resourceId").asText(null));
    UUID appRoleId = Ids.parseGuid(body.path("appRoleId").asText(null));
    if (principalId == null) {
      return badRequest(op, "Invalid value specified for property 'principalId' of resource 'AppRoleAssignment'.");
    }
    if (resourceId == null) {
      return badRequest(op, "Invalid value specified for property 'resourceId' of resource 'AppRoleAssignment'.");
    }
    if (appRoleId == null) {
      return badRequest(op, "Invalid value specified for property 'appRoleId' of resource 'AppRoleAssignment'.");
    }
    if (!principalId.equals(sp.id)) {
      return badRequest(op, "The principalId in the request body must be the id of the service principal in the URL.");
    }
    TenantModel.CreateResult result = op.t.createAssignment(sp, resourceId, appRoleId);
    if (result.assignment == null) {
      return badRequest(op, result.error == null ? "Invalid request." : result.error);
    }
    ObjectNode o = Json.object();
    o.put("@odata.context", server.graphEndpoint() + "/$metadata#servicePrincipals('" + sp.id + "')/appRoleAssignments/$entity");
    o.setAll(assignment(op.t, result.assignment));
    Reply r = Reply.json(201, o);
    r.headers.put("Location", server.graphEndpoint() + "/servicePrincipals/" + sp.id + "/appRoleAssignments/" + o.path("id").asText());
    r.headers.put("OData-Version", "4.0");
    return r;
  }

  private Reply deleteAppRoleAssignment(Op op) {
    if (!op.route.isAllowedBy(op.caller.roles)) {
      return forbidden(op);
    }
    Reply[] err = new Reply[1];
    TenantModel.Sp sp = resolveSp(op, op.m.var("id"), err);
    if (sp == null) {
      return err[0];
    }
    String aid = op.m.var("assignmentId");
    if (!op.t.deleteAssignment(sp.id, aid)) {
      return notFound(op, aid);
    }
    return Reply.noContent();
  }

  // ---- $batch ---------------------------------------------------------------------------------

  private Reply batch(Op op) {
    JsonNode body = Json.parse(op.ex.body);
    JsonNode requests = body == null ? null : body.get("requests");
    if (requests == null || !requests.isArray()) {
      return error(op, 400, "BadRequest", "Invalid batch payload format.");
    }
    if (requests.size() > MAX_BATCH) {
      return error(op, 400, "BadRequest", "Maximum number of requests in a batch is 20.");
    }
    Set<String> ids = new HashSet<>();
    for (JsonNode r : requests) {
      String id = r.path("id").asText("");
      if (id.isEmpty() || !ids.add(id)) {
        return error(op, 400, "BadRequest", id.isEmpty() ? "Batch request is missing an id." : "Batch request id '" + id + "' is duplicated.");
      }
      if (r.path("method").asText("").isEmpty() || r.path("url").asText("").isEmpty()) {
        return error(op, 400, "BadRequest", "Batch request '" + id + "' needs a method and a url.");
      }
    }
    Map<String, Integer> statusById = new LinkedHashMap<>();
    ObjectNode root = Json.object();
    ArrayNode responses = root.putArray("responses");
    for (JsonNode r : requests) {
      String id = r.path("id").asText();
      Reply inner = batchItem(op, r, statusById);
      statusById.put(id, inner.status);
      ObjectNode out = responses.addObject();
      out.put("id", id);
      out.put("status", inner.status);
      ObjectNode headers = out.putObject("headers");
      for (Map.Entry<String, String> h : inner.headers.entrySet()) {
        String k = h.getKey().toLowerCase(Locale.ROOT);
        if (!k.equals("request-id") && !k.equals("client-request-id") && !k.startsWith("x-ms-ags")) {
          headers.put(h.getKey(), h.getValue());
        }
      }
      if (inner.body.length > 0) {
        JsonNode json = Json.parse(inner.body);
        if (json != null) {
          out.set("body", json);
        } else {
          out.put("body", Base64.getEncoder().encodeToString(inner.body));
        }
      }
    }
    Reply reply = Reply.plainJson(200, root);
    reply.headers.put("OData-Version", "4.0");
    return reply;
  }

  private Reply batchItem(Op op, JsonNode r, Map<String, Integer> statusById) {
    String method = r.path("method").asText().toUpperCase(Locale.ROOT);
    String url = r.path("url").asText();
    for (JsonNode dep : r.path("dependsOn")) {
      Integer st = statusById.get(dep.asText());
      if (st == null || st >= 400) {
        return error(op, 424, "FailedDependency", "Request '" + r.path("id").asText() + "' depends on '" + dep.asText() + "', which failed or is not earlier in the batch.");
      }
    }
    if (url.regionMatches(true, 0, "http", 0, 4)) {
      return error(op, 400, "BadRequest", "Batch requests must use URLs relative to the version, such as /users.");
    }
    String pathAndQuery = "/v1.0" + (url.startsWith("/") ? url : "/" + url);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = r.path("headers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> h = it.next();
      headers.put(h.getKey(), List.of(h.getValue().asText()));
    }
    List<String> auth = op.ex.headers.get("Authorization");
    if (auth != null) {
      headers.put("Authorization", auth);
    }
    byte[] body = new byte[0];
    JsonNode b = r.get("body");
    if (b != null && !b.isNull()) {
      body = b.isTextual() ? b.asText().getBytes(StandardCharsets.UTF_8) : Json.bytes(b);
    }
    Exchange innerEx = new Exchange(method, pathAndQuery, headers, body, true);
    RouteMatcher.Match m = RouteMatcher.match(innerEx.method, innerEx.path);
    Instant received = server.clock().instant();
    Reply inner;
    if (m.route == FakeRoute.BATCH) {
      inner = error(op, 400, "BadRequest", "A batch request cannot contain another batch.");
    } else {
      inner = operation(innerEx, m, op.caller);
    }
    server.record(received, innerEx, m.route, op.t, inner);
    return inner;
  }

  // ---- shapes: entities, collections, paging, $select, $filter ------------------------------

  Reply entity(Op op, String contextPath, ObjectNode item, String type) {
    Set<String> select = new LinkedHashSet<>();
    String bad = parseSelect(op, item, select);
    if (bad != null) {
      return badRequest(op, "Could not find a property named '" + bad + "' on type '" + type + "'.");
    }
    ObjectNode out = Json.object();
    String ctx = contextPath + (select.isEmpty() ? "" : "(" + String.join(",", select) + ")");
    out.put("@odata.context", server.graphEndpoint() + "/$metadata#" + ctx + "/$entity");
    out.setAll(select.isEmpty() ? item : project(item, select));
    Reply r = Reply.json(200, out);
    r.headers.put("OData-Version", "4.0");
    return r;
  }

  /**
   * The page size of a collection request: {@code $top} (1 to 999) when given, else the tenant's or
   * the server's page size; -1 when {@code $top} is not a number in range.
   */
  int pageSize(Op op) {
    String top = op.ex.query.get("$top");
    if (top == null) {
      return op.t.seed.pageSize > 0 ? op.t.seed.pageSize : server.config().pageSize;
    }
    try {
      int n = Integer.parseInt(top.trim());
      return n >= 1 && n <= MAX_TOP ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Graph's 400 for a {@code $top} out of range. */
  Reply badPageSize(Op op) {
    return badRequest(op, "Invalid page size specified: '" + op.ex.query.get("$top")
        + "'. Must be between 1 and " + MAX_TOP + " inclusive.");
  }

  private Reply collection(Op op, String contextPath, List<ObjectNode> items, String type) {
    Set<String> select = new LinkedHashSet<>();
    String bad = items.isEmpty() ? null : parseSelect(op, items.get(0), select);
    if (bad != null) {
      return badRequest(op, "Could not find a property named '" + bad + "' on type '" + type + "'.");
    }
    int pageSize = pageSize(op);
    if (pageSize < 0) {
      return badPageSize(op);
    }
    int offset = 0;
    String skip = skipToken(op.ex.query);
    if (skip != null) {
      Integer o = decodeSkipToken(skip);
      if (o == null) {
        return badRequest(op, "Invalid paging token.");
      }
      offset = o;
    }
    ObjectNode out = Json.object();
    String ctx = contextPath + (select.isEmpty() ? "" : "(" + String.join(",", select) + ")");
    out.put("@odata.context", server.graphEndpoint() + "/$metadata#" + ctx);
    String count = op.ex.query.get("$count");
    if (count != null && count.equalsIgnoreCase("true")) {
      out.put("@odata.count", items.size());
    }
    int end = Math.min(items.size(), offset + pageSize);
    if (end < items.size()) {
      out.put("@odata.nextLink", nextLink(op, end));
    }
    ArrayNode value = out.putArray("value");
    for (int i = offset; i < end; i++) {
      value.add(select.isEmpty() ? items.get(i) : project(items.get(i), select));
    }
    Reply r = Reply.json(200, out);
    r.headers.put("OData-Version", "4.0");
    return r;
  }

  private static @Nullable String skipToken(Map<String, String> query) {
    for (Map.Entry<String, String> e : query.entrySet()) {
      if (e.getKey().equalsIgnoreCase("$skiptoken")) {
        return e.getValue();
      }
    }
    return null;
  }

  String nextLink(Op op, int offset) {
    URI foreign = server.faults().foreignNextLinkHost();
    if (foreign == null) {
      foreign = op.t.faults().foreignNextLinkHost();
    }
    String base = foreign == null ? server.host() : stripSlash(foreign.toString());
    StringBuilder b = new StringBuilder(base).append(op.ex.path).append('?');
    for (Map.Entry<String, String> e : op.ex.query.entrySet()) {
      if (!e.getKey().equalsIgnoreCase("$skiptoken")) {
        b.append(encodeKey(e.getKey())).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20")).append('&');
      }
    }
    b.append("$skiptoken=").append(encodeSkipToken(offset));
    return b.toString();
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static String encodeKey(String key) {
    return key.startsWith("$") ? "$" + URLEncoder.encode(key.substring(1), StandardCharsets.UTF_8) : URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  static String encodeSkipToken(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((SKIP_PREFIX + offset).getBytes(StandardCharsets.US_ASCII));
  }

  static @Nullable Integer decodeSkipToken(String token) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.US_ASCII);
      if (!s.startsWith(SKIP_PREFIX)) {
        return null;
      }
      int o = Integer.parseInt(s.substring(SKIP_PREFIX.length()));
      return o < 0 ? null : o;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Fills {@code out} with the canonical names of {@code $select}; returns a bad name, or null. */
  static @Nullable String parseSelect(Op op, ObjectNode sample, Set<String> out) {
    String select = op.ex.query.get("$select");
    if (select == null || select.isBlank()) {
      return null;
    }
    Map<String, String> canonical = new LinkedHashMap<>();
    for (Iterator<String> it = sample.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      canonical.put(name.toLowerCase(Locale.ROOT), name);
    }
    for (String raw : select.split(",")) {
      String name = raw.trim();
      if (name.isEmpty()) {
        continue;
      }
      String c = canonical.get(name.toLowerCase(Locale.ROOT));
      if (c == null) {
        return name;
      }
      out.add(c);
    }
    return null;
  }

  static ObjectNode project(ObjectNode item, Set<String> select) {
    ObjectNode o = Json.object();
    for (String name : select) {
      JsonNode v = item.get(name);
      if (v != null) {
        o.set(name, v);
      }
    }
    return o;
  }

  /** Parses {@code prop eq 'value'} or {@code prop eq guid}; null when the fake cannot. */
  private static @Nullable Map<String, String> parseFilter(String filter, Set<String> properties) {
    Matcher m = FILTER_EQ.matcher(filter);
    if (!m.matches()) {
      return null;
    }
    String prop = null;
    for (String p : properties) {
      if (p.equalsIgnoreCase(m.group(1))) {
        prop = p;
      }
    }
    if (prop == null) {
      return null;
    }
    String v = m.group(2);
    if (v.startsWith("'")) {
      v = v.substring(1, v.length() - 1).replace("''", "'");
    }
    return Map.of(prop, v);
  }

  private static boolean matches(ObjectNode o, Map<String, String> filter) {
    for (Map.Entry<String, String> e : filter.entrySet()) {
      if (!o.path(e.getKey()).asText("").equalsIgnoreCase(e.getValue())) {
        return false;
      }
    }
    return true;
  }
}
