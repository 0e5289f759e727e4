package io.github.b2cpermissions.graph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.graph.internal.observe.MicrometerCheckObserver;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Micrometer observations of checks, retries and token requests, on the testkit fake. */
class VerifierObservationsTest {
  private static FakeGraph server;

  @BeforeEach
  void resetServer() {
    server = OnTheFake.server();
  }

  private static GraphPermissionVerifierBuilder verifier(VerifierObservations observations) {
    return OnTheFake.verifierBuilder(server).observations(observations);
  }

  @Test
  void aCheckIsOneObservationWithItsOutcomeStrategyProfileRequestCountAndTenant() {
    FakeGraphTenant t = server.addTenant(FakeGraphTenant.builder().grantedAll());
    TestObservationRegistry registry = TestObservationRegistry.create();
    try (GraphPermissionVerifier v = verifier(VerifierObservations.of(registry)).build()) {
      int requests = v.verify(t.tenantId()).graphRequestCount();

      assertThat(registry).hasNumberOfObservationsWithNameEqualTo(MicrometerCheckObserver.CHECK, 1)
          .hasObservationWithNameEqualTo(MicrometerCheckObserver.CHECK).that()
          .hasBeenStarted().hasBeenStopped()
          .hasLowCardinalityKeyValue("outcome", "SATISFIED")
          .hasLowCardinalityKeyValue("strategy", "DIRECTORY_AND_TOKEN")
          .hasLowCardinalityKeyValue("profile", "B2C_BACKUP_AND_RESTORE")
          .hasLowCardinalityKeyValue("failure", "none")
          .hasHighCardinalityKeyValue("tenant.id", t.tenantId())
          .hasHighCardinalityKeyValue("graph.requests", Integer.toString(requests));
      assertThat(registry).hasObservationWithNameEqualTo(MicrometerCheckObserver.TOKEN).that()
          .hasLowCardinalityKeyValue("outcome", "acquired").hasBeenStopped();
    }
  }

  @Test
  void withoutTenantIdsTheCheckCarriesNoTenantId() {
    FakeGraphTenant t = server.addTenant(FakeGraphTenant.builder().grantedAll());
    TestObservationRegistry registry = TestObservationRegistry.create();
    try (GraphPermissionVerifier v =
        verifier(VerifierObservations.of(registry).withoutTenantIds()).build()) {
      v.verify(t.tenantId());

      assertThat(registry).hasObservationWithNameEqualTo(MicrometerCheckObserver.CHECK).that()
          .doesNotHaveHighCardinalityKeyValueWithKey("tenant.id")
          .hasLowCardinalityKeyValue("outcome", "SATISFIED");
    }
  }

  @Test
  void aThrottledRequestIsOneRetryObservationWithItsStatusAndRetryAfter() {
    FakeGraphTenant t = server.addTenant(FakeGraphTenant.builder().grantedAll());
    TestObservationRegistry registry = TestObservationRegistry.create();
    try (GraphPermissionVerifier v = verifier(VerifierObservations.of(registry)).build()) {
      server.faults().throttleNext(1, Duration.ofSeconds(1));
      v.verify(t.tenantId());

      assertThat(registry).hasNumberOfObservationsWithNameEqualTo(MicrometerCheckObserver.RETRY, 1)
          .hasObservationWithNameEqualTo(MicrometerCheckObserver.RETRY).that()
          .hasLowCardinalityKeyValue("status", "429")
          .hasLowCardinalityKeyValue("retry.after", "1")
          .hasHighCardinalityKeyValue("delay.ms", "1000");
    } finally {
      server.faults().clear();
    }
  }

  @Test
  void aCheckThatCannotFinishIsObservedAsFailedWithItsFailureKind() {
    String absent = "0badc0de-0000-4000-8000-000000000001";
    TestObservationRegistry registry = TestObservationRegistry.create();
    try (GraphPermissionVerifier v = GraphPermissionVerifier.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID).credential(server.cachingCredential())
        .cloud(GraphCloud.custom(server.authorityHost(), server.graphHost()))
        .httpClient(new OkHttpClient.Builder()
            .sslSocketFactory(server.sslContext().getSocketFactory(), server.trustManager())
            .build())
        .observations(VerifierObservations.of(registry)).build()) {
      assertThatThrownBy(() -> v.verify(absent)).isInstanceOf(B2cPermissionsException.class);

      assertThat(registry).hasObservationWithNameEqualTo(MicrometerCheckObserver.CHECK).that()
          .hasLowCardinalityKeyValue("outcome", "FAILED")
          .hasLowCardinalityKeyValue("profile", "none")
          .hasError();
      assertThat(registry).hasObservationWithNameEqualTo(MicrometerCheckObserver.TOKEN).that()
          .hasLowCardinalityKeyValue("outcome", "failed");
    }
  }

  @Test
  void onlyTheObservationsClassesNameMicrometerSoTheCoreRunsWithoutIt() {
    JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.github.b2cpermissions.graph");
    noClasses().that().doNotHaveFullyQualifiedName(VerifierObservations.class.getName())
        .and().doNotHaveFullyQualifiedName(MicrometerCheckObserver.class.getName())
        .and().resideOutsideOfPackage("io.github.b2cpermissions.graph.internal.observe")
        .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
        .check(main);
    assertThat(main.contain(VerifierObservations.class)).isTrue();
  }
}
