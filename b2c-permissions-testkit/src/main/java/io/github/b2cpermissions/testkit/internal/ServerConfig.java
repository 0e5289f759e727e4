package io.github.b2cpermissions.testkit.internal;

import java.time.Clock;
import java.time.Duration;

/** Server settings, checked by the public builders. */
public final class ServerConfig {
  /** 0 for a random free port. */
  public final int port;
  public final int pageSize;
  /** Unmatched routes and unsupported query options fail loudly when true. */
  public final boolean strict;
  public final Duration tokenLifetime;
  public final Clock clock;
  /** Journal entries kept; older ones are dropped. */
  public final int journalLimit;
  /** The throttling limits modelled; {@link ThrottleSettings#NONE} by default. */
  public final ThrottleSettings throttle;

  public ServerConfig(
      int port, int pageSize, boolean strict, Duration tokenLifetime, Clock clock, int journalLimit) {
    this(port, pageSize, strict, tokenLifetime, clock, journalLimit, ThrottleSettings.NONE);
  }

  public ServerConfig(int port, int pageSize, boolean strict, Duration tokenLifetime, Clock clock,
      int journalLimit, ThrottleSettings throttle) {
    this.port = port;
    this.pageSize = pageSize;
    this.strict = strict;
    this.tokenLifetime = tokenLifetime;
    this.clock = clock;
    this.journalLimit = journalLimit;
    this.throttle = throttle;
  }

  @Override
  public String toString() {
    return "port="
        + (port == 0 ? "random" : port)
        + ", pageSize="
        + pageSize
        + ", strict="
        + strict
        + ", tokenLifetime="
        + tokenLifetime
        + ", clock="
        + clock
        + ", journalLimit="
        + journalLimit
        + (throttle.any() ? ", throttle=" + throttle : "");
  }
}
