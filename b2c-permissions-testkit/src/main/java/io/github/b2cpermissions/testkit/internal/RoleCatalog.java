package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The app roles the fake's Microsoft Graph service principal publishes, read from the testkit's own
 * copy of {@code graph-app-roles.tsv}. The fake keeps its own data rather than reading the API
 * module's catalog, so that a wrong id in the catalog shows up as a test failure instead of being
 * agreed with.
 */
public final class RoleCatalog {

  /** One app role of Microsoft Graph. */
  public static final class Role {
    private final String value;
    private final UUID id;
    private final String displayName;

    Role(String value, UUID id, String displayName) {
      this.value = value;
      this.id = id;
      this.displayName = displayName;
    }

    /** The permission value, such as {@code User.Read.All}. */
    public String value() {
      return value;
    }

    /** The app role id. */
    public UUID id() {
      return id;
    }

    /** The display name Graph publishes. */
    public String displayName() {
      return displayName;
    }

    @Override
    public String toString() {
      return value;
    }
  }

  private static final List<Role> ROLES;
  private static final Map<String, Role> BY_VALUE = new HashMap<>();
  private static final Map<UUID, Role> BY_ID = new HashMap<>();
  private static volatile @Nullable ArrayNode appRolesJson;

  static {
    List<Role> roles = new ArrayList<>();
    for (String[] cols : TsvResource.rows("graph-app-roles.tsv")) {
      Role role = new Role(cols[0], UUID.fromString(cols[1]), cols[2]);
      roles.add(role);
      BY_VALUE.put(role.value, role);
      BY_ID.put(role.id, role);
    }
    ROLES = Collections.unmodifiableList(roles);
  }

  private RoleCatalog() {}

  /** Every role, in file order. */
  public static List<Role> all() {
    return ROLES;
  }

  /** The role with this exact, case-sensitive value, or null. */
  public static @Nullable Role byValue(String value) {
    return BY_VALUE.get(value);
  }

  /** The role with this id, or null. */
  public static @Nullable Role byId(UUID id) {
    return BY_ID.get(id);
  }

  /**
   * The {@code appRoles} array of the Graph service principal, built once and shared by every
   * tenant of every fake: callers must not modify it.
   */
  static ArrayNode appRolesJson() {
    ArrayNode json = appRolesJson;
    if (json == null) {
      json = Json.MAPPER.createArrayNode();
      for (Role role : ROLES) {
        ObjectNode o = json.addObject();
        o.putArray("allowedMemberTypes").add("Application");
        o.put("description", describe(role));
        o.put("displayName", role.displayName);
        o.put("id", role.id.toString());
        o.put("isEnabled", true);
        o.put("origin", "Application");
        o.put("value", role.value);
      }
      appRolesJson = json;
    }
    return json;
  }

  private static String describe(Role role) {
    String what = role.displayName;
    return "Allows the app to "
        + Character.toLowerCase(what.charAt(0))
        + what.substring(1).toLowerCase(Locale.ROOT).replace("rbac", "RBAC")
        + " without a signed-in user.";
  }
}
