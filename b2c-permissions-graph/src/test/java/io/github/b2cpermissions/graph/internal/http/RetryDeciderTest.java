package io.github.b2cpermissions.graph.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.graph.internal.call.CallContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each boundary of the retry decision: attempts, the longest Retry-After honoured, the deadline. */
class RetryDeciderTest {
  private static final RetrySettings POLICY = new RetrySettings(3, Duration.ofMillis(100),
      Duration.ofMillis(400), Duration.ofSeconds(30), Duration.ofMinutes(5));

  private final List<String> told = new CopyOnWriteArrayList<>();
  private final RetryDecider decider = new RetryDecider(POLICY,
      (tenant, request, attempt, reason, delay, fromRetryAfter) ->
          told.add(attempt + " " + reason + " " + delay.toMillis() + " " + fromRetryAfter));

  private static CallContext withMinutesLeft(long minutes) {
    return new CallContext("tenant-a", System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes));
  }

  @Test
  void aRetryAfterOfExactlyTheLongestHonouredIsWaited() {
    Retryable r = decider.decide(withMinutesLeft(10), "GET /x", 1, "HTTP 429", Duration.ofSeconds(30), null);
    assertThat(r.again).isTrue();
    assertThat(r.waitMillis).isEqualTo(30_000);
    assertThat(told).containsExactly("1 HTTP 429 30000 true");
  }

  @Test
  void aRetryAfterLongerThanThatIsNotRetriedNorReported() {
    Retryable r = decider.decide(withMinutesLeft(10), "GET /x", 1, "HTTP 429", Duration.ofSeconds(31), null);
    assertThat(r.again).isFalse();
    assertThat(told).isEmpty();
  }

  @Test
  void theLastAttemptAllowedIsNotRetriedButTheOneBeforeIs() {
    assertThat(decider.decide(withMinutesLeft(10), "GET /x", 2, "HTTP 503", null, null).again).isTrue();
    assertThat(decider.decide(withMinutesLeft(10), "GET /x", 3, "HTTP 503", null, null).again).isFalse();
  }

  @Test
  void aWaitThatWouldEndPastTheDeadlineIsNotRetried() {
    CallContext almostOut = new CallContext("tenant-a", System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
    assertThat(decider.decide(almostOut, "GET /x", 1, "HTTP 429", Duration.ofSeconds(10), null).again).isFalse();
    assertThat(decider.decide(almostOut, "GET /x", 1, "HTTP 429", Duration.ofSeconds(1), null).again).isTrue();
  }

  @Test
  void backoffGrowsWithEqualJitterUpToTheCap() {
    for (int i = 0; i < 200; i++) {
      long first = decider.decide(withMinutesLeft(10), "GET /x", 1, "HTTP 503", null, null).waitMillis;
      long second = decider.decide(withMinutesLeft(10), "GET /x", 2, "HTTP 503", null, null).waitMillis;
      long capped = new RetryDecider(new RetrySettings(30, Duration.ofMillis(100), Duration.ofMillis(400),
          Duration.ofSeconds(30), Duration.ofMinutes(5)), (a, b, c, d, e, f) -> {})
          .decide(withMinutesLeft(10), "GET /x", 25, "HTTP 503", null, null).waitMillis;
      assertThat(first).isBetween(50L, 100L);
      assertThat(second).isBetween(100L, 200L);
      assertThat(capped).isBetween(200L, 400L);
    }
    assertThat(told).allMatch(t -> t.endsWith(" false"));
  }
}
