package io.github.b2cpermissions.testkit.internal;

import java.util.List;

/**
 * {@code /groups/{id}/owners} and {@code /applications/{id}/owners}: the users who own a group or an
 * application registration, as directory objects with their {@code @odata.type}.
 */
final class OwnerHandler {
  void register(RouteTable routes) {
    routes.collection("LIST_GROUP_OWNERS", op -> owners(op, B2cSeed.GROUPS));
    routes.collection("LIST_APPLICATION_OWNERS", op -> owners(op, B2cSeed.APPLICATIONS));
  }

  private static Reply owners(GraphRequest op, String collection) {
    B2cStore s = op.b2c();
    String id = op.var("id");
    if (s.object(collection, id) == null) {
      throw GraphErrorException.notFound(id);
    }
    ODataSource items = ODataSource.of(s.owners(id));
    return ODataReplies.collection(op, "directoryObjects", "directoryObject", items, List.of("id", "displayName"), null, null);
  }
}
