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
  /**
   * Whether HTTP/2 is offered over TLS (ALPN {@code h2}, falling back to HTTP/1.1). Off unless the
   * system property {@value #HTTP2_PROPERTY} is {@code true}: the transport faults of WireMock are
   * HTTP/1.1 faults. The standalone fake turns it on.
   */
  public final boolean http2 = Boolean.getBoolean(HTTP2_PROPERTY);
  /** How many connections the kernel may queue before the server accepts them. */
  public final int acceptQueue = 4096;

  /** The system property that turns on HTTP/2 over TLS. */
  public static final String HTTP2_PROPERTY = "b2cpermissions.fake.http2";

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
        + ", http2="
        + http2
        + (throttle.any() ? ", throttle=" + throttle : "");
  }
}
