package io.github.b2cpermissions.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** A request as the router sees it: from the wire, or from inside a {@code $batch}. */
final class Exchange {
  final String method;
  /** The raw (still percent-encoded) path. */
  final String path;
  final @Nullable String rawQuery;
  /** Decoded query parameters, first value of each, in order. */
  final Map<String, String> query;
  /** Headers, case-insensitive names. */
  final Map<String, List<String>> headers;
  final byte[] body;
  final boolean insideBatch;

  Exchange(
      String method,
      String pathAndQuery,
      Map<String, List<String>> headers,
      byte[] body,
      boolean insideBatch) {
    this.method = method;
    int q = pathAndQuery.indexOf('?');
    this.path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    this.rawQuery = q < 0 ? null : pathAndQuery.substring(q + 1);
    this.query = optionsLowerCase(parseForm(rawQuery));
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    this.headers = Collections.unmodifiableMap(h);
    this.body = body;
    this.insideBatch = insideBatch;
  }

  @Nullable
  String header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** Parses {@code a=1&b=2} (percent-decoding, {@code +} as a space); first value wins. */
  static Map<String, String> parseForm(@Nullable String raw) {
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.putIfAbsent(k, v);
    }
    return Collections.unmodifiableMap(out);
  }

  /** OData system query options ({@code $select}, …) are case-insensitive: keep them lower case. */
  private static Map<String, String> optionsLowerCase(Map<String, String> query) {
    boolean any = false;
    for (String k : query.keySet()) {
      if (k.startsWith("$") && !k.equals(k.toLowerCase(Locale.ROOT))) {
        any = true;
      }
    }
    if (!any) {
      return query;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : query.entrySet()) {
      String k = e.getKey().startsWith("$") ? e.getKey().toLowerCase(Locale.ROOT) : e.getKey();
      out.putIfAbsent(k, e.getValue());
    }
    return Collections.unmodifiableMap(out);
  }

  /** Percent-decodes a path segment ({@code +} stays a plus sign). */
  static String decodePath(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    return decode(s.replace("+", "%2B"));
  }

  static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
