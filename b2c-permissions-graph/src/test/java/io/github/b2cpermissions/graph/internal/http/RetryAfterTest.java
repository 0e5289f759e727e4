package io.github.b2cpermissions.graph.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T18:00:00Z"), ZoneOffset.UTC);

  @Test
  void secondsAreTakenExactly() {
    assertThat(RetryAfter.parse("7", clock)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
  }

  @Test
  void httpDateIsMeasuredFromTheClock() {
    assertThat(RetryAfter.parse("Sat, 28 Nov 2026 18:00:12 GMT", clock)).contains(Duration.ofSeconds(12));
  }

  @Test
  void httpDateInThePastMeansNow() {
    assertThat(RetryAfter.parse("Sat, 28 Nov 2026 17:00:00 GMT", clock)).contains(Duration.ZERO);
  }

  @Test
  void garbageOrAbsentIsNotGiven() {
    assertThat(RetryAfter.parse(null, clock)).isEmpty();
    assertThat(RetryAfter.parse("", clock)).isEmpty();
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    assertThat(RetryAfter.parse("-5", clock)).isEmpty();
  }

  @Test
  void hugeSecondsDoNotOverflow() {
    assertThat(RetryAfter.parse("99999999999999999999", clock)).hasValueSatisfying(
        d -> assertThat(d).isGreaterThan(Duration.ofDays(365)));
  }
}
