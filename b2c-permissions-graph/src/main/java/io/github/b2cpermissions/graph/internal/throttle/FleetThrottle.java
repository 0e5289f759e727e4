package io.github.b2cpermissions.graph.internal.throttle;

import io.github.b2cpermissions.RequestBudget;
import io.github.b2cpermissions.graph.internal.http.OutgoingRequest;
import io.github.b2cpermissions.graph.internal.http.RequestPermits;
import io.github.b2cpermissions.graph.internal.http.ThrottleNotice;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Graph request of a verifier passes before it leaves, and what learns from each answer.
 * Before: the app-wide pause (after a 429 scoped {@code Application}), the tenant's own pause (after
 * one scoped {@code Tenant}, {@code Tenant_Application} or not scoped at all), the {@link AdaptivePacer}'s rate, then
 * the shared {@link RequestBudget}, one permit per Graph request (each request inside a {@code
 * $batch} counts, as Graph counts them). After: a 429 pauses the app or the tenant for its {@code
 * Retry-After} (without one, only the retry policy's backoff delays the request itself); {@code x-ms-throttle-limit-percentage} above
 * 0.8 lowers the pacer's rate in proportion to the usage it reports. A pause only delays what starts after it; the
 * retry policy still decides whether and when the throttled request itself is tried again. Waits
 * are futures completed by a timer: no thread is held.
 */
public final class FleetThrottle implements RequestPermits {
  private static final Logger LOG = LoggerFactory.getLogger(FleetThrottle.class);

  /** The {@code x-ms-throttle-limit-percentage} above which the rate is lowered. */
  static final double SLOW_DOWN_ABOVE = 0.8;

  /** Completes a future after a delay. */
  @FunctionalInterface
  public interface Timer {
    /**
     * Completes {@code future} normally {@code nanos} from now.
     *
     * @param nanos the delay, positive
     * @param future the future to complete
     */
    void completeAfter(long nanos, CompletableFuture<Void> future);

    /**
     * Completes on {@code scheduler}'s thread. (Not the JDK's {@code delayedExecutor} without an
     * executor: where the common pool has fewer than two threads, as on a machine of one or two
     * cores, that starts a thread for every wait.)
     *
     * @param scheduler the verifier's timer
     */
    static Timer on(ScheduledExecutorService scheduler) {
      Objects.requireNonNull(scheduler, "scheduler");
      return (nanos, future) -> scheduler.schedule(() -> future.complete(null), nanos, TimeUnit.NANOSECONDS);
    }
  }

  private final RequestBudget budget;
  private final boolean lowPriority;
  private final LongSupplier nanoTime;
  private final Timer timer;
  private final AdaptivePacer pacer = new AdaptivePacer();
  /** Until when ({@code nanoTime}) every tenant waits; guarded by {@code this}. */
  private long appPausedUntil;
  private boolean appPaused;
  private final Map<String, Long> tenantPausedUntil = new ConcurrentHashMap<>();

  /**
   * @param budget the app's request budget
   * @param lowPriority whether requests say {@code x-ms-throttle-priority: low}
   * @param nanoTime the monotonic clock
   * @param timer completes waits
   */
  public FleetThrottle(RequestBudget budget, boolean lowPriority, LongSupplier nanoTime, Timer timer) {
    this.budget = Objects.requireNonNull(budget, "budget");
    this.lowPriority = lowPriority;
    this.nanoTime = nanoTime;
    this.timer = timer;
  }

  /** A throttle on the system clock, whose waits end on {@code scheduler}'s thread. */
  public FleetThrottle(RequestBudget budget, boolean lowPriority, ScheduledExecutorService scheduler) {
    this(budget, lowPriority, System::nanoTime, Timer.on(scheduler));
  }

  /**
   * The {@code x-ms-throttle-priority} header value to send, or null for none (Graph's default,
   * normal).
   */
  @Override
  public @Nullable String priorityHeader() {
    return lowPriority ? "low" : null;
  }

  /** Draws one permit per Graph request: one, or one per item of a {@code $batch}. */
  @Override
  public CompletableFuture<Void> beforeSend(OutgoingRequest request) {
    return beforeRequest(request.tenantId(), Math.max(1, request.batchUrls().size()));
  }

  @Override
  public void onThrottle(ThrottleNotice n) {
    onAnswer(n.tenantId(), n.status(), n.scope(), n.retryAfter(), n.limitPercentage());
  }

  /**
   * Answers at once with a future that completes when {@code requests} Graph requests for {@code
   * tenant} may leave. It fails when the budget fails (a shared store that is down).
   *
   * @param tenant the tenant as checked
   * @param requests how many Graph requests: 1, or the number inside a {@code $batch}
   */
  public CompletableFuture<Void> beforeRequest(String tenant, int requests) {
    long now = nanoTime.getAsLong();
    long wait = pausedFor(tenant, now);
    if (wait > 0) {
      // Look again when the pause ends: another 429 may have lengthened it meanwhile.
      return after(wait).thenCompose(x -> beforeRequest(tenant, requests));
    }
    long paced = pacer.reserve(requests, now);
    CompletableFuture<Void> ready = paced > 0 ? after(paced) : CompletableFuture.completedFuture(null);
    return ready.thenCompose(x -> budget.acquire(requests));
  }

  /**
   * Learns from one answer, or from one item of a {@code $batch} answer.
   *
   * @param tenant the tenant as checked
   * @param status the HTTP status
   * @param throttleScope the {@code x-ms-throttle-scope} header, or null
   * @param retryAfter the parsed {@code Retry-After}, or null
   * @param limitPercentage {@code x-ms-throttle-limit-percentage}, parsed, or null
   */
  public void onAnswer(String tenant, int status, @Nullable String throttleScope,
      @Nullable Duration retryAfter, @Nullable Double limitPercentage) {
    long now = nanoTime.getAsLong();
    if (limitPercentage != null && limitPercentage > SLOW_DOWN_ABOVE) {
      pacer.slowDown(limitPercentage, now);
    }
    if (status != 429) {
      return;
    }
    // A 429 alone does not lower the rate: with Retry-After 0, Graph throttling one check again
    // and again would pace it down to the floor and past its deadline; its pause and the retry
    // policy handle it.
    ThrottleScope scope = ThrottleScope.parse(throttleScope);
    if (retryAfter == null) {
      // No wait was named: the retry policy's backoff paces the request itself.
      return;
    }
    long pause = retryAfter.toNanos();
    long until = now + pause;
    if (scope.isAppWide()) {
      synchronized (this) {
        if (!appPaused || until - appPausedUntil > 0) {
          appPausedUntil = until;
          appPaused = true;
        }
      }
      LOG.debug("Graph throttled the app across all tenants (429, {}); every tenant waits {} ms",
          throttleScope, TimeUnit.NANOSECONDS.toMillis(pause));
    } else {
      tenantPausedUntil.merge(tenant, until, (a, b) -> b - a > 0 ? b : a);
      LOG.debug("tenant {}: Graph throttled it ({} 429); that tenant waits {} ms", tenant, scope,
          TimeUnit.NANOSECONDS.toMillis(pause));
    }
  }

  /** The sending rate the pacer allows now, requests per second (infinite when not pacing). */
  public double pacingRate() {
    return pacer.rate(nanoTime.getAsLong());
  }

  private long pausedFor(String tenant, long now) {
    long wait = 0;
    synchronized (this) {
      if (appPaused) {
        wait = appPausedUntil - now;
        if (wait <= 0) {
          appPaused = false;
        }
      }
    }
    Long t = tenantPausedUntil.get(tenant);
    if (t != null) {
      long mine = t - now;
      if (mine <= 0) {
        tenantPausedUntil.remove(tenant, t);
      }
      wait = Math.max(wait, mine);
    }
    return wait;
  }

  private CompletableFuture<Void> after(long nanos) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    timer.completeAfter(nanos, f);
    return f;
  }

  @Override
  public String toString() {
    return "FleetThrottle{budget=" + budget + ", lowPriority=" + lowPriority + "}";
  }
}
