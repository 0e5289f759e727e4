package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The mutable B2C directory of one tenant, rebuilt from its {@link B2cSeed} on reset. Users are
 * kept compact: generated users exist only as an index until changed (then as a {@link UserRec}
 * overlay); other users are {@link UserRec}s; Graph JSON is built per request ({@link UserShapes}).
 * Other objects are small and kept as Graph JSON ({@link ObjectCollections}); group and role members
 * are {@link Memberships}. Positions in a collection are stable (deleted users leave a hole),
 * so a {@code $skiptoken} position stays valid while the collection changes. Thread-safe: every
 * method synchronizes on the store.
 */
public final class B2cStore {
  /** The change log family of users (other families are collection names). */
  static final String USERS = "users";
  final String domain;
  private final UserGenerator generator;
  private final int generatedCount;
  private final BitSet generatedDeleted = new BitSet();
  private final Map<Integer, UserRec> generatedChanged = new HashMap<>();
  private final List<@Nullable UserRec> users = new ArrayList<>();
  private final Map<String, Integer> userPosById = new HashMap<>();
  private final ObjectCollections objects = new ObjectCollections();
  private final Memberships memberships;
  /** Owner ids by the owned group's or application's lower-case id. */
  private final Map<String, List<String>> owners = new HashMap<>();
  private final DeletedItems deleted = new DeletedItems();
  /** Changes to users and groups since the store was built, for the delta functions. */
  final ChangeLog changes = new ChangeLog();

  B2cStore(B2cSeed seed, String domain) {
    this.domain = domain;
    this.generator = new UserGenerator(seed.generatorSeed, domain);
    this.generatedCount = seed.generatedUsers;
    for (UserRec template : seed.users) {
      addUserInternal(normalized(template, domain));
    }
    for (Map.Entry<String, List<ObjectNode>> e : seed.objects.entrySet()) {
      for (ObjectNode o : e.getValue()) {
        objects.add(e.getKey(), o.deepCopy());
      }
    }
    this.memberships = new Memberships(seed.groupMembers, seed.roleMembers);
    seed.owners.forEach((id, ids) -> owners.put(id, new ArrayList<>(ids)));
    for (Map.Entry<UserRec, String> e : seed.deletedUsers.entrySet()) {
      UserRec u = normalized(e.getKey(), domain);
      deleted.add(new DeletedItems.Item(u.id, u, null, e.getValue(), List.of()));
    }
    for (ObjectNode o : seed.deletedObjects.getOrDefault(B2cSeed.APPLICATIONS, List.of())) {
      deleted.add(new DeletedItems.Item(o.path("id").asText(), null, o.deepCopy(), o.path("deletedDateTime").asText(), List.of()));
    }
  }

