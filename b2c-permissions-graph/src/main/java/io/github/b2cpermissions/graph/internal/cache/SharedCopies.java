package io.github.b2cpermissions.graph.internal.cache;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Hands out one shared instance for equal immutable values that many cached tenants would
 * otherwise each hold a copy of: Microsoft Graph's app role list (every tenant of a cloud normally
 * answers the same few hundred roles) and the roles of a confirmed token (most tenants grant the
 * same set). A cached tenant then costs a pointer to a value held once. A value is kept only while
 * some cache entry still points to it (the keys and values are weak), and values that differ stay
 * apart, so each verdict still rests on the tenant's own answer.
 *
 * @param <T> an immutable value type with value equality
 */
public final class SharedCopies<T> {
  private final Map<T, WeakReference<T>> held = new WeakHashMap<>();

  /**
   * The held instance equal to {@code value}, or {@code value} itself when none is held (it is then
   * held from now on).
   *
   * @param value an immutable value
   */
  public synchronized T shared(T value) {
    WeakReference<T> ref = held.get(value);
    @Nullable T existing = ref == null ? null : ref.get();
    if (existing != null) {
      return existing;
    }
    held.put(value, new WeakReference<>(value));
    return value;
  }

  /** How many distinct values are held now. */
  public synchronized int size() {
    return held.size();
  }
}
