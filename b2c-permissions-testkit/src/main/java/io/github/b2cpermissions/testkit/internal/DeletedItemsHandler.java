package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /directory/deletedItems}: the users and applications a {@code DELETE} moved there (Entra ID
 * soft-deletes both), listed by type cast, read, restored ({@code POST …/restore}: a user comes back
 * with its group memberships) and deleted for good. Groups are never there: a B2C tenant has only
 * security groups, which Entra ID deletes for good, so their listing is always empty. A path with
 * an id is authorized by the row of the deleted item's type; an unknown id by any of them (then 404).
 */
final class DeletedItemsHandler {
  private static final String CONTEXT = "directory/deletedItems";
  /** A deleted user shows its default properties and when it was deleted. */
  private static final List<String> USER_VIEW;

  static {
    List<String> v = new ArrayList<>(UserShapes.PROPERTIES.subList(0, UserShapes.DEFAULT_COUNT));
    v.add("deletedDateTime");
    USER_VIEW = List.copyOf(v);
  }

  void register(RouteTable routes) {
    routes.collection("LIST_DELETED_USERS", this::listUsers);
    routes.collection(
        "LIST_DELETED_GROUPS",
        op -> ODataReplies.collection(op, CONTEXT + "/microsoft.graph.group", "group", ODataSource.of(List.of()), List.of("id", "displayName"), groupSample(op), null));
    routes.collection("LIST_DELETED_APPLICATIONS", this::listApplications);
    registerByType(routes, RouteTable.ENTITY, "GET_DELETED_USER", "GET_DELETED_APPLICATION", this::get);
    registerByType(routes, RouteTable.NONE, "RESTORE_DELETED_USER", "RESTORE_DELETED_APPLICATION", this::restore);
    registerByType(routes, RouteTable.NONE, "PERMANENTLY_DELETE_USER", "PERMANENTLY_DELETE_APPLICATION", this::purge);
  }

  /** Registers the user and the application route of one operation on a deleted item. */
  private static void registerByType(
      RouteTable routes, Set<String> options, String userRoute, String applicationRoute, GraphOperation operation) {
    Authorization rule = byType(routes.route(userRoute), routes.route(applicationRoute));
    routes.add(userRoute, options, rule, operation);
    routes.add(applicationRoute, options, rule, operation);
  }

  /** The row of the deleted item's type decides; without such an item, either row lets the 404 through. */
  private static Authorization byType(Route user, Route application) {
    return op -> {
      DeletedItems.Item item = op.b2c().deletedItem(op.var("id"));
      if (item == null) {
        return user.isAllowedBy(op.caller.roles) || application.isAllowedBy(op.caller.roles);
      }
      return (item.user != null ? user : application).isAllowedBy(op.caller.roles);
    };
  }

  private Reply listUsers(GraphRequest op) {
    B2cStore s = op.b2c();
    List<ObjectNode> items = new ArrayList<>();
    for (DeletedItems.Item i : s.deletedItems("user")) {
      items.add(json(s, i));
    }
    ObjectNode sample = s.userJson(new UserRec("x", "x"));
    sample.putNull("deletedDateTime");
    return ODataReplies.collection(
        op, CONTEXT + "/microsoft.graph.user", "user", ODataSource.of(items), List.of("id", "displayName", "userPrincipalName"), sample, USER_VIEW);
  }

  private Reply listApplications(GraphRequest op) {
    B2cStore s = op.b2c();
    boolean defaultView = op.query("$select") == null;
    List<ObjectNode> items = new ArrayList<>();
    for (DeletedItems.Item i : s.deletedItems("application")) {
      items.add(DirectoryObjects.shown(B2cSeed.APPLICATIONS, json(s, i), defaultView));
    }
    ObjectNode sample = B2cObjects.withDefaults(B2cSeed.APPLICATIONS, Json.object(), Json.timestamp(op.server.clock().instant()));
    return ODataReplies.collection(
        op, CONTEXT + "/microsoft.graph.application", "application", ODataSource.of(items), List.of("id", "appId", "displayName"), sample, null);
  }

  private Reply get(GraphRequest op) {
    DeletedItems.Item item = require(op);
    ObjectNode o = typed(item, json(op.b2c(), item));
    if (item.user != null) {
      return ODataReplies.entity(op, "directoryObjects", o, "microsoft.graph.user", USER_VIEW);
    }
    return ODataReplies.entity(op, "directoryObjects", DirectoryObjects.shown(B2cSeed.APPLICATIONS, o, op.query("$select") == null), "microsoft.graph.application");
  }

  private Reply restore(GraphRequest op) {
    B2cStore s = op.b2c();
    DeletedItems.Item item;
    try {
      item = s.restore(op.var("id"));
    } catch (IllegalArgumentException e) {
      throw GraphErrorException.badRequest(String.valueOf(e.getMessage()));
    }
    if (item == null) {
      throw GraphErrorException.notFound(op.var("id"));
    }
    ObjectNode body = Json.object();
    body.put("@odata.context", op.graphEndpoint() + "/$metadata#directoryObjects/$entity");
    if (item.user != null) {
      ObjectNode u = typed(item, s.userJson(item.user));
      u.putNull("deletedDateTime");
      body.setAll(ODataSelect.view(u, Set.of(), USER_VIEW));
    } else {
      ObjectNode app = DirectoryObjects.require(op, B2cSeed.APPLICATIONS);
      body.setAll(typed(item, DirectoryObjects.shown(B2cSeed.APPLICATIONS, DirectoryObjects.strip(B2cSeed.APPLICATIONS, app), true)));
    }
    Reply r = Reply.json(200, body);
    r.headers.put("OData-Version", "4.0");
    return r;
  }

  private Reply purge(GraphRequest op) {
    if (!op.b2c().purge(op.var("id"))) {
      throw GraphErrorException.notFound(op.var("id"));
    }
    return Reply.noContent();
  }

  private static DeletedItems.Item require(GraphRequest op) {
    DeletedItems.Item item = op.b2c().deletedItem(op.var("id"));
    if (item == null) {
      throw GraphErrorException.notFound(op.var("id"));
    }
    return item;
  }

  /** A deleted item as Graph JSON, with its {@code deletedDateTime}. */
  private static ObjectNode json(B2cStore s, DeletedItems.Item i) {
    if (i.user != null) {
      ObjectNode o = s.userJson(i.user);
      o.put("deletedDateTime", i.deletedDateTime);
      return o;
    }
    ObjectNode app = i.application;
    if (app == null) {
      throw new IllegalStateException("deleted item " + i.id + " is neither a user nor an application");
    }
    return DirectoryObjects.strip(B2cSeed.APPLICATIONS, app.deepCopy());
  }

  /** The object with its {@code @odata.type} first, as a directoryObject reply carries it. */
  private static ObjectNode typed(DeletedItems.Item item, ObjectNode o) {
    ObjectNode out = Json.object();
    out.put("@odata.type", "#microsoft.graph." + item.type());
    out.setAll(o);
    return out;
  }

  private static ObjectNode groupSample(GraphRequest op) {
    return B2cObjects.withDefaults(B2cSeed.GROUPS, Json.object(), Json.timestamp(op.server.clock().instant()));
  }
}
