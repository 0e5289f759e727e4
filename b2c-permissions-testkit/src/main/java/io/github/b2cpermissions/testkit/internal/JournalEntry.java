package io.github.b2cpermissions.testkit.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One recorded request, as the server saw it. Immutable. */
public final class JournalEntry {
  public final long sequence;
  public final Instant receivedAt;
  public final String method;
  public final String path;
  public final @Nullable String rawQuery;
  /** Header names as sent, each with all its values. */
  public final Map<String, List<String>> headers;
  public final byte[] body;
  /** The name of the route it matched, or null. */
  public final @Nullable String route;
  public final @Nullable String tenantId;
  public final int status;
  public final @Nullable String fault;
  public final boolean insideBatch;
  public final boolean unmatched;
  public final @Nullable String unmatchedReason;

  JournalEntry(
      long sequence,
      Instant receivedAt,
      Exchange exchange,
      @Nullable String route,
      @Nullable String tenantId,
      int status,
      @Nullable String fault,
      boolean unmatched,
      @Nullable String unmatchedReason) {
    this.sequence = sequence;
    this.receivedAt = receivedAt;
    this.method = exchange.method;
    this.path = exchange.path;
    this.rawQuery = exchange.rawQuery;
    this.headers = exchange.headers;
    this.body = exchange.body;
    this.route = route;
    this.tenantId = tenantId;
    this.status = status;
    this.fault = fault;
    this.insideBatch = exchange.insideBatch;
    this.unmatched = unmatched;
    this.unmatchedReason = unmatchedReason;
  }
}
