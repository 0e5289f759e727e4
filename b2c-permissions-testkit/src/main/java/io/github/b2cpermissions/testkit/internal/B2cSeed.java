package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The B2C directory content a tenant starts from after {@code reset()}: immutable once built (the
 * store copies everything it changes). Built by the public {@code B2cData} builder.
 */
public final class B2cSeed {
  /** No B2C data at all. */
  public static final B2cSeed EMPTY = new B2cSeed(List.of(), 0, 0L, Map.of(), Map.of(), Map.of());

  /** Collection names, as in the Graph path. */
  public static final String GROUPS = "groups";
  public static final String APPLICATIONS = "applications";
  public static final String USER_FLOWS = "b2cUserFlows";
  public static final String IDENTITY_PROVIDERS = "identityProviders";
  public static final String DIRECTORY_ROLES = "directoryRoles";
  public static final String ROLE_ASSIGNMENTS = "roleAssignments";
  public static final String DIRECTORY_AUDITS = "directoryAudits";
  public static final String USER_FLOW_ATTRIBUTES = "userFlowAttributes";
  public static final String OAUTH2_PERMISSION_GRANTS = "oauth2PermissionGrants";
  public static final String DOMAINS = "domains";
  public static final String API_CONNECTORS = "apiConnectors";
  /** The company branding: the default ({@code id} 0) and its localizations. */
  public static final String BRANDING = "branding";

  public final List<UserRec> users;
  public final int generatedUsers;
  public final long generatorSeed;
  /** Graph JSON objects by collection name; never modified after construction. */
  public final Map<String, List<ObjectNode>> objects;
  public final Map<String, List<String>> groupMembers;
  public final Map<String, List<String>> roleMembers;
  /** Users in the deleted items (soft-deleted, restorable), each with its {@code deletedDateTime}. */
  public final Map<UserRec, String> deletedUsers;
  /** Other soft-deleted objects as Graph JSON with their {@code deletedDateTime}, by collection (applications). */
  public final Map<String, List<ObjectNode>> deletedObjects;
  /** The owners (user ids) of groups and applications, by the owned object's lower-case id. */
  public final Map<String, List<String>> owners;

  public B2cSeed(
      List<UserRec> users,
      int generatedUsers,
      long generatorSeed,
      Map<String, List<ObjectNode>> objects,
      Map<String, List<String>> groupMembers,
      Map<String, List<String>> roleMembers) {
    this(users, generatedUsers, generatorSeed, objects, groupMembers, roleMembers, Map.of(), Map.of());
  }

  public B2cSeed(
      List<UserRec> users,
      int generatedUsers,
      long generatorSeed,
      Map<String, List<ObjectNode>> objects,
      Map<String, List<String>> groupMembers,
      Map<String, List<String>> roleMembers,
      Map<UserRec, String> deletedUsers,
      Map<String, List<ObjectNode>> deletedObjects) {
    this(users, generatedUsers, generatorSeed, objects, groupMembers, roleMembers, deletedUsers, deletedObjects, Map.of());
  }

  public B2cSeed(
      List<UserRec> users,
      int generatedUsers,
      long generatorSeed,
      Map<String, List<ObjectNode>> objects,
      Map<String, List<String>> groupMembers,
      Map<String, List<String>> roleMembers,
      Map<UserRec, String> deletedUsers,
      Map<String, List<ObjectNode>> deletedObjects,
      Map<String, List<String>> owners) {
    this.owners = copy(owners);
    this.deletedUsers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deletedUsers));
    this.deletedObjects = copy(deletedObjects);
    this.users = List.copyOf(users);
    this.generatedUsers = generatedUsers;
    this.generatorSeed = generatorSeed;
    this.objects = copy(objects);
    this.groupMembers = copy(groupMembers);
    this.roleMembers = copy(roleMembers);
  }

  private static <T> Map<String, List<T>> copy(Map<String, List<T>> m) {
    Map<String, List<T>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<T>> e : m.entrySet()) {
      out.put(e.getKey(), List.copyOf(e.getValue()));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** A rough count of the objects, for toString. */
  public int size() {
    int n = users.size() + generatedUsers + deletedUsers.size();
    for (List<ObjectNode> l : objects.values()) {
      n += l.size();
    }
    for (List<ObjectNode> l : deletedObjects.values()) {
      n += l.size();
    }
    return n;
  }
}
