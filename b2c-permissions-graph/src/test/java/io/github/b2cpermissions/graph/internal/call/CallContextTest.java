package io.github.b2cpermissions.graph.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.VerificationCancelledException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A check's context: cancellation, its hooks, bounded pauses and what it prints. */
class CallContextTest {
  private static final long HOUR = TimeUnit.HOURS.toNanos(1);

  private static CallContext context() {
    return new CallContext("tenant-a", System.nanoTime() + HOUR);
  }

  @Test
  void cancellingRunsEachHookOnceEvenWhenOneThrows() {
    CallContext ctx = context();
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    ctx.onCancel(first::incrementAndGet);
    ctx.onCancel(() -> {
      throw new IllegalStateException("a broken hook");
    });
    ctx.onCancel(second::incrementAndGet);
    ctx.cancel("the caller gave up");
    ctx.cancel("again");
    assertThat(first).hasValue(1);
    assertThat(second).hasValue(1);
    assertThat(ctx.isCancelled()).isTrue();
    assertThat(ctx.cancelled("reading", null)).hasMessage(
        "the check of tenant tenant-a stopped reading: the caller gave up");
  }

  @Test
  void aHookRegisteredAfterCancellationRunsAtOnceAndARemovedOneNever() {
    CallContext ctx = context();
    AtomicInteger removed = new AtomicInteger();
    Runnable unhook = ctx.onCancel(removed::incrementAndGet);
    unhook.run();
    ctx.cancel("closed");
    assertThat(removed).hasValue(0);
    AtomicInteger late = new AtomicInteger();
    ctx.onCancel(late::incrementAndGet);
    assertThat(late).hasValue(1);
  }

  @Test
  void aContextNotCancelledDescribesAnInterruption() {
    assertThat(context().cancelled("waiting", null).getMessage()).endsWith("stopped waiting: the check was interrupted");
    assertThat(context().isCancelled()).isFalse();
  }

  @Test
  void anInterruptedThreadCancelsTheCheckAndKeepsItsFlag() {
    CallContext ctx = context();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> ctx.throwIfCancelled("before a request"))
          .isInstanceOf(VerificationCancelledException.class)
          .hasMessageContaining("its thread was interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(ctx.isCancelled()).isTrue();
  }

  @Test
  void aPauseEndsWhenTheCheckIsCancelledFromAnotherThread() throws Exception {
    CallContext ctx = context();
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread pausing = new Thread(() -> {
      try {
        ctx.pause(HOUR, "before a retry");
        thrown.complete(null);
      } catch (RuntimeException e) {
        thrown.complete(e);
      }
    }, "pausing");
    pausing.start();
    // Cancel only once the thread is waiting inside the pause, so the wake-up itself is tested.
    while (pausing.getState() != Thread.State.TIMED_WAITING && !thrown.isDone()) {
      Thread.onSpinWait();
    }
    ctx.cancel("closed");
    assertThat(thrown.get(10, TimeUnit.SECONDS)).isInstanceOf(VerificationCancelledException.class)
        .hasMessageContaining("before a retry: closed");
  }

  @Test
  void aPauseNeverOutlastsTheDeadlineAndThenDoesNotThrow() {
    CallContext ctx = new CallContext("tenant-a", System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5));
    CompletableFuture<Void> paused = CompletableFuture.runAsync(() -> ctx.pause(HOUR, "before a retry"));
    assertThat(paused.orTimeout(10, TimeUnit.SECONDS).join()).isNull();
    assertThat(ctx.remainingNanos()).isNegative();
  }

  @Test
  void requestsAreCountedAndTheTokenNeverPrinted() {
    CallContext ctx = context();
    assertThat(ctx.bearerToken()).isEmpty();
    ctx.bearerToken("eyJ.secret.token");
    ctx.countRequest();
    ctx.countRequest();
    assertThat(ctx.requestCount()).isEqualTo(2);
    assertThat(ctx.bearerToken()).isEqualTo("eyJ.secret.token");
    assertThat(ctx.toString()).isEqualTo("CallContext{tenantId=tenant-a, requests=2}").doesNotContain("secret");
    ctx.cancel("done");
    assertThat(ctx.toString()).isEqualTo("CallContext{tenantId=tenant-a, requests=2, cancelled}");
  }
}
