package io.github.b2cpermissions.graph;

import io.github.b2cpermissions.graph.internal.tenant.TenantIdentifiers;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a consent redirect URI must be before {@link GraphConsentUrls} puts it in a link: absolute
 * https (http on loopback only), printable ASCII, no user info, fragment, characters Entra ID
 * refuses, zone id in the host, encoded separators, dot segments or query parameters the consent
 * redirect uses itself, and no longer than Entra ID registers. Each refusal names the rule and
 * shows the value safely.
 */
final class RedirectUriRules {

  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

  /** Characters Entra ID does not support in redirect URIs, and the wildcard it forbids. */
  private static final String UNSUPPORTED_REDIRECT_CHARACTERS = "!$'(),;*";

  /** Query parameter names a redirect URI may not carry: the consent redirect adds or reads them. */
  private static final Set<String> RESERVED_PARAMETERS =
      Set.of(
          "state",
          "tenant",
          "admin_consent",
          "scope",
          "error",
          "error_description",
          "client_id",
          "redirect_uri");

  private RedirectUriRules() {}

  /**
   * Refuses a redirect URI longer than Entra ID registers.
   *
   * @throws IllegalArgumentException if {@code length} is above the limit
   */
  static void checkLength(int length) {
    if (length > GraphConsentUrls.MAX_REDIRECT_URI_LENGTH) {
      throw new IllegalArgumentException(
          "redirectUri is "
              + length
              + " characters long; Entra ID accepts redirect URIs of at most "
              + GraphConsentUrls.MAX_REDIRECT_URI_LENGTH);
    }
  }

  /**
   * Returns {@code uri} once it passes every rule.
   *
   * @throws IllegalArgumentException naming the first rule it breaks
   */
  static URI check(URI uri) {
    String text = uri.toString();
    checkLength(text.length());
    if (!TenantIdentifiers.isPrintableAscii(text)) {
      throw invalidRedirect("must be printable ASCII (encode other characters)", text);
    }
    if (!uri.isAbsolute() || uri.isOpaque()) {
      throw invalidRedirect("must be an absolute https URI", text);
    }
    for (int i = 0; i < UNSUPPORTED_REDIRECT_CHARACTERS.length(); i++) {
      if (text.indexOf(UNSUPPORTED_REDIRECT_CHARACTERS.charAt(i)) >= 0) {
        throw invalidRedirect("must not contain any of ! $ ' ( ) , ; * (Entra ID rejects them)", text);
      }
    }
    if (uri.getRawUserInfo() != null) {
      throw invalidRedirect("must not carry user info (user@host)", text);
    }
    String host = uri.getHost();
    if (host == null) {
      throw invalidRedirect("must name a host", text);
    }
    if (host.indexOf('%') >= 0) {
      // java.net.URI keeps an IPv6 zone id ([::1%25eth0], or an encoded byte such as %00) in
      // the host; Entra ID registers no such host, and the byte would reach the consent link.
      throw invalidRedirect("must not carry a zone id or an encoded character in its host", text);
    }
    if (uri.getRawFragment() != null) {
      throw invalidRedirect("must not have a fragment (#...)", text);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean loopback = LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
      throw invalidRedirect(
          "must use https (http is allowed only on 127.0.0.1, [::1] or localhost)", text);
    }
    checkPath(uri, text);
    checkQuery(uri.getRawQuery(), text);
    return uri;
  }

  private static void checkPath(URI uri, String text) {
    String rawPath = uri.getRawPath();
    if (rawPath == null || rawPath.isEmpty()) {
      return;
    }
    String lowerRaw = rawPath.toLowerCase(Locale.ROOT);
    if (lowerRaw.contains("%2f") || lowerRaw.contains("%5c")) {
      throw invalidRedirect("must not encode / or \\ in its path", text);
    }
    String path = uri.getPath();
    if (!TenantIdentifiers.isPrintableAscii(path.replace(" ", "-"))) {
      throw invalidRedirect("must not encode control or non-ASCII characters in its path", text);
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw invalidRedirect("must not have . or .. path segments", text);
      }
    }
  }

  private static void checkQuery(@Nullable String rawQuery, String text) {
    if (rawQuery == null) {
      return;
    }
    if (rawQuery.isEmpty()) {
      throw invalidRedirect("must not end with an empty query (?)", text);
    }
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name;
      String value;
      try {
        name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw invalidRedirect("has broken percent-encoding in its query", text);
      }
      if (!TenantIdentifiers.isPrintableAscii((name + value).replace(" ", "-"))) {
        throw invalidRedirect("must not encode control or non-ASCII characters in its query", text);
      }
      if (RESERVED_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw invalidRedirect(
            "must not carry the query parameter '"
                + name.toLowerCase(Locale.ROOT)
                + "', which the consent redirect uses",
            text);
      }
    }
  }

  private static IllegalArgumentException invalidRedirect(String rule, String value) {
    return new IllegalArgumentException(
        "redirectUri " + rule + ", was " + TenantIdentifiers.describe(value));
  }
}
