package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.testkit.internal.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request the fake received: an HTTP exchange, or one request inside a {@code $batch}. Accessors
 * return what was sent, secrets included, so that tests can check them; {@link #toString()} redacts
 * the {@code Authorization} header, client secrets and assertions, and consent {@code state}.
 */
public final class RecordedRequest {
  private final JournalEntry e;

  RecordedRequest(JournalEntry e) {
    this.e = e;
  }

  /** The HTTP method. */
  public String method() {
    return e.method;
  }

  /** The path as sent (percent-encoded), without the query. */
  public String path() {
    return e.path;
  }

  /** The raw query string, without {@code ?}, or empty. */
  public Optional<String> query() {
    return Optional.ofNullable(e.rawQuery);
  }

  /** The headers, names case-insensitive, each with all its values. */
  public Map<String, List<String>> headers() {
    TreeMap<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    m.putAll(e.headers);
    return m;
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, any case
   * @return the value, or empty when absent
   */
  public Optional<String> header(String name) {
    List<String> v = headers().get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** The body as UTF-8 text (empty when there was none). */
  public String body() {
    return new String(e.body, StandardCharsets.UTF_8);
  }

  /** The route it matched, or empty when none did. */
  public Optional<FakeRoute> route() {
    return Optional.ofNullable(e.route).map(FakeRoute::valueOf);
  }

  /** The tenant it was for (from its token or its path), or empty when unknown. */
  public Optional<String> tenantId() {
    return Optional.ofNullable(e.tenantId);
  }

  /** The status answered, or -1 when the connection was reset or closed instead. */
  public int status() {
    return e.status;
  }

  /** Whether it came inside a {@code $batch} request rather than on its own. */
  public boolean insideBatch() {
    return e.insideBatch;
  }

  /**
   * Whether it matched no route (or used what the fake does not support); in strict mode such
   * requests were answered 501.
   */
  public boolean unmatched() {
    return e.unmatched;
  }

  /** When it arrived, by the fake's clock. */
  public Instant receivedAt() {
    return e.receivedAt;
  }

  /** Whether it was a Microsoft Graph request (under {@code /v1.0} or {@code /beta}). */
  public boolean isGraph() {
    return e.path.regionMatches(true, 0, "/v1.0/", 0, 6)
        || e.path.equalsIgnoreCase("/v1.0")
        || e.path.regionMatches(true, 0, "/beta/", 0, 6)
        || e.path.equalsIgnoreCase("/beta");
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append(e.method).append(' ').append(e.path);
    if (e.rawQuery != null) {
      b.append('?').append(redactQuery(e.rawQuery));
    }
    b.append(" -> ").append(e.status == -1 ? String.valueOf(e.fault) : String.valueOf(e.status));
    if (e.route != null) {
      b.append(" [").append(e.route).append(']');
    }
    if (e.unmatched) {
      b.append(" [unmatched: ").append(e.unmatchedReason).append(']');
    }
    if (e.insideBatch) {
      b.append(" [in $batch]");
    }
    b.append(" headers={");
    boolean first = true;
    for (Map.Entry<String, List<String>> h : e.headers.entrySet()) {
      if (!first) {
        b.append(", ");
      }
      first = false;
      String name = h.getKey().toLowerCase(Locale.ROOT);
      b.append(h.getKey()).append('=');
      b.append(name.equals("authorization") || name.equals("cookie") ? "***" : h.getValue());
    }
    b.append('}');
    return b.toString();
  }

  private static String redactQuery(String raw) {
    StringBuilder b = new StringBuilder();
    for (String pair : raw.split("&", -1)) {
      if (b.length() > 0) {
        b.append('&');
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String k = key.toLowerCase(Locale.ROOT);
      if (eq >= 0 && (k.equals("state") || k.contains("secret") || k.contains("assertion") || k.equals("code"))) {
        b.append(key).append("=***");
      } else {
        b.append(pair);
      }
    }
    return b.toString();
  }
}
