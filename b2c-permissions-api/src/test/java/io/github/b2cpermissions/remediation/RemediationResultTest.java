package io.github.b2cpermissions.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.RoleCheck;
import io.github.b2cpermissions.VerificationReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RemediationResultTest {
  private static final String BACKUP_SP = "5e0c2a6e-1111-4c1c-9a0e-000000000001";
  private static final String GRAPH_SP = "9a1f7b3d-2222-4d2d-8b1f-000000000002";

  private static RemediationPlan planMissingTwo() {
    Map<UUID, GraphAppRole> roles = new java.util.HashMap<>();
    for (GraphPermission p : GraphPermission.values()) {
      roles.put(p.appRoleId(), p.asAppRole());
    }
    return RemediationPlan.plan(VerificationReport.builder("t.onmicrosoft.com")
        .checkedAt(Instant.parse("2026-12-02T03:00:00Z")).servicePrincipalId(BACKUP_SP)
        .graphServicePrincipal(GRAPH_SP, roles).allGranted()
        .check(RoleCheck.of(GraphPermission.AUDIT_LOG_READ_ALL, PermissionStatus.MISSING))
        .check(RoleCheck.of(GraphPermission.USER_MAIL_READ_WRITE_ALL, PermissionStatus.MISSING))
        .build());
  }

  @Test
  void aRefusedStepAndTheStepsNotSentAfterItAreAllListed() {
    RemediationPlan plan = planMissingTwo();
    GrantStep refused = new GrantStep(plan.assignments().get(0), GrantStepStatus.REFUSED, null, 403,
        "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", 1, false);
    GrantStep skipped = GrantStep.notAttempted(plan.assignments().get(1), "not sent: refused before");

    RemediationResult result = new RemediationResult(plan, List.of(refused, skipped), null);

    assertThat(result.allStepsDone()).isFalse();
    assertThat(result.isSatisfied()).isFalse();
    assertThat(result.count(GrantStepStatus.REFUSED)).isOne();
    assertThat(result.count(GrantStepStatus.NOT_ATTEMPTED)).isOne();
    assertThat(result.toString())
        .contains("REFUSED AuditLog.Read.All (HTTP 403 Authorization_RequestDenied)")
        .contains("NOT_ATTEMPTED User-Mail.ReadWrite.All: not sent");
    assertThat(result.toJson()).contains("\"status\":\"REFUSED\",\"assignmentId\":null,"
        + "\"httpStatus\":403,\"graphCode\":\"Authorization_RequestDenied\"")
        .contains("\"finalOutcome\":null");
  }

  @Test
  void stepsMustBeThePlansAssignmentsInItsOrder() {
    RemediationPlan plan = planMissingTwo();
    GrantStep second = GrantStep.notAttempted(plan.assignments().get(1), "x");
    GrantStep first = GrantStep.notAttempted(plan.assignments().get(0), "x");
    assertThatThrownBy(() -> new RemediationResult(plan, List.of(second, first), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RemediationResult(plan, List.of(first), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStepNotAttemptedCannotCountACreate() {
    PlannedAssignment a = planMissingTwo().assignments().get(0);
    assertThatThrownBy(() -> new GrantStep(a, GrantStepStatus.NOT_ATTEMPTED, null, 0, null, null, 1, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPlannedAssignmentRefusesAPrincipalThatIsItsOwnResource() {
    assertThatThrownBy(() -> new PlannedAssignment(GraphPermission.AUDIT_LOG_READ_ALL,
        UUID.randomUUID(), GRAPH_SP, GRAPH_SP.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
  }
}
