package io.github.b2cpermissions.graph.internal;

import io.github.b2cpermissions.GraphAppRole;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Hands out one shared instance for equal lists of Microsoft Graph's app roles. Every tenant of a
 * cloud normally answers the same few hundred roles, so a verifier that remembered each tenant's
 * own copy would hold that list once per cached tenant; with this, a cached tenant costs a pointer
 * to a list held once. A list is kept only while some tenant's cache entry still points to it (the
 * keys and values are weak), and lists that differ stay apart, so each verdict still rests on the
 * tenant's own answer.
 */
final class SharedRoleLists {
  private final Map<Map<UUID, GraphAppRole>, WeakReference<Map<UUID, GraphAppRole>>> lists =
      new WeakHashMap<>();

  /**
   * The held instance equal to {@code roles}, or {@code roles} itself when none is held (it is then
   * held from now on).
   *
   * @param roles an unmodifiable role list, by role id
   */
  synchronized Map<UUID, GraphAppRole> shared(Map<UUID, GraphAppRole> roles) {
    WeakReference<Map<UUID, GraphAppRole>> ref = lists.get(roles);
    @Nullable Map<UUID, GraphAppRole> held = ref == null ? null : ref.get();
    if (held != null) {
      return held;
    }
    lists.put(roles, new WeakReference<>(roles));
    return roles;
  }

  /** How many distinct lists are held now. */
  synchronized int size() {
    return lists.size();
  }
}
