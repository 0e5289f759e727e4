package io.github.b2cpermissions.testkit.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What changed in a B2C directory and when, for Graph's delta functions: every change to a tracked
 * object (a user or a group) takes the next version number, and the log keeps, per object, the
 * version of its last change and what it left behind (the object, a soft-deleted one, or nothing).
 * A delta round reads the objects whose last change lies between two versions. The generation, drawn
 * when the log is made, tells a token of this log from one of an earlier reset or another tenant. Not
 * thread-safe: owned and guarded by a {@link B2cStore}.
 */
final class ChangeLog {
  /** The state an object was left in by its last change. */
  enum State {
    /** Created, changed or restored: the object exists. */
    PRESENT,
    /** Moved to the deleted items, where it can be restored ({@code @removed} reason {@code changed}). */
    SOFT_DELETED,
    /** Gone for good ({@code @removed} reason {@code deleted}). */
    DELETED
  }

  /** The last change of one object. */
  record Change(String id, long version, State state) {}

  final long generation = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
  private long version;
  private final Map<String, Map<String, Change>> byFamily = new HashMap<>();

  /** The version of the latest change; 0 before any. */
  long version() {
    return version;
  }

  /** Records a change of the object {@code id} of a family such as {@code users}. */
  void record(String family, String id, State state) {
    version++;
    byFamily.computeIfAbsent(family, k -> new HashMap<>()).put(id.toLowerCase(Locale.ROOT), new Change(id, version, state));
  }

  /** The objects of a family whose last change is after {@code from} and not after {@code to}, oldest first. */
  List<Change> between(String family, long from, long to) {
    List<Change> out = new ArrayList<>();
    for (Change c : byFamily.getOrDefault(family, Map.of()).values()) {
      if (c.version() > from && c.version() <= to) {
        out.add(c);
      }
    }
    out.sort(Comparator.comparingLong(Change::version));
    return out;
  }
}
