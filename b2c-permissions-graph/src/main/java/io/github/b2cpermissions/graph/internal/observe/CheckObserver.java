package io.github.b2cpermissions.graph.internal.observe;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.VerificationReport;
import java.time.Duration;

/**
 * Told of what the verifier does: each tenant check from start to report or failure, each retry
 * before its wait, each token request. Implementations must be thread-safe and quick, and must not
 * throw.
 */
public interface CheckObserver {

  /** An observer that does nothing. */
  CheckObserver NONE = new CheckObserver() {
    @Override
    public Check checkStarted(String tenantId) {
      return Check.NONE;
    }

    @Override
    public void retry(String reason, Duration delay, boolean fromRetryAfter) {}

    @Override
    public TokenCredential observeTokens(TokenCredential credential) {
      return credential;
    }
  };

  /** One check in progress; told once how it ended, on whichever thread it ended. */
  interface Check {
    /** A check nobody watches. */
    Check NONE = new Check() {
      @Override
      public void finished(VerificationReport report) {}

      @Override
      public void failed(Throwable failure) {}
    };

    /** The check ended with a report. */
    void finished(VerificationReport report);

    /** The check ended without a report. */
    void failed(Throwable failure);
  }

  /** A check of {@code tenantId} starts on the calling thread. */
  Check checkStarted(String tenantId);

  /**
   * A request is retried after {@code delay}.
   *
   * @param reason {@code HTTP 429}, {@code HTTP 503}, {@code HTTP 504} or the connection failure
   * @param delay the wait before the next attempt
   * @param fromRetryAfter whether the wait came from Graph's {@code Retry-After}
   */
  void retry(String reason, Duration delay, boolean fromRetryAfter);

  /** {@code credential}, with every token request it answers observed. */
  TokenCredential observeTokens(TokenCredential credential);
}
