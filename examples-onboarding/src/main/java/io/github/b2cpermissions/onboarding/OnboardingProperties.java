package io.github.b2cpermissions.onboarding;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The app's own settings ({@code onboarding.*}).
 *
 * @param publicUrl where administrators' browsers reach this app; the consent callback is {@code
 *     <publicUrl>/consent/callback} and must be registered as the app's redirect URI
 * @param awaitTimeout how long the callback waits for a fresh grant to show in Microsoft Graph
 * @param fakePort the port of 127.0.0.1 the embedded fake Microsoft Graph listens on
 */
@ConfigurationProperties("onboarding")
public record OnboardingProperties(
    @DefaultValue("http://localhost:8080") URI publicUrl,
    @DefaultValue("30s") Duration awaitTimeout,
    @DefaultValue("8443") int fakePort) {

  /** The path of the consent callback, below {@link #publicUrl()}. */
  public static final String CALLBACK_PATH = "/consent/callback";

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if {@code publicUrl} is not an absolute http(s) URL without a
   *     query, {@code awaitTimeout} is not positive or {@code fakePort} is not 1 to 65535
   */
  public OnboardingProperties {
    if (!publicUrl.isAbsolute() || publicUrl.getRawQuery() != null || publicUrl.getHost() == null
        || !(publicUrl.getScheme().equals("http") || publicUrl.getScheme().equals("https"))) {
      throw new IllegalArgumentException(
          "onboarding.public-url must be an absolute http(s) URL without a query, got " + publicUrl);
    }
    if (awaitTimeout.isZero() || awaitTimeout.isNegative()) {
      throw new IllegalArgumentException("onboarding.await-timeout must be positive, got " + awaitTimeout);
    }
    if (fakePort < 1 || fakePort > 65535) {
      throw new IllegalArgumentException("onboarding.fake-port must be 1 to 65535, got " + fakePort);
    }
  }

  /** The consent callback's absolute URL: the redirect URI to register and send. */
  public URI callbackUri() {
    String base = publicUrl.toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + CALLBACK_PATH);
  }
}
