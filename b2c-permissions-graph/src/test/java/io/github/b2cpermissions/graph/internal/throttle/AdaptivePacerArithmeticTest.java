package io.github.b2cpermissions.graph.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The pacer's arithmetic to the nanosecond, on bursts whose measured rate is known exactly: the
 * climb per calm second, the spacing of reservations, the decay of the last second's count, and
 * when a second signal may lower the rate again.
 */
class AdaptivePacerArithmeticTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000 * MS;
  private static final double FULL_STOP = 1.6;

  /** 100 sends at {@code at}, then a report of 160%: the rate is exactly 50/s from there. */
  private static AdaptivePacer loweredToFiftyAt(long at) {
    AdaptivePacer p = new AdaptivePacer();
    p.reserve(100, at);
    p.slowDown(FULL_STOP, at);
    assertThat(p.rate(at)).isEqualTo(50.0);
    return p;
  }

  @Test
  void eachCalmSecondAddsFivePercentOfTheRateLoweredFromUntilItIsUnlimitedAgain() {
    AdaptivePacer p = loweredToFiftyAt(0);
    assertThat(p.rate(SECOND - 1)).isEqualTo(50.0);
    assertThat(p.rate(SECOND)).isEqualTo(55.0);
    assertThat(p.rate(3 * SECOND + 500 * MS)).isEqualTo(65.0);
    assertThat(p.rate(4 * SECOND)).isEqualTo(70.0);
    assertThat(p.rate(10 * SECOND - 1)).isEqualTo(95.0);
    assertThat(p.rate(10 * SECOND)).isInfinite();
  }

  @Test
  void reservationsAreSpacedByTheIntervalOfTheRateAndAnIdleGapIsNotSavedUp() {
    AdaptivePacer p = loweredToFiftyAt(0);
    long interval = 20 * MS; // 1 s / 50
    assertThat(p.reserve(1, 0)).isZero();
    assertThat(p.reserve(1, 0)).isEqualTo(interval);
    assertThat(p.reserve(1, 10 * MS)).isEqualTo(2 * interval - 10 * MS);
    // Next free at 60 ms; at 100 ms the pacer is idle, so three go now and take three intervals.
    assertThat(p.reserve(3, 100 * MS)).isZero();
    assertThat(p.reserve(1, 100 * MS)).isEqualTo(3 * interval);
  }

  @Test
  void reservationsClimbWithTheRateAndStopWaitingOnceItIsUnlimited() {
    AdaptivePacer p = loweredToFiftyAt(0);
    assertThat(p.reserve(1, 10 * SECOND)).isZero();
    assertThat(p.reserve(1, 10 * SECOND)).isZero();
  }

  @Test
  void theLastSecondsCountFadesAsTheCurrentSecondGoesOn() {
    AdaptivePacer p = new AdaptivePacer();
    p.reserve(100, 0);
    // At 1.5 s the first second's 100 sends count half: 50/s measured, halved to 25/s.
    p.slowDown(FULL_STOP, 1_500 * MS);
    assertThat(p.rate(1_500 * MS)).isEqualTo(25.0);
  }

  @Test
  void sendsOlderThanTheLastSecondCountForNothing() {
    AdaptivePacer p = new AdaptivePacer();
    p.reserve(100, 0);
    // At 2.5 s the sends of [0 s, 1 s) are gone: nothing measured, so the floor.
    p.slowDown(FULL_STOP, 2_500 * MS);
    assertThat(p.rate(2_500 * MS)).isEqualTo(AdaptivePacer.MIN_RATE);
  }

  @Test
  void theMeasuringWindowStartsAtTheFirstReservationNotAtZero() {
    AdaptivePacer p = new AdaptivePacer();
    p.reserve(100, 5_500 * MS);
    // 0.7 s into the window that began at 5.5 s: the 100 sends count whole, 100/s, halved.
    p.slowDown(FULL_STOP, 6_200 * MS);
    assertThat(p.rate(6_200 * MS)).isEqualTo(50.0);
  }

  @Test
  void aSignalExactlyOneSecondAfterTheDecreaseLowersTheClimbedRateAgainNotTheMeasuredOne() {
    AdaptivePacer p = loweredToFiftyAt(0);
    // 1,000 more asked for at 1 s: far above the rate, which is what the decrease starts from.
    p.reserve(1000, SECOND);
    p.slowDown(FULL_STOP, SECOND);
    // Climbed to 55 at 1 s, then halved: 27.5 (not half of the 1,100 asked for).
    assertThat(p.rate(SECOND)).isEqualTo(27.5);
  }

  @Test
  void aSignalWithinTheSecondAfterADecreaseChangesNothing() {
    AdaptivePacer p = loweredToFiftyAt(0);
    p.slowDown(FULL_STOP, SECOND - 1);
    assertThat(p.rate(SECOND - 1)).isEqualTo(50.0);
  }

  @Test
  void aReportAtOrBelowEightyPercentWhilePacingDelaysTheClimb() {
    AdaptivePacer p = loweredToFiftyAt(0);
    p.slowDown(0.8, 900 * MS);
    // The second from 0.9 s is the first calm one: no climb at 1.5 s, one at 1.9 s.
    assertThat(p.rate(1_500 * MS)).isEqualTo(50.0);
    assertThat(p.rate(1_900 * MS)).isEqualTo(55.0);
  }

  @Test
  void aReportAtOrBelowEightyPercentWhileUnlimitedStartsNoPacing() {
    AdaptivePacer p = new AdaptivePacer();
    p.reserve(100, 0);
    p.slowDown(0.8, 0);
    assertThat(p.rate(0)).isInfinite();
    assertThat(p.reserve(1, 0)).isZero();
  }
}
