package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.remediation.GrantStep;
import io.github.b2cpermissions.remediation.GrantStepStatus;
import io.github.b2cpermissions.remediation.RemediationResult;
import io.github.b2cpermissions.testkit.FakeGrant;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeRoute;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The granter against the testkit fake, which enforces grants like Graph: the backup app grants
 * itself through the explicit self-grant opt-in (it holds {@code AppRoleAssignment.ReadWrite.All},
 * one of the fourteen), and a tenant whose app lacks that role is refused step by step.
 */
class PermissionGranterOnTheFakeTest {
  private static final Set<B2cBackupPermission> MISSING = EnumSet.of(
      B2cBackupPermission.AUDIT_LOG_READ_ALL, B2cBackupPermission.USER_MAIL_READ_WRITE_ALL,
      B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
  private static FakeGraph server;
  private static OkHttpClient http;

  @BeforeEach
  void resetServer() {
    server = OnTheFake.server();
    http = new OkHttpClient.Builder()
        .sslSocketFactory(server.sslContext().getSocketFactory(), server.trustManager()).build();
  }

  private static GraphPermissionVerifier verifier() {
    return GraphPermissionVerifier.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .credentials(t -> server.tenant(t).orElseThrow().credential())
        .cloud(GraphCloud.custom(server.authorityHost(), server.graphHost()))
        .httpClient(http)
        .build();
  }

  private static PermissionGranter selfGranter(GraphPermissionVerifier v, FakeGraphTenant t,
      Duration await) {
    return PermissionGranter.builder().verifier(v).selfGrantWithBackupAppCredential(t.credential())
        .cloud(GraphCloud.custom(server.authorityHost(), server.graphHost())).httpClient(http)
        .awaitTimeout(await).build();
  }

  @Test
  void aTenantMissingThreeRolesIsPlannedGrantedAndConfirmedSatisfiedInOneCallThenIsANoOp() {
    FakeGraphTenant t = server.addTenant(FakeGraphTenant.builder().grantedAll()
        .without(MISSING.toArray(B2cBackupPermission[]::new)));
    try (GraphPermissionVerifier v = verifier();
        PermissionGranter g = selfGranter(v, t, Duration.ofSeconds(30))) {
      RemediationResult result = g.remediate(t.tenantId());

      assertThat(result.steps()).hasSize(3).extracting(GrantStep::status)
          .containsOnly(GrantStepStatus.CREATED);
      assertThat(result.isSatisfied()).isTrue();
      assertThat(t.app().grantedPermissions()).containsAll(MISSING);
      assertThat(t.app().grantsThroughGraph()).hasSize(3).allSatisfy((FakeGrant grant) -> {
        assertThat(grant.grantedByAppId()).isEqualTo(t.clientId());
        assertThat(grant.principalId()).hasToString(t.servicePrincipalId());
        assertThat(grant.resourceId()).hasToString(t.graphServicePrincipalId());
      });
      t.journal().clear();

      RemediationResult again = g.remediate(t.tenantId());

      assertThat(again.plan().isNoOp()).isTrue();
      assertThat(again.isSatisfied()).isTrue();
      assertThat(t.journal().count(FakeRoute.CREATE_APP_ROLE_ASSIGNED_TO)).isZero();
      assertThat(t.app().grantsThroughGraph()).hasSize(3);
    }
  }

  @Test
  void withoutThePrivilegeToGrantEveryStepIsReportedAndNothingIsGranted() {
    FakeGraphTenant t = server.addTenant(FakeGraphTenant.builder().grantedAll()
        .without(B2cBackupPermission.APP_ROLE_ASSIGNMENT_READ_WRITE_ALL,
            B2cBackupPermission.AUDIT_LOG_READ_ALL, B2cBackupPermission.USER_MAIL_READ_WRITE_ALL));
    try (GraphPermissionVerifier v = verifier();
        PermissionGranter g = selfGranter(v, t, Duration.ofSeconds(30))) {
      RemediationResult result = g.remediate(t.tenantId());

      assertThat(result.steps()).extracting(GrantStep::status).containsExactly(
          GrantStepStatus.REFUSED, GrantStepStatus.NOT_ATTEMPTED, GrantStepStatus.NOT_ATTEMPTED);
      assertThat(result.steps().get(0).errorCode()).contains("Authorization_RequestDenied");
      assertThat(t.journal().count(FakeRoute.CREATE_APP_ROLE_ASSIGNED_TO)).isOne();
      assertThat(t.app().grantsThroughGraph()).isEmpty();
      assertThat(result.finalReport().orElseThrow().outcome())
          .isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
      assertThat(result.finalReport().orElseThrow().missing()).containsExactlyInAnyOrder(
          B2cBackupPermission.APP_ROLE_ASSIGNMENT_READ_WRITE_ALL,
          B2cBackupPermission.AUDIT_LOG_READ_ALL, B2cBackupPermission.USER_MAIL_READ_WRITE_ALL);
    }
  }

  @Test
  void grantsNotYetInTheTokenLeaveTheResultPropagatingAndSayWhich() {
    FakeGraphTenant t = server.addTenant(FakeGraphTenant.builder().grantedAll()
        .without(B2cBackupPermission.AUDIT_LOG_READ_ALL));
    t.app().grantPropagationDelay(Duration.ofHours(1));
    try (GraphPermissionVerifier v = verifier();
        PermissionGranter g = selfGranter(v, t, Duration.ofSeconds(2))) {
      RemediationResult result = g.remediate(t.tenantId());

      assertThat(result.steps()).extracting(GrantStep::status).containsExactly(GrantStepStatus.CREATED);
      assertThat(result.isSatisfied()).isFalse();
      assertThat(result.finalReport().orElseThrow().outcome())
          .isEqualTo(VerificationOutcome.PERMISSIONS_PROPAGATING);
      assertThat(result.finalReport().orElseThrow().propagating())
          .containsExactly(B2cBackupPermission.AUDIT_LOG_READ_ALL);
      assertThat(result.toString()).contains("finalOutcome=PERMISSIONS_PROPAGATING")
          .contains("propagating=[AUDIT_LOG_READ_ALL]");
      assertThat(result.toJson()).contains("\"finalPropagating\":[\"AuditLog.Read.All\"]");
    }
  }
}
