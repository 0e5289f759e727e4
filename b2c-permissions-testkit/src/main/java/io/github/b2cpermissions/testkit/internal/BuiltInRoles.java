package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The built-in Entra directory roles every tenant has, read once from {@code built-in-roles.tsv}
 * (the source is named there): as {@code unifiedRoleDefinition}s and as {@code
 * directoryRoleTemplate}s, which share the template id. The same for every tenant, so never copied
 * into a tenant's state; each call returns fresh JSON.
 */
final class BuiltInRoles {
  /** One built-in role. */
  record Role(String templateId, String displayName, String description, List<String> allowedResourceActions) {}

  private static final List<Role> ROLES = read();

  private BuiltInRoles() {}

  static List<Role> all() {
    return ROLES;
  }

  /** The role with this template id (any case), or null. */
  static @Nullable Role byId(String id) {
    String key = id.toLowerCase(Locale.ROOT);
    for (Role r : ROLES) {
      if (r.templateId.equals(key)) {
        return r;
      }
    }
    return null;
  }

  /** Graph's v1.0 {@code unifiedRoleDefinition} of a built-in role: its id is the template id. */
  static ObjectNode definition(Role r) {
    ObjectNode o = Json.object();
    o.put("id", r.templateId);
    o.put("description", r.description);
    o.put("displayName", r.displayName);
    o.put("isBuiltIn", true);
    o.put("isEnabled", true);
    o.putArray("resourceScopes").add("/");
    ObjectNode permission = o.putArray("rolePermissions").addObject();
    ArrayNode actions = permission.putArray("allowedResourceActions");
    r.allowedResourceActions.forEach(actions::add);
    permission.putNull("condition");
    permission.putArray("excludedResourceActions");
    o.put("templateId", r.templateId);
    o.put("version", "1");
    return o;
  }

  /** Graph's v1.0 {@code directoryRoleTemplate} of a built-in role. */
  static ObjectNode template(Role r) {
    ObjectNode o = Json.object();
    o.put("id", r.templateId);
    o.putNull("deletedDateTime");
    o.put("description", r.description);
    o.put("displayName", r.displayName);
    return o;
  }

  private static List<Role> read() {
    List<Role> out = new ArrayList<>();
    for (String[] cols : TsvResource.rows("built-in-roles.tsv")) {
      out.add(new Role(cols[0].toLowerCase(Locale.ROOT), cols[1], cols[2], List.of(cols[3].split(","))));
    }
    return Collections.unmodifiableList(out);
  }
}
