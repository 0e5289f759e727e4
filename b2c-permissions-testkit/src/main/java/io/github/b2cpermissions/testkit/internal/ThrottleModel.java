package io.github.b2cpermissions.testkit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Graph's throttling as its documentation describes it, for the limits in {@link ThrottleSettings}:
 * token buckets per app across all tenants (requests) and per app per tenant (resource units),
 * each refilled evenly over its period. Every Graph operation is charged, each request inside a
 * {@code $batch} on its own and the envelope not at all; a throttled request is charged too
 * ("usage keeps counting while throttled"), down to 1.8 times the limit. A request that finds a
 * bucket short of its cost is refused with the bucket's scope and the seconds until it could pass;
 * one admitted above 80% of a limit is told the fraction used. Also counts, per app, the requests
 * received in any window of the app period (the peak a benchmark reads).
 */
public final class ThrottleModel {
  /** How far below empty charging may take a bucket, as a fraction of its capacity. */
  private static final double OVERDRAFT = 0.8;
  private static final double SIGNAL_ABOVE = 0.8;

  private final ThrottleSettings settings;
  private final Clock clock;
  private final Map<String, Bucket> appBuckets = new ConcurrentHashMap<>();
  private final Map<String, Bucket> tenantBuckets = new ConcurrentHashMap<>();
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong appThrottled = new AtomicLong();
  private final AtomicLong tenantThrottled = new AtomicLong();
  private final AtomicLong limitSignals = new AtomicLong();

  public ThrottleModel(ThrottleSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** What the model decided for one operation. */
  public static final class Decision {
    /** Null when admitted, else {@code Application} or {@code Tenant_Application}. */
    public final @Nullable String refusedScope;
    public final long retryAfterSeconds;
    /** The fraction of the fullest limit used, or 0 when at most 80% (no header). */
    public final double limitFraction;

    Decision(@Nullable String refusedScope, long retryAfterSeconds, double limitFraction) {
      this.refusedScope = refusedScope;
      this.retryAfterSeconds = retryAfterSeconds;
      this.limitFraction = limitFraction;
    }

    /** {@code x-ms-throttle-limit-percentage}'s value, or null when none is sent. */
    public @Nullable String limitPercentageHeader() {
      return limitFraction > SIGNAL_ABOVE ? String.format(Locale.ROOT, "%.2f", limitFraction) : null;
    }
  }

  private static final Decision ADMITTED = new Decision(null, 0, 0);

  /** Whether any limit is modelled; when not, {@link #charge} is never called. */
  public boolean enabled() {
    return settings.any();
  }

  /**
   * Charges one Graph operation of {@code appId} in {@code tenantId} costing {@code resourceUnits}.
   */
  public Decision charge(String appId, UUID tenantId, int resourceUnits) {
    long now = nanos(clock.instant());
    received.incrementAndGet();
    String app = appId.toLowerCase(Locale.ROOT);
    double appFraction = 0;
    long appWait = 0;
    if (settings.appRequests > 0) {
      windows.computeIfAbsent(app, k -> new Window(settings.appPeriod.toNanos())).add(now);
      Bucket b = appBuckets.computeIfAbsent(app,
          k -> new Bucket(settings.appRequests, settings.appPeriod.toNanos(), now));
      long[] r = b.charge(1, now);
      appWait = r[0];
      appFraction = Double.longBitsToDouble(r[1]);
    }
    double tenantFraction = 0;
    long tenantWait = 0;
    if (settings.tenantResourceUnits > 0) {
      Bucket b = tenantBuckets.computeIfAbsent(app + "/" + tenantId,
          k -> new Bucket(settings.tenantResourceUnits, settings.tenantPeriod.toNanos(), now));
      long[] r = b.charge(resourceUnits, now);
      tenantWait = r[0];
      tenantFraction = Double.longBitsToDouble(r[1]);
    }
    double fraction = Math.max(appFraction, tenantFraction);
    if (appWait > 0) {
      appThrottled.incrementAndGet();
      return new Decision("Application", seconds(appWait), fraction);
    }
    if (tenantWait > 0) {
      tenantThrottled.incrementAndGet();
      return new Decision("Tenant_Application", seconds(tenantWait), fraction);
    }
    if (fraction > SIGNAL_ABOVE) {
      limitSignals.incrementAndGet();
      return new Decision(null, 0, fraction);
    }
    return ADMITTED;
  }

  /**
   * Graph's documented cost of a directory read: 2 for assignments, permission grants and users, 1
   * otherwise; {@code $select} takes 1 off, {@code $expand} adds 1, {@code $top} under 20 takes 1
   * off; never below 1.
   */
  static int resourceUnits(String path, Map<String, String> query) {
    int slash = path.lastIndexOf('/');
    String last = (slash < 0 ? path : path.substring(slash + 1)).toLowerCase(Locale.ROOT);
    int cost = last.equals("approleassignments") || last.equals("oauth2permissiongrants")
        || last.equals("users") ? 2 : 1;
    if (query.containsKey("$select")) {
      cost--;
    }
    if (query.containsKey("$expand")) {
      cost++;
    }
    String top = query.get("$top");
    if (top != null) {
      try {
        if (Integer.parseInt(top.trim()) < 20) {
          cost--;
        }
      } catch (NumberFormatException ignored) {
        // Graph refuses it elsewhere; the cost does not matter.
      }
    }
    return Math.max(1, cost);
  }

  /** Operations charged so far. */
  public long received() {
    return received.get();
  }

  public long appThrottled() {
    return appThrottled.get();
  }

  public long tenantThrottled() {
    return tenantThrottled.get();
  }

  /** Admitted operations told the fraction of a limit they used ({@code x-ms-throttle-limit-percentage}). */
  public long limitSignals() {
    return limitSignals.get();
  }

  /** The most requests one app sent in any window of the app period (0 without an app limit). */
  public long peakAppRequestsPerPeriod() {
    long most = 0;
    for (Window w : windows.values()) {
      most = Math.max(most, w.peak());
    }
    return most;
  }

  private static long nanos(Instant i) {
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  private static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }

  /** A token bucket that may be overdrawn. */
  private static final class Bucket {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long at;

    Bucket(int capacity, long periodNanos, long now) {
      this.capacity = capacity;
      this.perNano = capacity / (double) periodNanos;
      this.tokens = capacity;
      this.at = now;
    }

    /** {0 if it passed, else nanos until a retry would; fraction used, as double bits}. */
    synchronized long[] charge(int cost, long now) {
      if (now > at) {
        tokens = Math.min(capacity, tokens + (now - at) * perNano);
        at = now;
      }
      boolean refused = tokens < cost;
      tokens = Math.max(-OVERDRAFT * capacity, tokens - cost);
      // A refused request waits until a retry of it would pass, its own charge included.
      long wait = refused ? Math.max(1, (long) Math.ceil((cost - tokens) / perNano)) : 0;
      double used = (capacity - tokens) / capacity;
      return new long[] {wait, Double.doubleToLongBits(used)};
    }
  }

  /** Request times within the last period, and the most seen at once. */
  private static final class Window {
    private final long period;
    private final ArrayDeque<Long> times = new ArrayDeque<>();
    private long peak;

    Window(long period) {
      this.period = period;
    }

    synchronized void add(long now) {
      while (!times.isEmpty() && now - times.peekFirst() >= period) {
        times.pollFirst();
      }
      times.addLast(now);
      peak = Math.max(peak, times.size());
    }

    synchronized long peak() {
      return peak;
    }
  }
}
