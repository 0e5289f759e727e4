package io.github.b2cpermissions.graph.internal.await;

import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.VerificationCancelledException;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.internal.check.CheckRunner;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a tenant again and again until its grants are satisfied or time runs out: after the first
 * check each asks for a fresh token, waits grow from at most 1 second to 15 seconds, and no check
 * runs past the timeout.
 */
public final class AwaitPoller {
  private static final Logger LOG = LoggerFactory.getLogger(AwaitPoller.class);
  private static final long LONGEST_WAIT_MILLIS = 15_000;

  private final CheckRunner checks;

  /** Polls through {@code checks}. */
  public AwaitPoller(CheckRunner checks) {
    this.checks = Objects.requireNonNull(checks, "checks");
  }

  /**
   * The first satisfied report of {@code tenant}, or when time runs out the last report; only when
   * no check completed is the last failure thrown.
   *
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   * @throws VerificationCancelledException if the runner was closed or the thread interrupted
   * @throws B2cPermissionsException the last failure, when no check completed
   */
  public VerificationReport await(String tenant, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    long waitMillis = Math.min(1000, Math.max(50, timeout.toMillis() / 20));
    VerificationReport last = null;
    B2cPermissionsException lastFailure = null;
    for (int attempt = 0; ; attempt++) {
      try {
        VerificationReport report = checks.run(tenant, attempt > 0, false, deadline, ctx -> {});
        if (report.isSatisfied()) {
          return report;
        }
        last = report;
        lastFailure = null;
      } catch (VerificationCancelledException e) {
        throw e;
      } catch (B2cPermissionsException e) {
        lastFailure = e;
        LOG.debug("tenant {}: check {} while awaiting grants failed: {}", tenant, attempt + 1,
            e.getMessage());
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= waitMillis) {
        // No time for another full wait and check: answer with what is known.
        if (last != null) {
          return last;
        }
        LOG.warn("tenant {}: permission check failed while awaiting grants: {}", tenant,
            lastFailure.getMessage());
        throw lastFailure;
      }
      checks.pauseUnlessClosed(tenant, waitMillis);
      waitMillis = Math.min(waitMillis * 2, LONGEST_WAIT_MILLIS);
    }
  }
}
