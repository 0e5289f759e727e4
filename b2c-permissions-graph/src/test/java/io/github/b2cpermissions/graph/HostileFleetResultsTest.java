package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.FailureKind;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.graph.stub.BatchHandler;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A fleet check answers every element of its input in place: one result per element, in input
 * order, with the id as given and the tenant's GUID; a tenant named twice is checked once.
 */
class HostileFleetResultsTest {

  @Test
  void duplicatesInAnyCaseAreCheckedOnceAndAnsweredInEveryPlace() {
    StubDirectory tenant = StubDirectory.grantedAll();
    String upper = tenant.tenantId.toUpperCase(Locale.ROOT);
    String domain = "Contoso.OnMicrosoft.com";
    List<String> input = List.of(upper, tenant.tenantId, domain, upper);
    List<TenantVerification> told = new CopyOnWriteArrayList<>();
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).build()) {
      FleetVerification fleet = verifier.verifyFleet(input, (r, done, total) -> told.add(r));

      assertThat(fleet.results()).extracting(TenantVerification::tenantId)
          .containsExactlyElementsOf(input);
      assertThat(fleet.results()).allSatisfy(r -> {
        assertThat(r.report().map(rep -> rep.outcome())).contains(VerificationOutcome.SATISFIED);
        assertThat(r.resolvedTenantId()).contains(tenant.tenantId);
      });
      assertThat(fleet.results().get(0).report()).isEqualTo(fleet.results().get(1).report());
      assertThat(fleet.results().get(3).report()).isEqualTo(fleet.results().get(0).report());
      // The GUID (three elements) and the domain (one) are two checks: two $batch POSTs.
      assertThat(stub.count("POST", "/v1.0/$batch")).isEqualTo(2);
      assertThat(told).hasSize(4).extracting(TenantVerification::tenantId)
          .containsExactlyInAnyOrderElementsOf(input);
    }
  }

  @Test
  void aFailedElementKeepsItsPlaceAndSaysWhatKindOfFailureItWas() {
    StubDirectory tenant = StubDirectory.grantedAll();
    String other = "aaaaaaaa-bbbb-cccc-dddd-EEEEEEEEEEEE";
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).build()) {
      // The token is always for the stub's tenant, so the other GUID fails authentication.
      FleetVerification fleet = verifier.verifyFleet(List.of(other, tenant.tenantId));

      TenantVerification failed = fleet.results().get(0);
      assertThat(failed.tenantId()).isEqualTo(other);
      assertThat(failed.resolvedTenantId()).contains(other.toLowerCase(Locale.ROOT));
      assertThat(failed.failureKind()).contains(FailureKind.AUTHENTICATION);
      assertThat(fleet.results().get(1).isSatisfied()).isTrue();
      assertThat(fleet.results().get(1).failureKind()).isEmpty();
    }
  }

  @Test
  void throttledElementIsReportedAsThrottled() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start()) {
      stub.handler(BatchHandler.of(tenant).outer(r -> StubResponse.throttled(0, "Application")));
      try (GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).build()) {
        FleetVerification fleet = verifier.verifyFleet(List.of(tenant.tenantId));

        assertThat(fleet.results()).singleElement()
            .satisfies(r -> assertThat(r.failureKind()).contains(FailureKind.THROTTLED));
      }
    }
  }
}
