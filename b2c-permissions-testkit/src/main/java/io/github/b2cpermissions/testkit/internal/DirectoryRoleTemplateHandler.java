package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /directoryRoleTemplates}: the templates of the built-in directory roles ({@link
 * BuiltInRoles}), activated or not. Directory objects: a malformed id is the dispatcher's 400
 * ({@link DirectoryQueryRules}), an unknown GUID a 404.
 */
final class DirectoryRoleTemplateHandler {
  private static final String CONTEXT = "directoryRoleTemplates";

  void register(RouteTable routes) {
    routes.collection("LIST_DIRECTORY_ROLE_TEMPLATES", this::list);
    routes.entity("GET_DIRECTORY_ROLE_TEMPLATE", this::get);
  }

  private Reply list(GraphRequest op) {
    List<ObjectNode> all = new ArrayList<>();
    BuiltInRoles.all().forEach(r -> all.add(BuiltInRoles.template(r)));
    return ODataReplies.collection(op, CONTEXT, "directoryRoleTemplate", ODataSource.of(all), List.of("id", "displayName"), null, null);
  }

  private Reply get(GraphRequest op) {
    BuiltInRoles.Role r = BuiltInRoles.byId(op.var("id"));
    if (r == null) {
      throw GraphErrorException.notFound(op.var("id"));
    }
    return ODataReplies.entity(op, CONTEXT, BuiltInRoles.template(r), "microsoft.graph.directoryRoleTemplate");
  }
}
