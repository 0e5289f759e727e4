package io.github.b2cpermissions.graph.internal.fleet;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Keeps up to {@code concurrency} items of an iterator in progress: takes the next item when one
 * finishes, never holding a thread per item, and hands each item's outcome to a sink. The
 * iterator is read by one thread at a time, and the sink is called by one thread at a time, so
 * neither needs to be thread-safe. Holds O(concurrency) items, whatever the iterator's length.
 *
 * @param <T> the items
 * @param <R> their outcomes
 */
final class FleetPump<T, R> {
  private final Iterator<T> items;
  private final int concurrency;
  private final Function<T, CompletableFuture<R>> start;
  private final BiConsumer<T, R> sink;
  private final BiFunction<T, Throwable, R> broken;
  private final Object lock = new Object();
  private final Object sinkLock = new Object();
  private final CountDownLatch finished = new CountDownLatch(1);
  private int inFlight;
  private boolean exhausted;
  private boolean pumping;
  private boolean again;
  private long count;
  private @Nullable RuntimeException iteratorFailure;

  /**
   * @param items what to process
   * @param concurrency how many at once
   * @param start starts one item; should not throw (a throw counts as its failure)
   * @param sink receives each item's outcome
   * @param broken the outcome of an item whose start threw
   */
  FleetPump(Iterator<T> items, int concurrency, Function<T, CompletableFuture<R>> start,
      BiConsumer<T, R> sink, BiFunction<T, Throwable, R> broken) {
    this.items = items;
    this.concurrency = concurrency;
    this.start = start;
    this.sink = sink;
    this.broken = broken;
  }

  /**
   * Processes every item and blocks until each outcome went to the sink.
   *
   * @return how many items were processed
   * @throws InterruptedException if the calling thread was interrupted while waiting (the items
   *     in progress keep running; no new one is started)
   * @throws RuntimeException what the iterator threw, once the items in progress finished
   */
  long runToEnd() throws InterruptedException {
    pump();
    try {
      finished.await();
    } catch (InterruptedException e) {
      synchronized (lock) {
        exhausted = true;
      }
      throw e;
    }
    if (iteratorFailure != null) {
      throw iteratorFailure;
    }
    return count;
  }

  private void pump() {
    synchronized (lock) {
      if (pumping) {
        again = true;
        return;
      }
      pumping = true;
    }
    while (true) {
      T next;
      synchronized (lock) {
        if (!exhausted && inFlight < concurrency) {
          try {
            if (items.hasNext()) {
              next = items.next();
              inFlight++;
              count++;
            } else {
              exhausted = true;
              next = null;
            }
          } catch (RuntimeException e) {
            iteratorFailure = e;
            exhausted = true;
            next = null;
          }
        } else {
          next = null;
        }
        if (next == null) {
          if (again) {
            again = false;
            continue;
          }
          pumping = false;
          if (exhausted && inFlight == 0) {
            finished.countDown();
          }
          return;
        }
      }
      T item = next;
      CompletableFuture<R> outcome;
      try {
        outcome = start.apply(item);
      } catch (Throwable e) {
        outcome = CompletableFuture.completedFuture(broken.apply(item, e));
      }
      outcome.whenComplete((r, failure) -> done(item, failure == null ? r : broken.apply(item, failure)));
    }
  }

  private void done(T item, R outcome) {
    try {
      synchronized (sinkLock) {
        sink.accept(item, outcome);
      }
    } finally {
      synchronized (lock) {
        inFlight--;
      }
      pump();
    }
  }
}
