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

  private static VerificationReport finalReport(PermissionStatus audit) {
    Map<UUID, GraphAppRole> roles = new java.util.HashMap<>();
    for (GraphPermission p : GraphPermission.values()) {
      roles.put(p.appRoleId(), p.asAppRole());
    }
    return VerificationReport.builder("t.onmicrosoft.com")
        .checkedAt(Instant.parse("2026-12-02T03:05:00Z")).servicePrincipalId(BACKUP_SP)
        .strategy(io.github.b2cpermissions.VerificationStrategy.DIRECTORY_AND_TOKEN)
        .graphServicePrincipal(GRAPH_SP, roles).allGranted()
        .check(RoleCheck.of(GraphPermission.AUDIT_LOG_READ_ALL, audit)).build();
  }

  private static List<GrantStep> created(RemediationPlan plan) {
    return plan.assignments().stream()
        .map(a -> new GrantStep(a, GrantStepStatus.CREATED, "asg-" + a.role().name(), 201, null, null, 1, false))
        .toList();
  }

  @Test
  void everyStepCreatedAndASatisfiedFinalCheckMakeASatisfiedResult() {
    RemediationPlan plan = planMissingTwo();
    VerificationReport after = finalReport(PermissionStatus.GRANTED);

    RemediationResult result = new RemediationResult(plan, created(plan), after);

    assertThat(result.allStepsDone()).isTrue();
    assertThat(result.finalReport()).containsSame(after);
    assertThat(result.isSatisfied()).isTrue();
    assertThat(result.toString()).contains("created=2, alreadyPresent=0").contains("finalOutcome=SATISFIED")
        .doesNotContain("propagating=").doesNotContain("BLOCKED");
  }

  @Test
  void aFinalCheckThatIsNotSatisfiedLeavesTheResultUnsatisfiedAndNamesWhatStillPropagates() {
    RemediationPlan plan = planMissingTwo();

    RemediationResult result =
        new RemediationResult(plan, created(plan), finalReport(PermissionStatus.PROPAGATING));

    assertThat(result.allStepsDone()).isTrue();
    assertThat(result.isSatisfied()).isFalse();
    assertThat(result.toString()).contains("finalOutcome=PERMISSIONS_PROPAGATING")
        .contains("\n  propagating=[AUDIT_LOG_READ_ALL]\n");
  }

  @Test
  void theBlockersOfTheAppliedPlanArePrintedWithTheirRemedy() {
    RemediationPlan blocked = RemediationPlan.plan(VerificationReport.builder("t.onmicrosoft.com")
        .appPresence(io.github.b2cpermissions.AppPresence.DISABLED).build());

    RemediationResult result = new RemediationResult(blocked, List.of(), null);

    assertThat(result.toString()).contains("finalOutcome=(not checked)")
        .contains("\n  BLOCKED APP_DISABLED: the backup app's service principal is disabled");
    assertThat(result.allStepsDone()).isTrue();
    assertThat(result.isSatisfied()).isFalse();
    assertThat(result.finalReport()).isEmpty();
  }

  @Test
  void resultsAreEqualExactlyWhenPlanStepsAndFinalReportAre() {
    RemediationPlan plan = planMissingTwo();
    VerificationReport after = finalReport(PermissionStatus.GRANTED);
    RemediationResult result = new RemediationResult(plan, created(plan), after);
    RemediationResult same = new RemediationResult(planMissingTwo(), created(plan), after);
    List<GrantStep> otherSteps = List.of(created(plan).get(0),
        GrantStep.notAttempted(plan.assignments().get(1), "stopped"));

    assertThat(result).isEqualTo(result).isEqualTo(same).hasSameHashCodeAs(same)
        .isNotEqualTo(new RemediationResult(plan, otherSteps, after))
        .isNotEqualTo(new RemediationResult(plan, created(plan), null))
        .isNotEqualTo(new RemediationResult(plan, created(plan), finalReport(PermissionStatus.PROPAGATING)))
        .isNotEqualTo(plan).isNotEqualTo(null);
    assertThat(result.hashCode()).isNotEqualTo(new RemediationResult(plan, otherSteps, after).hashCode());
    RemediationPlan otherPlan = RemediationPlan.plan(finalReport(PermissionStatus.MISSING));
    assertThat(result).isNotEqualTo(new RemediationResult(otherPlan, created(otherPlan), after));
  }
}
