package io.github.b2cpermissions.spring;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.TenantKind;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphConsentUrls;
import io.github.b2cpermissions.graph.GraphRetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@link B2cPermissionsProperties} into the library's settings, checking each value and
 * naming the property in the {@link IllegalStateException} a wrong one gives, so the application
 * stops at start with a message that says what to fix.
 */
final class PropertySettings {
  private static final String P = B2cPermissionsProperties.PREFIX + ".";

  private PropertySettings() {}

  /** The client id, lower-case. */
  static String clientId(B2cPermissionsProperties props) {
    String id = props.clientId();
    if (id == null || id.isBlank()) {
      throw invalid("client-id", "is required: the backup app's client id (appId)");
    }
    try {
      UUID.fromString(id.trim());
    } catch (IllegalArgumentException e) {
      throw invalid("client-id", "must be the backup app's client id, a GUID");
    }
    return id.trim().toLowerCase(Locale.ROOT);
  }

  /** The cloud: a national one by name, or a custom one from its two hosts. */
  static GraphCloud cloud(B2cPermissionsProperties props) {
    B2cPermissionsProperties.Cloud c = props.cloud();
    boolean hosts = c.authorityHost() != null || c.graphHost() != null;
    if (hosts) {
      if (c.name() != null) {
        throw invalid("cloud.name", "must be unset when cloud.authority-host and cloud.graph-host"
            + " describe a custom cloud");
      }
      if (c.graphHost() == null) {
        throw invalid("cloud.graph-host", "is required with cloud.authority-host");
      }
      if (c.authorityHost() == null) {
        throw invalid("cloud.authority-host", "is required with cloud.graph-host");
      }
      return wrap("cloud.graph-host", () -> GraphCloud.custom(c.authorityHost(), c.graphHost()));
    }
    String name = c.name() == null ? "GLOBAL" : c.name().trim().toUpperCase(Locale.ROOT)
        .replace('-', '_');
    switch (name) {
      case "GLOBAL":
        return GraphCloud.GLOBAL;
      case "US_GOV_L4":
        return GraphCloud.US_GOV_L4;
      case "US_GOV_L5":
        return GraphCloud.US_GOV_L5;
      case "CHINA":
        return GraphCloud.CHINA;
      default:
        throw invalid("cloud.name", "must be GLOBAL, US_GOV_L4, US_GOV_L5 or CHINA (or leave it"
            + " unset and set cloud.authority-host and cloud.graph-host), was " + c.name());
    }
  }

  /**
   * The credential: the application's own {@code TokenCredential} bean, or one built from the
   * client secret or the certificate. Exactly one of the three.
   */
  static TokenCredential credential(B2cPermissionsProperties props, GraphCloud cloud,
      String clientId, Optional<TokenCredential> bean) {
    String secret = props.clientSecret();
    Path certificate = props.certificate().path();
    boolean hasSecret = secret != null && !secret.isBlank();
    if (hasSecret && certificate != null) {
      throw invalid("client-secret", "and " + P + "certificate.path are both set: set one");
    }
    if (bean.isPresent()) {
      if (hasSecret || certificate != null) {
        throw invalid(hasSecret ? "client-secret" : "certificate.path",
            "is set, and the application also defines a TokenCredential bean: keep one");
      }
      return bean.get();
    }
    if (!hasSecret && certificate == null) {
      throw invalid("client-secret", "is required (or " + P + "certificate.path, or a"
          + " TokenCredential bean): the verifier needs a credential of the backup app");
    }
    if (cloud.authorityHost().isEmpty()) {
      throw invalid("cloud.authority-host", "is required to get tokens with a secret or a"
          + " certificate");
    }
    String authority = cloud.authorityHost().orElseThrow().toString();
    if (hasSecret) {
      ClientSecretCredentialBuilder b = new ClientSecretCredentialBuilder()
          .authorityHost(authority).tenantId("organizations").clientId(clientId)
          .clientSecret(secret).additionallyAllowedTenants("*");
      if (cloud.isCustom()) {
        b.disableInstanceDiscovery();
      }
      return b.build();
    }
    if (!Files.isReadable(certificate)) {
      throw invalid("certificate.path", "names no readable file: " + certificate);
    }
    ClientCertificateCredentialBuilder b = new ClientCertificateCredentialBuilder()
        .authorityHost(authority).tenantId("organizations").clientId(clientId)
        .additionallyAllowedTenants("*");
    if (cloud.isCustom()) {
      b.disableInstanceDiscovery();
    }
    String password = props.certificate().password();
    if (password != null) {
      b.pfxCertificate(certificate.toString()).clientCertificatePassword(password);
    } else {
      b.pemCertificate(certificate.toString());
    }
    return b.build();
  }

