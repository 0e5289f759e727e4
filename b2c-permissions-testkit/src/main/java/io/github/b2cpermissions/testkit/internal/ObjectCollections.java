package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The B2C collections kept as Graph JSON (groups, user flows and the rest), by collection name.
 * Positions are stable: a deleted object leaves a hole. Reads hand out copies. Not thread-safe:
 * owned and guarded by a {@link B2cStore}.
 */
final class ObjectCollections {
  private final Map<String, List<@Nullable ObjectNode>> objects = new HashMap<>();
  private final Map<String, Map<String, Integer>> positions = new HashMap<>();

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  void add(String collection, ObjectNode o) {
    List<@Nullable ObjectNode> list = objects.computeIfAbsent(collection, k -> new ArrayList<>());
    positions.computeIfAbsent(collection, k -> new HashMap<>()).put(key(o.path("id").asText()), list.size());
    list.add(o);
  }

  int size(String collection) {
    List<@Nullable ObjectNode> l = objects.get(collection);
    return l == null ? 0 : l.size();
  }

  /** A copy of the object at a position, or null. */
  @Nullable
  ObjectNode at(String collection, int pos) {
    List<@Nullable ObjectNode> l = objects.get(collection);
    ObjectNode o = l == null || pos >= l.size() ? null : l.get(pos);
    return o == null ? null : o.deepCopy();
  }

  /** A copy of an object by id, or null. */
  @Nullable
  ObjectNode byId(String collection, String id) {
    Integer p = positions.getOrDefault(collection, Map.of()).get(key(id));
    return p == null ? null : at(collection, p);
  }

  /** Replaces the object with {@code o}'s id; false when there is none. */
  boolean replace(String collection, ObjectNode o) {
    Integer p = positions.getOrDefault(collection, Map.of()).get(key(o.path("id").asText()));
    if (p == null || objects.get(collection).get(p) == null) {
      return false;
    }
    objects.get(collection).set(p, o);
    return true;
  }

  /** Deletes an object by id; false when there is none. */
  boolean delete(String collection, String id) {
    Map<String, Integer> pos = positions.get(collection);
    Integer p = pos == null ? null : pos.remove(key(id));
    if (p == null) {
      return false;
    }
    objects.get(collection).set(p, null);
    return true;
  }
}
