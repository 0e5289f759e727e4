package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code /servicePrincipals/{id}/appRoleAssignments} and {@code …/appRoleAssignedTo}: the app roles
 * a principal was granted and the grants of a resource's roles; granting and revoking. Also
 * {@code /users/{id}/appRoleAssignments}, the same assignment shape read from the user's side.
 */
final class AppRoleAssignmentHandler {
  private static final String TYPE = "appRoleAssignment";
  private static final List<String> FILTERABLE = List.of("resourceId", "appRoleId", "principalId", "id");

  void register(RouteTable routes) {
    routes.collection("LIST_APP_ROLE_ASSIGNMENTS", op -> list(op, false));
    routes.collection("LIST_APP_ROLE_ASSIGNED_TO", op -> list(op, true));
    routes.entity("GET_APP_ROLE_ASSIGNMENT", this::get);
    routes.collection("LIST_USER_APP_ROLE_ASSIGNMENTS", this::listOfUser);
    routes.write("CREATE_APP_ROLE_ASSIGNMENT", this::create);
    routes.write("CREATE_APP_ROLE_ASSIGNED_TO", this::createAssignedTo);
    routes.write("DELETE_APP_ROLE_ASSIGNMENT", this::delete);
  }

  private Reply list(GraphRequest op, boolean assignedTo) {
    ServicePrincipalRef sp = ServicePrincipalLookup.resolve(op, op.var("id"));
    List<ObjectNode> items = new ArrayList<>();
    for (AppRoleAssignment a : assignedTo ? op.tenant.assignedTo(sp.id) : op.tenant.assignmentsOf(sp.id)) {
      items.add(json(op.tenant, a, "ServicePrincipal"));
    }
    String nav = assignedTo ? "appRoleAssignedTo" : "appRoleAssignments";
    return ODataReplies.collection(op, "servicePrincipals('" + sp.id + "')/" + nav, TYPE, ODataSource.of(items), FILTERABLE, null, null);
  }

  /** A user's assignments; the fake grants app roles to service principals only, so usually none. */
  private Reply listOfUser(GraphRequest op) {
    UserRec u = UserHandler.user(op.b2c(), op.var("id"));
    UUID principalId = Ids.parseGuid(u.id);
    List<ObjectNode> items = new ArrayList<>();
    if (principalId != null) {
      for (AppRoleAssignment a : op.tenant.assignmentsOf(principalId)) {
        items.add(json(op.tenant, a, "User"));
      }
    }
    return ODataReplies.collection(op, "users('" + u.id + "')/appRoleAssignments", TYPE, ODataSource.of(items), FILTERABLE, null, null);
  }

  private Reply get(GraphRequest op) {
    ServicePrincipalRef sp = ServicePrincipalLookup.resolve(op, op.var("id"));
    String aid = op.var("assignmentId");
    AppRoleAssignment a = op.tenant.findAssignment(sp.id, aid);
    if (a == null) {
      throw GraphErrorException.notFound(aid);
    }
    return ODataReplies.entity(op, "servicePrincipals('" + sp.id + "')/appRoleAssignments", json(op.tenant, a, "ServicePrincipal"), "microsoft.graph." + TYPE);
  }

  private Reply create(GraphRequest op) {
    ServicePrincipalRef sp = ServicePrincipalLookup.resolve(op, op.var("id"));
    Requested r = Requested.of(op.body());
    if (!r.principalId().equals(sp.id)) {
      throw GraphErrorException.badRequest("The principalId in the request body must be the id of the service principal in the URL.");
    }
    AppRoleAssignment created = grant(op, sp, r.resourceId(), r.appRoleId());
    String path = "servicePrincipals/" + sp.id + "/appRoleAssignments";
    return ODataReplies.created(op, "servicePrincipals('" + sp.id + "')/appRoleAssignments", path, json(op.tenant, created, "ServicePrincipal"));
  }

  /**
   * {@code POST …/{resource}/appRoleAssignedTo}: the same grant named from the resource's side.
   * The body's {@code resourceId} must be the URL's service principal, and its {@code principalId}
   * a service principal of the tenant (404 otherwise, as Graph answers an unknown object).
   */
  private Reply createAssignedTo(GraphRequest op) {
    ServicePrincipalRef resource = ServicePrincipalLookup.resolve(op, op.var("id"));
    Requested r = Requested.of(op.body());
    if (!r.resourceId().equals(resource.id)) {
      throw GraphErrorException.badRequest("The resourceId in the request body must be the id of the service principal in the URL.");
    }
    ServicePrincipalRef principal = op.tenant.spById(r.principalId().toString());
    if (principal == null) {
      throw GraphErrorException.notFound(r.principalId().toString());
    }
    AppRoleAssignment created = grant(op, principal, r.resourceId(), r.appRoleId());
    String path = "servicePrincipals/" + resource.id + "/appRoleAssignedTo";
    return ODataReplies.created(op, "servicePrincipals('" + resource.id + "')/appRoleAssignedTo", path, json(op.tenant, created, "ServicePrincipal"));
  }

  /**
   * Creates the assignment and records who granted it; Graph's 400 for an unknown resource or role,
   * and for an assignment that already exists.
   */
  private static AppRoleAssignment grant(GraphRequest op, ServicePrincipalRef principal, UUID resourceId, UUID appRoleId) {
    AssignmentResult result = op.tenant.createAssignment(principal, resourceId, appRoleId);
    if (result.assignment == null) {
      throw GraphErrorException.badRequest(result.error == null ? "Invalid request." : result.error);
    }
    op.tenant.recordGrant(op.caller.appId == null ? "" : op.caller.appId, result.assignment);
    return result.assignment;
  }

  private static UUID guid(ObjectNode body, String property) {
    UUID id = Ids.parseGuid(body.path(property).asText(null));
    if (id == null) {
      throw GraphErrorException.badRequest("Invalid value specified for property '" + property + "' of resource 'AppRoleAssignment'.");
    }
    return id;
  }

  private Reply delete(GraphRequest op) {
    ServicePrincipalRef sp = ServicePrincipalLookup.resolve(op, op.var("id"));
    String aid = op.var("assignmentId");
    if (!op.tenant.deleteAssignment(sp.id, aid)) {
      throw GraphErrorException.notFound(aid);
    }
    return Reply.noContent();
  }

  private static ObjectNode json(TenantModel t, AppRoleAssignment a, String principalType) {
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
    o.put("principalType", principalType);
    o.put("resourceDisplayName", a.resourceDisplayName);
    o.put("resourceId", a.resourceId.toString());
    return o;
  }

  /** The three ids a create request's body names; Graph's 400 when one is missing or no GUID. */
  private record Requested(UUID principalId, UUID resourceId, UUID appRoleId) {
    static Requested of(ObjectNode body) {
      return new Requested(guid(body, "principalId"), guid(body, "resourceId"), guid(body, "appRoleId"));
    }
  }
}
