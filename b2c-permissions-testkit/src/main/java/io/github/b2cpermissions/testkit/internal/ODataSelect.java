package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code $select}: which properties a reply carries, matched case-insensitively as Graph does. */
final class ODataSelect {
  private ODataSelect() {}

  /**
   * The canonical names {@code $select} asks for, in its order; empty without {@code $select}.
   *
   * @param sample an item with every property of the type
   * @param type the type for Graph's message, such as {@code microsoft.graph.user}
   * @throws GraphErrorException naming the first property the type does not have
   */
  static Set<String> parse(@Nullable String select, ObjectNode sample, String type) {
    Set<String> out = new LinkedHashSet<>();
    if (select == null || select.isBlank()) {
      return out;
    }
    Map<String, String> canonical = new LinkedHashMap<>();
    for (Iterator<String> it = sample.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      canonical.put(name.toLowerCase(Locale.ROOT), name);
    }
    for (String raw : select.split(",")) {
      String name = raw.trim();
      if (name.isEmpty()) {
        continue;
      }
      String c = canonical.get(name.toLowerCase(Locale.ROOT));
      if (c == null) {
        throw GraphErrorException.badRequest("Could not find a property named '" + name + "' on type '" + type + "'.");
      }
      out.add(c);
    }
    return out;
  }

  /** The selected properties of an item, in the order of {@code select}. */
  static ObjectNode project(ObjectNode item, Set<String> select) {
    ObjectNode o = Json.object();
    for (String name : select) {
      JsonNode v = item.get(name);
      if (v != null) {
        o.set(name, v);
      }
    }
    return o;
  }

  /**
   * What a reply shows of an item: the selected properties, else the type's default properties
   * (with {@code @odata.type}), else everything.
   */
  static ObjectNode view(ObjectNode item, Set<String> select, @Nullable List<String> defaultView) {
    if (!select.isEmpty()) {
      return project(item, select);
    }
    if (defaultView == null) {
      return item;
    }
    ObjectNode v = Json.object();
    if (item.has("@odata.type")) {
      v.set("@odata.type", item.get("@odata.type"));
    }
    for (String p : defaultView) {
      JsonNode n = item.get(p);
      if (n != null) {
        v.set(p, n);
      }
    }
    return v;
  }

  /** The context path with the selection appended, as Graph writes it: {@code users(id,displayName)}. */
  static String context(String contextPath, Set<String> select) {
    return contextPath + (select.isEmpty() ? "" : "(" + String.join(",", select) + ")");
  }
}
