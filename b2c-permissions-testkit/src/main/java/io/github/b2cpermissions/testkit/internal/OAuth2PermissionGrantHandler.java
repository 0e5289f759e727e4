package io.github.b2cpermissions.testkit.internal;


/**
 * {@code /oauth2PermissionGrants}: the delegated permissions consented to client applications
 * (which client may call which resource with which scopes, for everyone or one user). A restore of
 * a B2C tenant's app registrations needs them to recreate the consents; read-only here, seeded with
 * {@code OAUTH2_PERMISSION_GRANTS}.
 */
final class OAuth2PermissionGrantHandler {
  private static final String GRANTS = B2cSeed.OAUTH2_PERMISSION_GRANTS;

  void register(RouteTable routes) {
    routes.collection("LIST_OAUTH2_PERMISSION_GRANTS", op -> DirectoryObjects.list(op, GRANTS, "oauth2PermissionGrants"));
    routes.entity("GET_OAUTH2_PERMISSION_GRANT", op -> DirectoryObjects.get(op, GRANTS, "oauth2PermissionGrants"));
  }
}
