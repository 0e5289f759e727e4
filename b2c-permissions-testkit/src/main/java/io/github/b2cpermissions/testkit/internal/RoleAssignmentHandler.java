package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * {@code /roleManagement/directory/roleAssignments}: directory role assignments. An assignment at
 * the tenant scope also makes the principal a member of the activated directory role.
 */
final class RoleAssignmentHandler {
  private static final String ASSIGNMENTS = B2cSeed.ROLE_ASSIGNMENTS;
  private static final String CONTEXT = "roleManagement/directory/roleAssignments";
  private static final String RESOURCE = "UnifiedRoleAssignment";

  void register(RouteTable routes) {
    routes.collection("LIST_ROLE_ASSIGNMENTS", op -> DirectoryObjects.list(op, ASSIGNMENTS, CONTEXT));
    routes.entity("GET_ROLE_ASSIGNMENT", op -> DirectoryObjects.get(op, ASSIGNMENTS, CONTEXT));
    routes.write("CREATE_ROLE_ASSIGNMENT", this::create);
    routes.write("DELETE_ROLE_ASSIGNMENT", this::delete);
  }

  private Reply create(GraphRequest op) {
    ObjectNode b = op.body();
    String principal = B2cStore.text(b, "principalId");
    String role = B2cStore.text(b, "roleDefinitionId");
    String scope = B2cStore.text(b, "directoryScopeId");
    if (principal == null || Ids.parseGuid(principal) == null) {
      throw GraphErrorException.invalidValue("principalId", RESOURCE);
    }
    if (role == null || Ids.parseGuid(role) == null) {
      throw GraphErrorException.invalidValue("roleDefinitionId", RESOURCE);
    }
    if (scope == null || !scope.startsWith("/")) {
      throw GraphErrorException.invalidValue("directoryScopeId", RESOURCE);
    }
    B2cStore s = op.b2c();
    synchronized (s) {
      if (s.directoryObject(principal) == null && !principal.equalsIgnoreCase(op.tenant.seed.backupServicePrincipalId.toString())) {
        throw GraphErrorException.badRequest("Invalid value specified for property 'principalId' of resource '" + RESOURCE + "': the principal does not exist.");
      }
      for (int i = 0; i < s.objectPositions(ASSIGNMENTS); i++) {
        ObjectNode o = s.objectAt(ASSIGNMENTS, i);
        if (o != null && o.path("principalId").asText().equalsIgnoreCase(principal) && o.path("roleDefinitionId").asText().equalsIgnoreCase(role) && o.path("directoryScopeId").asText().equalsIgnoreCase(scope)) {
          throw GraphErrorException.badRequest("A conflicting object with one or more of the specified property values is present in the directory.");
        }
      }
      ObjectNode a = Json.object();
      a.put("id", ObjectDefaults.roleAssignmentId());
      a.put("principalId", principal);
      a.put("roleDefinitionId", role);
      a.put("directoryScopeId", scope);
      s.addObject(ASSIGNMENTS, a);
      String roleObject = directoryRoleFor(s, role);
      if (roleObject != null && scope.equals("/")) {
        s.addMember(false, roleObject, principal);
      }
      return ODataReplies.created(op, CONTEXT, CONTEXT, a.deepCopy());
    }
  }

  private Reply delete(GraphRequest op) {
    B2cStore s = op.b2c();
    String id = op.var("id");
    synchronized (s) {
      ObjectNode a = s.object(ASSIGNMENTS, id);
      if (a == null) {
        throw GraphErrorException.notFound(id);
      }
      s.deleteObject(ASSIGNMENTS, id);
      String roleObject = directoryRoleFor(s, a.path("roleDefinitionId").asText());
      if (roleObject != null) {
        s.removeMember(false, roleObject, a.path("principalId").asText());
      }
    }
    return Reply.noContent();
  }

  /** The activated directory role of a role definition, or null. */
  private static @Nullable String directoryRoleFor(B2cStore s, String roleDefinitionId) {
    for (int i = 0; i < s.objectPositions(B2cSeed.DIRECTORY_ROLES); i++) {
      ObjectNode r = s.objectAt(B2cSeed.DIRECTORY_ROLES, i);
      if (r != null && r.path("roleTemplateId").asText().equalsIgnoreCase(roleDefinitionId)) {
        return r.path("id").asText();
      }
    }
    return null;
  }
}
