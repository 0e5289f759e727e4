package io.github.b2cpermissions.testkit.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Deterministic faults: each rule fires for the next N requests in its scope, in the order rules
 * were added. Two kinds of scope apply when a rule names no routes: status faults (429, 5xx) hit
 * Graph operations, which are plain Graph requests and each request inside a {@code $batch} but
 * not the batch envelope; transport faults (reset, empty, malformed body) and latency hit Graph
 * HTTP exchanges, the envelope included and the requests inside it not. A rule naming routes hits
 * exactly those.
 */
public final class FaultPlan {

  /** What a rule does. */
  public enum Kind {
    /** 429 with Graph's TooManyRequests body. */
    THROTTLE,
    /** A chosen 4xx/5xx status with Graph's error body. */
    STATUS,
    /** The connection is reset before any response. */
    RESET,
    /** The connection closes without any response. */
    EMPTY,
    /** 200 with a body that is not valid JSON. */
    MALFORMED;

    boolean isTransport() {
      return this == RESET || this == EMPTY || this == MALFORMED;
    }
  }

  /** A fault that fired. */
  public static final class Fired {
    public final Kind kind;
    public final int status;
    /** Seconds for {@code Retry-After}, or -1 for none. */
    public final long retryAfterSeconds;

    Fired(Kind kind, int status, long retryAfterSeconds) {
      this.kind = kind;
      this.status = status;
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }

  private static final class Rule {
    final Kind kind;
    final Set<String> routes;
    final int status;
    final long retryAfterSeconds;
    int remaining;

    Rule(Kind kind, Set<String> routes, int remaining, int status, long retryAfterSeconds) {
      this.kind = kind;
      this.routes = routes;
      this.remaining = remaining;
      this.status = status;
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }

  private static final class Latency {
    final Set<String> routes;
    final long millis;

    Latency(Set<String> routes, long millis) {
      this.routes = routes;
      this.millis = millis;
    }
  }

  private final List<Rule> rules = new ArrayList<>();
  private final List<Latency> latencies = new ArrayList<>();
  private @Nullable URI foreignNextLinkHost;
  private volatile boolean empty = true;

  /** Adds a rule. */
  public synchronized void add(
      Kind kind, Set<String> routes, int count, int status, long retryAfterSeconds) {
    rules.add(new Rule(kind, copy(routes), count, status, retryAfterSeconds));
    empty = false;
  }

  /** Sets the latency for the routes (replacing an earlier latency with the same scope). */
  public synchronized void latency(Set<String> routes, long millis) {
    Set<String> scope = copy(routes);
    latencies.removeIf(l -> l.routes.equals(scope));
    if (millis > 0) {
      latencies.add(new Latency(scope, millis));
    }
    empty = rules.isEmpty() && latencies.isEmpty() && foreignNextLinkHost == null;
  }

  /** Makes paged responses point their next link at another host (null turns it off). */
  public synchronized void foreignNextLink(@Nullable URI host) {
    foreignNextLinkHost = host;
    empty = rules.isEmpty() && latencies.isEmpty() && host == null;
  }

  /** The host next links should point at instead of the fake, or null. */
  public synchronized @Nullable URI foreignNextLinkHost() {
    return foreignNextLinkHost;
  }

  /** Removes every rule, latency and next-link override. */
  public synchronized void clear() {
    rules.clear();
    latencies.clear();
    foreignNextLinkHost = null;
    empty = true;
  }

  /** How many faults are still to fire, over all rules. */
  public synchronized int pending() {
    int n = 0;
    for (Rule r : rules) {
      n += r.remaining;
    }
    return n;
  }

  /**
   * Takes the next transport fault for an HTTP exchange on {@code route} (null for unmatched Graph
   * paths), or returns null.
   */
  public @Nullable Fired takeTransport(@Nullable Route route) {
    return take(route, true, false);
  }

  /** Takes the next status fault for an operation on {@code route}, or returns null. */
  public @Nullable Fired takeStatus(@Nullable Route route, boolean insideBatch) {
    return take(route, false, insideBatch);
  }

  private @Nullable Fired take(@Nullable Route route, boolean transport, boolean inner) {
    if (empty) {
      return null;
    }
    synchronized (this) {
      for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
        Rule r = it.next();
        if (r.kind.isTransport() != transport || !inScope(r.routes, route, transport, inner)) {
          continue;
        }
        r.remaining--;
        if (r.remaining <= 0) {
          it.remove();
        }
        empty = rules.isEmpty() && latencies.isEmpty() && foreignNextLinkHost == null;
        return new Fired(r.kind, r.status, r.retryAfterSeconds);
      }
      return null;
    }
  }

  /** The added latency for an HTTP exchange on {@code route}, in milliseconds. */
  public long latencyMillis(@Nullable Route route) {
    if (empty) {
      return 0;
    }
    synchronized (this) {
      long total = 0;
      for (Latency l : latencies) {
        if (inScope(l.routes, route, true, false)) {
          total += l.millis;
        }
      }
      return total;
    }
  }

  private static boolean inScope(
      Set<String> routes, @Nullable Route route, boolean transport, boolean inner) {
    if (!routes.isEmpty()) {
      return route != null && routes.contains(route.name());
    }
    // Default scope: Graph only.
    boolean graph = route == null || route.isGraph();
    if (!graph) {
      return false;
    }
    if (transport) {
      return !inner;
    }
    return route == null || !route.is("BATCH");
  }

  private static Set<String> copy(Set<String> routes) {
    return Set.copyOf(routes);
  }
}
