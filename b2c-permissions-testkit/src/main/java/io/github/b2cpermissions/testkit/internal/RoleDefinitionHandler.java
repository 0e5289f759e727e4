package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /roleManagement/directory/roleDefinitions}: the built-in directory roles ({@link
 * BuiltInRoles}); a B2C tenant has no custom role definitions. A role definition is not a directory
 * object: an unknown or malformed id is a 404.
 */
final class RoleDefinitionHandler {
  private static final String CONTEXT = "roleManagement/directory/roleDefinitions";

  void register(RouteTable routes) {
    routes.collection("LIST_ROLE_DEFINITIONS", this::list);
    routes.entity("GET_ROLE_DEFINITION", this::get);
  }

  private Reply list(GraphRequest op) {
    List<ObjectNode> all = new ArrayList<>();
    BuiltInRoles.all().forEach(r -> all.add(BuiltInRoles.definition(r)));
    return ODataReplies.collection(op, CONTEXT, "unifiedRoleDefinition", ODataSource.of(all), List.of("id", "displayName", "templateId", "isBuiltIn"), null, null);
  }

  private Reply get(GraphRequest op) {
    BuiltInRoles.Role r = BuiltInRoles.byId(op.var("id"));
    if (r == null) {
      throw GraphErrorException.notFound(op.var("id"));
    }
    return ODataReplies.entity(op, CONTEXT, BuiltInRoles.definition(r), "microsoft.graph.unifiedRoleDefinition");
  }
}
