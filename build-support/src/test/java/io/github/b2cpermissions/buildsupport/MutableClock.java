package io.github.b2cpermissions.buildsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand, so that token lifetimes, cache ages and propagation delays pass
 * without sleeping. Always in UTC; safe to read from several threads. Test double, shared by every
 * module's tests.
 */
public final class MutableClock extends Clock {
  private volatile Instant now;

  /**
   * A clock that reads {@code start} until moved.
   *
   * @param start the first instant it reads
   */
  public MutableClock(Instant start) {
    this.now = start;
  }

  /** A clock that starts at the current instant. */
  public static MutableClock now() {
    return new MutableClock(Instant.now());
  }

  /**
   * Moves the clock forward (or back, for a negative duration).
   *
   * @param d how far to move it
   */
  public void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
