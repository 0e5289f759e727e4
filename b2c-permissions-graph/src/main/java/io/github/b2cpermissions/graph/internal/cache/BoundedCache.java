package io.github.b2cpermissions.graph.internal.cache;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A small thread-safe cache bounded by size and by age: at most {@code maxSize} entries, the least
 * recently used leaving first, and an entry older than {@code maxAge} (counted from when it was
 * put) is gone. The age is measured on an injected ticker, so tests move time without sleeping.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class BoundedCache<K, V> {
  private final int maxSize;
  private final long maxAgeNanos;
  private final LongSupplier ticker;
  private final LinkedHashMap<K, Entry<V>> entries;

  private record Entry<V>(V value, long putAtNanos) {}

  /**
   * Creates a cache.
   *
   * @param maxSize the most entries kept, at least 1
   * @param maxAge how long an entry lives after it was put, positive
   * @param ticker a monotonic nanosecond source, such as {@code System::nanoTime}
   * @throws IllegalArgumentException if {@code maxSize} is less than 1 or {@code maxAge} is not
   *     positive
   */
  public BoundedCache(int maxSize, Duration maxAge, LongSupplier ticker) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize must be at least 1, was " + maxSize);
    }
    if (maxAge.isZero() || maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
    }
    this.maxSize = maxSize;
    this.maxAgeNanos = maxAge.toNanos();
    this.ticker = ticker;
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The live value for {@code key}, or null when there is none or it expired. */
  public synchronized @Nullable V get(K key) {
    Entry<V> e = entries.get(key);
    if (e == null) {
      return null;
    }
    if (expired(e, ticker.getAsLong())) {
      entries.remove(key);
      return null;
    }
    return e.value();
  }

  /** Puts {@code value} for {@code key}, starting its age now, and evicts past the size bound. */
  public synchronized void put(K key, V value) {
    long now = ticker.getAsLong();
    entries.put(key, new Entry<>(value, now));
    if (entries.size() > maxSize) {
      Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
      while (entries.size() > maxSize && it.hasNext()) {
        it.next();
        it.remove();
      }
    }
  }

  /**
   * Puts {@code value} unless a live value is there already, and returns the value now cached.
   */
  public synchronized V putIfAbsent(K key, V value) {
    V current = get(key);
    if (current != null) {
      return current;
    }
    put(key, value);
    return value;
  }

  /** Forgets {@code key}. */
  public synchronized void remove(K key) {
    entries.remove(key);
  }

  /** Forgets {@code key} only while it maps to {@code value}. */
  public synchronized void remove(K key, V value) {
    Entry<V> e = entries.get(key);
    if (e != null && e.value().equals(value)) {
      entries.remove(key);
    }
  }

  /** How many entries are held, expired ones dropped first. */
  public synchronized int size() {
    long now = ticker.getAsLong();
    entries.values().removeIf(e -> expired(e, now));
    return entries.size();
  }

  private boolean expired(Entry<V> e, long now) {
    return now - e.putAtNanos() >= maxAgeNanos;
  }

  @Override
  public synchronized String toString() {
    return "BoundedCache{size=" + entries.size() + ", maxSize=" + maxSize + "}";
  }
}
