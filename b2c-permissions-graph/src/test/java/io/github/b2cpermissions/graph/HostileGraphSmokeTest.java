package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import org.junit.jupiter.api.Test;

/**
 * The verifier against the hostile stub in its plainest state, so the stub itself is known to
 * answer as Graph documents before the hostile tests script faults into it.
 */
class HostileGraphSmokeTest {

  @Test
  void fullyGrantedStubTenantIsSatisfiedWithOneBatchOnTheWire() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).build()) {
      VerificationReport report = verifier.verify(tenant.tenantId);

      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(stub.requestCount()).isEqualTo(1);
      assertThat(stub.count("POST", "/v1.0/$batch")).isEqualTo(1);
      assertThat(report.graphRequestCount()).isEqualTo(stub.requestCount());
    }
  }

  @Test
  void revokedRoleIsMissingOnTheStub() {
    StubDirectory tenant = StubDirectory.grantedAll();
    tenant.revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL.appRoleId());
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).build()) {
      VerificationReport report = verifier.verify(tenant.tenantId);

      assertThat(report.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
      assertThat(report.missing())
          .containsExactly(B2cBackupPermission.AUDIT_LOG_READ_ALL);
    }
  }

  @Test
  void pagedAssignmentsAreFollowedAcrossPages() {
    StubDirectory tenant = StubDirectory.grantedAll();
    tenant.pageSize = 4;
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).build()) {
      VerificationReport report = verifier.verify(tenant.tenantId);

      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(stub.count("GET", "/v1.0/servicePrincipals/")).isEqualTo(3);
    }
  }
}
