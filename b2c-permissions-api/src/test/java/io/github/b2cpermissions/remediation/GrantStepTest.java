package io.github.b2cpermissions.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.GraphPermission;
import org.junit.jupiter.api.Test;

/** One step of an applied plan: what it accepts, when it counts as done, and the line it prints. */
class GrantStepTest {
  private static final PlannedAssignment AUDIT = new PlannedAssignment(GraphPermission.AUDIT_LOG_READ_ALL,
      GraphPermission.AUDIT_LOG_READ_ALL.appRoleId(), "5e0c2a6e-1111-4c1c-9a0e-000000000001",
      "9a1f7b3d-2222-4d2d-8b1f-000000000002");

  private static GrantStep step(GrantStepStatus status, int httpStatus, int creates) {
    return new GrantStep(AUDIT, status, null, httpStatus, null, null, creates, false);
  }

  @Test
  void aNegativeCreateCountOrHttpStatusIsRefused() {
    assertThatThrownBy(() -> step(GrantStepStatus.CREATED, 201, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> step(GrantStepStatus.REFUSED, -1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    assertThat(step(GrantStepStatus.UNCONFIRMED, 0, 0).httpStatus()).isZero();
  }

  @Test
  void createdAndAlreadyPresentAreDoneAndTheOthersAreNot() {
    assertThat(step(GrantStepStatus.CREATED, 201, 1).isDone()).isTrue();
    assertThat(step(GrantStepStatus.ALREADY_PRESENT, 409, 1).isDone()).isTrue();
    assertThat(step(GrantStepStatus.REFUSED, 403, 1).isDone()).isFalse();
    assertThat(step(GrantStepStatus.UNCONFIRMED, 0, 1).isDone()).isFalse();
    assertThat(GrantStep.notAttempted(AUDIT, "not sent").isDone()).isFalse();
  }

  @Test
  void graphsErrorCodeIsOfferedOnlyWhenGraphGaveOne() {
    GrantStep refused = new GrantStep(AUDIT, GrantStepStatus.REFUSED, null, 403,
        "Authorization_RequestDenied", "Insufficient privileges", 1, false);
    assertThat(refused.errorCode()).contains("Authorization_RequestDenied");
    assertThat(step(GrantStepStatus.CREATED, 201, 1).errorCode()).isEmpty();
  }

  @Test
  void theLineNamesTheAssignmentIdAndAReReadWithTheCreatesSent() {
    GrantStep created = new GrantStep(AUDIT, GrantStepStatus.CREATED, "asg-1", 201, null, null, 2, true);
    assertThat(created).hasToString("CREATED AuditLog.Read.All [assignment asg-1]"
        + " (re-read after an unclear answer; creates sent: 2)");
    GrantStep present = new GrantStep(AUDIT, GrantStepStatus.ALREADY_PRESENT, "asg-2", 409,
        "Request_BadRequest", null, 1, false);
    assertThat(present).hasToString("ALREADY_PRESENT AuditLog.Read.All [assignment asg-2]"
        + " (HTTP 409 Request_BadRequest)");
    assertThat(step(GrantStepStatus.UNCONFIRMED, 0, 1)).hasToString("UNCONFIRMED AuditLog.Read.All");
  }
}
