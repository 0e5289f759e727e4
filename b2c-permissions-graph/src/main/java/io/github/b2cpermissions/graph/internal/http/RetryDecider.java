package io.github.b2cpermissions.graph.internal.http;

import io.github.b2cpermissions.graph.internal.call.CallContext;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport's retry decisions under one set of {@link RetrySettings}: how long to wait after a
 * failed attempt and whether another attempt fits the budget. Holds no state between calls.
 */
final class RetryDecider {
  private static final Logger LOG = LoggerFactory.getLogger(GraphTransport.class);

  private final RetrySettings policy;
  private final RetryObserver observer;

  RetryDecider(RetrySettings policy, RetryObserver observer) {
    this.policy = policy;
    this.observer = observer;
  }

  /**
   * Decides whether a failed attempt is tried again: a {@code Retry-After} up to the longest
   * honoured, else an exponential backoff with equal jitter; never past the attempts allowed or
   * the check's deadline. A retry is logged at DEBUG and reported to the check's observation and
   * to the observer first.
   *
   * @param ctx the check
   * @param what the request, as {@code METHOD path}
   * @param attempt the number of the attempt that failed, from 1
   * @param reason the status or connection failure
   * @param retryAfter the wait Graph asked for, or null
   * @param cause the exception behind the failure, or null
   * @return the failure, saying whether and after how long to try again
   */
  Retryable decide(
      CallContext ctx, String what, int attempt, String reason, @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    boolean fromHeader = retryAfter != null;
    Duration wait;
    boolean again;
    if (fromHeader) {
      wait = retryAfter;
      again = retryAfter.compareTo(policy.maxRetryAfter()) <= 0;
    } else {
      wait = backoff(attempt);
      again = true;
    }
    again = again && attempt < policy.maxAttempts() && wait.toNanos() < ctx.remainingNanos();
    if (again) {
      LOG.debug("tenant {}: {} failed ({}), attempt {}; retrying in {} ms{}", ctx.tenantId(), what,
          reason, attempt, wait.toMillis(), fromHeader ? " (Retry-After)" : "");
      try {
        ctx.observed().retry(reason, wait, fromHeader);
      } catch (RuntimeException observerFailure) {
        LOG.warn("the check observer threw on a retry; ignored", observerFailure);
      }
      try {
        observer.retrying(ctx.tenantId(), what, attempt, reason, wait, fromHeader);
      } catch (RuntimeException listenerFailure) {
        LOG.warn("the retry listener threw; ignored", listenerFailure);
      }
    }
    return new Retryable(reason, retryAfter, wait.toMillis(), again, cause);
  }

  private Duration backoff(int attempt) {
    long base = policy.initialBackoff().toMillis();
    long cap = policy.maxBackoff().toMillis();
    long exp = base << Math.min(attempt - 1, 20);
    long ceiling = Math.min(cap, exp < 0 ? cap : exp);
    // Equal jitter: at least half the exponential step, so retries never bunch at zero.
    long half = ceiling / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
  }
}
