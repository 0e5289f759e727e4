package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.internal.RoleCatalog;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The argument checks a tenant and its builder share, so that a setting checked when a tenant is
 * built is checked the same way when it is changed on a running tenant.
 */
final class TenantChecks {
  private static final Pattern DOMAIN =
      Pattern.compile("^(?=.{4,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$");

  private TenantChecks() {}

  /** A role value of the fake's Microsoft Graph service principal. */
  static String role(String value) {
    Objects.requireNonNull(value, "graphRoleValue");
    if (RoleCatalog.byValue(value) == null) {
      throw new IllegalArgumentException(
          "the fake's Microsoft Graph has no app role '" + value + "' (values are case-sensitive)");
    }
    return value;
  }

  /** A resource other than Microsoft Graph and, when known, other than the backup app. */
  static void otherResource(String appId, String displayName, @Nullable String backupClientId) {
    Objects.requireNonNull(appId, "resourceAppId");
    notBlank(displayName, "resourceDisplayName");
    if (appId.isBlank()) {
      throw new IllegalArgumentException("resourceAppId must not be blank");
    }
    if (appId.equalsIgnoreCase(B2cBackupPermission.MICROSOFT_GRAPH_APP_ID)) {
      throw new IllegalArgumentException(
          "the other resource must not be Microsoft Graph; use grantRole for Graph roles");
    }
    if (backupClientId != null && appId.equalsIgnoreCase(backupClientId)) {
      throw new IllegalArgumentException("the other resource must not be the backup app itself");
    }
  }

  /** A propagation delay: zero or more. */
  static Duration delay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    return delay;
  }

  /** A domain name, in lower case. */
  static String domain(String domain) {
    Objects.requireNonNull(domain, "domain");
    if (!DOMAIN.matcher(domain).matches()) {
      throw new IllegalArgumentException("not a domain name: '" + domain + "'");
    }
    return domain.toLowerCase(Locale.ROOT);
  }

  static UUID guid(String s, String what) {
    Objects.requireNonNull(s, what);
    if (!s.matches("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")) {
      throw new IllegalArgumentException(what + " must be a GUID such as 00000000-0000-0000-0000-000000000000, was '" + s + "'");
    }
    return UUID.fromString(s);
  }

  static URI redirectUri(URI u) {
    Objects.requireNonNull(u, "redirectUri");
    boolean localhost = "localhost".equalsIgnoreCase(u.getHost()) || "127.0.0.1".equals(u.getHost());
    if (!u.isAbsolute()
        || u.getHost() == null
        || u.getRawFragment() != null
        || !("https".equalsIgnoreCase(u.getScheme()) || ("http".equalsIgnoreCase(u.getScheme()) && localhost))) {
      throw new IllegalArgumentException(
          "a redirect URI must be an absolute https URI (http only on localhost) without fragment, was " + u);
    }
    return u;
  }

  static String notBlank(String s, String what) {
    Objects.requireNonNull(s, what);
    if (s.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return s;
  }

  /** The redirect URIs as a list, each of them acceptable. */
  static List<URI> redirectUris(URI... uris) {
    Objects.requireNonNull(uris, "redirectUris");
    List<URI> out = new ArrayList<>(uris.length);
    for (URI u : uris) {
      out.add(redirectUri(u));
    }
    return List.copyOf(out);
  }

  /** A certificate whose key can sign the RS256 or PS256 client assertions the token endpoint takes. */
  static X509Certificate rsaCertificate(X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    String algorithm = certificate.getPublicKey().getAlgorithm();
    if (!"RSA".equals(algorithm)) {
      throw new IllegalArgumentException(
          "client assertions are signed with RS256 or PS256: the certificate needs an RSA key, was " + algorithm);
    }
    return certificate;
  }

  /** A state a service principal can be in: ENABLED, DISABLED or NOT_FOUND. */
  static AppPresence presence(AppPresence presence) {
    Objects.requireNonNull(presence, "presence");
    if (presence == AppPresence.NOT_CHECKED) {
      throw new IllegalArgumentException("a service principal is ENABLED, DISABLED or NOT_FOUND");
    }
    return presence;
  }

  /** The items as a list, none of them null. */
  @SafeVarargs
  static <T> List<T> nonNull(T... items) {
    Objects.requireNonNull(items, "permissions");
    List<T> out = new ArrayList<>(items.length);
    for (T t : items) {
      out.add(Objects.requireNonNull(t, "permission"));
    }
    return out;
  }
}
