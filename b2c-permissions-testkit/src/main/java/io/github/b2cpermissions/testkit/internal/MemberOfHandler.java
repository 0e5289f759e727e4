package io.github.b2cpermissions.testkit.internal;

import java.util.List;

/**
 * {@code /users/{id}/memberOf}: the groups and directory roles a user is a direct member of, the
 * reverse of {@code /groups/{id}/members} and {@code /directoryRoles/{id}/members}, each with its
 * {@code @odata.type}.
 */
final class MemberOfHandler {
  void register(RouteTable routes) {
    routes.collection(
        "LIST_USER_MEMBER_OF",
        op -> {
          UserRec u = UserHandler.user(op.b2c(), op.var("id"));
          ODataSource items = ODataSource.of(op.b2c().memberOf(u.id));
          return ODataReplies.collection(op, "directoryObjects", "directoryObject", items, List.of("id", "displayName"), null, null);
        });
  }
}
