package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code /users}: list (with the sign-in name lookup served from the store's index), get, create,
 * PATCH and delete. A PATCH is authorized property by property: each property it sets needs the
 * route table entry that governs it.
 */
final class UserHandler {
  private static final List<String> FILTERABLE =
      List.of("id", "displayName", "givenName", "surname", "mail", "userPrincipalName", "accountEnabled", "identities", "otherMails", "mobilePhone", "creationType", "createdDateTime", "userType");
  private static final List<String> DEFAULT_VIEW = UserShapes.PROPERTIES.subList(0, UserShapes.DEFAULT_COUNT);

  /** {@code identities/any(c:c/issuerAssignedId eq '…' [and c/issuer eq '…'])}, either order. */
  private static final Pattern IDENTITY_LOOKUP =
      Pattern.compile(
          "^\\s*identities/any\\(\\s*(\\w+)\\s*:\\s*(?:\\1/issuerAssignedId\\s+eq\\s+'((?:[^']|'')*)'(?:\\s+and\\s+\\1/issuer\\s+eq\\s+'((?:[^']|'')*)')?"
              + "|\\1/issuer\\s+eq\\s+'((?:[^']|'')*)'\\s+and\\s+\\1/issuerAssignedId\\s+eq\\s+'((?:[^']|'')*)')\\s*\\)\\s*$",
          Pattern.CASE_INSENSITIVE);

  void register(RouteTable routes) {
    routes.collection("LIST_USERS", this::list);
    routes.entity("GET_USER", this::get);
    routes.write("CREATE_USER", this::create);
    for (String r : List.of("UPDATE_USER", "UPDATE_USER_IDENTITIES", "UPDATE_USER_ACCOUNT_ENABLED", "UPDATE_USER_OTHER_MAILS", "UPDATE_USER_PHONES")) {
      routes.add(r, RouteTable.NONE, UserHandler::mayPatch, this::update);
    }
    routes.write("DELETE_USER", this::delete);
  }

  /** The route whose permissions govern setting a user property. */
  static String propertyRoute(String property) {
    switch (property) {
      case "identities":
        return "UPDATE_USER_IDENTITIES";
      case "accountEnabled":
        return "UPDATE_USER_ACCOUNT_ENABLED";
      case "otherMails":
        return "UPDATE_USER_OTHER_MAILS";
      case "mobilePhone":
      case "businessPhones":
        return "UPDATE_USER_PHONES";
      default:
        return "UPDATE_USER";
    }
  }

  /** Every property the body sets is allowed; a body that is not an object is left to the handler's 400. */
  private static boolean mayPatch(GraphRequest op) {
    JsonNode body = Json.parse(op.ex.body);
    if (body == null || !body.isObject()) {
      return true;
    }
    Set<String> needed = new HashSet<>();
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      needed.add(propertyRoute(UserPatch.canonical(it.next())));
    }
    if (needed.isEmpty()) {
      needed.add("UPDATE_USER");
    }
    for (String r : needed) {
      if (!op.server.routes().named(r).isAllowedBy(op.caller.roles)) {
        return false;
      }
    }
    return true;
  }

  private Reply list(GraphRequest op) {
    B2cStore s = op.b2c();
    ObjectNode sample = s.userJson(new UserRec("x", "x"));
    String f = op.query("$filter");
    Matcher lookup = f == null ? null : IDENTITY_LOOKUP.matcher(f);
    if (lookup != null && lookup.matches()) {
      // A sign-in name lookup, the common restore query: served from the store's index instead of
      // a scan (the filter is still applied to the result).
      String assigned = (lookup.group(2) != null ? lookup.group(2) : lookup.group(5)).replace("''", "'");
      String issuer = lookup.group(2) != null ? lookup.group(3) : lookup.group(4);
      List<Integer> positions = s.positionsWithIdentity(issuer == null ? null : issuer.replace("''", "'"), assigned);
      ODataSource found = users(s, positions.size(), positions::get);
      return ODataReplies.collection(op, "users", "user", found, FILTERABLE, sample, UserBasicProfile.defaultView(op, DEFAULT_VIEW));
    }
    ODataSource all = users(s, s.userPositions(), pos -> pos);
    return ODataReplies.collection(op, "users", "user", all, FILTERABLE, sample, UserBasicProfile.defaultView(op, DEFAULT_VIEW));
  }

  /** The users at {@code size} store positions, the {@code i}th at {@code position(i)}. */
  private static ODataSource users(B2cStore s, int size, IntUnaryOperator position) {
    return new ODataSource() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public @Nullable ObjectNode at(int pos) {
        UserRec u = s.userAt(position.applyAsInt(pos));
        return u == null ? null : s.userJson(u);
      }
    };
  }

  private Reply get(GraphRequest op) {
    B2cStore s = op.b2c();
    UserRec u = user(s, op.var("id"));
    List<String> view = UserBasicProfile.defaultView(op, DEFAULT_VIEW);
    return ODataReplies.entity(op, "users", s.userJson(u), "user", view);
  }

  /**
   * The user with an object id or userPrincipalName.
   *
   * @throws GraphErrorException 404 when there is none
   */
  static UserRec user(B2cStore s, String id) {
    UserRec u = s.user(id);
    if (u == null) {
      throw GraphErrorException.notFound(id);
    }
    return u;
  }

  private Reply create(GraphRequest op) {
    ObjectNode b = op.body();
    B2cStore s = op.b2c();
    UserRec u = new UserRec(UUID.randomUUID().toString(), "");
    u.createdEpochSecond = op.server.clock().instant().getEpochSecond();
    UserPatch.apply(op, s, u, b, true);
    synchronized (s) {
      refuseConflict(s, u);
      s.addUser(u);
    }
    return ODataReplies.created(op, "users", "users", ODataSelect.view(s.userJson(u), Set.of(), DEFAULT_VIEW));
  }

  private Reply update(GraphRequest op) {
    ObjectNode b = op.body();
    B2cStore s = op.b2c();
    synchronized (s) {
      UserRec u = user(s, op.var("id")).copy();
      UserPatch.apply(op, s, u, b, false);
      refuseConflict(s, u);
      s.replaceUser(u);
    }
    return Reply.noContent();
  }

  private static void refuseConflict(B2cStore s, UserRec u) {
    String conflict = UserPatch.conflict(s, u);
    if (conflict != null) {
      throw GraphErrorException.badRequest(conflict);
    }
  }

  private Reply delete(GraphRequest op) {
    String id = op.var("id");
    if (!op.b2c().deleteUser(id)) {
      throw GraphErrorException.notFound(id);
    }
    return Reply.noContent();
  }
}
