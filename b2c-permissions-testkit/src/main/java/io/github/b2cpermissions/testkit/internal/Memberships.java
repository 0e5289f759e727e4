package io.github.b2cpermissions.testkit.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who is a member of which group and of which directory role, by object id (case-insensitive),
 * members in the order they were added. Not thread-safe: owned and guarded by a {@link B2cStore}.
 */
final class Memberships {
  private final Map<String, Set<String>> groupMembers = new HashMap<>();
  private final Map<String, Set<String>> roleMembers = new HashMap<>();

  Memberships(Map<String, List<String>> groups, Map<String, List<String>> roles) {
    groups.forEach((g, ms) -> groupMembers.put(key(g), new LinkedHashSet<>(ms)));
    roles.forEach((r, ms) -> roleMembers.put(key(r), new LinkedHashSet<>(ms)));
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  private Map<String, Set<String>> of(boolean group) {
    return group ? groupMembers : roleMembers;
  }

  List<String> members(boolean ofGroup, String id) {
    Set<String> s = of(ofGroup).get(key(id));
    return s == null ? List.of() : new ArrayList<>(s);
  }

  /** Adds a member; false when it already is one. */
  boolean add(boolean toGroup, String id, String memberId) {
    Set<String> s = of(toGroup).computeIfAbsent(key(id), k -> new LinkedHashSet<>());
    for (String m : s) {
      if (m.equalsIgnoreCase(memberId)) {
        return false;
      }
    }
    return s.add(memberId);
  }

  boolean remove(boolean fromGroup, String id, String memberId) {
    Set<String> s = of(fromGroup).get(key(id));
    return s != null && s.removeIf(m -> m.equalsIgnoreCase(memberId));
  }

  /** The groups a directory object is a direct member of, by id. */
  List<String> groupsOf(String memberId) {
    return containing(true, memberId);
  }

  /** The groups, or the directory roles, a directory object is a direct member of, by id. */
  List<String> containing(boolean groups, String memberId) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : of(groups).entrySet()) {
      for (String m : e.getValue()) {
        if (m.equalsIgnoreCase(memberId)) {
          out.add(e.getKey());
        }
      }
    }
    return out;
  }

  /** A deleted user leaves every group and role. */
  void userDeleted(String userId) {
    for (Set<String> ms : groupMembers.values()) {
      ms.removeIf(m -> m.equalsIgnoreCase(userId));
    }
    for (Set<String> ms : roleMembers.values()) {
      ms.removeIf(m -> m.equalsIgnoreCase(userId));
    }
  }

  /** A deleted object loses its members and leaves every group. */
  void objectDeleted(String id) {
    groupMembers.remove(key(id));
    roleMembers.remove(key(id));
    for (Set<String> ms : groupMembers.values()) {
      ms.removeIf(m -> m.equalsIgnoreCase(id));
    }
  }
}
