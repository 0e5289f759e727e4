package io.github.b2cpermissions.graph.internal.call;

import io.github.b2cpermissions.B2cPermissionsException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Small helpers for the check pipeline's futures. */
public final class Futures {
  private Futures() {}

  /** The failure itself, without the {@link CompletionException} wrappers of composed stages. */
  public static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** A future already failed with {@code t}. */
  public static <T> CompletableFuture<T> failed(Throwable t) {
    return CompletableFuture.failedFuture(unwrap(t));
  }

  /**
   * Runs {@code step} and returns its future, or a failed one if it threw (so a stage never throws
   * instead of failing).
   */
  public static <T> CompletableFuture<T> guard(Supplier<CompletableFuture<T>> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  /**
   * {@code pending}, but bounded by the check: it fails with {@code onDeadline}'s exception when
   * the check's deadline passes first, and with the check's cancellation exception when the check
   * is cancelled first ({@code pending} is then cancelled too).
   */
  public static <T> CompletableFuture<T> bounded(CompletableFuture<T> pending, CallContext ctx,
      ScheduledExecutorService timer, String during, Supplier<RuntimeException> onDeadline) {
    if (pending.isDone()) {
      return pending;
    }
    CompletableFuture<T> out = new CompletableFuture<>();
    ScheduledFuture<?> deadline = timer.schedule(() -> {
      if (out.completeExceptionally(onDeadline.get())) {
        pending.cancel(true);
      }
    }, Math.max(0, ctx.remainingNanos()), TimeUnit.NANOSECONDS);
    Runnable unhook = ctx.onCancel(() -> {
      if (out.completeExceptionally(ctx.cancelled(during, null))) {
        pending.cancel(true);
      }
    });
    pending.whenComplete((value, failure) -> {
      deadline.cancel(false);
      unhook.run();
      if (failure == null) {
        out.complete(value);
      } else {
        Throwable cause = unwrap(failure);
        out.completeExceptionally(cause instanceof CancellationException && ctx.isCancelled()
            ? ctx.cancelled(during, null) : cause);
      }
    });
    return out;
  }

  /**
   * Waits for {@code future} on the calling thread; an interrupt cancels {@code ctx}.
   *
   * @throws RuntimeException the future's failure, unwrapped (checked causes wrapped in a {@link
   *     B2cPermissionsException})
   */
  public static <T> T join(CompletableFuture<T> future, CallContext ctx) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ctx.cancel("its thread was interrupted");
      try {
        return future.get(5, TimeUnit.SECONDS);
      } catch (InterruptedException again) {
        Thread.currentThread().interrupt();
        throw ctx.cancelled("while it ran", e);
      } catch (Exception stillRunning) {
        throw ctx.cancelled("while it ran", e);
      }
    } catch (ExecutionException | CancellationException e) {
      throw rethrowable(e);
    }
  }

  private static RuntimeException rethrowable(Throwable t) {
    Throwable e = unwrap(t);
    if (e instanceof RuntimeException r) {
      return r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    return new B2cPermissionsException("the check failed: " + e, null, e);
  }
}
