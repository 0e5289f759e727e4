package io.github.b2cpermissions.graph.internal.check;

import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.VerificationCancelledException;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.internal.call.CallContext;
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
   * @param observer told of every check run here
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
   * System#nanoTime()} value); {@code started} is handed the check's context before it starts. A
   * failure is logged here (once) when {@code logFailure}, else the caller decides it.
   *
   * @throws IllegalStateException if closed
   * @throws VerificationCancelledException if the check was cancelled or the runner closed
   * @throws B2cPermissionsException subtypes for a failed check
   */
  public VerificationReport run(String tenant, boolean freshToken, boolean logFailure,
      long notAfterNanos, Consumer<CallContext> started) {
    ensureOpen();
    CheckObserver.Check observed = observer.checkStarted(tenant);
    try {
      VerificationReport report = runObserved(tenant, freshToken, logFailure, notAfterNanos, started);
      observed.finished(report);
      return report;
    } catch (RuntimeException | Error e) {
      observed.failed(e);
      throw e;
    }
  }

  /** {@link #run}, inside the check's observation. */
  private VerificationReport runObserved(String tenant, boolean freshToken, boolean logFailure,
      long notAfterNanos, Consumer<CallContext> started) {
    long policyDeadline = System.nanoTime() + checkDeadline.toNanos();
    long deadline = notAfterNanos - policyDeadline < 0 ? notAfterNanos : policyDeadline;
    CallContext ctx = new CallContext(tenant, deadline);
    running.add(ctx);
    try {
      if (closed.get()) {
        ctx.cancel("the verifier was closed");
      }
      started.accept(ctx);
      ctx.throwIfCancelled("before it started");
      VerificationReport report;
      try {
        report = pipeline.run(ctx, freshToken);
      } catch (VerificationCancelledException e) {
        throw e;
      } catch (RuntimeException e) {
        if (ctx.isCancelled()) {
          throw ctx.cancelled("while it ran", e);
        }
        throw e;
      }
      // Nothing is reported for a check cancelled or closed while it ran.
      ctx.throwIfCancelled("before its report was returned");
      return report;
    } catch (VerificationCancelledException e) {
      LOG.debug("tenant {}: {}", tenant, e.getMessage());
      throw e;
    } catch (B2cPermissionsException e) {
      if (logFailure) {
        LOG.warn("tenant {}: permission check failed: {}", tenant, e.getMessage());
      }
      throw e;
    } finally {
      running.remove(ctx);
    }
  }

  /**
   * Checks one tenant on {@code executor}; cancelling the future cancels the check.
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
        try {
          future.complete(run(tenant, false, true, Long.MAX_VALUE, started));
        } catch (Throwable t) {
          future.completeExceptionally(t);
        }
      });
    } catch (RejectedExecutionException rejected) {
      future.completeExceptionally(closed.get()
          ? closedBeforeStart(tenant, rejected)
          : new B2cPermissionsException(
              "the executor refused the check of tenant " + tenant, tenant, rejected));
    }
    return future;
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
