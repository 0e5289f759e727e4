package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.FakeRoute.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.testkit.FakeRoute;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The B2C data routes: users and their authentication methods, groups and members, user flows,
 * identity providers, directory roles, role assignments, the directory audit log and applications.
 * Authorization comes from {@link FakeRoute#allowedBy()} like every Graph route; a user PATCH is
 * authorized property by property.
 */
final class B2cRoutes {
  private static final Set<String> COLLECTION_OPTIONS = Set.of("$select", "$top", "$skiptoken", "$filter", "$count");
  private static final Set<String> ENTITY_OPTIONS = Set.of("$select");
  private static final Set<FakeRoute> LISTS =
      EnumSet.of(
          LIST_USERS, LIST_AUTHENTICATION_METHODS, LIST_PHONE_METHODS, LIST_EMAIL_METHODS, LIST_GROUPS,
          LIST_GROUP_MEMBERS, LIST_B2C_USER_FLOWS, LIST_B2C_USER_FLOW_IDENTITY_PROVIDERS,
          LIST_B2C_USER_FLOW_ATTRIBUTE_ASSIGNMENTS, LIST_IDENTITY_PROVIDERS, LIST_DIRECTORY_ROLES,
          LIST_DIRECTORY_ROLE_MEMBERS, LIST_ROLE_ASSIGNMENTS, LIST_DIRECTORY_AUDITS, LIST_APPLICATIONS);
  private static final Set<FakeRoute> GETS =
      EnumSet.of(
          GET_USER, GET_PHONE_METHOD, GET_EMAIL_METHOD, GET_GROUP, GET_B2C_USER_FLOW, GET_IDENTITY_PROVIDER,
          GET_ROLE_ASSIGNMENT, GET_DIRECTORY_AUDIT, GET_APPLICATION, GET_DIRECTORY_ROLE);
  private static final List<String> USER_FILTERABLE =
      List.of("id", "displayName", "givenName", "surname", "mail", "userPrincipalName", "accountEnabled", "identities", "otherMails", "mobilePhone", "creationType", "createdDateTime", "userType");
  private static final Set<String> USER_WRITABLE =
      Set.of("accountEnabled", "displayName", "givenName", "surname", "mail", "mailNickname", "userPrincipalName", "passwordProfile", "passwordPolicies", "identities", "otherMails", "mobilePhone", "businessPhones", "jobTitle", "creationType", "userType", "@odata.type");
  private static final Set<String> LOCAL_SIGN_IN = Set.of("emailaddress", "username");
  private static final Set<String> SIGN_IN_TYPES = Set.of("emailaddress", "username", "federated", "userprincipalname");
  private static final Set<String> FLOW_TYPES = Set.of("signUp", "signIn", "signUpOrSignIn", "passwordReset", "profileUpdate", "resourceOwner");
  private static final Pattern MEMBER_REF =
      Pattern.compile("^.*/(?:directoryObjects|users|groups|servicePrincipals)(?:/([^/?'()]+)|\\('([^']+)'\\))/?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern FLOW_NAME = Pattern.compile("^[A-Za-z0-9_-]{1,100}$");

  private final GraphRoutes g;

  B2cRoutes(GraphRoutes g) {
    this.g = g;
  }

  static Set<String> queryOptions(FakeRoute r) {
    return LISTS.contains(r) ? COLLECTION_OPTIONS : GETS.contains(r) ? ENTITY_OPTIONS : Set.of();
  }

  void register(Map<FakeRoute, GraphRoutes.Handler> h) {
    auth(h, LIST_USERS, this::listUsers);
    auth(h, GET_USER, this::getUser);
    auth(h, CREATE_USER, this::createUser);
    for (FakeRoute r : List.of(UPDATE_USER, UPDATE_USER_IDENTITIES, UPDATE_USER_ACCOUNT_ENABLED, UPDATE_USER_OTHER_MAILS, UPDATE_USER_PHONES)) {
      h.put(r, this::updateUser); // authorized property by property
    }
    auth(h, DELETE_USER, this::deleteUser);
    auth(h, LIST_AUTHENTICATION_METHODS, op -> methods(op, "methods"));
    auth(h, LIST_PHONE_METHODS, op -> methods(op, "phoneMethods"));
    auth(h, LIST_EMAIL_METHODS, op -> methods(op, "emailMethods"));
    auth(h, GET_PHONE_METHOD, op -> getMethod(op, true));
    auth(h, GET_EMAIL_METHOD, op -> getMethod(op, false));
    auth(h, CREATE_PHONE_METHOD, this::createPhoneMethod);
    auth(h, CREATE_EMAIL_METHOD, this::createEmailMethod);
    auth(h, DELETE_PHONE_METHOD, op -> deleteMethod(op, true));
    auth(h, DELETE_EMAIL_METHOD, op -> deleteMethod(op, false));
    auth(h, LIST_GROUPS, op -> listObjects(op, B2cSeed.GROUPS, "groups"));
    auth(h, GET_GROUP, op -> getObject(op, B2cSeed.GROUPS, "groups"));
    auth(h, CREATE_GROUP, this::createGroup);
    auth(h, DELETE_GROUP, op -> deleteObject(op, B2cSeed.GROUPS));
    auth(h, LIST_GROUP_MEMBERS, op -> listMembers(op, true));
    auth(h, ADD_GROUP_MEMBER, this::addGroupMember);
    auth(h, REMOVE_GROUP_MEMBER, this::removeGroupMember);
    auth(h, LIST_B2C_USER_FLOWS, op -> listObjects(op, B2cSeed.USER_FLOWS, "identity/b2cUserFlows"));
    auth(h, GET_B2C_USER_FLOW, op -> getObject(op, B2cSeed.USER_FLOWS, "identity/b2cUserFlows"));
    auth(h, LIST_B2C_USER_FLOW_IDENTITY_PROVIDERS, op -> flowNavigation(op, "identityProviders", "identityProvider"));
    auth(h, LIST_B2C_USER_FLOW_ATTRIBUTE_ASSIGNMENTS, op -> flowNavigation(op, "userAttributeAssignments", "identityUserFlowAttributeAssignment"));
    auth(h, CREATE_B2C_USER_FLOW, this::createUserFlow);
    auth(h, DELETE_B2C_USER_FLOW, op -> deleteObject(op, B2cSeed.USER_FLOWS));
    auth(h, UPDATE_B2C_USER_FLOW, this::updateUserFlow);
    auth(h, ADD_B2C_USER_FLOW_IDENTITY_PROVIDER, this::addFlowIdentityProvider);
    auth(h, REMOVE_B2C_USER_FLOW_IDENTITY_PROVIDER, this::removeFlowIdentityProvider);
    auth(h, CREATE_B2C_USER_FLOW_ATTRIBUTE_ASSIGNMENT, this::createFlowAttributeAssignment);
    auth(h, DELETE_B2C_USER_FLOW_ATTRIBUTE_ASSIGNMENT, this::deleteFlowAttributeAssignment);
    auth(h, LIST_IDENTITY_PROVIDERS, op -> listObjects(op, B2cSeed.IDENTITY_PROVIDERS, "identity/identityProviders"));
    auth(h, GET_IDENTITY_PROVIDER, op -> getObject(op, B2cSeed.IDENTITY_PROVIDERS, "identity/identityProviders"));
    auth(h, CREATE_IDENTITY_PROVIDER, this::createIdentityProvider);
    auth(h, UPDATE_IDENTITY_PROVIDER, this::updateIdentityProvider);
    auth(h, DELETE_IDENTITY_PROVIDER, op -> deleteObject(op, B2cSeed.IDENTITY_PROVIDERS));
    auth(h, LIST_DIRECTORY_ROLES, op -> listObjects(op, B2cSeed.DIRECTORY_ROLES, "directoryRoles"));
    auth(h, GET_DIRECTORY_ROLE, op -> getObject(op, B2cSeed.DIRECTORY_ROLES, "directoryRoles"));
    auth(h, LIST_DIRECTORY_ROLE_MEMBERS, op -> listMembers(op, false));
    auth(h, LIST_ROLE_ASSIGNMENTS, op -> listObjects(op, B2cSeed.ROLE_ASSIGNMENTS, "roleManagement/directory/roleAssignments"));
    auth(h, GET_ROLE_ASSIGNMENT, op -> getObject(op, B2cSeed.ROLE_ASSIGNMENTS, "roleManagement/directory/roleAssignments"));
    auth(h, CREATE_ROLE_ASSIGNMENT, this::createRoleAssignment);
    auth(h, DELETE_ROLE_ASSIGNMENT, this::deleteRoleAssignment);
    auth(h, LIST_DIRECTORY_AUDITS, op -> listObjects(op, B2cSeed.DIRECTORY_AUDITS, "auditLogs/directoryAudits"));
    auth(h, GET_DIRECTORY_AUDIT, op -> getObject(op, B2cSeed.DIRECTORY_AUDITS, "auditLogs/directoryAudits"));
    auth(h, LIST_APPLICATIONS, op -> listObjects(op, B2cSeed.APPLICATIONS, "applications"));
    auth(h, GET_APPLICATION, op -> getObject(op, B2cSeed.APPLICATIONS, "applications"));
    auth(h, CREATE_APPLICATION, this::createApplication);
    auth(h, UPDATE_APPLICATION, this::updateApplication);
    auth(h, DELETE_APPLICATION, op -> deleteObject(op, B2cSeed.APPLICATIONS));
  }

  private void auth(Map<FakeRoute, GraphRoutes.Handler> h, FakeRoute route, GraphRoutes.Handler handler) {
    h.put(route, op -> op.route.isAllowedBy(op.caller.roles) ? handler.handle(op) : g.forbidden(op));
  }

  // ---- paging ---------------------------------------------------------------------------------

  /** A collection by position; null at a position means a hole (a deleted object). */
  private interface Source {
    int size();

    @Nullable
    ObjectNode at(int pos);
  }

  private static Source listSource(List<ObjectNode> items) {
    return new Source() {
      @Override
      public int size() {
        return items.size();
      }

      @Override
      public ObjectNode at(int pos) {
        return items.get(pos);
      }
    };
  }

  /**
   * A page of a collection, with {@code $top}, {@code $filter}, {@code $select}, {@code $count} and
   * a {@code $skiptoken} holding the position to continue from.
   *
   * @param sample an object with every property, for {@code $select}; null to take the first item
   * @param defaultView the properties returned without {@code $select}, or null for all
   */
  private Reply page(
      GraphRoutes.Op op,
      String context,
      String type,
      Source src,
      List<String> filterable,
      @Nullable ObjectNode sample,
      @Nullable List<String> defaultView) {
    if (sample == null) {
      for (int i = 0; i < src.size() && sample == null; i++) {
        sample = src.at(i);
      }
    }
    Set<String> select = new LinkedHashSet<>();
    if (sample != null) {
      String bad = GraphRoutes.parseSelect(op, sample, select);
      if (bad != null) {
        return g.badRequest(op, "Could not find a property named '" + bad + "' on type 'microsoft.graph." + type + "'.");
      }
    }
    ODataFilter filter = null;
    String f = op.ex.query.get("$filter");
    if (f != null) {
      try {
        filter = ODataFilter.parse(f, filterable, Character.toUpperCase(type.charAt(0)) + type.substring(1));
      } catch (ODataFilter.Unsupported e) {
        return unsupportedFilter(op, f, e.getMessage());
      }
    }
    int pageSize = g.pageSize(op);
    if (pageSize < 0) {
      return g.badPageSize(op);
    }
    int pos = 0;
    for (Map.Entry<String, String> e : op.ex.query.entrySet()) {
      if (e.getKey().equalsIgnoreCase("$skiptoken")) {
        Integer o = GraphRoutes.decodeSkipToken(e.getValue());
        if (o == null) {
          return g.badRequest(op, "Invalid paging token.");
        }
        pos = o;
      }
    }
    ObjectNode out = Json.object();
    String ctx = context + (select.isEmpty() ? "" : "(" + String.join(",", select) + ")");
    out.put("@odata.context", g.server.graphEndpoint() + "/$metadata#" + ctx);
    String count = op.ex.query.get("$count");
    if (count != null && count.equalsIgnoreCase("true")) {
      int n = 0;
      for (int i = 0; i < src.size(); i++) {
        ObjectNode o = src.at(i);
        if (o != null && (filter == null || filter.test(o))) {
          n++;
        }
      }
      out.put("@odata.count", n);
    }
    List<ObjectNode> items = new ArrayList<>(Math.min(pageSize, 1024));
    int size = src.size();
    int next = -1;
    for (; pos < size; pos++) {
      ObjectNode o = src.at(pos);
      if (o == null || (filter != null && !filter.test(o))) {
        continue;
      }
      if (items.size() == pageSize) {
        next = pos;
        break;
      }
      items.add(o);
    }
    if (next >= 0) {
      out.put("@odata.nextLink", g.nextLink(op, next));
    }
    ArrayNode value = out.putArray("value");
    for (ObjectNode o : items) {
      value.add(view(o, select, defaultView));
    }
    Reply r = Reply.json(200, out);
    r.headers.put("OData-Version", "4.0");
    return r;
  }

  private static ObjectNode view(ObjectNode o, Set<String> select, @Nullable List<String> defaultView) {
    if (!select.isEmpty()) {
      return GraphRoutes.project(o, select);
    }
    if (defaultView == null) {
      return o;
    }
    ObjectNode v = Json.object();
    if (o.has("@odata.type")) {
      v.set("@odata.type", o.get("@odata.type"));
    }
    for (String p : defaultView) {
      JsonNode n = o.get(p);
      if (n != null) {
        v.set(p, n);
      }
    }
    return v;
  }

  private Reply unsupportedFilter(GraphRoutes.Op op, String filter, String message) {
    Reply r = g.error(op, 400, "Request_UnsupportedQuery", message);
    if (g.server.config().strict) {
      r.unmatchedReason = "unsupported $filter=" + filter + " on " + op.route;
    }
    return r;
  }

  private Reply entityView(GraphRoutes.Op op, String context, ObjectNode full, String type, @Nullable List<String> defaultView) {
    boolean hasSelect = op.ex.query.containsKey("$select");
    return g.entity(op, context, hasSelect ? full : view(full, Set.of(), defaultView), type);
  }

  private Reply created(GraphRoutes.Op op, String context, String path, ObjectNode o) {
    ObjectNode out = Json.object();
    out.put("@odata.context", g.server.graphEndpoint() + "/$metadata#" + context + "/$entity");
    out.setAll(o);
    Reply r = Reply.json(201, out);
    r.headers.put("Location", g.server.graphEndpoint() + "/" + path + "/" + o.path("id").asText());
    r.headers.put("OData-Version", "4.0");
    return r;
  }

  private @Nullable ObjectNode body(GraphRoutes.Op op, Reply[] err) {
    JsonNode body = Json.parse(op.ex.body);
    if (body == null || !body.isObject()) {
      err[0] = g.error(op, 400, "BadRequest", "Write requests (excluding DELETE) must contain the Content-Type header declaration.");
      return null;
    }
    return (ObjectNode) body;
  }

  private Reply invalidProperty(GraphRoutes.Op op, String name, String resource) {
    Reply r = g.badRequest(op, "Invalid property '" + name + "' on resource '" + resource + "'.");
    if (g.server.config().strict) {
      r.unmatchedReason = "the fake does not model the property " + name + " on " + op.route;
    }
    return r;
  }

  // ---- users ----------------------------------------------------------------------------------

  private static final List<String> USER_DEFAULT = B2cStore.USER_PROPERTIES.subList(0, B2cStore.USER_DEFAULT_COUNT);

  /** {@code identities/any(c:c/issuerAssignedId eq '…' [and c/issuer eq '…'])}, either order. */
  private static final Pattern IDENTITY_LOOKUP =
      Pattern.compile(
          "^\\s*identities/any\\(\\s*(\\w+)\\s*:\\s*(?:\\1/issuerAssignedId\\s+eq\\s+'((?:[^']|'')*)'(?:\\s+and\\s+\\1/issuer\\s+eq\\s+'((?:[^']|'')*)')?"
              + "|\\1/issuer\\s+eq\\s+'((?:[^']|'')*)'\\s+and\\s+\\1/issuerAssignedId\\s+eq\\s+'((?:[^']|'')*)')\\s*\\)\\s*$",
          Pattern.CASE_INSENSITIVE);

  private Reply listUsers(GraphRoutes.Op op) {
    B2cStore s = op.t.b2c();
    String f = op.ex.query.get("$filter");
    Matcher lookup = f == null ? null : IDENTITY_LOOKUP.matcher(f);
    if (lookup != null && lookup.matches()) {
      // A sign-in name lookup, the common restore query: served from the store's index instead of
      // a scan (the filter is still applied to the result).
      String assigned = (lookup.group(2) != null ? lookup.group(2) : lookup.group(5)).replace("''", "'");
      String issuer = lookup.group(2) != null ? lookup.group(3) : lookup.group(4);
      List<Integer> positions = s.positionsWithIdentity(issuer == null ? null : issuer.replace("''", "'"), assigned);
      Source found =
          new Source() {
            @Override
            public int size() {
              return positions.size();
            }

            @Override
            public @Nullable ObjectNode at(int pos) {
              UserRec u = s.userAt(positions.get(pos));
              return u == null ? null : s.userJson(u);
            }
          };
      return page(op, "users", "user", found, USER_FILTERABLE, s.userJson(new UserRec("x", "x")), USER_DEFAULT);
    }
    Source src =
        new Source() {
          @Override
          public int size() {
            return s.userPositions();
          }

          @Override
          public @Nullable ObjectNode at(int pos) {
            UserRec u = s.userAt(pos);
            return u == null ? null : s.userJson(u);
          }
        };
    return page(op, "users", "user", src, USER_FILTERABLE, s.userJson(new UserRec("x", "x")), USER_DEFAULT);
  }

  private Reply getUser(GraphRoutes.Op op) {
    B2cStore s = op.t.b2c();
    String id = op.m.var("id");
    UserRec u = s.user(id);
    if (u == null) {
      return g.notFound(op, id);
    }
    return entityView(op, "users", s.userJson(u), "user", USER_DEFAULT);
  }

  private Reply createUser(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    B2cStore s = op.t.b2c();
    UserRec u = new UserRec(UUID.randomUUID().toString(), "");
    u.createdEpochSecond = g.server.clock().instant().getEpochSecond();
    String problem = applyUser(op, s, u, b, true);
    if (problem != null) {
      return problem.startsWith("!") ? invalidProperty(op, problem.substring(1), "User") : g.badRequest(op, problem);
    }
    synchronized (s) {
      String conflict = conflicts(s, u);
      if (conflict != null) {
        return g.badRequest(op, conflict);
      }
      s.addUser(u);
    }
    return created(op, "users", "users", view(s.userJson(u), Set.of(), USER_DEFAULT));
  }

  /** The route that authorizes setting a user property. */
  private static FakeRoute userPropertyRoute(String property) {
    switch (property) {
      case "identities":
        return UPDATE_USER_IDENTITIES;
      case "accountEnabled":
        return UPDATE_USER_ACCOUNT_ENABLED;
      case "otherMails":
        return UPDATE_USER_OTHER_MAILS;
      case "mobilePhone":
      case "businessPhones":
        return UPDATE_USER_PHONES;
      default:
        return UPDATE_USER;
    }
  }

  private Reply updateUser(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    Set<FakeRoute> needed = EnumSet.noneOf(FakeRoute.class);
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      needed.add(userPropertyRoute(canonicalUserProperty(it.next())));
    }
    if (needed.isEmpty()) {
      needed.add(UPDATE_USER);
    }
    for (FakeRoute r : needed) {
      if (!r.isAllowedBy(op.caller.roles)) {
        return g.forbidden(op);
      }
    }
    B2cStore s = op.t.b2c();
    String id = op.m.var("id");
    synchronized (s) {
      UserRec current = s.user(id);
      if (current == null) {
        return g.notFound(op, id);
      }
      UserRec u = current.copy();
      String problem = applyUser(op, s, u, b, false);
      if (problem != null) {
        return problem.startsWith("!") ? invalidProperty(op, problem.substring(1), "User") : g.badRequest(op, problem);
      }
      String conflict = conflicts(s, u);
      if (conflict != null) {
        return g.badRequest(op, conflict);
      }
      s.replaceUser(u);
    }
    return Reply.noContent();
  }

  private static String canonicalUserProperty(String name) {
    for (String p : USER_WRITABLE) {
      if (p.equalsIgnoreCase(name)) {
        return p;
      }
    }
    return name;
  }

  private static @Nullable String conflicts(B2cStore s, UserRec u) {
    for (UserRec.Identity i : u.identities) {
      if (!i.signInType.equalsIgnoreCase("userPrincipalName") && i.issuer != null && s.identityOwner(i.issuer, i.issuerAssignedId, u.id) != null) {
        return "Another object with the same value for property identities already exists.";
      }
    }
    if (u.userPrincipalName != null) {
      UserRec other = s.user(u.userPrincipalName);
      if (other != null && !other.id.equalsIgnoreCase(u.id)) {
        return "Another object with the same value for property userPrincipalName already exists.";
      }
    }
    return null;
  }

  /**
   * Applies a create or PATCH body to {@code u}; returns a Graph error message, "!name" for a
   * property the fake does not model, or null when all went well. Nothing is stored here.
   */
  private @Nullable String applyUser(GraphRoutes.Op op, B2cStore s, UserRec u, ObjectNode b, boolean create) {
    boolean password = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = canonicalUserProperty(e.getKey());
      JsonNode v = e.getValue();
      if (!USER_WRITABLE.contains(name)) {
        return "!" + e.getKey();
      }
      switch (name) {
        case "accountEnabled":
          if (!v.isBoolean()) {
            return invalid("accountEnabled");
          }
          u.accountEnabled = v.asBoolean();
          break;
        case "displayName":
          if (!v.isTextual() || v.asText().isBlank()) {
            return invalid("displayName");
          }
          u.displayName = v.asText();
          break;
        case "givenName":
        case "surname":
        case "mail":
        case "jobTitle":
          if (!v.isNull() && !v.isTextual()) {
            return invalid(name);
          }
          String text = v.isNull() ? null : v.asText();
          if (name.equals("givenName")) {
            u.givenName = text;
          } else if (name.equals("surname")) {
            u.surname = text;
          } else if (name.equals("mail")) {
            u.mail = text;
          }
          break;
        case "userPrincipalName":
          if (!v.isTextual() || !v.asText().toLowerCase(Locale.ROOT).endsWith("@" + s.domain.toLowerCase(Locale.ROOT)) || v.asText().indexOf('@') < 1) {
            return "The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.";
          }
          u.userPrincipalName = v.asText();
          break;
        case "passwordProfile":
          if (!v.isObject() || !v.path("password").isTextual() || v.path("password").asText().isBlank()) {
            return invalid("passwordProfile");
          }
          password = true; // never stored
          u.hasPassword = true;
          break;
        case "otherMails":
        case "businessPhones":
          {
            if (!v.isArray()) {
              return invalid(name);
            }
            List<String> values = new ArrayList<>();
            for (JsonNode x : v) {
              if (!x.isTextual() || x.asText().isBlank()) {
                return invalid(name);
              }
              values.add(x.asText());
            }
            if (name.equals("businessPhones") && values.size() > 1) {
              return "Invalid value specified for property 'businessPhones' of resource 'User': only one business phone can be set.";
            }
            if (name.equals("otherMails")) {
              u.otherMails = values.toArray(new String[0]);
            } else {
              u.businessPhones = values.toArray(new String[0]);
            }
            break;
          }
        case "mobilePhone":
          if (!v.isNull() && !v.isTextual()) {
            return invalid("mobilePhone");
          }
          u.mobilePhone = v.isNull() ? null : v.asText();
          break;
        case "identities":
          {
            String problem = applyIdentities(s, u, v);
            if (problem != null) {
              return problem;
            }
            break;
          }
        default:
          break; // mailNickname, passwordPolicies, creationType, userType, @odata.type: accepted, not modelled
      }
    }
    if (create) {
      if (u.displayName.isBlank()) {
        return "Invalid value specified for property 'displayName' of resource 'User'.";
      }
      boolean local = u.identities.length == 0;
      for (UserRec.Identity i : u.identities) {
        if (LOCAL_SIGN_IN.contains(i.signInType.toLowerCase(Locale.ROOT))) {
          local = true;
          u.creationType = "LocalAccount";
        }
      }
      if (local && !password) {
        return "Invalid value specified for property 'passwordProfile' of resource 'User'.";
      }
      if (u.userPrincipalName == null) {
        u.userPrincipalName = u.id + "@" + s.domain;
      }
      ensureUpnIdentity(s, u);
    }
    return null;
  }

  private static String invalid(String property) {
    return "Invalid value specified for property '" + property + "' of resource 'User'.";
  }

  private static @Nullable String applyIdentities(B2cStore s, UserRec u, JsonNode v) {
    if (!v.isArray()) {
      return invalid("identities");
    }
    List<UserRec.Identity> ids = new ArrayList<>();
    for (JsonNode x : v) {
      String type = B2cStore.text(x, "signInType");
      String issuer = B2cStore.text(x, "issuer");
      String assigned = B2cStore.text(x, "issuerAssignedId");
      if (type == null || !SIGN_IN_TYPES.contains(type.toLowerCase(Locale.ROOT)) || issuer == null || issuer.isBlank() || assigned == null || assigned.isBlank()) {
        return invalid("identities");
      }
      boolean local = LOCAL_SIGN_IN.contains(type.toLowerCase(Locale.ROOT)) || type.equalsIgnoreCase("userPrincipalName");
      if (local && !issuer.equalsIgnoreCase(s.domain)) {
        return "The issuer of a local account identity must be the tenant's verified domain '" + s.domain + "', was '" + issuer + "'.";
      }
      for (UserRec.Identity other : ids) {
        if (other.issuer != null && other.issuer.equalsIgnoreCase(issuer) && other.issuerAssignedId.equalsIgnoreCase(assigned)) {
          return "Another object with the same value for property identities already exists.";
        }
      }
      ids.add(new UserRec.Identity(type, issuer, assigned));
    }
    u.identities = ids.toArray(new UserRec.Identity[0]);
    ensureUpnIdentity(s, u);
    return null;
  }

  private static void ensureUpnIdentity(B2cStore s, UserRec u) {
    if (u.userPrincipalName == null) {
      return;
    }
    for (UserRec.Identity i : u.identities) {
      if (i.signInType.equalsIgnoreCase("userPrincipalName")) {
        return;
      }
    }
    UserRec.Identity[] ids = java.util.Arrays.copyOf(u.identities, u.identities.length + 1);
    ids[ids.length - 1] = new UserRec.Identity("userPrincipalName", s.domain, u.userPrincipalName);
    u.identities = ids;
  }

  private Reply deleteUser(GraphRoutes.Op op) {
    String id = op.m.var("id");
    return op.t.b2c().deleteUser(id) ? Reply.noContent() : g.notFound(op, id);
  }

  // ---- authentication methods -----------------------------------------------------------------

  private Reply methods(GraphRoutes.Op op, String nav) {
    B2cStore s = op.t.b2c();
    String id = op.m.var("id");
    UserRec u = s.user(id);
    if (u == null) {
      return g.notFound(op, id);
    }
    List<ObjectNode> items = new ArrayList<>();
    String type;
    if (nav.equals("methods")) {
      items.addAll(B2cStore.methodsJson(u));
      type = "authenticationMethod";
    } else if (nav.equals("phoneMethods")) {
      for (UserRec.Phone p : u.phoneMethods) {
        items.add(B2cStore.phoneMethodJson(p));
      }
      type = "phoneAuthenticationMethod";
    } else {
      if (u.emailMethod != null) {
        items.add(B2cStore.emailMethodJson(u.emailMethod));
      }
      type = "emailAuthenticationMethod";
    }
    return page(op, "users('" + u.id + "')/authentication/" + nav, type, listSource(items), List.of("id"), null, null);
  }

  private Reply getMethod(GraphRoutes.Op op, boolean phone) {
    B2cStore s = op.t.b2c();
    String id = op.m.var("id");
    UserRec u = s.user(id);
    if (u == null) {
      return g.notFound(op, id);
    }
    String mid = op.m.var("methodId");
    String ctx = "users('" + u.id + "')/authentication/" + (phone ? "phoneMethods" : "emailMethods");
    if (phone) {
      for (UserRec.Phone p : u.phoneMethods) {
        if (B2cStore.PHONE_METHOD_IDS.get(p.phoneType).equalsIgnoreCase(mid)) {
          return g.entity(op, ctx, B2cStore.phoneMethodJson(p), "phoneAuthenticationMethod");
        }
      }
    } else if (u.emailMethod != null && B2cStore.EMAIL_METHOD_ID.equalsIgnoreCase(mid)) {
      return g.entity(op, ctx, B2cStore.emailMethodJson(u.emailMethod), "emailAuthenticationMethod");
    }
    return g.notFound(op, mid);
  }

  private Reply createPhoneMethod(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    String number = B2cStore.text(b, "phoneNumber");
    String type = B2cStore.text(b, "phoneType");
    if (number == null || !number.matches("^\\+[0-9]{1,3} ?[0-9]{4,14}(x[0-9]+)?$")) {
      return g.badRequest(op, "Invalid value specified for property 'phoneNumber' of resource 'PhoneAuthenticationMethod'.");
    }
    if (type == null || !B2cStore.PHONE_METHOD_IDS.containsKey(type)) {
      return g.badRequest(op, "Invalid value specified for property 'phoneType' of resource 'PhoneAuthenticationMethod'.");
    }
    B2cStore s = op.t.b2c();
    String id = op.m.var("id");
    UserRec.Phone phone = new UserRec.Phone(type, number);
    synchronized (s) {
      UserRec current = s.user(id);
      if (current == null) {
        return g.notFound(op, id);
      }
      for (UserRec.Phone p : current.phoneMethods) {
        if (p.phoneType.equals(type)) {
          return g.badRequest(op, "A phone method of type '" + type + "' already exists for this user.");
        }
      }
      UserRec u = current.copy();
      UserRec.Phone[] phones = java.util.Arrays.copyOf(u.phoneMethods, u.phoneMethods.length + 1);
      phones[phones.length - 1] = phone;
      u.phoneMethods = phones;
      s.replaceUser(u);
      return created(op, "users('" + u.id + "')/authentication/phoneMethods", "users/" + u.id + "/authentication/phoneMethods", B2cStore.phoneMethodJson(phone));
    }
  }

  private Reply createEmailMethod(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    String address = B2cStore.text(b, "emailAddress");
    if (address == null || !address.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      return g.badRequest(op, "Invalid value specified for property 'emailAddress' of resource 'EmailAuthenticationMethod'.");
    }
    B2cStore s = op.t.b2c();
    String id = op.m.var("id");
    synchronized (s) {
      UserRec current = s.user(id);
      if (current == null) {
        return g.notFound(op, id);
      }
      if (current.emailMethod != null) {
        return g.badRequest(op, "An email method already exists for this user.");
      }
      UserRec u = current.copy();
      u.emailMethod = address;
      s.replaceUser(u);
      return created(op, "users('" + u.id + "')/authentication/emailMethods", "users/" + u.id + "/authentication/emailMethods", B2cStore.emailMethodJson(address));
    }
  }

  private Reply deleteMethod(GraphRoutes.Op op, boolean phone) {
    B2cStore s = op.t.b2c();
    String id = op.m.var("id");
    String mid = op.m.var("methodId");
    synchronized (s) {
      UserRec current = s.user(id);
      if (current == null) {
        return g.notFound(op, id);
      }
      UserRec u = current.copy();
      if (phone) {
        List<UserRec.Phone> kept = new ArrayList<>();
        for (UserRec.Phone p : u.phoneMethods) {
          if (!B2cStore.PHONE_METHOD_IDS.get(p.phoneType).equalsIgnoreCase(mid)) {
            kept.add(p);
          }
        }
        if (kept.size() == u.phoneMethods.length) {
          return g.notFound(op, mid);
        }
        u.phoneMethods = kept.toArray(new UserRec.Phone[0]);
      } else {
        if (u.emailMethod == null || !B2cStore.EMAIL_METHOD_ID.equalsIgnoreCase(mid)) {
          return g.notFound(op, mid);
        }
        u.emailMethod = null;
      }
      s.replaceUser(u);
    }
    return Reply.noContent();
  }

  // ---- generic objects ------------------------------------------------------------------------

  private static ObjectNode strip(String collection, ObjectNode o) {
    if (collection.equals(B2cSeed.USER_FLOWS)) {
      for (String nav : B2cObjects.USER_FLOW_NAVIGATION) {
        o.remove(nav);
      }
    }
    return o;
  }

  private Reply listObjects(GraphRoutes.Op op, String collection, String context) {
    B2cStore s = op.t.b2c();
    Source src =
        new Source() {
          @Override
          public int size() {
            return s.objectPositions(collection);
          }

          @Override
          public @Nullable ObjectNode at(int pos) {
            ObjectNode o = s.objectAt(collection, pos);
            return o == null ? null : strip(collection, o);
          }
        };
    return page(op, context, B2cObjects.TYPES.get(collection), src, B2cObjects.FILTERABLE.get(collection), null, null);
  }

  private @Nullable ObjectNode lookup(GraphRoutes.Op op, String collection) {
    String id = op.m.var("id");
    B2cStore s = op.t.b2c();
    if (collection.equals(B2cSeed.APPLICATIONS) && id.startsWith("(")) {
      Matcher m = Pattern.compile("^\\(appId='([^']*)'\\)$", Pattern.CASE_INSENSITIVE).matcher(id);
      if (!m.matches()) {
        return null;
      }
      for (int i = 0; i < s.objectPositions(collection); i++) {
        ObjectNode o = s.objectAt(collection, i);
        if (o != null && o.path("appId").asText().equalsIgnoreCase(m.group(1))) {
          return o;
        }
      }
      return null;
    }
    return s.object(collection, id);
  }

  private Reply getObject(GraphRoutes.Op op, String collection, String context) {
    ObjectNode o = lookup(op, collection);
    if (o == null) {
      return g.notFound(op, op.m.var("id"));
    }
    return g.entity(op, context, strip(collection, o), B2cObjects.TYPES.get(collection));
  }

  private Reply deleteObject(GraphRoutes.Op op, String collection) {
    ObjectNode o = lookup(op, collection);
    if (o == null || !op.t.b2c().deleteObject(collection, o.path("id").asText())) {
      return g.notFound(op, op.m.var("id"));
    }
    return Reply.noContent();
  }

  private Reply listMembers(GraphRoutes.Op op, boolean group) {
    B2cStore s = op.t.b2c();
    String id = op.m.var("id");
    String collection = group ? B2cSeed.GROUPS : B2cSeed.DIRECTORY_ROLES;
    if (s.object(collection, id) == null) {
      return g.notFound(op, id);
    }
    List<ObjectNode> items = new ArrayList<>();
    for (String m : s.members(group, id)) {
      ObjectNode o = s.directoryObject(m);
      if (o != null) {
        items.add(o);
      }
    }
    String ctx = "directoryObjects";
    return page(op, ctx, "directoryObject", listSource(items), List.of("id", "displayName"), null, null);
  }

  private Reply addGroupMember(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    B2cStore s = op.t.b2c();
    String id = op.m.var("id");
    if (s.object(B2cSeed.GROUPS, id) == null) {
      return g.notFound(op, id);
    }
    String ref = B2cStore.text(b, "@odata.id");
    Matcher m = ref == null ? null : MEMBER_REF.matcher(ref);
    if (m == null || !m.matches()) {
      return g.badRequest(op, "Invalid object identifier '" + (ref == null ? "" : ref) + "'.");
    }
    String memberId = m.group(1) != null ? m.group(1) : m.group(2);
    ObjectNode member = s.directoryObject(memberId);
    if (member == null) {
      return g.notFound(op, memberId);
    }
    if (!s.addMember(true, id, member.path("id").asText())) {
      return g.badRequest(op, "One or more added object references already exist for the following modified properties: 'members'.");
    }
    return Reply.noContent();
  }

  private static final Set<String> GROUP_WRITABLE =
      Set.of("displayName", "description", "mailEnabled", "mailNickname", "securityEnabled", "groupTypes", "visibility", "classification");

  private Reply createGroup(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!GROUP_WRITABLE.contains(f)) {
        return invalidProperty(op, f, "Group");
      }
    }
    String name = B2cStore.text(b, "displayName");
    if (name == null || name.isBlank()) {
      return g.badRequest(op, "Invalid value specified for property 'displayName' of resource 'Group'.");
    }
    String nick = B2cStore.text(b, "mailNickname");
    if (nick == null || nick.isBlank() || !nick.matches("^[\\x21-\\x7E&&[^@()\\\\\\[\\]\";:<>,]]{1,64}$")) {
      return g.badRequest(op, "Invalid value specified for property 'mailNickname' of resource 'Group'.");
    }
    for (String flag : List.of("mailEnabled", "securityEnabled")) {
      if (!b.path(flag).isBoolean()) {
        return g.badRequest(op, "Invalid value specified for property '" + flag + "' of resource 'Group'.");
      }
    }
    if (b.has("groupTypes") && (!b.get("groupTypes").isArray() || b.get("groupTypes").size() > 0)) {
      // Microsoft 365 (Unified) and dynamic groups do not exist in B2C tenants.
      return g.badRequest(op, "Invalid value specified for property 'groupTypes' of resource 'Group': only security groups are modelled.");
    }
    if (b.path("mailEnabled").asBoolean() || !b.path("securityEnabled").asBoolean()) {
      return g.badRequest(op, "Only security groups (mailEnabled false, securityEnabled true) can be created in this tenant.");
    }
    ObjectNode given = b.deepCopy();
    ObjectNode group = B2cObjects.withDefaults(B2cSeed.GROUPS, given, Json.timestamp(g.server.clock().instant()));
    op.t.b2c().addObject(B2cSeed.GROUPS, group);
    return created(op, "groups", "groups", group.deepCopy());
  }

  private Reply removeGroupMember(GraphRoutes.Op op) {
    B2cStore s = op.t.b2c();
    String id = op.m.var("id");
    if (s.object(B2cSeed.GROUPS, id) == null) {
      return g.notFound(op, id);
    }
    String memberId = op.m.var("memberId");
    return s.removeMember(true, id, memberId) ? Reply.noContent() : g.notFound(op, memberId);
  }

  // ---- user flows and identity providers ------------------------------------------------------

  private Reply flowNavigation(GraphRoutes.Op op, String nav, String type) {
    ObjectNode flow = lookup(op, B2cSeed.USER_FLOWS);
    if (flow == null) {
      return g.notFound(op, op.m.var("id"));
    }
    List<ObjectNode> items = new ArrayList<>();
    for (JsonNode n : flow.path(nav)) {
      if (n.isObject()) {
        items.add((ObjectNode) n);
      }
    }
    String ctx = "identity/b2cUserFlows('" + flow.path("id").asText() + "')/" + nav;
    return page(op, ctx, type, listSource(items), List.of("id"), null, null);
  }

  private Reply createUserFlow(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    String name = B2cStore.text(b, "id");
    if (name == null || !FLOW_NAME.matcher(name).matches()) {
      return g.badRequest(op, "Invalid value specified for property 'id' of resource 'B2cIdentityUserFlow'.");
    }
    String type = B2cStore.text(b, "userFlowType");
    if (type == null || !FLOW_TYPES.contains(type)) {
      return g.badRequest(op, "Invalid value specified for property 'userFlowType' of resource 'B2cIdentityUserFlow'.");
    }
    if (!b.path("userFlowTypeVersion").isNumber()) {
      return g.badRequest(op, "Invalid value specified for property 'userFlowTypeVersion' of resource 'B2cIdentityUserFlow'.");
    }
    String id = name.regionMatches(true, 0, "B2C_1_", 0, 6) ? "B2C_1_" + name.substring(6) : "B2C_1_" + name;
    B2cStore s = op.t.b2c();
    ObjectNode flow = Json.object();
    flow.put("id", id);
    flow.put("userFlowType", type);
    flow.put("userFlowTypeVersion", b.path("userFlowTypeVersion").asDouble());
    flow.put("isLanguageCustomizationEnabled", b.path("isLanguageCustomizationEnabled").asBoolean(false));
    flow.put("defaultLanguageTag", b.path("defaultLanguageTag").asText("en"));
    ArrayNode idps = flow.putArray("identityProviders");
    for (JsonNode p : b.path("identityProviders")) {
      String pid = p.path("id").asText("");
      ObjectNode known = s.object(B2cSeed.IDENTITY_PROVIDERS, pid);
      if (pid.isEmpty()) {
        return g.badRequest(op, "Invalid value specified for property 'identityProviders' of resource 'B2cIdentityUserFlow'.");
      }
      idps.add(known != null ? known : (ObjectNode) Json.object().put("id", pid));
    }
    if (b.has("userAttributeAssignments")) {
      flow.set("userAttributeAssignments", b.get("userAttributeAssignments").deepCopy());
    }
    synchronized (s) {
      if (s.object(B2cSeed.USER_FLOWS, id) != null) {
        return g.error(op, 409, "AADB2C_UserFlowAlreadyExists", "A user flow with the id '" + id + "' already exists.");
      }
      s.addObject(B2cSeed.USER_FLOWS, flow);
    }
    return created(op, "identity/b2cUserFlows", "identity/b2cUserFlows", strip(B2cSeed.USER_FLOWS, flow.deepCopy()));
  }

  private static final Set<String> FLOW_UPDATABLE = Set.of("isLanguageCustomizationEnabled", "defaultLanguageTag");
  private static final Set<String> FLOW_FIXED = Set.of("id", "userFlowType", "userFlowTypeVersion", "identityProviders", "userAttributeAssignments");
  private static final Pattern IDP_REF =
      Pattern.compile("^.*/identity/identityProviders(?:/([^/?'()]+)|\\('([^']+)'\\))/?$", Pattern.CASE_INSENSITIVE);
  private static final Set<String> ATTRIBUTE_ASSIGNMENT_WRITABLE =
      Set.of("displayName", "isOptional", "requiresVerification", "userInputType", "userAttributeValues", "userAttribute");
  private static final Set<String> USER_INPUT_TYPES =
      Set.of("textBox", "dateTimeDropdown", "radioSingleSelect", "dropdownSingleSelect", "emailBox", "checkboxMultiSelect");

  private Reply updateUserFlow(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (FLOW_FIXED.contains(f)) {
        // Graph's own refusal, not a gap of the fake: these are set once, at creation.
        return g.badRequest(op, "Property '" + f + "' of resource 'B2cIdentityUserFlow' cannot be updated after creation.");
      }
      if (!FLOW_UPDATABLE.contains(f)) {
        return invalidProperty(op, f, "B2cIdentityUserFlow");
      }
    }
    if (b.has("isLanguageCustomizationEnabled") && !b.get("isLanguageCustomizationEnabled").isBoolean()) {
      return g.badRequest(op, "Invalid value specified for property 'isLanguageCustomizationEnabled' of resource 'B2cIdentityUserFlow'.");
    }
    if (b.has("defaultLanguageTag") && (!b.get("defaultLanguageTag").isTextual() || b.get("defaultLanguageTag").asText().isBlank())) {
      return g.badRequest(op, "Invalid value specified for property 'defaultLanguageTag' of resource 'B2cIdentityUserFlow'.");
    }
    B2cStore s = op.t.b2c();
    synchronized (s) {
      ObjectNode flow = lookup(op, B2cSeed.USER_FLOWS);
      if (flow == null) {
        return g.notFound(op, op.m.var("id"));
      }
      flow.setAll(b.deepCopy());
      s.replaceObject(B2cSeed.USER_FLOWS, flow);
    }
    return Reply.noContent();
  }

  private Reply addFlowIdentityProvider(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    String ref = B2cStore.text(b, "@odata.id");
    Matcher m = ref == null ? null : IDP_REF.matcher(ref);
    if (m == null || !m.matches()) {
      return g.badRequest(op, "Invalid object identifier '" + (ref == null ? "" : ref) + "'.");
    }
    String pid = m.group(1) != null ? m.group(1) : m.group(2);
    B2cStore s = op.t.b2c();
    synchronized (s) {
      ObjectNode flow = lookup(op, B2cSeed.USER_FLOWS);
      if (flow == null) {
        return g.notFound(op, op.m.var("id"));
      }
      ObjectNode idp = s.object(B2cSeed.IDENTITY_PROVIDERS, pid);
      if (idp == null) {
        return g.notFound(op, pid);
      }
      ArrayNode list = flow.has("identityProviders") && flow.get("identityProviders").isArray() ? (ArrayNode) flow.get("identityProviders") : flow.putArray("identityProviders");
      for (JsonNode p : list) {
        if (p.path("id").asText().equalsIgnoreCase(pid)) {
          return g.badRequest(op, "One or more added object references already exist for the following modified properties: 'identityProviders'.");
        }
      }
      list.add(idp);
      s.replaceObject(B2cSeed.USER_FLOWS, flow);
    }
    return Reply.noContent();
  }

  private Reply removeFlowIdentityProvider(GraphRoutes.Op op) {
    return removeFromFlow(op, "identityProviders", op.m.var("providerId"));
  }

  /** Removes the entry {@code id} from the user flow's {@code list}; 404 for an unknown flow or entry. */
  private Reply removeFromFlow(GraphRoutes.Op op, String list, String id) {
    B2cStore s = op.t.b2c();
    synchronized (s) {
      ObjectNode flow = lookup(op, B2cSeed.USER_FLOWS);
      if (flow == null) {
        return g.notFound(op, op.m.var("id"));
      }
      if (!removeById(flow.path(list), id)) {
        return g.notFound(op, id);
      }
      s.replaceObject(B2cSeed.USER_FLOWS, flow);
    }
    return Reply.noContent();
  }

  private static boolean removeById(JsonNode list, String id) {
    if (!list.isArray()) {
      return false;
    }
    for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
      if (it.next().path("id").asText().equalsIgnoreCase(id)) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  private Reply createFlowAttributeAssignment(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!ATTRIBUTE_ASSIGNMENT_WRITABLE.contains(f)) {
        return invalidProperty(op, f, "IdentityUserFlowAttributeAssignment");
      }
    }
    String attribute = B2cStore.text(b.path("userAttribute"), "id");
    if (attribute == null || attribute.isBlank()) {
      return g.badRequest(op, "Invalid value specified for property 'userAttribute' of resource 'IdentityUserFlowAttributeAssignment'.");
    }
    String inputType = b.has("userInputType") ? B2cStore.text(b, "userInputType") : "textBox";
    if (inputType == null || !USER_INPUT_TYPES.contains(inputType)) {
      return g.badRequest(op, "Invalid value specified for property 'userInputType' of resource 'IdentityUserFlowAttributeAssignment'.");
    }
    for (String flag : List.of("isOptional", "requiresVerification")) {
      if (b.has(flag) && !b.get(flag).isBoolean()) {
        return g.badRequest(op, "Invalid value specified for property '" + flag + "' of resource 'IdentityUserFlowAttributeAssignment'.");
      }
    }
    if (b.has("userAttributeValues") && !b.get("userAttributeValues").isArray()) {
      return g.badRequest(op, "Invalid value specified for property 'userAttributeValues' of resource 'IdentityUserFlowAttributeAssignment'.");
    }
    ObjectNode a = Json.object();
    a.put("id", attribute);
    a.put("displayName", b.has("displayName") ? b.path("displayName").asText() : attribute);
    a.put("isOptional", b.path("isOptional").asBoolean(false));
    a.put("requiresVerification", b.path("requiresVerification").asBoolean(false));
    a.put("userInputType", inputType);
    a.set("userAttributeValues", b.has("userAttributeValues") ? b.get("userAttributeValues").deepCopy() : Json.object().arrayNode());
    B2cStore s = op.t.b2c();
    String flowId;
    synchronized (s) {
      ObjectNode flow = lookup(op, B2cSeed.USER_FLOWS);
      if (flow == null) {
        return g.notFound(op, op.m.var("id"));
      }
      flowId = flow.path("id").asText();
      ArrayNode list = flow.has("userAttributeAssignments") && flow.get("userAttributeAssignments").isArray() ? (ArrayNode) flow.get("userAttributeAssignments") : flow.putArray("userAttributeAssignments");
      for (JsonNode x : list) {
        if (x.path("id").asText().equalsIgnoreCase(attribute)) {
          return g.error(op, 409, "Conflict", "The user attribute '" + attribute + "' is already assigned to the user flow '" + flowId + "'.");
        }
      }
      list.add(a);
      s.replaceObject(B2cSeed.USER_FLOWS, flow);
    }
    String nav = "identity/b2cUserFlows('" + flowId + "')/userAttributeAssignments";
    return created(op, nav, nav, a.deepCopy());
  }

  private Reply deleteFlowAttributeAssignment(GraphRoutes.Op op) {
    return removeFromFlow(op, "userAttributeAssignments", op.m.var("attributeId"));
  }

  private static final Set<String> IDP_TYPES =
      Set.of("#microsoft.graph.socialIdentityProvider", "#microsoft.graph.appleManagedIdentityProvider", "#microsoft.graph.openIdConnectIdentityProvider");
  private static final Set<String> IDP_WRITABLE =
      Set.of("@odata.type", "id", "displayName", "identityProviderType", "clientId", "clientSecret", "developerId", "serviceId", "keyId", "certificateData", "metadataUrl", "scope", "responseType", "responseMode", "domainHint", "claimsMapping");

  private Reply createIdentityProvider(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    String type = B2cStore.text(b, "@odata.type");
    if (type != null && !type.startsWith("#")) {
      type = "#" + type;
    }
    if (type == null || !IDP_TYPES.contains(type)) {
      return g.badRequest(op, "Invalid value specified for property '@odata.type' of resource 'IdentityProviderBase'.");
    }
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!IDP_WRITABLE.contains(f)) {
        return invalidProperty(op, f, "IdentityProviderBase");
      }
    }
    for (String required : type.endsWith("socialIdentityProvider") ? List.of("displayName", "identityProviderType", "clientId", "clientSecret") : List.of("displayName")) {
      if (B2cStore.text(b, required) == null || B2cStore.text(b, required).isBlank()) {
        return g.badRequest(op, "Invalid value specified for property '" + required + "' of resource 'IdentityProviderBase'.");
      }
    }
    ObjectNode given = b.deepCopy();
    given.put("@odata.type", type);
    if (!given.hasNonNull("id") && !type.endsWith("socialIdentityProvider")) {
      given.put("id", (type.endsWith("appleManagedIdentityProvider") ? "Apple-Managed-OIDC" : "OIDC-" + Ids.fastRandom().toString().substring(0, 8)));
    }
    ObjectNode idp = B2cObjects.withDefaults(B2cSeed.IDENTITY_PROVIDERS, given, Json.timestamp(g.server.clock().instant()));
    B2cStore s = op.t.b2c();
    synchronized (s) {
      if (s.object(B2cSeed.IDENTITY_PROVIDERS, idp.path("id").asText()) != null) {
        return g.error(op, 409, "Conflict", "An identity provider with the id '" + idp.path("id").asText() + "' already exists.");
      }
      s.addObject(B2cSeed.IDENTITY_PROVIDERS, idp);
    }
    return created(op, "identity/identityProviders", "identity/identityProviders", idp.deepCopy());
  }

  private Reply updateIdentityProvider(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!IDP_WRITABLE.contains(f) || f.equals("id") || f.equals("@odata.type") || f.equals("identityProviderType")) {
        return invalidProperty(op, f, "IdentityProviderBase");
      }
    }
    B2cStore s = op.t.b2c();
    synchronized (s) {
      ObjectNode idp = lookup(op, B2cSeed.IDENTITY_PROVIDERS);
      if (idp == null) {
        return g.notFound(op, op.m.var("id"));
      }
      idp.setAll(b.deepCopy());
      if (idp.has("clientSecret")) {
        idp.put("clientSecret", "*****");
      }
      s.replaceObject(B2cSeed.IDENTITY_PROVIDERS, idp);
    }
    return Reply.noContent();
  }

  // ---- role assignments -----------------------------------------------------------------------

  private Reply createRoleAssignment(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    String principal = B2cStore.text(b, "principalId");
    String role = B2cStore.text(b, "roleDefinitionId");
    String scope = B2cStore.text(b, "directoryScopeId");
    if (principal == null || Ids.parseGuid(principal) == null) {
      return g.badRequest(op, "Invalid value specified for property 'principalId' of resource 'UnifiedRoleAssignment'.");
    }
    if (role == null || Ids.parseGuid(role) == null) {
      return g.badRequest(op, "Invalid value specified for property 'roleDefinitionId' of resource 'UnifiedRoleAssignment'.");
    }
    if (scope == null || !scope.startsWith("/")) {
      return g.badRequest(op, "Invalid value specified for property 'directoryScopeId' of resource 'UnifiedRoleAssignment'.");
    }
    B2cStore s = op.t.b2c();
    synchronized (s) {
      if (s.directoryObject(principal) == null && !principal.equalsIgnoreCase(op.t.seed.backupServicePrincipalId.toString())) {
        return g.badRequest(op, "Invalid value specified for property 'principalId' of resource 'UnifiedRoleAssignment': the principal does not exist.");
      }
      for (int i = 0; i < s.objectPositions(B2cSeed.ROLE_ASSIGNMENTS); i++) {
        ObjectNode o = s.objectAt(B2cSeed.ROLE_ASSIGNMENTS, i);
        if (o != null && o.path("principalId").asText().equalsIgnoreCase(principal) && o.path("roleDefinitionId").asText().equalsIgnoreCase(role) && o.path("directoryScopeId").asText().equalsIgnoreCase(scope)) {
          return g.badRequest(op, "A conflicting object with one or more of the specified property values is present in the directory.");
        }
      }
      ObjectNode a = Json.object();
      a.put("id", B2cObjects.roleAssignmentId());
      a.put("principalId", principal);
      a.put("roleDefinitionId", role);
      a.put("directoryScopeId", scope);
      s.addObject(B2cSeed.ROLE_ASSIGNMENTS, a);
      String roleObject = directoryRoleFor(s, role);
      if (roleObject != null && scope.equals("/")) {
        s.addMember(false, roleObject, principal);
      }
      return created(op, "roleManagement/directory/roleAssignments", "roleManagement/directory/roleAssignments", a.deepCopy());
    }
  }

  private static @Nullable String directoryRoleFor(B2cStore s, String roleDefinitionId) {
    for (int i = 0; i < s.objectPositions(B2cSeed.DIRECTORY_ROLES); i++) {
      ObjectNode r = s.objectAt(B2cSeed.DIRECTORY_ROLES, i);
      if (r != null && r.path("roleTemplateId").asText().equalsIgnoreCase(roleDefinitionId)) {
        return r.path("id").asText();
      }
    }
    return null;
  }

  private Reply deleteRoleAssignment(GraphRoutes.Op op) {
    B2cStore s = op.t.b2c();
    String id = op.m.var("id");
    synchronized (s) {
      ObjectNode a = s.object(B2cSeed.ROLE_ASSIGNMENTS, id);
      if (a == null) {
        return g.notFound(op, id);
      }
      s.deleteObject(B2cSeed.ROLE_ASSIGNMENTS, id);
      String roleObject = directoryRoleFor(s, a.path("roleDefinitionId").asText());
      if (roleObject != null) {
        s.removeMember(false, roleObject, a.path("principalId").asText());
      }
    }
    return Reply.noContent();
  }

  // ---- applications ---------------------------------------------------------------------------

  private Reply createApplication(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    String name = B2cStore.text(b, "displayName");
    if (name == null || name.isBlank()) {
      return g.badRequest(op, "Invalid value specified for property 'displayName' of resource 'Application'.");
    }
    ObjectNode template = B2cObjects.withDefaults(B2cSeed.APPLICATIONS, Json.object(), Json.timestamp(g.server.clock().instant()));
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!template.has(f) || f.equals("id") || f.equals("appId") || f.equals("createdDateTime") || f.equals("deletedDateTime")) {
        return invalidProperty(op, f, "Application");
      }
    }
    template.setAll(b.deepCopy());
    template.put("publisherDomain", op.t.seed.domain);
    op.t.b2c().addObject(B2cSeed.APPLICATIONS, template);
    return created(op, "applications", "applications", template.deepCopy());
  }

  private Reply updateApplication(GraphRoutes.Op op) {
    Reply[] err = new Reply[1];
    ObjectNode b = body(op, err);
    if (b == null) {
      return err[0];
    }
    B2cStore s = op.t.b2c();
    synchronized (s) {
      ObjectNode app = lookup(op, B2cSeed.APPLICATIONS);
      if (app == null) {
        return g.notFound(op, op.m.var("id"));
      }
      for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!app.has(f) || f.equals("id") || f.equals("appId") || f.equals("createdDateTime") || f.equals("deletedDateTime")) {
          return invalidProperty(op, f, "Application");
        }
      }
      app.setAll(b.deepCopy());
      s.replaceObject(B2cSeed.APPLICATIONS, app);
    }
    return Reply.noContent();
  }
}
