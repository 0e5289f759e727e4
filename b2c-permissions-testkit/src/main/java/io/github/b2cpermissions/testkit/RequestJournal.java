package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.testkit.internal.JournalEntry;
import io.github.b2cpermissions.testkit.internal.JournalStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The requests a fake received, oldest first: every HTTP exchange, and every request inside a
 * {@code $batch} (flagged by {@link RecordedRequest#insideBatch()}). A tenant's journal holds the
 * requests made for that tenant; a {@link FakeGraph}'s holds all. The assertion methods throw
 * {@link AssertionError}, so they fail a test under any framework.
 */
public final class RequestJournal {
  private final JournalStore store;
  private final Predicate<JournalEntry> filter;

  RequestJournal(JournalStore store, Predicate<JournalEntry> filter) {
    this.store = store;
    this.filter = filter;
  }

  /** Every recorded request, batch contents included, oldest first. */
  public List<RecordedRequest> requests() {
    List<RecordedRequest> out = new ArrayList<>();
    for (JournalEntry e : store.snapshot(filter)) {
      out.add(new RecordedRequest(e));
    }
    return out;
  }

  /** How many HTTP exchanges arrived (a {@code $batch} counts once). */
  public int count() {
    return (int) store.snapshot(filter).stream().filter(e -> !e.insideBatch).count();
  }

  /** How many HTTP exchanges went to Microsoft Graph ({@code /v1.0} or {@code /beta}; a batch counts once). */
  public int countGraphRequests() {
    return (int)
        store.snapshot(filter).stream()
            .filter(e -> !e.insideBatch)
            .map(RecordedRequest::new)
            .filter(RecordedRequest::isGraph)
            .count();
  }

  /**
   * How many requests matched {@code route}, whether sent alone or inside a batch.
   *
   * @param route the route
   * @return the count
   * @throws NullPointerException if {@code route} is null
   */
  public int count(FakeRoute route) {
    Objects.requireNonNull(route, "route");
    return (int) store.snapshot(filter).stream().filter(e -> route.name().equals(e.route)).count();
  }

  /** Counts per route (batch contents included); routes never hit are absent. */
  public Map<FakeRoute, Integer> countsByRoute() {
    Map<FakeRoute, Integer> out = new EnumMap<>(FakeRoute.class);
    for (JournalEntry e : store.snapshot(filter)) {
      if (e.route != null) {
        out.merge(FakeRoute.valueOf(e.route), 1, Integer::sum);
      }
    }
    return out;
  }

  /** The requests that matched no route or used something the fake does not support. */
  public List<RecordedRequest> unmatched() {
    List<RecordedRequest> out = new ArrayList<>();
    for (JournalEntry e : store.snapshot(filter.and(x -> x.unmatched))) {
      out.add(new RecordedRequest(e));
    }
    return out;
  }

  /**
   * Fails if any request matched no route.
   *
   * @throws AssertionError listing the unmatched requests (secrets redacted)
   */
  public void assertNoUnmatchedRequests() {
    List<RecordedRequest> bad = unmatched();
    if (!bad.isEmpty()) {
      throw new AssertionError(
          "the fake Graph received " + bad.size() + " request(s) it does not serve:\n  " + join(bad));
    }
  }

  /**
   * Fails if any request matched no route or matched a route other than those given.
   *
   * @param expected the routes the code under test may call
   * @throws AssertionError listing the unexpected requests (secrets redacted)
   * @throws NullPointerException if {@code expected} or one of its elements is null
   */
  public void assertNoUnexpectedRequests(FakeRoute... expected) {
    Objects.requireNonNull(expected, "expected");
    Set<FakeRoute> allowed = EnumSet.noneOf(FakeRoute.class);
    allowed.addAll(Arrays.asList(expected));
    List<RecordedRequest> bad = new ArrayList<>();
    for (RecordedRequest r : requests()) {
      if (r.unmatched() || r.route().isEmpty() || !allowed.contains(r.route().get())) {
        bad.add(r);
      }
    }
    if (!bad.isEmpty()) {
      throw new AssertionError(
          "expected only requests to "
              + allowed
              + " but the fake Graph also received:\n  "
              + join(bad));
    }
  }

  /** Forgets the recorded requests of this journal's scope. */
  public void clear() {
    store.remove(filter);
  }

  private static String join(List<RecordedRequest> requests) {
    StringBuilder b = new StringBuilder();
    for (RecordedRequest r : requests) {
      if (b.length() > 0) {
        b.append("\n  ");
      }
      b.append(r);
    }
    return b.toString();
  }

  @Override
  public String toString() {
    List<RecordedRequest> all = requests();
    return "RequestJournal{" + all.size() + " request(s)" + (all.isEmpty() ? "" : ":\n  " + join(all)) + "}";
  }
}
