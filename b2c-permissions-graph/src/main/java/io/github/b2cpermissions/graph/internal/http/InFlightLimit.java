package io.github.b2cpermissions.graph.internal.http;

import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The verifier's one bound on Graph requests in flight, across every check, with a slow start.
 * A request that finds the limit reached waits in a first-come queue holding no thread; the wait
 * ends at the check's deadline (failing the attempt as Graph unavailable) or when the check is
 * cancelled.
 *
 * <p>Slow start: the limit begins at {@code initial} and rises by one for each request that
 * completes with an answer, up to {@code max}, so it roughly doubles per round trip while Graph
 * keeps answering, and a cold fleet does not open its connections all at once. A request that
 * fails to get an answer (connection failure, timeout) does not raise it.
 */
public final class InFlightLimit {
  private final int max;
  private final ScheduledExecutorService timer;
  private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
  private int limit;
  private int inFlight;

  /**
   * @param max the most requests in flight at once, at least 1
   * @param initial where the slow start begins, 1 to {@code max}
   * @param timer schedules the deadline of each wait
   */
  public InFlightLimit(int max, int initial, ScheduledExecutorService timer) {
    if (max < 1 || initial < 1 || initial > max) {
      throw new IllegalArgumentException("need 1 <= initial <= max, was " + initial + ", " + max);
    }
    this.max = max;
    this.limit = initial;
    this.timer = timer;
  }

  private final class Waiter {
    final CompletableFuture<Void> granted = new CompletableFuture<>();
  }

  /**
   * A stage that completes when the request may go; exactly one {@link #release} must follow its
   * normal completion. It fails with {@link GraphUnavailableException} at the check's deadline and
   * with the check's cancellation exception when it is cancelled.
   */
  public CompletableFuture<Void> acquire(CallContext ctx, String what) {
    Waiter w = new Waiter();
    synchronized (this) {
      if (inFlight < limit && queue.isEmpty()) {
        inFlight++;
        w.granted.complete(null);
        return w.granted;
      }
      queue.add(w);
    }
    long remaining = ctx.remainingNanos();
    ScheduledFuture<?> deadline = timer.schedule(() -> giveUp(w, new GraphUnavailableException(
        "the check of tenant " + ctx.tenantId() + " ran out of time waiting for one of the"
            + " verifier's maxConcurrentRequests slots for " + what, ctx.tenantId(), null)),
        Math.max(0, remaining), TimeUnit.NANOSECONDS);
    Runnable unhook = ctx.onCancel(() -> giveUp(w, ctx.cancelled("waiting to send " + what, null)));
    w.granted.whenComplete((ok, failure) -> {
      deadline.cancel(false);
      unhook.run();
    });
    return w.granted;
  }

  private void giveUp(Waiter w, RuntimeException why) {
    synchronized (this) {
      if (!queue.remove(w)) {
        return; // already granted
      }
    }
    w.granted.completeExceptionally(why);
  }

  /**
   * Frees the slot of a request that finished.
   *
   * @param answered whether Graph answered it (any status); only answers raise the slow-start limit
   */
  public void release(boolean answered) {
    ArrayDeque<Waiter> go = new ArrayDeque<>();
    synchronized (this) {
      inFlight--;
      if (answered && limit < max) {
        limit++;
      }
      while (inFlight < limit && !queue.isEmpty()) {
        go.add(queue.poll());
        inFlight++;
      }
    }
    for (Waiter w : go) {
      w.granted.complete(null);
    }
  }

  /** The limit now (it grows during the slow start). */
  public synchronized int currentLimit() {
    return limit;
  }

  /** Requests in flight now. */
  public synchronized int inFlight() {
    return inFlight;
  }

  /** Requests waiting for a slot now. */
  public synchronized int waiting() {
    return queue.size();
  }
}
