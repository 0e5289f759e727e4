package io.github.b2cpermissions.testkit.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code $top} and server-driven paging: the page size, and a {@code $skiptoken} that holds the
 * position to continue from, opaque to clients like Graph's own.
 */
final class ODataPaging {
  static final int MAX_TOP = 999;
  private static final String SKIP_PREFIX = "FakeGraphSkip:";

  private ODataPaging() {}

  /**
   * The page size: {@code $top} when given, else the tenant's or the server's page size.
   *
   * @throws GraphErrorException when {@code $top} is not a number from 1 to 999
   */
  static int pageSize(GraphRequest op) {
    String top = op.query("$top");
    if (top == null) {
      return op.tenant.seed.pageSize > 0 ? op.tenant.seed.pageSize : op.server.config().pageSize;
    }
    int n;
    try {
      n = Integer.parseInt(top.trim());
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > MAX_TOP) {
      throw GraphErrorException.badRequest(
          "Invalid page size specified: '" + top + "'. Must be between 1 and " + MAX_TOP + " inclusive.");
    }
    return n;
  }

  /**
   * The position a request continues from: 0 without {@code $skiptoken}.
   *
   * @throws GraphErrorException when the token is not one the fake wrote
   */
  static int start(GraphRequest op) {
    int pos = 0;
    for (Map.Entry<String, String> e : op.ex.query.entrySet()) {
      if (e.getKey().equalsIgnoreCase("$skiptoken")) {
        Integer o = decode(e.getValue());
        if (o == null) {
          throw GraphErrorException.badRequest("Invalid paging token.");
        }
        pos = o;
      }
    }
    return pos;
  }

  /** The {@code @odata.nextLink} to the page at {@code position}: the request's own query plus the token. */
  static String nextLink(GraphRequest op, int position) {
    URI foreign = op.server.faults().foreignNextLinkHost();
    if (foreign == null) {
      foreign = op.tenant.faults().foreignNextLinkHost();
    }
    String base = foreign == null ? op.server.host() : stripSlash(foreign.toString());
    StringBuilder b = new StringBuilder(base).append(op.ex.path).append('?');
    for (Map.Entry<String, String> e : op.ex.query.entrySet()) {
      if (!e.getKey().equalsIgnoreCase("$skiptoken")) {
        b.append(encodeKey(e.getKey())).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20")).append('&');
      }
    }
    b.append("$skiptoken=").append(encode(position));
    return b.toString();
  }

  static String encode(int position) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((SKIP_PREFIX + position).getBytes(StandardCharsets.US_ASCII));
  }

  /** The position in a token, or null when the token is not one {@link #encode} wrote. */
  static @Nullable Integer decode(String token) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.US_ASCII);
      if (!s.startsWith(SKIP_PREFIX)) {
        return null;
      }
      int o = Integer.parseInt(s.substring(SKIP_PREFIX.length()));
      return o < 0 ? null : o;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static String encodeKey(String key) {
    return key.startsWith("$") ? "$" + URLEncoder.encode(key.substring(1), StandardCharsets.UTF_8) : URLEncoder.encode(key, StandardCharsets.UTF_8);
  }
}
