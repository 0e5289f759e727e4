package io.github.b2cpermissions.testkit.internal;

/**
 * {@code /identity/userFlowAttributes}: the tenant's catalog of user flow attributes, the built-in
 * ones and the custom ones a backup must carry over (their values live in {@code extension_…}
 * properties of the users).
 */
final class UserFlowAttributeHandler {
  private static final String ATTRIBUTES = B2cSeed.USER_FLOW_ATTRIBUTES;
  private static final String CONTEXT = "identity/userFlowAttributes";

  void register(RouteTable routes) {
    routes.collection("LIST_USER_FLOW_ATTRIBUTES", op -> DirectoryObjects.list(op, ATTRIBUTES, CONTEXT));
    routes.entity("GET_USER_FLOW_ATTRIBUTE", op -> DirectoryObjects.get(op, ATTRIBUTES, CONTEXT));
  }
}
