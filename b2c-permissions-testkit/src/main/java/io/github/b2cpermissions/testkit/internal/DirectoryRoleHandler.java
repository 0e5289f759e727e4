package io.github.b2cpermissions.testkit.internal;

/** {@code /directoryRoles}: the activated directory roles and their members. */
final class DirectoryRoleHandler {
  void register(RouteTable routes) {
    routes.collection("LIST_DIRECTORY_ROLES", op -> DirectoryObjects.list(op, B2cSeed.DIRECTORY_ROLES, "directoryRoles"));
    routes.entity("GET_DIRECTORY_ROLE", op -> DirectoryObjects.get(op, B2cSeed.DIRECTORY_ROLES, "directoryRoles"));
    routes.collection("LIST_DIRECTORY_ROLE_MEMBERS", op -> GroupHandler.members(op, false));
  }
}
