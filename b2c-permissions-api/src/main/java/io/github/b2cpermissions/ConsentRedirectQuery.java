package io.github.b2cpermissions;

import io.github.b2cpermissions.internal.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the consent parameters out of the redirect Entra ID sent the administrator's browser back
 * with, before {@link ConsentCallback} gives them a meaning: it accepts a full URI, a path with its
 * query, or the bare query, refuses what no browser would send (too long, unencoded characters,
 * broken percent-encoding, a consent parameter given twice), and ignores parameters the consent
 * endpoint does not define. Error messages show redirect text only through {@link Redaction}.
 */
final class ConsentRedirectQuery {

  /** Longest redirect accepted, in characters; browsers and servers cut URLs well below this. */
  static final int MAX_LENGTH = 16_384;

  private static final Pattern SCHEME_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Set<String> KNOWN_PARAMETERS =
      Set.of("state", "tenant", "admin_consent", "scope", "error", "error_description");

  private ConsentRedirectQuery() {}

  /**
   * The decoded consent parameters of {@code redirect}, by name; others are left out.
   *
   * @param redirect the redirect as received, still percent-encoded
   * @throws IllegalArgumentException if the redirect is longer than {@link #MAX_LENGTH}, holds a
   *     character a URL cannot, is not a URI, carries no query, has broken percent-encoding or
   *     repeats a consent parameter
   */
  static Map<String, String> parameters(String redirect) {
    return decodedParameters(query(redirect));
  }

  /** Returns the raw query of a full URI, a path with a query, or a bare query string. */
  private static String query(String redirect) {
    if (redirect.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "The consent redirect is "
              + redirect.length()
              + " characters long; at most "
              + MAX_LENGTH
              + " are accepted");
    }
    for (int i = 0; i < redirect.length(); i++) {
      char c = redirect.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            "The consent redirect holds a character a URL cannot hold unencoded ("
                + Redaction.printable(String.valueOf(c), 1)
                + " at index "
                + i
                + "); pass it still percent-encoded, as received");
      }
    }
    String query;
    if (SCHEME_PREFIX.matcher(redirect).find()) {
      URI uri;
      try {
        uri = new URI(redirect);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "The consent redirect is not a valid URI (" + e.getReason() + " at index "
                + e.getIndex() + ")");
      }
      query = uri.getRawQuery();
      if (query == null) {
        throw new IllegalArgumentException("The consent redirect URI carries no query");
      }
    } else {
      int hash = redirect.indexOf('#');
      String withoutFragment = hash < 0 ? redirect : redirect.substring(0, hash);
      if (withoutFragment.startsWith("/")) {
        int question = withoutFragment.indexOf('?');
        if (question < 0) {
          throw new IllegalArgumentException("The consent redirect path carries no query");
        }
        query = withoutFragment.substring(question + 1);
      } else {
        query = withoutFragment.startsWith("?") ? withoutFragment.substring(1) : withoutFragment;
      }
    }
    if (query.isEmpty()) {
      throw new IllegalArgumentException("The consent redirect carries no query parameters");
    }
    return query;
  }

  /** Decodes the consent parameters of a query, refusing repeats (parameter pollution). */
  private static Map<String, String> decodedParameters(String query) {
    Map<String, String> parameters = new HashMap<>();
    int index = 0;
    for (String pair : query.split("&", -1)) {
      index++;
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), index);
      if (!KNOWN_PARAMETERS.contains(name)) {
        continue;
      }
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), index);
      if (parameters.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException(
            "The consent redirect carries the parameter " + name + " more than once");
      }
    }
    return parameters;
  }

  private static String decode(String raw, int index) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The consent redirect's query parameter #" + index + " has broken percent-encoding");
    }
  }

}
