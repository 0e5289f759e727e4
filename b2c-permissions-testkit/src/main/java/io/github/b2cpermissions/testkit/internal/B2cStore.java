package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The mutable B2C directory of one tenant, rebuilt from its {@link B2cSeed} on reset: the users in
 * listing order ({@link UserListing}, compact for generated users; Graph JSON is built per request by
 * {@link UserShapes}), other objects as Graph JSON ({@link ObjectCollections}), group and role
 * members ({@link Memberships}), owners, {@link DeletedItems}, and the {@link ChangeLog} the delta
 * functions read. It keeps these consistent with each other (a deleted user leaves its groups; a
 * restored one comes back to those that still exist). Thread-safe: every method synchronizes on the
 * store.
 */
public final class B2cStore {
  /** The change log family of users (other families are collection names). */
  static final String USERS = "users";
  final String domain;
  private final UserListing users;
  private final ObjectCollections objects = new ObjectCollections();
  private final Memberships memberships;
  /** Owner ids by the owned group's or application's lower-case id. */
  private final Map<String, List<String>> owners = new HashMap<>();
  private final DeletedItems deleted = new DeletedItems();
  /** Changes to users and groups since the store was built, for the delta functions. */
  final ChangeLog changes = new ChangeLog();

  B2cStore(B2cSeed seed, String domain) {
    this.domain = domain;
    this.users = new UserListing(new UserGenerator(seed.generatorSeed, domain), seed.generatedUsers);
    for (UserRec template : seed.users) {
      users.add(UserListing.normalized(template, domain));
    }
    for (Map.Entry<String, List<ObjectNode>> e : seed.objects.entrySet()) {
      for (ObjectNode o : e.getValue()) {
        objects.add(e.getKey(), o.deepCopy());
      }
    }
    this.memberships = new Memberships(seed.groupMembers, seed.roleMembers);
    seed.owners.forEach((id, ids) -> owners.put(id, new ArrayList<>(ids)));
    for (Map.Entry<UserRec, String> e : seed.deletedUsers.entrySet()) {
      UserRec u = UserListing.normalized(e.getKey(), domain);
      deleted.add(new DeletedItems.Item(u.id, u, null, e.getValue(), List.of()));
    }
    for (ObjectNode o : seed.deletedObjects.getOrDefault(B2cSeed.APPLICATIONS, List.of())) {
      deleted.add(new DeletedItems.Item(o.path("id").asText(), null, o.deepCopy(), o.path("deletedDateTime").asText(), List.of()));
    }
  }

  // The users ({@link UserListing}); this store records their changes for the delta functions.

  /** Positions run over generated users first, then the others. */
  synchronized int userPositions() {
    return users.positions();
  }

  /** The user at a position, or null for a hole. Returns the live record: copy before changing. */
  synchronized @Nullable UserRec userAt(int pos) {
    return users.at(pos);
  }

  public synchronized int userCount() {
    return users.count();
  }

  /** The position of a user by object id or userPrincipalName, or -1. */
  synchronized int userPos(String idOrUpn) {
    return users.pos(idOrUpn);
  }

  synchronized @Nullable UserRec user(String idOrUpn) {
    return users.get(idOrUpn);
  }

  /** The user that already holds this sign-in identity, other than {@code exceptId}, or null. */
  synchronized @Nullable UserRec identityOwner(String issuer, String issuerAssignedId, @Nullable String exceptId) {
    return users.identityOwner(issuer, issuerAssignedId, exceptId);
  }

  /** Positions of the users holding a sign-in name (any issuer when null), in listing order. */
  synchronized List<Integer> positionsWithIdentity(@Nullable String issuer, String issuerAssignedId) {
    return users.positionsWithIdentity(issuer, issuerAssignedId);
  }

  synchronized void addUser(UserRec u) {
    users.add(u);
    changes.record(USERS, u.id, ChangeLog.State.PRESENT);
  }

  /** Replaces the user with the same id by {@code u} (a changed copy). */
  synchronized void replaceUser(UserRec u) {
    users.replace(u);
    changes.record(USERS, u.id, ChangeLog.State.PRESENT);
  }

