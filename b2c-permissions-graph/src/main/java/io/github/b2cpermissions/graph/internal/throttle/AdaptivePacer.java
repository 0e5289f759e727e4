package io.github.b2cpermissions.graph.internal.throttle;

/**
 * The verifier's own sending rate, additive increase and multiplicative decrease (AIMD): unlimited
 * until Graph says a limit is near ({@code x-ms-throttle-limit-percentage}, sent above 80% of a
 * limit). Then the rate drops to a share of what was actually sent over the last second: the share
 * that would bring the usage Graph reported back to 80% ({@code 0.8 / percentage}), never less
 * than {@value #DECREASE} (a usage of 160% or more). At most one
 * decrease per second however many answers say so at once; each second without such a signal the
 * rate climbs by {@value #INCREASE_SHARE} of the rate it was lowered from, and is unlimited again
 * once back there. Requests are spaced evenly at the rate. Thread-safe; reservations take a lock
 * for a few arithmetic steps.
 *
 * <p>Why proportional: a fleet held at exactly an app's limit by a shared {@code RequestBudget}
 * hears "above 80%" on nearly every answer. Halving on each of them left such a fleet at about 70%
 * of the limit on average; scaling by the reported usage keeps it between 80% and 100%.
 */
final class AdaptivePacer {
  /** The smallest share of the measured rate kept on a decrease. */
  static final double DECREASE = 0.5;
  /** The usage a decrease aims for, as Graph reports it (a share of the limit). */
  static final double TARGET_USAGE = 0.8;
  /** The share of the rate before the decrease added back each calm second. */
  static final double INCREASE_SHARE = 0.05;
  /** The floor, in requests per second. */
  static final double MIN_RATE = 1.0;
  private static final long SECOND = 1_000_000_000L;

  /** Requests per second; infinite when not pacing. Guarded by {@code this}. */
  private double rate = Double.POSITIVE_INFINITY;
  /** The rate the last decrease from unlimited started at: the goal of the climb. */
  private double lowerFrom;
  private long lastDecrease;
  private long lastClimb;
  private long nextFree;
  private boolean counting;
  private long windowStart;
  private long inWindow;
  private long inLastWindow;

  /**
   * Reserves {@code n} sends now and answers the nanoseconds until they are due (0: at once).
   *
   * @param now a {@link System#nanoTime()} reading
   */
  synchronized long reserve(int n, long now) {
    roll(now);
    inWindow += n;
    climb(now);
    if (Double.isInfinite(rate)) {
      return 0;
    }
    long interval = (long) Math.ceil(SECOND / rate);
    long start = nextFree - now > 0 ? nextFree : now;
    nextFree = start + interval * n;
    return start - now;
  }

  /**
   * Graph said a limit is near, or passed: lower the rate, unless it was lowered less than a second
   * ago.
   *
   * @param usage the usage Graph reported ({@code x-ms-throttle-limit-percentage}, 0.8 to 1.8); a
   *     value of {@link #TARGET_USAGE} or less lowers nothing but still marks the second as not calm
   * @param now a {@link System#nanoTime()} reading
   */
  synchronized void slowDown(double usage, long now) {
    climb(now);
    boolean pacing = !Double.isInfinite(rate);
    double kept = keptShare(usage);
    if (kept == 1.0) {
      if (pacing) {
        lastClimb = now;
      }
      return;
    }
    if (pacing && now - lastDecrease < SECOND) {
      // A signal, even one that changes nothing, means the second was not calm.
      lastClimb = now;
      return;
    }
    double sent = Math.max(measured(now), MIN_RATE);
    if (!pacing) {
      lowerFrom = sent;
      nextFree = now;
    }
    rate = Math.max(MIN_RATE, (pacing ? Math.min(rate, sent) : sent) * kept);
    lastDecrease = now;
    lastClimb = now;
  }

  /** The share of the rate kept when Graph reports {@code usage}: 0.8 / usage, within [0.5, 1]. */
  static double keptShare(double usage) {
    if (!(usage > TARGET_USAGE)) {
      return 1.0;
    }
    return Math.max(DECREASE, TARGET_USAGE / usage);
  }

  /**
   * The rate now, requests per second (infinite when not pacing).
   *
   * @param now a {@link System#nanoTime()} reading
   */
  synchronized double rate(long now) {
    climb(now);
    return rate;
  }

  private void climb(long now) {
    if (Double.isInfinite(rate)) {
      return;
    }
    long calm = (now - lastClimb) / SECOND;
    if (calm <= 0) {
      return;
    }
    rate += calm * INCREASE_SHARE * lowerFrom;
    lastClimb += calm * SECOND;
    if (rate >= lowerFrom) {
      rate = Double.POSITIVE_INFINITY;
    }
  }

  private void roll(long now) {
    if (!counting) {
      counting = true;
      windowStart = now;
      return;
    }
    long gone = (now - windowStart) / SECOND;
    if (gone >= 1) {
      inLastWindow = gone == 1 ? inWindow : 0;
      inWindow = 0;
      windowStart += gone * SECOND;
    }
  }

  /** Sends per second over about the last second. */
  private double measured(long now) {
    roll(now);
    double share = (now - windowStart) / (double) SECOND;
    return inLastWindow * (1 - share) + inWindow;
  }
}
