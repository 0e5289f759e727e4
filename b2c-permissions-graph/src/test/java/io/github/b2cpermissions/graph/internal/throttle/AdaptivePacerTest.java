package io.github.b2cpermissions.graph.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Additive increase, multiplicative decrease. */
class AdaptivePacerTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000 * MS;
  /** A usage of 160% or more: the steepest decrease, to half. */
  private static final double FULL_STOP = 1.6;

  @Test
  void signalsWithinASecondLowerTheRateOnceAndCalmSecondsClimbBackToUnlimited() {
    AdaptivePacer p = new AdaptivePacer();
    long now = 0;
    for (int i = 0; i < 200; i++) {
      p.reserve(1, now);
      now += 5 * MS;
    }
    p.slowDown(FULL_STOP, now);
    double lowered = p.rate(now);
    assertThat(lowered).isBetween(90.0, 110.0);
    p.slowDown(FULL_STOP, now + 100 * MS);
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
      p.slowDown(FULL_STOP, now);
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
    p.slowDown(FULL_STOP, now);
    double rate = p.rate(now);
    long interval = (long) Math.ceil(SECOND / rate);
    assertThat(p.reserve(1, now)).isZero();
    assertThat(p.reserve(1, now)).isEqualTo(interval);
    assertThat(p.reserve(2, now)).isEqualTo(2 * interval);
  }

  @Test
  void theDecreaseScalesTheRateBackToEightyPercentOfWhatGraphReported() {
    assertThat(AdaptivePacer.keptShare(1.0)).isEqualTo(0.8);
    assertThat(AdaptivePacer.keptShare(0.9)).isCloseTo(0.8 / 0.9, within(1e-12));
    assertThat(AdaptivePacer.keptShare(1.6)).isEqualTo(0.5);
    assertThat(AdaptivePacer.keptShare(1.8)).isEqualTo(0.5);
    assertThat(AdaptivePacer.keptShare(Double.POSITIVE_INFINITY)).isEqualTo(0.5);
    assertThat(AdaptivePacer.keptShare(0.8)).isEqualTo(1.0);
    assertThat(AdaptivePacer.keptShare(Double.NaN)).isEqualTo(1.0);
  }

  @Test
  void aReportOfFullUsageKeepsFourFifthsOfTheMeasuredRate() {
    AdaptivePacer p = new AdaptivePacer();
    long now = 0;
    for (int i = 0; i < 200; i++) {
      p.reserve(1, now);
      now += 5 * MS;
    }
    p.slowDown(1.0, now);
    assertThat(p.rate(now)).isBetween(150.0, 170.0);
  }

  @Test
  void aUsageAtOrBelowEightyPercentLowersNothingButKeepsTheSecondFromBeingCalm() {
    AdaptivePacer p = new AdaptivePacer();
    long now = 0;
    for (int i = 0; i < 200; i++) {
      p.reserve(1, now);
      now += 5 * MS;
    }
    p.slowDown(FULL_STOP, now);
    double lowered = p.rate(now);
    now += 2 * SECOND;
    p.slowDown(0.8, now);
    assertThat(p.rate(now)).isCloseTo(lowered + 2 * AdaptivePacer.INCREASE_SHARE * 200, within(20.0));
    // The signal at 0.8 marked this second: no climb for it.
    assertThat(p.rate(now + SECOND - 1)).isEqualTo(p.rate(now));
  }

  @Test
  void aFleetHeldAtTheLimitByAnOuterBudgetAveragesAtLeastEightyPercentOfIt() {
    // An outer budget lets 1,000 requests a second through; Graph reports usage = sent / 1,000
    // on every answer while usage is above 0.8. Over 60 s the pacer must not cost more than a fifth.
    AdaptivePacer p = new AdaptivePacer();
    long now = 0;
    long sent = 0;
    long end = 60 * SECOND;
    long windowStart = 0;
    long inWindow = 0;
    double usage = 0;
    while (now < end) {
      long wait = p.reserve(1, now);
      now += Math.max(wait, SECOND / 1_000);
      sent++;
      inWindow++;
      if (now - windowStart >= SECOND) {
        usage = inWindow / 1_000.0;
        windowStart = now;
        inWindow = 0;
      }
      if (usage > 0.8) {
        p.slowDown(usage, now);
      }
    }
    assertThat(sent / 60.0).isGreaterThanOrEqualTo(800.0);
  }
}
