package io.github.b2cpermissions.graph.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of one tenant check: its tenant, the bearer token its requests carry, its deadline and
 * how many Graph requests it made. {@link #toString()} never shows the token.
 */
public final class CallContext {
  private final String tenantId;
  private final long deadlineNanos;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile String bearerToken = "";

  /**
   * Creates a context.
   *
   * @param tenantId the tenant being checked
   * @param deadlineNanos the {@link System#nanoTime()} after which no request or wait may start
   */
  public CallContext(String tenantId, long deadlineNanos) {
    this.tenantId = tenantId;
    this.deadlineNanos = deadlineNanos;
  }

  /** The tenant being checked. */
  public String tenantId() {
    return tenantId;
  }

  /** The {@link System#nanoTime()} deadline. */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  /** Nanoseconds left before the deadline; negative once it passed. */
  public long remainingNanos() {
    return deadlineNanos - System.nanoTime();
  }

  /** Sets the bearer token for the following requests. */
  public void bearerToken(String token) {
    this.bearerToken = token;
  }

  String bearerToken() {
    return bearerToken;
  }

  /** Counts one HTTP request to Graph. */
  void countRequest() {
    requests.incrementAndGet();
  }

  /** How many HTTP requests to Graph were made, retries included. */
  public int requestCount() {
    return requests.get();
  }

  @Override
  public String toString() {
    return "CallContext{tenantId=" + tenantId + ", requests=" + requests.get() + "}";
  }
}
