package io.github.b2cpermissions.graph.internal.check;

import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.VerificationCancelledException;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import io.github.b2cpermissions.graph.internal.call.Futures;
import io.github.b2cpermissions.graph.internal.observe.CheckObserver;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tenant checks within their deadlines and keeps track of them, so that closing stops every
 * check in progress: owns the verifier's open/closed state, the checks running now and the signal
 * that ends waits between checks.
 */
public final class CheckRunner {
  private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);

  private final TenantCheck pipeline;
  private final Duration checkDeadline;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Set<CallContext> running = ConcurrentHashMap.newKeySet();
  private final Object closeSignal = new Object();
  private final CheckObserver observer;

  /**
   * @param pipeline the per-tenant check
   * @param checkDeadline how long one check may take, every wait included
   */
  public CheckRunner(TenantCheck pipeline, Duration checkDeadline) {
    this(pipeline, checkDeadline, CheckObserver.NONE);
  }

  /**
   * @param pipeline the per-tenant check
   * @param checkDeadline how long one check may take, every wait included
   * @param observer told of every check started here and of how it ended
   */
  public CheckRunner(TenantCheck pipeline, Duration checkDeadline, CheckObserver observer) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.checkDeadline = Objects.requireNonNull(checkDeadline, "checkDeadline");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Refuses work once closed.
   *
   * @throws IllegalStateException if {@link #close()} was called
   */
  public void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("this verifier was closed");
    }
  }

  /** The exception a check gets when the verifier was closed before it started. */
  public static VerificationCancelledException closedBeforeStart(
      String tenant, @Nullable Throwable cause) {
    return new VerificationCancelledException(
        "the verifier was closed before the check of tenant " + tenant + " started", tenant, cause);
  }

  /**
   * Checks one tenant within the check deadline, and never past {@code notAfterNanos} (a {@link
   * System#nanoTime()} value), blocking the calling thread; {@code started} is handed the check's
   * context before it starts. A failure is logged here (once) when {@code logFailure}, else the
   * caller decides it. Interrupting the calling thread cancels the check.
   *
   * @throws IllegalStateException if closed
   * @throws VerificationCancelledException if the check was cancelled or the runner closed
   * @throws B2cPermissionsException subtypes for a failed check
   */
  public VerificationReport run(String tenant, boolean freshToken, boolean logFailure,
      long notAfterNanos, Consumer<CallContext> started) {
    AtomicReference<CallContext> current = new AtomicReference<>();
    CompletableFuture<VerificationReport> f = start(tenant, freshToken, logFailure, notAfterNanos,
        ctx -> {
          current.set(ctx);
          started.accept(ctx);
        });
    return Futures.join(f, current.get());
  }

  /**
   * Starts the check of one tenant on the calling thread and returns at once (the check holds no
   * thread while it waits for Graph or the token endpoint); otherwise as {@link #run}. The future
   * fails instead of throwing, except for {@link IllegalStateException} when closed.
   */
  public CompletableFuture<VerificationReport> start(String tenant, boolean freshToken,
      boolean logFailure, long notAfterNanos, Consumer<CallContext> started) {
    ensureOpen();
    CheckObserver.Check observed = observer.checkStarted(tenant);
    long policyDeadline = System.nanoTime() + checkDeadline.toNanos();
    long deadline = notAfterNanos - policyDeadline < 0 ? notAfterNanos : policyDeadline;
    CallContext ctx = new CallContext(tenant, deadline, observed);
    running.add(ctx);
    CompletableFuture<VerificationReport> pipelineDone;
    try {
      if (closed.get()) {
        ctx.cancel("the verifier was closed");
      }
      started.accept(ctx);
      ctx.throwIfCancelled("before it started");
      pipelineDone = pipeline.run(ctx, freshToken);
    } catch (Throwable e) {
      pipelineDone = Futures.failed(e);
    }
    return pipelineDone.handle((report, failure) -> {
      running.remove(ctx);
      RuntimeException e = null;
      if (failure != null) {
        Throwable cause = Futures.unwrap(failure);
        if (cause instanceof Error err) {
          observed.failed(err);
          throw err;
        }
        if (cause instanceof VerificationCancelledException) {
          e = (RuntimeException) cause;
        } else if (ctx.isCancelled()) {
          e = ctx.cancelled("while it ran", cause);
        } else if (cause instanceof RuntimeException r) {
          e = r;
        } else {
          e = new B2cPermissionsException("the check of tenant " + tenant + " failed: " + cause,
              tenant, cause);
        }
      } else if (ctx.isCancelled()) {
        // Nothing is reported for a check cancelled or closed while it ran.
        e = ctx.cancelled("before its report was returned", null);
      }
      if (e == null) {
        observed.finished(report);
        return report;
      }
      observed.failed(e);
      if (e instanceof VerificationCancelledException) {
        LOG.debug("tenant {}: {}", tenant, e.getMessage());
      } else if (e instanceof B2cPermissionsException && logFailure) {
        LOG.warn("tenant {}: permission check failed: {}", tenant, e.getMessage());
      }
      throw e;
    });
  }

  /**
   * Checks one tenant: started on {@code executor}, completed there too (so the caller's stages
   * never run on an HTTP client thread, unless the executor refuses, once closed); cancelling the
   * future cancels the check.
   *
   * @throws IllegalStateException if closed
   */
  public CompletableFuture<VerificationReport> runAsync(String tenant, Executor executor) {
    ensureOpen();
    CompletableFuture<VerificationReport> future = new CompletableFuture<>();
    AtomicReference<CallContext> current = new AtomicReference<>();
    future.whenComplete((report, failure) -> {
      CallContext ctx = current.get();
      if (future.isCancelled() && ctx != null) {
        ctx.cancel("its future was cancelled");
      }
    });
    Consumer<CallContext> started = ctx -> {
      current.set(ctx);
      if (future.isCancelled()) {
        ctx.cancel("its future was cancelled");
      }
    };
    try {
      executor.execute(() -> {
        if (future.isDone()) {
          return;
        }
        CompletableFuture<VerificationReport> check;
        try {
          check = start(tenant, false, true, Long.MAX_VALUE, started);
        } catch (RuntimeException e) {
          check = Futures.failed(e);
        }
        check.whenComplete((report, failure) -> onExecutor(executor, () -> {
          if (failure == null) {
            future.complete(report);
          } else {
            future.completeExceptionally(Futures.unwrap(failure));
          }
        }));
      });
    } catch (RejectedExecutionException rejected) {
      future.completeExceptionally(closed.get()
          ? closedBeforeStart(tenant, rejected)
          : new B2cPermissionsException(
              "the executor refused the check of tenant " + tenant, tenant, rejected));
    }
    return future;
  }

  /** Runs {@code task} on {@code executor}, or here when the executor refuses it. */
  public static void onExecutor(Executor executor, Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException refused) {
      task.run();
    }
  }

  /**
   * Waits {@code millis} between checks of {@code tenant}, or less when closed.
   *
   * @throws VerificationCancelledException if closed before or during the wait, or interrupted
   */
  public void pauseUnlessClosed(String tenant, long millis) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (closeSignal) {
      while (!closed.get()) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(closeSignal, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new VerificationCancelledException(
              "interrupted while awaiting grants for tenant " + tenant, tenant, e);
        }
      }
    }
    throw new VerificationCancelledException(
        "the verifier was closed while awaiting grants for tenant " + tenant, tenant, null);
  }

  /**
   * Closes: ends the waits between checks and cancels every check running.
   *
   * @return false if it was already closed
   */
  public boolean close() {
    if (closed.getAndSet(true)) {
      return false;
    }
    synchronized (closeSignal) {
      closeSignal.notifyAll();
    }
    for (CallContext ctx : running) {
      ctx.cancel("the verifier was closed");
    }
    return true;
  }
}
