package io.github.b2cpermissions.graph.internal.call;

import io.github.b2cpermissions.VerificationCancelledException;
import io.github.b2cpermissions.graph.internal.observe.CheckObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The state of one tenant check: its tenant, the bearer token its requests carry, its deadline, how
 * many Graph requests left the process for it, its observation (the parent of its retries' and token
 * requests', on whichever thread they happen), and whether it was cancelled. Cancelling runs the
 * hooks that abort what the check is waiting on (an HTTP call, a token request) and wakes its
 * pauses, so a cancelled check sends nothing more. {@link #toString()} never shows the token.
 */
public final class CallContext {
  private final String tenantId;
  private final long deadlineNanos;
  private final CheckObserver.Check observed;
  private final AtomicInteger requests = new AtomicInteger();
  private final Object signal = new Object();
  private final List<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
  private volatile String bearerToken = "";
  private volatile @Nullable String tokenTenantId;
  private volatile @Nullable String cancelReason;

  /**
   * Creates a context.
   *
   * @param tenantId the tenant being checked
   * @param deadlineNanos the {@link System#nanoTime()} after which no request or wait may start
   */
  public CallContext(String tenantId, long deadlineNanos) {
    this(tenantId, deadlineNanos, CheckObserver.Check.NONE);
  }

  /**
   * Creates a context for an observed check.
   *
   * @param tenantId the tenant being checked
   * @param deadlineNanos the {@link System#nanoTime()} after which no request or wait may start
   * @param observed the check's observation, told of its retries and token requests
   */
  public CallContext(String tenantId, long deadlineNanos, CheckObserver.Check observed) {
    this.tenantId = tenantId;
    this.deadlineNanos = deadlineNanos;
    this.observed = observed;
  }

  /** The tenant being checked. */
  public String tenantId() {
    return tenantId;
  }

  /** The check's observation: its retries and token requests are reported to it. */
  public CheckObserver.Check observed() {
    return observed;
  }

  /** The {@link System#nanoTime()} deadline. */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  /** Nanoseconds left before the deadline; negative once it passed. */
  public long remainingNanos() {
    return deadlineNanos - System.nanoTime();
  }

  /** Sets the bearer token for the following requests. */
  public void bearerToken(String token) {
    this.bearerToken = token;
  }

  /** The bearer token the check's requests carry now (empty before one is set). */
  public String bearerToken() {
    return bearerToken;
  }

  /** Records the tenant ({@code tid}) the check's token was issued for. */
  public void tokenTenantId(@Nullable String tid) {
    this.tokenTenantId = tid;
  }

  /** The tenant the check's token was issued for, once a token was read. */
  public @Nullable String tokenTenantId() {
    return tokenTenantId;
  }

  /** Counts one HTTP request that left for Graph (called from the network layer). */
  public void countRequest() {
    requests.incrementAndGet();
  }

  /** How many HTTP requests to Graph left the process, retries included. */
  public int requestCount() {
    return requests.get();
  }

  /**
   * Cancels the check: later requests and waits are refused and the registered hooks run (once
   * each, on this thread). Cancelling again does nothing.
   *
   * @param reason why, for the exception the check ends with
   */
  public void cancel(String reason) {
    synchronized (signal) {
      if (cancelReason != null) {
        return;
      }
      cancelReason = reason;
      signal.notifyAll();
    }
    for (Runnable hook : cancelHooks) {
      runQuietly(hook);
    }
  }

  /** Whether the check was cancelled. */
  public boolean isCancelled() {
    return cancelReason != null;
  }

  /**
   * Registers {@code hook} to run when the check is cancelled; runs it at once if it already was.
   * Hooks must be safe to run twice.
   *
   * @return removes the hook again
   */
  public Runnable onCancel(Runnable hook) {
    cancelHooks.add(hook);
    if (isCancelled()) {
      runQuietly(hook);
    }
    return () -> cancelHooks.remove(hook);
  }

  /** The exception a cancelled check ends with. */
  public VerificationCancelledException cancelled(String during, @Nullable Throwable cause) {
    String reason = cancelReason != null ? cancelReason : "the check was interrupted";
    return new VerificationCancelledException(
        "the check of tenant " + tenantId + " stopped " + during + ": " + reason, tenantId, cause);
  }

  /**
   * Throws if the check was cancelled or its thread interrupted (which cancels it).
   *
   * @throws VerificationCancelledException if so
   */
  public void throwIfCancelled(String during) {
    if (Thread.currentThread().isInterrupted()) {
      cancel("its thread was interrupted");
    }
    if (isCancelled()) {
      throw cancelled(during, null);
    }
  }

  /**
   * Waits {@code nanos}, but never past the deadline, and returns early on cancellation.
   *
   * @throws VerificationCancelledException if the check was cancelled (before or while waiting) or
   *     the thread interrupted; the interrupt flag is kept
   */
  public void pause(long nanos, String before) {
    long until = System.nanoTime() + Math.min(nanos, Math.max(0, remainingNanos()));
    synchronized (signal) {
      while (cancelReason == null) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(signal, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          cancelReason = "its thread was interrupted";
          break;
        }
      }
    }
    throwIfCancelled(before);
  }

  private static void runQuietly(Runnable hook) {
    try {
      hook.run();
    } catch (RuntimeException ignored) {
      // A hook only aborts a wait; its failure must not hide the cancellation.
    }
  }

  @Override
  public String toString() {
    return "CallContext{tenantId=" + tenantId + ", requests=" + requests.get()
        + (isCancelled() ? ", cancelled" : "") + "}";
  }
}
