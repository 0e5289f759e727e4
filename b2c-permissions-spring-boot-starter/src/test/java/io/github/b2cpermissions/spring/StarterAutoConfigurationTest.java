package io.github.b2cpermissions.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.ConsentUrlBuilder;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.GraphConsentUrls;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration on its own, in application contexts made for each case. */
class StarterAutoConfigurationTest {
  private static FakeGraph server;

  @BeforeAll
  static void startServer() {
    server = FakeGraph.builder().build().start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  private static ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(B2cPermissionsAutoConfiguration.class));
  }

  /** A context wired to the fake: its hosts through properties, its TLS through a customizer. */
  private static ApplicationContextRunner fakeRunner() {
    return runner().withUserConfiguration(FakeWiring.class).withPropertyValues(
        "b2c-permissions.client-id=" + FakeGraphTenant.DEFAULT_CLIENT_ID,
        "b2c-permissions.cloud.authority-host=" + server.authorityHost(),
        "b2c-permissions.cloud.graph-host=" + server.graphHost());
  }

  @Configuration(proxyBeanMethods = false)
  static class FakeWiring {
    @Bean
    TokenCredential fakeCredential() {
      return server.cachingCredential();
    }

    @Bean
    GraphVerifierCustomizer trustTheFake() {
      return FakeTls.customizer(server);
    }
  }

  @Test
  void propertiesAndACredentialBeanGiveAVerifierThatChecksATenantOfTheFake() {
    FakeGraphTenant tenant = server.addTenant(FakeGraphTenant.builder().grantedAll());
    fakeRunner().run(ctx -> {
      VerificationReport report = ctx.getBean(GraphPermissionVerifier.class)
          .verify(tenant.tenantId());
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
    });
  }

  @Test
  void theRedirectUriPropertyAddsAConsentBuilderWhoseUrlsReportsCarry() {
    FakeGraphTenant tenant = server.addTenant(FakeGraphTenant.builder().grantedAll());
    tenant.app().revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL);
    fakeRunner().withPropertyValues(
        "b2c-permissions.consent.redirect-uri=" + FakeGraphTenant.DEFAULT_REDIRECT_URI).run(ctx -> {
          GraphConsentUrls consent = ctx.getBean(GraphConsentUrls.class);
          assertThat(consent.redirectUri()).isEqualTo(FakeGraphTenant.DEFAULT_REDIRECT_URI);
          assertThat(consent.clientId()).isEqualTo(FakeGraphTenant.DEFAULT_CLIENT_ID);
          VerificationReport report = ctx.getBean(GraphPermissionVerifier.class)
              .verify(tenant.tenantId());
          assertThat(report.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
          assertThat(report.consentUrl()).hasValueSatisfying(url ->
              assertThat(url.toString()).startsWith(server.authorityHost().toString()));
        });
  }

  @Test
  void withoutARedirectUriThereIsNoConsentBuilder() {
    fakeRunner().run(ctx -> assertThat(ctx).doesNotHaveBean(ConsentUrlBuilder.class));
  }

  @Test
  void theVerifierIsClosedWithTheContext() {
    GraphPermissionVerifier[] kept = new GraphPermissionVerifier[1];
    fakeRunner().run(ctx -> kept[0] = ctx.getBean(GraphPermissionVerifier.class));
    assertThatThrownBy(() -> kept[0].verify(FakeGraphTenant.builder().build().tenantId()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void theStarterBacksOffWhenTheApplicationDefinesItsOwnVerifierAndConsentBuilder() {
    fakeRunner().withUserConfiguration(OwnBeans.class).run(ctx -> {
      assertThat(ctx).hasSingleBean(GraphPermissionVerifier.class);
      assertThat(ctx.getBean(GraphPermissionVerifier.class)).isSameAs(OwnBeans.verifier);
      assertThat(ctx).hasSingleBean(ConsentUrlBuilder.class);
      assertThat(ctx.getBean(ConsentUrlBuilder.class)).isSameAs(OwnBeans.consent);
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    static final GraphConsentUrls consent = GraphConsentUrls.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .redirectUri("https://backup.example.com/own").build();
    static GraphPermissionVerifier verifier;

    @Bean
    GraphPermissionVerifier ownVerifier() {
      verifier = GraphPermissionVerifier.builder().clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
          .credential(server.cachingCredential()).build();
      return verifier;
    }

    @Bean
    ConsentUrlBuilder ownConsent() {
      return consent;
    }
  }

  @Test
  void enabledFalseTurnsTheStarterOff() {
    fakeRunner().withPropertyValues("b2c-permissions.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean(GraphPermissionVerifier.class));
  }

  @Test
  void aMissingClientIdStopsTheStartNamingTheProperty() {
    runner().withPropertyValues("b2c-permissions.client-secret=s3cret").run(ctx ->
        assertThat(ctx).getFailure().rootCause()
            .hasMessageContaining("b2c-permissions.client-id is required"));
  }

  @Test
  void aClientIdThatIsNoGuidStopsTheStartNamingTheProperty() {
    runner().withPropertyValues("b2c-permissions.client-id=backup-app",
        "b2c-permissions.client-secret=s3cret").run(ctx ->
        assertThat(ctx).getFailure().rootCause()
            .hasMessageContaining("b2c-permissions.client-id must be the backup app's client id"));
  }

  @Test
  void noCredentialAtAllStopsTheStartNamingTheSecretProperty() {
    runner().withPropertyValues("b2c-permissions.client-id=" + FakeGraphTenant.DEFAULT_CLIENT_ID)
        .run(ctx -> assertThat(ctx).getFailure().rootCause()
            .hasMessageContaining("b2c-permissions.client-secret is required"));
  }

  @Test
  void aSecretAndACertificateTogetherStopTheStart() {
    runner().withPropertyValues("b2c-permissions.client-id=" + FakeGraphTenant.DEFAULT_CLIENT_ID,
        "b2c-permissions.client-secret=s3cret", "b2c-permissions.certificate.path=/tmp/app.pem")
        .run(ctx -> assertThat(ctx).getFailure().rootCause()
            .hasMessageContaining("b2c-permissions.client-secret and b2c-permissions.certificate"
                + ".path are both set"));
  }

  @Test
  void anUnknownCloudNameStopsTheStartNamingTheProperty() {
    runner().withPropertyValues("b2c-permissions.client-id=" + FakeGraphTenant.DEFAULT_CLIENT_ID,
        "b2c-permissions.client-secret=s3cret", "b2c-permissions.cloud.name=MARS").run(ctx ->
        assertThat(ctx).getFailure().rootCause()
            .hasMessageContaining("b2c-permissions.cloud.name must be GLOBAL"));
  }

  @Test
  void aProfileOfTheWrongTenantKindStopsTheStartNamingTheProperty() {
    fakeRunner().withPropertyValues("b2c-permissions.profiles.b2c=EXTERNAL_ID_BACKUP_ONLY")
        .run(ctx -> assertThat(ctx).getFailure().rootCause()
            .hasMessageContaining("b2c-permissions.profiles.b2c is EXTERNAL_ID_BACKUP_ONLY"));
  }

  @Test
  void aRetryValueTheLibraryRefusesStopsTheStartNamingTheProperty() {
    fakeRunner().withPropertyValues("b2c-permissions.retry.max-attempts=0").run(ctx ->
        assertThat(ctx).getFailure().rootCause()
            .hasMessageContaining("b2c-permissions.retry.max-attempts is not usable"));
  }

  @Test
  void aZeroFleetConcurrencyStopsTheStartNamingTheProperty() {
    fakeRunner().withPropertyValues("b2c-permissions.fleet.concurrency=0").run(ctx ->
        assertThat(ctx).getFailure().rootCause()
            .hasMessageContaining("b2c-permissions.fleet.concurrency must be at least 1"));
  }

  @Test
  void profilesByKindAndNameAreApplied() {
    fakeRunner().withPropertyValues("b2c-permissions.profiles.b2c=B2C_BACKUP_ONLY",
        "b2c-permissions.profiles.external-id=external-id-backup-only").run(ctx -> {
          FakeGraphTenant ciam = server.addTenant(FakeGraphTenant.builder().tenantType("CIAM")
              .grantedAll());
          VerificationReport report = ctx.getBean(GraphPermissionVerifier.class)
              .verify(ciam.tenantId());
          assertThat(report.profile().name()).isEqualTo("EXTERNAL_ID_BACKUP_ONLY");
        });
  }

  @Test
  void anObservationRegistryBeanMakesEveryCheckAnObservationAndThePropertyDropsTheTenantId() {
    FakeGraphTenant tenant = server.addTenant(FakeGraphTenant.builder().grantedAll());
    TestObservationRegistry registry = TestObservationRegistry.create();
    fakeRunner().withBean(ObservationRegistry.class, () -> registry)
        .withPropertyValues("b2c-permissions.observations.tenant-id=false").run(ctx -> {
          ctx.getBean(GraphPermissionVerifier.class).verify(tenant.tenantId());
          TestObservationRegistryAssert.assertThat(registry)
              .hasObservationWithNameEqualTo("b2c.permissions.check").that()
              .hasLowCardinalityKeyValue("outcome", "SATISFIED")
              .doesNotHaveHighCardinalityKeyValueWithKey("tenant.id");
        });
  }

  @Test
  void thePropertiesNeverPrintTheSecretOrThePassword() {
    runner().withPropertyValues("b2c-permissions.client-id=" + FakeGraphTenant.DEFAULT_CLIENT_ID,
        "b2c-permissions.client-secret=TopSecret~123", "b2c-permissions.certificate.password=pfxPw")
        .run(ctx -> {
          String shown = ctx.getBean(B2cPermissionsProperties.class).toString();
          assertThat(shown).contains(FakeGraphTenant.DEFAULT_CLIENT_ID)
              .doesNotContain("TopSecret~123").doesNotContain("pfxPw");
        });
  }
}