  /** The profile of each configured tenant kind; B2C_BACKUP_AND_RESTORE for B2C by default. */
  static Map<TenantKind, PermissionProfile> profiles(B2cPermissionsProperties props) {
    Map<TenantKind, PermissionProfile> out = new EnumMap<>(TenantKind.class);
    for (Map.Entry<String, String> e : props.profiles().entrySet()) {
      String key = e.getKey().trim().toUpperCase(Locale.ROOT).replace('-', '_');
      TenantKind kind;
      try {
        kind = TenantKind.valueOf(key);
      } catch (IllegalArgumentException unknown) {
        throw invalid("profiles." + e.getKey(), "names no tenant kind: use b2c or external-id");
      }
      String name = e.getValue() == null ? "" : e.getValue().trim().toUpperCase(Locale.ROOT)
          .replace('-', '_');
      PermissionProfile profile = PermissionProfile.byName(name).orElseThrow(() -> invalid(
          "profiles." + e.getKey(), "names no profile: use one of " + PermissionProfile.all()
              .stream().map(PermissionProfile::name).toList() + ", was " + e.getValue()));
      if (profile.tenantKind() != kind) {
        throw invalid("profiles." + e.getKey(), "is " + profile.name() + ", a profile for "
            + profile.tenantKind() + " tenants, not " + kind);
      }
      out.put(kind, profile);
    }
    return out;
  }

  /** The retry policy: the library's defaults, with each property that is set. */
  static GraphRetryPolicy retryPolicy(B2cPermissionsProperties props) {
    B2cPermissionsProperties.Retry r = props.retry();
    GraphRetryPolicy.Builder b = GraphRetryPolicy.from(GraphRetryPolicy.ofDefaults());
    set("retry.max-attempts", r.maxAttempts(), b::maxAttempts);
    set("retry.initial-backoff", r.initialBackoff(), b::initialBackoff);
    set("retry.max-backoff", r.maxBackoff(), b::maxBackoff);
    set("retry.max-retry-after", r.maxRetryAfter(), b::maxRetryAfter);
    set("retry.deadline", r.deadline(), b::deadline);
    return wrap("retry", b::build);
  }

  /** The fleet concurrency, when set. */
  static Optional<Integer> fleetConcurrency(B2cPermissionsProperties props) {
    Integer n = props.fleet().concurrency();
    if (n != null && n < 1) {
      throw invalid("fleet.concurrency", "must be at least 1, was " + n);
    }
    return Optional.ofNullable(n);
  }

  /** The consent URL builder, when a redirect URI is set. */
  static Optional<GraphConsentUrls> consentUrls(B2cPermissionsProperties props, GraphCloud cloud,
      String clientId) {
    if (props.consent().redirectUri() == null) {
      return Optional.empty();
    }
    return Optional.of(wrap("consent.redirect-uri", () -> GraphConsentUrls.builder()
        .clientId(clientId).redirectUri(props.consent().redirectUri()).cloud(cloud).build()));
  }

  /** The canary tenant of the health indicator, when set. */
  static Optional<String> canaryTenant(B2cPermissionsProperties props) {
    String t = props.health().canaryTenant();
    if (t == null || t.isBlank()) {
      return Optional.empty();
    }
    Duration ttl = props.health().cacheTtl();
    if (ttl.isZero() || ttl.isNegative()) {
      throw invalid("health.cache-ttl", "must be positive, was " + ttl);
    }
    return Optional.of(t.trim());
  }

  private static <T> void set(String property, @Nullable T value, Consumer<T> setter) {
    if (value != null) {
      wrap(property, () -> {
        setter.accept(value);
        return value;
      });
    }
  }

  /** Runs a library setter, naming {@code property} when it refuses the value. */
  static <T> T wrap(String property, Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw invalid(property, "is not usable: " + e.getMessage());
    }
  }

  static IllegalStateException invalid(String property, String problem) {
    return new IllegalStateException(P + property + " " + problem);
  }
}
