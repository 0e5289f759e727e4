package io.github.b2cpermissions.graph.internal.observe;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;

import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The retry and token observations' key values, read straight from the observer: what a
 * dashboard groups retries by (the HTTP status, or "connection"), the {@code Retry-After} tag and
 * its cap, and a token observation stopped with its outcome whether the token came or not.
 */
class MicrometerCheckObserverTest {
  private final TestObservationRegistry registry = TestObservationRegistry.create();
  private final CheckObserver observer = MicrometerCheckObserver.create(registry, "DIRECTORY", false);
  private final CheckObserver.Check check = observer.checkStarted("contoso.onmicrosoft.com");

  private void assertRetry(String status, String retryAfter) {
    assertThat(registry).hasObservationWithNameEqualTo(MicrometerCheckObserver.RETRY).that()
        .hasLowCardinalityKeyValue("status", status)
        .hasLowCardinalityKeyValue("retry.after", retryAfter)
        .hasBeenStopped();
  }

  @Test
  void aThrottledRetryIsTaggedWithItsStatusAndRetryAfterSeconds() {
    check.retry("HTTP 429", Duration.ofSeconds(3), true);
    assertRetry("429", "3");
  }

  @Test
  void aRetryInsideTheBatchWithoutRetryAfterIsTaggedNone() {
    check.retry("HTTP 503 inside $batch", Duration.ofMillis(250), false);
    assertRetry("503", "none");
  }

  @Test
  void aRetryAfterOfExactlySixtySecondsIsKeptAndOneMoreIsCapped() {
    check.retry("HTTP 429", Duration.ofSeconds(60), true);
    assertRetry("429", "60");
    registry.clear();
    check.retry("HTTP 429", Duration.ofSeconds(61), true);
    assertRetry("429", "over60");
  }

  @Test
  void aConnectionFailureOrAnUnusualReasonIsTaggedConnection() {
    check.retry("SocketTimeoutException: timeout", Duration.ofMillis(10), false);
    assertRetry("connection", "none");
    registry.clear();
    check.retry("HTTP", Duration.ofMillis(10), false);
    assertRetry("connection", "none");
    registry.clear();
    check.retry("HTTP 5xx", Duration.ofMillis(10), false);
    assertRetry("connection", "none");
  }

  @Test
  void aTokenObservationIsStoppedWhenTheTokenComesAndWhenItFails() {
    check.tokenRequested().ended("acquired", null);
    assertThat(registry).hasObservationWithNameEqualTo(MicrometerCheckObserver.TOKEN).that()
        .hasLowCardinalityKeyValue("outcome", "acquired").hasBeenStopped();
    registry.clear();

    check.tokenRequested().ended("failed", new IllegalStateException("no token"));
    assertThat(registry).hasObservationWithNameEqualTo(MicrometerCheckObserver.TOKEN).that()
        .hasLowCardinalityKeyValue("outcome", "failed").hasError().hasBeenStopped();
  }
}