  synchronized boolean deleteUser(String id) {
    int p = userPos(id);
    if (p < 0) {
      return false;
    }
    String objectId = users.at(p).id;
    users.deleteAt(p);
    memberships.userDeleted(objectId);
    changes.record(USERS, objectId, ChangeLog.State.DELETED);
    return true;
  }

  /**
   * Moves a user to the deleted items, with the groups it belonged to; false when there is none.
   *
   * @param deletedDateTime the ISO 8601 time of the deletion
   */
  synchronized boolean softDeleteUser(String idOrUpn, String deletedDateTime) {
    UserRec u = user(idOrUpn);
    if (u == null) {
      return false;
    }
    List<String> groups = memberships.groupsOf(u.id);
    deleteUser(u.id);
    deleted.add(new DeletedItems.Item(u.id, u, null, deletedDateTime, groups));
    changes.record(USERS, u.id, ChangeLog.State.SOFT_DELETED);
    return true;
  }

  /** Moves an application (Graph JSON, by object id) to the deleted items; false when there is none. */
  synchronized boolean softDeleteApplication(String id, String deletedDateTime) {
    ObjectNode app = objects.byId(B2cSeed.APPLICATIONS, id);
    if (app == null || !deleteObject(B2cSeed.APPLICATIONS, id)) {
      return false;
    }
    app.put("deletedDateTime", deletedDateTime);
    deleted.add(new DeletedItems.Item(app.path("id").asText(), null, app, deletedDateTime, List.of()));
    return true;
  }

  /** A deleted item by id, or null. */
  synchronized DeletedItems.@Nullable Item deletedItem(String id) {
    return deleted.get(id);
  }

  /** The deleted items of a type ({@code user} or {@code application}). */
  synchronized List<DeletedItems.Item> deletedItems(String type) {
    return deleted.ofType(type);
  }

  /**
   * Brings a deleted item back: a user at its old place in the listing, in the groups it belonged
   * to that still exist; an application without its {@code deletedDateTime}.
   *
   * @return the restored item, or null when there is no deleted item with this id
   * @throws IllegalArgumentException naming the conflict when a live user took the user's sign-in name
   */
  synchronized DeletedItems.@Nullable Item restore(String id) {
    DeletedItems.Item item = deleted.get(id);
    if (item == null) {
      return null;
    }
    if (item.user != null) {
      UserRec u = item.user;
      String conflict = UserPatch.conflict(this, u);
      if (conflict != null) {
        throw new IllegalArgumentException(conflict);
      }
      users.restore(u);
      for (String group : item.groups) {
        if (objects.byId(B2cSeed.GROUPS, group) != null) {
          memberships.add(true, group, u.id);
        }
      }
      changes.record(USERS, u.id, ChangeLog.State.PRESENT);
    } else if (item.application != null) {
      ObjectNode app = item.application.deepCopy();
      app.putNull("deletedDateTime");
      objects.add(B2cSeed.APPLICATIONS, app);
    }
    deleted.remove(id);
    return item;
  }

  /** Deletes a deleted item for good; false when there is none. */
  synchronized boolean purge(String id) {
    DeletedItems.Item item = deleted.remove(id);
    if (item == null) {
      return false;
    }
    if (item.user != null) {
      changes.record(USERS, item.id, ChangeLog.State.DELETED);
    }
    return true;
  }

  /** A user as Graph JSON with every property the fake models. */
  ObjectNode userJson(UserRec u) {
    return UserShapes.user(u);
  }

  synchronized void addObject(String collection, ObjectNode o) {
    objects.add(collection, o);
    tracked(collection, o.path("id").asText(), ChangeLog.State.PRESENT);
  }

  /** Records a change when the collection is one the delta functions track (groups). */
  private void tracked(String collection, String id, ChangeLog.State state) {
    if (collection.equals(B2cSeed.GROUPS)) {
      changes.record(collection, id, state);
    }
  }

  synchronized int objectPositions(String collection) {
    return objects.size(collection);
  }

