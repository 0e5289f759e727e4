package io.github.b2cpermissions.graph.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.VerificationCancelledException;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pipeline's future helpers: unwrapping, guarding, bounding by the check, and joining. */
class FuturesTest {
  private static final long HOUR = TimeUnit.HOURS.toNanos(1);
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

  {
    timer.setRemoveOnCancelPolicy(true);
  }

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  private static CallContext context(long nanos) {
    return new CallContext("tenant-a", System.nanoTime() + nanos);
  }

  @Test
  void unwrapPeelsEveryCompletionAndExecutionWrapper() {
    IOException root = new IOException("reset");
    assertThat(Futures.unwrap(new CompletionException(new ExecutionException(new CompletionException(root)))))
        .isSameAs(root);
    CompletionException bare = new CompletionException("no cause", null);
    assertThat(Futures.unwrap(bare)).isSameAs(bare);
    assertThat(Futures.failed(new CompletionException(root))).isCompletedExceptionally()
        .failsWithin(0, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class).withCause(root);
  }

  @Test
  void guardTurnsAThrowingStepIntoAFailedFuture() {
    IllegalStateException boom = new IllegalStateException("boom");
    CompletableFuture<String> failed = Futures.guard(() -> {
      throw boom;
    });
    assertThat(failed).failsWithin(0, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class).withCause(boom);
    CompletableFuture<String> fine = CompletableFuture.completedFuture("ok");
    assertThat(Futures.guard(() -> fine)).isSameAs(fine);
  }

  @Test
  void aFutureAlreadyDoneIsReturnedAsItIs() {
    CompletableFuture<String> done = CompletableFuture.completedFuture("ok");
    assertThat(Futures.bounded(done, context(HOUR), timer, "reading", IllegalStateException::new)).isSameAs(done);
    assertThat(timer.getQueue()).isEmpty();
  }

  @Test
  void theDeadlineFailsTheBoundedFutureAndCancelsThePendingOne() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletableFuture<String> bounded = Futures.bounded(pending, context(TimeUnit.MILLISECONDS.toNanos(5)),
        timer, "reading", () -> new IllegalStateException("out of time"));
    assertThat(bounded).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(IllegalStateException.class).withMessageContaining("out of time");
    // The timer thread cancels the pending future just after failing the bounded one.
    assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
  }

  @Test
  void cancellingTheCheckFailsTheBoundedFutureAndCancelsThePendingOne() {
    CallContext ctx = context(HOUR);
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletableFuture<String> bounded = Futures.bounded(pending, ctx, timer, "reading the token",
        IllegalStateException::new);
    ctx.cancel("closed");
    assertThat(bounded).failsWithin(0, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(VerificationCancelledException.class).withMessageContaining("reading the token: closed");
    assertThat(pending).isCancelled();
  }

  @Test
  void anAnswerInTimeCompletesItAndUnhooksTheDeadlineAndTheCancellation() {
    CallContext ctx = context(HOUR);
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletableFuture<String> bounded = Futures.bounded(pending, ctx, timer, "reading", IllegalStateException::new);
    assertThat(timer.getQueue()).hasSize(1);
    pending.complete("answer");
    assertThat(bounded).isCompletedWithValue("answer");
    assertThat(timer.getQueue()).isEmpty();
    ctx.cancel("later");
    assertThat(bounded).isCompletedWithValue("answer");
  }

  @Test
  void aFailureIsPassedOnUnwrappedAndAForeignCancellationAsItIs() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletableFuture<String> bounded = Futures.bounded(pending, context(HOUR), timer, "reading", IllegalStateException::new);
    IOException reset = new IOException("reset");
    pending.completeExceptionally(new CompletionException(reset));
    assertThat(bounded).failsWithin(0, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class).withCause(reset);

    CompletableFuture<String> other = new CompletableFuture<>();
    CompletableFuture<String> boundedOther = Futures.bounded(other, context(HOUR), timer, "reading", IllegalStateException::new);
    other.cancel(true);
    assertThatThrownBy(boundedOther::join).isInstanceOf(CancellationException.class);
  }

  @Test
  void joinReturnsTheValueOrThrowsTheFailureItself() {
    CallContext ctx = context(HOUR);
    assertThat(Futures.join(CompletableFuture.completedFuture("ok"), ctx)).isEqualTo("ok");
    IllegalStateException runtime = new IllegalStateException("refused");
    assertThatThrownBy(() -> Futures.join(CompletableFuture.failedFuture(new CompletionException(runtime)), ctx))
        .isSameAs(runtime);
    assertThatThrownBy(() -> Futures.join(CompletableFuture.failedFuture(new IOException("reset")), ctx))
        .isInstanceOf(B2cPermissionsException.class).hasMessage("the check failed: java.io.IOException: reset")
        .hasCauseInstanceOf(IOException.class);
    AssertionError error = new AssertionError("a bug");
    assertThatThrownBy(() -> Futures.join(CompletableFuture.failedFuture(error), ctx)).isSameAs(error);
  }

  @Test
  void anInterruptedJoinCancelsTheCheckAndThrowsItsCancellation() {
    CallContext ctx = context(HOUR);
    CompletableFuture<String> pending = new CompletableFuture<>();
    ctx.onCancel(() -> pending.completeExceptionally(ctx.cancelled("while it ran", null)));
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Futures.join(pending, ctx)).isInstanceOf(VerificationCancelledException.class)
          .hasMessageContaining("its thread was interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(ctx.isCancelled()).isTrue();
  }
}
