package io.github.b2cpermissions;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The in-process {@link RequestBudget}: a token bucket of {@code maxBurst} permits refilled evenly,
 * kept as one "theoretical arrival time" (the generic cell rate algorithm). Each draw reserves its
 * permits at once, under a lock held for a few arithmetic steps, and learns how long until they
 * are due; a caller with a wait gets a future that a timer completes. Reserving instead of polling
 * keeps callers in the order they drew and never wakes a thread to find the bucket still empty.
 */
final class TokenBucketBudget implements RequestBudget {

  /** Completes a future after a delay; the system timer in production, a hand-driven one in tests. */
  @FunctionalInterface
  interface Timer {
    void completeAfter(long nanos, CompletableFuture<Void> future);
  }

  /**
   * Completes on the JDK's one delay-scheduler thread. The executor is given on purpose: without
   * one, where the common pool has fewer than two threads (one or two cores), the JDK starts a new
   * thread for every wait.
   */
  private static final Timer SYSTEM_TIMER = (nanos, future) -> CompletableFuture
      .delayedExecutor(nanos, TimeUnit.NANOSECONDS, Runnable::run).execute(() -> future.complete(null));

  private final RequestBudgetConfig config;
  private final long nanosPerPermit;
  private final long burstNanos;
  private final LongSupplier nanoTime;
  private final Timer timer;
  /** When the bucket would be full again were nothing more drawn; guarded by {@code this}. */
  private long fullAt;

  TokenBucketBudget(RequestBudgetConfig config) {
    this(config, System::nanoTime, SYSTEM_TIMER);
  }

  TokenBucketBudget(RequestBudgetConfig config, LongSupplier nanoTime, Timer timer) {
    this.config = Objects.requireNonNull(config, "config");
    this.nanosPerPermit = config.nanosPerPermit();
    this.burstNanos = nanosPerPermit * config.maxBurst();
    this.nanoTime = nanoTime;
    this.timer = timer;
    this.fullAt = nanoTime.getAsLong();
  }

  @Override
  public CompletableFuture<Void> acquire(int requests) {
    long wait = reserve(requests);
    if (wait <= 0) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> due = new CompletableFuture<>();
    timer.completeAfter(wait, due);
    return due;
  }

  /**
   * Reserves {@code requests} permits and answers how many nanoseconds from now they are due (zero
   * or less: at once). A draw larger than the burst is paced as if it had come in burst-sized parts.
   *
   * @throws IllegalArgumentException if {@code requests} is less than 1
   */
  long reserve(int requests) {
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1, was " + requests);
    }
    long cost = nanosPerPermit * requests;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      long start = fullAt - now < 0 ? now : fullAt;
      fullAt = start + cost;
      // Due once the bucket, refilled from its state now, holds the permits: when it is at most
      // one burst short of full.
      return fullAt - burstNanos - now;
    }
  }

  @Override
  public String toString() {
    return "RequestBudget.inProcess(" + config + ")";
  }
}
