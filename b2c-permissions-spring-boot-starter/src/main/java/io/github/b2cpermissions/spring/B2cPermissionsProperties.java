package io.github.b2cpermissions.spring;

import io.github.b2cpermissions.VerificationStrategy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code b2c-permissions.*} properties the starter builds its verifier from. Three are enough
 * for a working verifier: {@code client-id}, {@code client-secret} (or {@code certificate.path}, or
 * a {@code TokenCredential} bean) and, for consent URLs, {@code consent.redirect-uri}. They are
 * checked when the verifier bean is created; a wrong value stops the application with a message
 * that names the property. {@link #toString()} masks the secret and the certificate password, and
 * the Actuator {@code configprops} and {@code env} endpoints never show them.
 *
 * @param enabled whether the starter configures anything at all; default true
 * @param clientId the backup app's client id (its appId, a GUID)
 * @param clientSecret the backup app's client secret; not together with a certificate
 * @param certificate the backup app's certificate, instead of a secret
 * @param cloud the national cloud, or the hosts of a custom one
 * @param strategy how tenants are checked; default {@code DIRECTORY_AND_TOKEN}
 * @param profiles the profile to verify each tenant kind against, by kind ({@code b2c}, {@code
 *     external-id}) and profile name (such as {@code B2C_BACKUP_ONLY}); default B2C tenants against
 *     {@code B2C_BACKUP_AND_RESTORE}
 * @param retry the retry policy; unset values keep the library's defaults
 * @param fleet fleet checks: concurrency and the optional schedule
 * @param consent admin consent URLs
 * @param health the Actuator health indicator
 * @param observations Micrometer observations
 */
@ConfigurationProperties("b2c-permissions")
public record B2cPermissionsProperties(
    @DefaultValue("true") boolean enabled,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @DefaultValue Certificate certificate,
    @DefaultValue Cloud cloud,
    @DefaultValue("DIRECTORY_AND_TOKEN") VerificationStrategy strategy,
    @DefaultValue Map<String, String> profiles,
    @DefaultValue Retry retry,
    @DefaultValue Fleet fleet,
    @DefaultValue Consent consent,
    @DefaultValue Health health,
    @DefaultValue Observations observations) {

  /** The name every property starts with. */
  public static final String PREFIX = "b2c-permissions";

  /** Creates the properties; absent maps become empty. */
  public B2cPermissionsProperties {
    profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
  }

  /** Shows every setting except the secret and the certificate password. */
  @Override
  public String toString() {
    return "B2cPermissionsProperties{enabled=" + enabled + ", clientId=" + clientId
        + ", clientSecret=" + (clientSecret == null ? "(none)" : "(set)")
        + ", certificate=" + certificate + ", cloud=" + cloud + ", strategy=" + strategy
        + ", profiles=" + profiles + ", retry=" + retry + ", fleet=" + fleet
        + ", consent=" + consent + ", health=" + health + ", observations=" + observations + "}";
  }

  /**
   * A certificate credential: a PFX file when a password is given, else a PEM file.
   *
   * @param path the certificate file
   * @param password the PFX password, or null for a PEM file
   */
  public record Certificate(@Nullable Path path, @Nullable String password) {
    /** Shows the file, never the password. */
    @Override
    public String toString() {
      return "Certificate{path=" + path + ", password=" + (password == null ? "(none)" : "(set)")
          + "}";
    }
  }

  /**
   * The cloud: a named one ({@code GLOBAL}, {@code US_GOV_L4}, {@code US_GOV_L5}, {@code CHINA}),
   * or a custom one from its hosts (both hosts set, name left unset).
   *
   * @param name the national cloud; default {@code GLOBAL} unless the hosts are set
   * @param authorityHost the custom cloud's token and consent host
   * @param graphHost the custom cloud's Graph host
   */
  public record Cloud(@Nullable String name, @Nullable URI authorityHost, @Nullable URI graphHost) {}

  /**
   * The retry policy; each unset value keeps the library's default.
   *
   * @param maxAttempts attempts per request, the first included
   * @param initialBackoff the first wait between attempts
   * @param maxBackoff the longest computed wait
   * @param maxRetryAfter the longest {@code Retry-After} honoured
   * @param deadline the bound of a whole check, every wait included
   */
  public record Retry(@Nullable Integer maxAttempts, @Nullable Duration initialBackoff,
      @Nullable Duration maxBackoff, @Nullable Duration maxRetryAfter,
      @Nullable Duration deadline) {}

  /**
   * Fleet checks.
   *
   * @param concurrency how many tenants are checked at once; default 16
   * @param cron when to run the scheduled fleet check (a Spring cron expression); unset, nothing
   *     is scheduled
   */
  public record Fleet(@Nullable Integer concurrency, @Nullable String cron) {}

  /**
   * Admin consent URLs.
   *
   * @param redirectUri where Entra ID sends the admin after consent; unset, no consent URL
   *     builder is configured and reports carry no consent URL
   */
  public record Consent(@Nullable URI redirectUri) {}

  /**
   * The health indicator.
   *
   * @param canaryTenant a tenant whose token the health indicator asks the credential for; unset,
   *     health reports only the last scheduled fleet run
   * @param cacheTtl how long one token answer stands for the canary; default 5 minutes
   */
  public record Health(@Nullable String canaryTenant,
      @DefaultValue("5m") Duration cacheTtl) {}

  /**
   * Micrometer observations, made when the application has an {@code ObservationRegistry}.
   *
   * @param tenantId whether each check's observation carries the tenant id (a high-cardinality key
   *     value); default true
   */
  public record Observations(@DefaultValue("true") boolean tenantId) {}
}
