package io.github.b2cpermissions.testkit.internal;

import org.jspecify.annotations.Nullable;

/** Resolves the {@code {id}} of a service principal route: an object id, or the {@code (appId='…')} key. */
final class ServicePrincipalLookup {
  private ServicePrincipalLookup() {}

  /**
   * The service principal an id or key names.
   *
   * @throws GraphErrorException 400 for a malformed id or key, 404 when none matches
   */
  static ServicePrincipalRef resolve(GraphRequest op, String idOrKey) {
    if (idOrKey.startsWith("(")) {
      String appId = appIdFromKey(idOrKey);
      if (appId == null) {
        throw GraphErrorException.badRequest("Invalid object identifier '" + idOrKey + "'.");
      }
      return byAppId(op, appId);
    }
    if (Ids.parseGuid(idOrKey) == null) {
      throw GraphErrorException.badRequest("Invalid object identifier '" + idOrKey + "'.");
    }
    ServicePrincipalRef sp = op.tenant.spById(idOrKey);
    if (sp == null) {
      throw GraphErrorException.notFound(idOrKey);
    }
    return sp;
  }

  /**
   * The service principal of an app.
   *
   * @throws GraphErrorException 404 when the tenant has none for the app
   */
  static ServicePrincipalRef byAppId(GraphRequest op, String appId) {
    ServicePrincipalRef sp = op.tenant.spByAppId(appId);
    if (sp == null) {
      throw GraphErrorException.notFound(appId);
    }
    return sp;
  }

  private static @Nullable String appIdFromKey(String key) {
    String k = key.trim();
    if (!k.regionMatches(true, 0, "(appId='", 0, 8) || !k.endsWith("')")) {
      return null;
    }
    return k.substring(8, k.length() - 2).replace("''", "'");
  }
}
