package io.github.b2cpermissions.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.GraphPermission;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One assignment a plan would create: the ids it accepts and the form plans print. */
class PlannedAssignmentTest {
  private static final String BACKUP_SP = "5e0c2a6e-1111-4c1c-9a0e-000000000001";
  private static final String GRAPH_SP = "9a1f7b3d-2222-4d2d-8b1f-000000000002";
  private static final UUID AUDIT_ID = GraphPermission.AUDIT_LOG_READ_ALL.appRoleId();

  @Test
  void aBlankPrincipalOrResourceIsRefused() {
    assertThatThrownBy(() -> new PlannedAssignment(GraphPermission.AUDIT_LOG_READ_ALL, AUDIT_ID, " ", GRAPH_SP))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank");
    assertThatThrownBy(() -> new PlannedAssignment(GraphPermission.AUDIT_LOG_READ_ALL, AUDIT_ID, BACKUP_SP, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank");
  }

  @Test
  void itPrintsRoleIdPrincipalAndResource() {
    PlannedAssignment a = new PlannedAssignment(GraphPermission.AUDIT_LOG_READ_ALL, AUDIT_ID, BACKUP_SP, GRAPH_SP);
    assertThat(a).hasToString("AuditLog.Read.All (" + AUDIT_ID + ") -> principal " + BACKUP_SP
        + " on resource " + GRAPH_SP);
    assertThat(a.privilege()).isEqualTo(GraphPermission.AUDIT_LOG_READ_ALL.privilege());
  }
}
