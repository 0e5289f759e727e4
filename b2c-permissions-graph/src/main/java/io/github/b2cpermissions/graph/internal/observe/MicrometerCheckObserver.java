package io.github.b2cpermissions.graph.internal.observe;

import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.FailureKind;
import io.github.b2cpermissions.VerificationReport;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Objects;

/**
 * Micrometer observations of the verifier (names and tags in the README, "Observations"): one
 * {@value #CHECK} per check, one {@value #RETRY} per retry, one {@value #TOKEN} per token request.
 * With a meter handler each becomes a timer (the retry one counts retries); with Micrometer
 * Tracing each becomes a span, the retries and token requests inside their check's.
 */
public final class MicrometerCheckObserver implements CheckObserver {
  /** The observation of one tenant check. */
  public static final String CHECK = "b2c.permissions.check";
  /** The observation of one retry (counted; its wait is in its tags). */
  public static final String RETRY = "b2c.permissions.graph.retry";
  /** The observation of one token request. */
  public static final String TOKEN = "b2c.permissions.token";

  private static final int MAX_RETRY_AFTER_TAG_SECONDS = 60;

  private final ObservationRegistry registry;
  private final String strategy;
  private final boolean tenantIds;

  private MicrometerCheckObserver(ObservationRegistry registry, String strategy,
      boolean tenantIds) {
    this.registry = registry;
    this.strategy = strategy;
    this.tenantIds = tenantIds;
  }

  /**
   * An observer on {@code registry}.
   *
   * @param registry the registry
   * @param strategy the verifier's strategy name, for failed checks
   * @param tenantIds whether checks carry the tenant id as a high-cardinality key value
   */
  public static CheckObserver create(ObservationRegistry registry, String strategy,
      boolean tenantIds) {
    return new MicrometerCheckObserver(Objects.requireNonNull(registry, "registry"), strategy,
        tenantIds);
  }

  @Override
  public Check checkStarted(String tenantId) {
    // No contextual name: a tracing handler names the span after it, and a span named as the
    // observation keeps dashboards that group by either name on one series.
    Observation o = Observation.createNotStarted(CHECK, registry);
    if (tenantIds) {
      o.highCardinalityKeyValue("tenant.id", tenantId);
    }
    // Started here and stopped wherever the check ends (an HTTP client thread, often), so no
    // thread-local scope is opened: a scope must close on the thread that opened it. For the same
    // reason the check's retries and token requests name it as their parent explicitly: they run
    // on other threads, where the current observation is not this one.
    o.start();
    return new ObservedCheck(o);
  }

  /** A check's observation, and the parent of its retries' and token requests'. */
  private final class ObservedCheck implements Check {
    private final Observation check;

    ObservedCheck(Observation check) {
      this.check = check;
    }

    @Override
    public void retry(String reason, Duration delay, boolean fromRetryAfter) {
      // "HTTP 429", "HTTP 503 inside $batch", or a connection failure's description.
      String[] words = reason.split(" ");
      String status = words.length > 1 && words[0].equals("HTTP") && words[1].matches("\\d{3}")
          ? words[1] : "connection";
      long seconds = delay.toSeconds();
      String retryAfter = !fromRetryAfter ? "none"
          : seconds > MAX_RETRY_AFTER_TAG_SECONDS ? "over" + MAX_RETRY_AFTER_TAG_SECONDS
          : Long.toString(seconds);
      Observation.createNotStarted(RETRY, registry)
          .parentObservation(check)
          .lowCardinalityKeyValue("status", status)
          .lowCardinalityKeyValue("retry.after", retryAfter)
          .highCardinalityKeyValue("delay.ms", Long.toString(delay.toMillis()))
          .start().stop();
    }

    @Override
    public TokenRequest tokenRequested() {
      Observation o = Observation.createNotStarted(TOKEN, registry).parentObservation(check).start();
      return (outcome, failure) -> {
        o.lowCardinalityKeyValue("outcome", outcome);
        if (failure != null) {
          o.error(failure);
        }
        o.stop();
      };
    }

    @Override
    public void finished(VerificationReport report) {
      check.lowCardinalityKeyValue("outcome", report.outcome().name())
          .lowCardinalityKeyValue("strategy", report.strategy().name())
          .lowCardinalityKeyValue("profile", report.profile().name())
          .lowCardinalityKeyValue("failure", "none")
          .highCardinalityKeyValue("graph.requests", Integer.toString(report.graphRequestCount()));
      check.stop();
    }

    @Override
    public void failed(Throwable failure) {
      String kind = failure instanceof B2cPermissionsException b
          ? FailureKind.of(b).name() : failure.getClass().getSimpleName();
      check.lowCardinalityKeyValue("outcome", "FAILED")
          .lowCardinalityKeyValue("strategy", strategy)
          .lowCardinalityKeyValue("profile", "none")
          .lowCardinalityKeyValue("failure", kind)
          .error(failure);
      check.stop();
    }
  }

  @Override
  public String toString() {
    return "MicrometerCheckObserver{tenantIds=" + tenantIds + "}";
  }
}
