package io.github.b2cpermissions.graph.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.VerificationCancelledException;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private static CallContext open() {
    return new CallContext("t", System.nanoTime() + TimeUnit.MINUTES.toNanos(5));
  }

  @Test
  void requestsOverTheLimitWaitWithoutBlockingAndGoInArrivalOrder() {
    InFlightLimit limit = new InFlightLimit(2, 2, timer);
    CompletableFuture<Void> a = limit.acquire(open(), "a");
    CompletableFuture<Void> b = limit.acquire(open(), "b");
    CompletableFuture<Void> c = limit.acquire(open(), "c");
    CompletableFuture<Void> d = limit.acquire(open(), "d");
    assertThat(a).isDone();
    assertThat(b).isDone();
    assertThat(c).isNotDone();
    assertThat(d).isNotDone();
    assertThat(limit.waiting()).isEqualTo(2);
    limit.release(false);
    assertThat(c).isDone();
    assertThat(d).isNotDone();
    assertThat(limit.inFlight()).isEqualTo(2);
  }

  @Test
  void slowStartRaisesTheLimitByOnePerAnswerUpToTheMaximum() {
    InFlightLimit limit = new InFlightLimit(4, 1, timer);
    limit.acquire(open(), "a");
    assertThat(limit.currentLimit()).isEqualTo(1);
    limit.release(true);
    assertThat(limit.currentLimit()).isEqualTo(2);
    for (int i = 0; i < 5; i++) {
      limit.acquire(open(), "x");
      limit.release(true);
    }
    assertThat(limit.currentLimit()).isEqualTo(4);
    assertThat(limit.inFlight()).isZero();
  }

  @Test
  void aFailureWithoutAnswerDoesNotRaiseTheLimit() {
    InFlightLimit limit = new InFlightLimit(4, 1, timer);
    limit.acquire(open(), "a");
    limit.release(false);
    assertThat(limit.currentLimit()).isEqualTo(1);
  }

  @Test
  void waitingEndsAtTheChecksDeadline() {
    InFlightLimit limit = new InFlightLimit(1, 1, timer);
    limit.acquire(open(), "a");
    CallContext late = new CallContext("late", System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
    CompletableFuture<Void> waiting = limit.acquire(late, "b");
    assertThatThrownBy(waiting::get).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(GraphUnavailableException.class);
    assertThat(limit.waiting()).isZero();
    limit.release(true);
    assertThat(limit.inFlight()).isZero();
  }

  @Test
  void cancellingACheckRemovesItsWaitAndKeepsTheSlotForOthers() {
    InFlightLimit limit = new InFlightLimit(1, 1, timer);
    limit.acquire(open(), "a");
    CallContext cancelled = open();
    CompletableFuture<Void> gone = limit.acquire(cancelled, "b");
    CompletableFuture<Void> next = limit.acquire(open(), "c");
    cancelled.cancel("test");
    assertThat(gone).isCompletedExceptionally();
    assertThatThrownBy(gone::join).hasCauseInstanceOf(VerificationCancelledException.class);
    limit.release(true);
    assertThat(next).isDone();
    assertThat(limit.inFlight()).isEqualTo(1);
  }
}
