package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The B2C directory content a tenant starts from after {@code reset()}: immutable once built (the
 * store copies everything it changes). Built by the public {@code B2cData} builder.
 */
public final class B2cSeed {
  /** No B2C data at all. */
  public static final B2cSeed EMPTY = builder().build();

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

  private B2cSeed(Builder b) {
    this.users = List.copyOf(b.users);
    this.generatedUsers = b.generatedUsers;
    this.generatorSeed = b.generatorSeed;
    this.objects = copy(b.objects);
    this.groupMembers = copy(b.groupMembers);
    this.roleMembers = copy(b.roleMembers);
    this.deletedUsers = Collections.unmodifiableMap(new LinkedHashMap<>(b.deletedUsers));
    this.deletedObjects = copy(b.deletedObjects);
    this.owners = copy(b.owners);
  }

  /** A builder with nothing in it; every part is copied when built. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Collects the parts of a seed. The public {@code B2cData} builder checks what users give it;
   * this one only assembles.
   */
  public static final class Builder {
    private List<UserRec> users = List.of();
    private int generatedUsers;
    private long generatorSeed;
    private Map<String, List<ObjectNode>> objects = Map.of();
    private Map<String, List<String>> groupMembers = Map.of();
    private Map<String, List<String>> roleMembers = Map.of();
    private Map<UserRec, String> deletedUsers = Map.of();
    private Map<String, List<ObjectNode>> deletedObjects = Map.of();
    private Map<String, List<String>> owners = Map.of();

    private Builder() {}

    /** The seeded users, in listing order after the generated ones. */
    public Builder users(List<UserRec> users) {
      this.users = users;
      return this;
    }

    /** How many users to generate, and the generator's seed. */
    public Builder generated(int count, long seed) {
      this.generatedUsers = count;
      this.generatorSeed = seed;
      return this;
    }

    /** Graph JSON objects by collection name. */
    public Builder objects(Map<String, List<ObjectNode>> objects) {
      this.objects = objects;
      return this;
    }

    /** Member ids of groups and of directory roles, by the group's or role's id. */
    public Builder members(Map<String, List<String>> ofGroups, Map<String, List<String>> ofRoles) {
      this.groupMembers = ofGroups;
      this.roleMembers = ofRoles;
      return this;
    }

    /** Soft-deleted users with their {@code deletedDateTime}, and other soft-deleted objects. */
    public Builder deleted(Map<UserRec, String> users, Map<String, List<ObjectNode>> objects) {
      this.deletedUsers = users;
      this.deletedObjects = objects;
      return this;
    }

    /** The owners (user ids) of groups and applications, by the owned object's lower-case id. */
    public Builder owners(Map<String, List<String>> owners) {
      this.owners = owners;
      return this;
    }

    /** The immutable seed. */
    public B2cSeed build() {
      return new B2cSeed(this);
    }
  }

  private static <T> Map<String, List<T>> copy(Map<String, List<T>> m) {
    Map<String, List<T>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<T>> e : m.entrySet()) {
      out.put(e.getKey(), List.copyOf(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
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
