package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /groups/{id}/owners} and {@code /applications/{id}/owners}: the users who own a group or an
 * application registration, as directory objects with their {@code @odata.type}; adding an owner
 * by reference ({@code POST …/owners/$ref}) and removing one ({@code DELETE …/owners/{ownerId}/$ref}).
 */
final class OwnerHandler {
  private static final Pattern OWNER_REF =
      Pattern.compile("^.*/(?:directoryObjects|users)(?:/([^/?'()]+)|\\('([^']+)'\\))/?$", Pattern.CASE_INSENSITIVE);

  void register(RouteTable routes) {
    routes.collection("LIST_GROUP_OWNERS", op -> owners(op, B2cSeed.GROUPS));
    routes.collection("LIST_APPLICATION_OWNERS", op -> owners(op, B2cSeed.APPLICATIONS));
    routes.write("ADD_GROUP_OWNER", op -> add(op, B2cSeed.GROUPS));
    routes.write("ADD_APPLICATION_OWNER", op -> add(op, B2cSeed.APPLICATIONS));
    routes.write("REMOVE_GROUP_OWNER", op -> remove(op, B2cSeed.GROUPS));
    routes.write("REMOVE_APPLICATION_OWNER", op -> remove(op, B2cSeed.APPLICATIONS));
  }

  /** Adds a user as an owner: 404 for an unknown object, 400 for a non-user or an existing owner. */
  private static Reply add(GraphRequest op, String collection) {
    ObjectNode body = op.body();
    B2cStore s = op.b2c();
    String id = op.var("id");
    if (s.object(collection, id) == null) {
      throw GraphErrorException.notFound(id);
    }
    String ownerId = DirectoryObjects.referencedId(body, OWNER_REF);
    UserRec owner = s.user(ownerId);
    if (owner == null) {
      if (s.directoryObject(ownerId) != null) {
        throw GraphErrorException.badRequest("The fake accepts only users as owners; " + ownerId + " is not a user.");
      }
      throw GraphErrorException.notFound(ownerId);
    }
    if (!s.addOwner(id, owner.id)) {
      throw GraphErrorException.badRequest("One or more added object references already exist for the following modified properties: 'owners'.");
    }
    return Reply.noContent();
  }

  private static Reply remove(GraphRequest op, String collection) {
    B2cStore s = op.b2c();
    String id = op.var("id");
    if (s.object(collection, id) == null) {
      throw GraphErrorException.notFound(id);
    }
    String ownerId = op.var("ownerId");
    if (!s.removeOwner(id, ownerId)) {
      throw GraphErrorException.notFound(ownerId);
    }
    return Reply.noContent();
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
