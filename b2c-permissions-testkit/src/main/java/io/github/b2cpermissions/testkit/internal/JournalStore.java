package io.github.b2cpermissions.testkit.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The server's request journal: bounded, oldest entries dropped first, safe to read any time. */
public final class JournalStore {
  private final ConcurrentLinkedDeque<JournalEntry> entries = new ConcurrentLinkedDeque<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final int limit;

  JournalStore(int limit) {
    this.limit = limit;
  }

  long nextSequence() {
    return sequence.incrementAndGet();
  }

  void add(JournalEntry e) {
    if (limit == 0) {
      dropped.incrementAndGet();
      return;
    }
    entries.addLast(e);
    if (size.incrementAndGet() > limit) {
      if (entries.pollFirst() != null) {
        size.decrementAndGet();
        dropped.incrementAndGet();
      }
    }
  }

  /** A snapshot of the entries that pass the filter, oldest first. */
  public List<JournalEntry> snapshot(Predicate<JournalEntry> filter) {
    List<JournalEntry> out = new ArrayList<>();
    for (JournalEntry e : entries) {
      if (filter.test(e)) {
        out.add(e);
      }
    }
    out.sort((a, b) -> Long.compare(a.sequence, b.sequence));
    return out;
  }

  /** Removes the entries that pass the filter. */
  public void remove(Predicate<JournalEntry> filter) {
    for (Iterator<JournalEntry> it = entries.iterator(); it.hasNext(); ) {
      if (filter.test(it.next())) {
        it.remove();
        size.decrementAndGet();
      }
    }
  }

  /** Entries dropped because the journal was full. */
  public long dropped() {
    return dropped.get();
  }
}
