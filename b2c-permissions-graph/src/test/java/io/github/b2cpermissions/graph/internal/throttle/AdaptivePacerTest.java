package io.github.b2cpermissions.graph.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Additive increase, multiplicative decrease. */
class AdaptivePacerTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000 * MS;

  @Test
  void signalsWithinASecondLowerTheRateOnceAndCalmSecondsClimbBackToUnlimited() {
    AdaptivePacer p = new AdaptivePacer();
    long now = 0;
    for (int i = 0; i < 200; i++) {
      p.reserve(1, now);
      now += 5 * MS;
    }
    p.slowDown(now);
    double lowered = p.rate(now);
    assertThat(lowered).isBetween(90.0, 110.0);
    p.slowDown(now + 100 * MS);
    assertThat(p.rate(now + 100 * MS)).isEqualTo(lowered);
    // Halved from about 200/s, it climbs by 5% of 200/s per calm second: unlimited after ~10 s.
    assertThat(p.rate(now + 2 * SECOND)).isGreaterThan(lowered);
    assertThat(p.rate(now + 11 * SECOND)).isInfinite();
  }

  @Test
  void repeatedSignalsAfterTheCooldownLowerTheRateAgainButNotBelowTheFloor() {
    AdaptivePacer p = new AdaptivePacer();
    long now = 0;
    p.reserve(1, now);
    for (int i = 0; i < 20; i++) {
      now += SECOND;
      p.slowDown(now);
    }
    assertThat(p.rate(now)).isEqualTo(AdaptivePacer.MIN_RATE);
  }

  @Test
  void requestsArePacedEvenlyAtTheLoweredRate() {
    AdaptivePacer p = new AdaptivePacer();
    long now = 0;
    for (int i = 0; i < 10; i++) {
      p.reserve(1, now);
      now += 100 * MS;
    }
    p.slowDown(now);
    double rate = p.rate(now);
    long interval = (long) Math.ceil(SECOND / rate);
    assertThat(p.reserve(1, now)).isZero();
    assertThat(p.reserve(1, now)).isEqualTo(interval);
    assertThat(p.reserve(2, now)).isEqualTo(2 * interval);
  }
}