  /** A seeded user as the tenant holds it: local identities issued by its domain, a userPrincipalName and its identity. */
  private static UserRec normalized(UserRec template, String domain) {
    UserRec u = template.copy();
    UserRec.Identity[] ids = new UserRec.Identity[u.identities.length];
    for (int i = 0; i < ids.length; i++) {
      UserRec.Identity id = u.identities[i];
      ids[i] = id.issuer == null ? new UserRec.Identity(id.signInType, domain, id.issuerAssignedId) : id;
    }
    u.identities = ids;
    if (u.userPrincipalName == null) {
      u.userPrincipalName = u.id + "@" + domain;
    }
    boolean hasUpn = false;
    for (UserRec.Identity id : u.identities) {
      hasUpn |= id.signInType.equals("userPrincipalName");
    }
    if (!hasUpn) {
      UserRec.Identity[] withUpn = java.util.Arrays.copyOf(u.identities, u.identities.length + 1);
      withUpn[withUpn.length - 1] = new UserRec.Identity("userPrincipalName", domain, u.userPrincipalName);
      u.identities = withUpn;
    }
    return u;
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  // ---- users ----------------------------------------------------------------------------------

  /** Positions run over generated users first, then the others. */
  synchronized int userPositions() {
    return generatedCount + users.size();
  }

  /** The user at a position, or null for a hole. Returns the live record: copy before changing. */
  synchronized @Nullable UserRec userAt(int pos) {
    if (pos < generatedCount) {
      if (generatedDeleted.get(pos)) {
        return null;
      }
      UserRec changed = generatedChanged.get(pos);
      return changed != null ? changed : generator.user(pos);
    }
    int i = pos - generatedCount;
    return i < users.size() ? users.get(i) : null;
  }

  public synchronized int userCount() {
    int n = generatedCount - generatedDeleted.cardinality();
    for (UserRec u : users) {
      if (u != null) {
        n++;
      }
    }
    return n;
  }

  /** The position of a user by object id or userPrincipalName, or -1. */
  synchronized int userPos(String idOrUpn) {
    Integer p = userPosById.get(key(idOrUpn));
    if (p != null) {
      return users.get(p) == null ? -1 : generatedCount + p;
    }
    int g = generator.indexOf(idOrUpn);
    if (g >= 0 && g < generatedCount && !generatedDeleted.get(g)) {
      return g;
    }
    if (idOrUpn.indexOf('@') > 0) {
      int at = idOrUpn.indexOf('@');
      int byUpnId = userPos(idOrUpn.substring(0, at));
      if (byUpnId >= 0) {
        UserRec u = userAt(byUpnId);
        if (u != null && idOrUpn.equalsIgnoreCase(u.userPrincipalName)) {
          return byUpnId;
        }
      }
      for (int i = 0; i < users.size(); i++) {
        UserRec u = users.get(i);
        if (u != null && idOrUpn.equalsIgnoreCase(u.userPrincipalName)) {
          return generatedCount + i;
        }
      }
    }
    return -1;
  }

  synchronized @Nullable UserRec user(String idOrUpn) {
    int p = userPos(idOrUpn);
    return p < 0 ? null : userAt(p);
  }

  /** The user that already holds this sign-in identity, other than {@code exceptId}, or null. */
  synchronized @Nullable UserRec identityOwner(String issuer, String issuerAssignedId, @Nullable String exceptId) {
    int g = generator.findByIdentity(generatedCount, issuer, issuerAssignedId);
    if (g >= 0) {
      UserRec u = userAt(g);
      if (u != null && !u.id.equalsIgnoreCase(String.valueOf(exceptId)) && holds(u, issuer, issuerAssignedId)) {
        return u;
      }
    }
    for (UserRec u : generatedChanged.values()) {
      if (!u.id.equalsIgnoreCase(String.valueOf(exceptId)) && holds(u, issuer, issuerAssignedId) && userPos(u.id) >= 0) {
        return u;
      }
    }
    for (UserRec u : users) {
      if (u != null && !u.id.equalsIgnoreCase(String.valueOf(exceptId)) && holds(u, issuer, issuerAssignedId)) {
        return u;
      }
    }
    return null;
  }

  /** Positions of the users holding a sign-in name (any issuer when null), in listing order. */
  synchronized List<Integer> positionsWithIdentity(@Nullable String issuer, String issuerAssignedId) {
    List<Integer> out = new ArrayList<>();
    int g = generator.findByIdentity(generatedCount, issuer, issuerAssignedId);
    if (g >= 0 && !generatedDeleted.get(g) && !generatedChanged.containsKey(g)) {
      out.add(g);
    }
    for (Map.Entry<Integer, UserRec> e : generatedChanged.entrySet()) {
      if (holdsAny(e.getValue(), issuer, issuerAssignedId)) {
        out.add(e.getKey());
      }
    }
    for (int i = 0; i < users.size(); i++) {
      UserRec u = users.get(i);
      if (u != null && holdsAny(u, issuer, issuerAssignedId)) {
        out.add(generatedCount + i);
      }
    }
    java.util.Collections.sort(out);
    return out;
  }

  private static boolean holdsAny(UserRec u, @Nullable String issuer, String issuerAssignedId) {
    for (UserRec.Identity i : u.identities) {
      if (i.issuerAssignedId.equalsIgnoreCase(issuerAssignedId) && (issuer == null || issuer.equalsIgnoreCase(i.issuer))) {
        return true;
      }
    }
    return false;
  }

  private static boolean holds(UserRec u, String issuer, String issuerAssignedId) {
    for (UserRec.Identity i : u.identities) {
      if (i.issuerAssignedId.equalsIgnoreCase(issuerAssignedId) && issuer.equalsIgnoreCase(i.issuer)) {
        return true;
      }
    }
    return false;
  }

  synchronized void addUser(UserRec u) {
    addUserInternal(u);
    changes.record(USERS, u.id, ChangeLog.State.PRESENT);
  }

  private void addUserInternal(UserRec u) {
    userPosById.put(key(u.id), users.size());
    users.add(u);
  }

  /** Replaces the user with the same id by {@code u} (a changed copy). */
  synchronized void replaceUser(UserRec u) {
    Integer p = userPosById.get(key(u.id));
    if (p != null) {
      users.set(p, u);
      changes.record(USERS, u.id, ChangeLog.State.PRESENT);
      return;
    }
    int g = generator.indexOf(u.id);
    if (g >= 0 && g < generatedCount) {
      generatedChanged.put(g, u);
      changes.record(USERS, u.id, ChangeLog.State.PRESENT);
      return;
    }
    throw new IllegalStateException("no user " + u.id);
  }

  synchronized boolean deleteUser(String id) {
    int p = userPos(id);
    if (p < 0) {
      return false;
    }
    String objectId = userAt(p).id;
    if (p < generatedCount) {
      generatedDeleted.set(p);
      generatedChanged.remove(p);
    } else {
      users.set(p - generatedCount, null);
    }
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
      Integer p = userPosById.get(key(u.id));
      int g = generator.indexOf(u.id);
      if (p != null) {
        users.set(p, u);
      } else if (g >= 0 && g < generatedCount) {
        generatedDeleted.clear(g);
        generatedChanged.put(g, u);
      } else {
        addUserInternal(u);
      }
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

  // ---- other objects ({@link ObjectCollections}) and memberships ({@link Memberships}) ---------

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
