package io.github.b2cpermissions.graph.internal.observe;

import io.github.b2cpermissions.VerificationReport;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Told of what the verifier does: each tenant check from start to report or failure, and, through
 * the check's own handle, each retry before its wait and each token request, so that they are
 * recorded inside the check they belong to whichever thread they happen on. Implementations must
 * be thread-safe and quick, and must not throw.
 */
public interface CheckObserver {

  /** An observer that does nothing. */
  CheckObserver NONE = tenantId -> Check.NONE;

  /**
   * One check in progress, carried in its call context: told of its retries and token requests on
   * whichever thread they happen, and once of how it ended.
   */
  interface Check {
    /** A check nobody watches. */
    Check NONE = new Check() {
      @Override
      public void retry(String reason, Duration delay, boolean fromRetryAfter) {}

      @Override
      public TokenRequest tokenRequested() {
        return TokenRequest.NONE;
      }

      @Override
      public void finished(VerificationReport report) {}

      @Override
      public void failed(Throwable failure) {}
    };

    /**
     * A request of this check is retried after {@code delay}.
     *
     * @param reason {@code HTTP 429}, {@code HTTP 503}, {@code HTTP 504} or the connection failure
     * @param delay the wait before the next attempt
     * @param fromRetryAfter whether the wait came from Graph's {@code Retry-After}
     */
    void retry(String reason, Duration delay, boolean fromRetryAfter);

    /** This check asks its credential for a token now; the handle is told once how that ended. */
    TokenRequest tokenRequested();

    /** The check ended with a report. */
    void finished(VerificationReport report);

    /** The check ended without a report. */
    void failed(Throwable failure);
  }

  /** One token request of a check in progress; told once how it ended. */
  interface TokenRequest {
    /** A token request nobody watches. */
    TokenRequest NONE = (outcome, failure) -> {};

    /**
     * The request ended.
     *
     * @param outcome {@code acquired}, {@code failed} or {@code cancelled}
     * @param failure why it failed, or null
     */
    void ended(String outcome, @Nullable Throwable failure);
  }

  /** A check of {@code tenantId} starts on the calling thread. */
  Check checkStarted(String tenantId);
}