  /** A copy of the object at a position, or null. */
  synchronized @Nullable ObjectNode objectAt(String collection, int pos) {
    return objects.at(collection, pos);
  }

  /** A copy of an object by id, or null. */
  synchronized @Nullable ObjectNode object(String collection, String id) {
    return objects.byId(collection, id);
  }

  synchronized boolean replaceObject(String collection, ObjectNode o) {
    if (!objects.replace(collection, o)) {
      return false;
    }
    tracked(collection, o.path("id").asText(), ChangeLog.State.PRESENT);
    return true;
  }

  /** Deletes an object, its memberships and its own members. */
  synchronized boolean deleteObject(String collection, String id) {
    if (!objects.delete(collection, id)) {
      return false;
    }
    memberships.objectDeleted(id);
    owners.remove(id.toLowerCase(Locale.ROOT));
    tracked(collection, id, ChangeLog.State.DELETED);
    return true;
  }

  /** The owners of a group or an application, as directory objects with their {@code @odata.type}. */
  synchronized List<ObjectNode> owners(String objectId) {
    List<ObjectNode> out = new ArrayList<>();
    for (String id : owners.getOrDefault(objectId.toLowerCase(Locale.ROOT), List.of())) {
      ObjectNode o = directoryObject(id);
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  /** Adds an owner; false when it already is one. */
  synchronized boolean addOwner(String objectId, String ownerId) {
    List<String> list = owners.computeIfAbsent(objectId.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
    for (String o : list) {
      if (o.equalsIgnoreCase(ownerId)) {
        return false;
      }
    }
    return list.add(ownerId);
  }

  /** Removes an owner; false when it is none. */
  synchronized boolean removeOwner(String objectId, String ownerId) {
    List<String> list = owners.get(objectId.toLowerCase(Locale.ROOT));
    return list != null && list.removeIf(o -> o.equalsIgnoreCase(ownerId));
  }

  synchronized List<String> members(boolean ofGroup, String id) {
    return memberships.members(ofGroup, id);
  }

  /** Adds a member; false when it already is one. */
  synchronized boolean addMember(boolean toGroup, String id, String memberId) {
    return memberships.add(toGroup, id, memberId);
  }

  synchronized boolean removeMember(boolean fromGroup, String id, String memberId) {
    return memberships.remove(fromGroup, id, memberId);
  }

  /**
   * The groups and directory roles a directory object is a direct member of, as directory objects
   * with their {@code @odata.type}: groups first, then roles.
   */
  synchronized List<ObjectNode> memberOf(String memberId) {
    List<ObjectNode> out = new ArrayList<>();
    for (boolean groups : new boolean[] {true, false}) {
      String collection = groups ? B2cSeed.GROUPS : B2cSeed.DIRECTORY_ROLES;
      for (String id : memberships.containing(groups, memberId)) {
        ObjectNode o = objects.byId(collection, id);
        if (o != null) {
          ObjectNode typed = Json.object();
          typed.put("@odata.type", groups ? "#microsoft.graph.group" : "#microsoft.graph.directoryRole");
          typed.setAll(DirectoryObjects.shown(collection, o, true));
          out.add(typed);
        }
      }
    }
    return out;
  }

  /** A directory object by id as a member listing shows it, or null. */
  synchronized @Nullable ObjectNode directoryObject(String id) {
    UserRec u = user(id);
    if (u != null) {
      ObjectNode full = UserShapes.user(u);
      ObjectNode o = Json.object();
      o.put("@odata.type", "#microsoft.graph.user");
      for (int i = 0; i < UserShapes.DEFAULT_COUNT; i++) {
        String p = UserShapes.PROPERTIES.get(i);
        o.set(p, full.get(p));
      }
      return o;
    }
    ObjectNode g = object(B2cSeed.GROUPS, id);
    if (g != null) {
      ObjectNode o = Json.object();
      o.put("@odata.type", "#microsoft.graph.group");
      o.setAll(g);
      return o;
    }
    return null;
  }

  static @Nullable String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
