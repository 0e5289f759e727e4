package io.github.b2cpermissions.spring;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.ConsentUrlBuilder;
import io.github.b2cpermissions.PermissionVerifier;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphConsentUrls;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.GraphPermissionVerifierBuilder;
import io.github.b2cpermissions.graph.VerifierObservations;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Configures a {@link GraphPermissionVerifier} (closed with the application context) and, when
 * {@code b2c-permissions.consent.redirect-uri} is set, a {@link GraphConsentUrls} consent URL
 * builder, both from {@link B2cPermissionsProperties}. Each backs off when the application defines
 * its own bean of that type. With Actuator present it adds the {@code b2cPermissions} health
 * indicator and keeps the secret and certificate password out of the {@code configprops} and
 * {@code env} endpoints. {@code b2c-permissions.enabled=false} turns the starter off.
 */
@AutoConfiguration
@ConditionalOnClass(GraphPermissionVerifier.class)
@ConditionalOnBooleanProperty(name = B2cPermissionsProperties.PREFIX + ".enabled",
    matchIfMissing = true)
@EnableConfigurationProperties(B2cPermissionsProperties.class)
public class B2cPermissionsAutoConfiguration {

  /** Created by Spring. */
  public B2cPermissionsAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(GraphPermissionVerifier.class)
  StarterCredential b2cPermissionsCredential(B2cPermissionsProperties props,
      ObjectProvider<TokenCredential> credentials) {
    String clientId = PropertySettings.clientId(props);
    GraphCloud cloud = PropertySettings.cloud(props);
    TokenCredential credential = PropertySettings.credential(props, cloud, clientId,
        Optional.ofNullable(credentials.getIfUnique()));
    return new StarterCredential(credential, cloud, clientId);
  }

  /**
   * The admin consent URL builder of the backup app, for the configured cloud and redirect URI.
   * A wrong property stops the start with an {@link IllegalStateException} that names it.
   */
  @Bean
  @ConditionalOnMissingBean(ConsentUrlBuilder.class)
  @ConditionalOnProperty(prefix = B2cPermissionsProperties.PREFIX, name = "consent.redirect-uri")
  GraphConsentUrls b2cPermissionsConsentUrls(B2cPermissionsProperties props) {
    String clientId = PropertySettings.clientId(props);
    return PropertySettings.consentUrls(props, PropertySettings.cloud(props), clientId)
        .orElseThrow();
  }

  /**
   * The verifier, built from the properties, then adjusted by every {@link GraphVerifierCustomizer}
   * bean. Reports carry a consent URL when a {@link ConsentUrlBuilder} bean exists. Closed with the
   * context. A wrong property stops the start with an {@link IllegalStateException} that names it.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(GraphPermissionVerifier.class)
  GraphPermissionVerifier b2cPermissionsVerifier(B2cPermissionsProperties props,
      StarterCredential credential, ObjectProvider<ConsentUrlBuilder> consentUrls,
      ObjectProvider<GraphVerifierCustomizer> customizers) {
    GraphPermissionVerifierBuilder builder = GraphPermissionVerifier.builder()
        .clientId(credential.clientId())
        .credential(credential.credential())
        .cloud(credential.cloud())
        .strategy(props.strategy())
        .retryPolicy(PropertySettings.retryPolicy(props));
    PropertySettings.profiles(props).forEach(builder::profile);
    PropertySettings.fleetConcurrency(props).ifPresent(builder::fleetConcurrency);
    ConsentUrlBuilder consent = consentUrls.getIfUnique();
    if (consent != null) {
      builder.consentUrlBuilder(consent);
    }
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return PropertySettings.wrap("client-id", builder::build);
  }

  @Bean
  @ConditionalOnMissingBean
  LastFleetRun b2cPermissionsLastFleetRun() {
    return new LastFleetRun();
  }

  /**
   * The scheduled fleet check, when {@code b2c-permissions.fleet.cron} is set; it needs a {@link
   * FleetTenantSource} bean. A wrong cron or a missing source stops the start naming the property.
   */
  @Bean
  @ConditionalOnProperty(prefix = B2cPermissionsProperties.PREFIX, name = "fleet.cron")
  @ConditionalOnMissingBean
  ScheduledFleetVerification b2cPermissionsScheduledFleet(B2cPermissionsProperties props,
      PermissionVerifier verifier, ObjectProvider<FleetTenantSource> tenants,
      ApplicationEventPublisher events, LastFleetRun lastRun) {
    String cron = Objects.requireNonNull(props.fleet().cron());
    CronTrigger trigger = PropertySettings.wrap("fleet.cron", () -> new CronTrigger(cron.trim()));
    FleetTenantSource source = tenants.getIfUnique();
    if (source == null) {
      throw PropertySettings.invalid("fleet.cron", "is set, but the application defines no"
          + " (single) FleetTenantSource bean to give the tenant ids");
    }
    return new ScheduledFleetVerification(verifier, source, events, lastRun, trigger,
        Clock.systemUTC());
  }

  /**
   * Micrometer observations of the verifier, when the application has an {@code
   * ObservationRegistry} bean; {@code b2c-permissions.observations.tenant-id=false} leaves the
   * tenant id out.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
  static class Observations {
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    GraphVerifierCustomizer b2cPermissionsObservations(B2cPermissionsProperties props,
        ObjectProvider<ObservationRegistry> registry) {
      return builder -> {
        ObservationRegistry r = registry.getIfUnique();
        if (r != null) {
          VerifierObservations o = VerifierObservations.of(r);
          builder.observations(props.observations().tenantId() ? o : o.withoutTenantIds());
        }
      };
    }
  }

  /** The health indicator, with Actuator's health support on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("b2cPermissions")
  static class Health {
    @Bean
    @ConditionalOnMissingBean(name = "b2cPermissionsHealthIndicator")
    HealthIndicator b2cPermissionsHealthIndicator(B2cPermissionsProperties props,
        ObjectProvider<StarterCredential> credential, LastFleetRun lastRun) {
      return new VerifierHealthIndicator(credential.getIfAvailable(),
          PropertySettings.canaryTenant(props).orElse(null), props.health().cacheTtl(),
          lastRun::last, Clock.systemUTC());
    }
  }

  /** Keeps the secret and certificate password out of the Actuator endpoints. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(SanitizingFunction.class)
  static class Sanitizing {
    @Bean
    SanitizingFunction b2cPermissionsSanitizingFunction() {
      return data -> isSecret(data.getLowerCaseKey()) ? data.withSanitizedValue() : data;
    }

    /** Whether a property name (any form: kebab, camel, env) is the secret or the password. */
    static boolean isSecret(String key) {
      String k = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
      return k.startsWith("b2cpermissions")
          && (k.endsWith("clientsecret") || k.endsWith("certificatepassword"));
    }
  }
}
