package io.github.b2cpermissions.graph.internal.observe;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The retry and token observations' key values, read straight from the observer: what a
 * dashboard groups retries by (the HTTP status, or "connection"), the {@code Retry-After} tag and
 * its cap, and a token observation stopped with its outcome whether the token came or not.
 */
class MicrometerCheckObserverTest {
  private final TestObservationRegistry registry = TestObservationRegistry.create();
  private final CheckObserver observer = MicrometerCheckObserver.create(registry, "DIRECTORY", false);

  private void assertRetry(String status, String retryAfter) {
    assertThat(registry).hasObservationWithNameEqualTo(MicrometerCheckObserver.RETRY).that()
        .hasLowCardinalityKeyValue("status", status)
        .hasLowCardinalityKeyValue("retry.after", retryAfter)
        .hasBeenStopped();
  }

  @Test
  void aThrottledRetryIsTaggedWithItsStatusAndRetryAfterSeconds() {
    observer.retry("HTTP 429", Duration.ofSeconds(3), true);
    assertRetry("429", "3");
  }

  @Test
  void aRetryInsideTheBatchWithoutRetryAfterIsTaggedNone() {
    observer.retry("HTTP 503 inside $batch", Duration.ofMillis(250), false);
    assertRetry("503", "none");
  }

  @Test
  void aRetryAfterOfExactlySixtySecondsIsKeptAndOneMoreIsCapped() {
    observer.retry("HTTP 429", Duration.ofSeconds(60), true);
    assertRetry("429", "60");
    registry.clear();
    observer.retry("HTTP 429", Duration.ofSeconds(61), true);
    assertRetry("429", "over60");
  }

  @Test
  void aConnectionFailureOrAnUnusualReasonIsTaggedConnection() {
    observer.retry("SocketTimeoutException: timeout", Duration.ofMillis(10), false);
    assertRetry("connection", "none");
    registry.clear();
    observer.retry("HTTP", Duration.ofMillis(10), false);
    assertRetry("connection", "none");
    registry.clear();
    observer.retry("HTTP 5xx", Duration.ofMillis(10), false);
    assertRetry("connection", "none");
  }

  @Test
  void aTokenObservationIsStoppedWhenTheTokenComesAndWhenItFails() {
    TokenCredential ok = request -> Mono.just(new AccessToken("t", OffsetDateTime.now().plusHours(1)));
    observer.observeTokens(ok).getToken(new TokenRequestContext()).block();
    assertThat(registry).hasObservationWithNameEqualTo(MicrometerCheckObserver.TOKEN).that()
        .hasLowCardinalityKeyValue("outcome", "acquired").hasBeenStopped();
    registry.clear();

    TokenCredential failing = request -> Mono.error(new IllegalStateException("no token"));
    assertThatThrownBy(() -> observer.observeTokens(failing).getToken(new TokenRequestContext())
        .block()).hasMessageContaining("no token");
    assertThat(registry).hasObservationWithNameEqualTo(MicrometerCheckObserver.TOKEN).that()
        .hasLowCardinalityKeyValue("outcome", "failed").hasError().hasBeenStopped();
  }
}
