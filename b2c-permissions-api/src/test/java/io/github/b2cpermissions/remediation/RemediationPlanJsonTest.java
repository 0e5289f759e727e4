package io.github.b2cpermissions.remediation;

import static io.github.b2cpermissions.GraphPermission.AUDIT_LOG_READ_ALL;
import static io.github.b2cpermissions.GraphPermission.GROUP_MEMBER_READ_WRITE_ALL;
import static io.github.b2cpermissions.GraphPermission.USER_MAIL_READ_WRITE_ALL;
import static io.github.b2cpermissions.GraphPermission.USER_PHONE_READ_WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.RoleCheck;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationReportBuilder;
import io.github.b2cpermissions.VerificationStrategy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON and text forms of a plan and of an applied plan's result, field by field. */
class RemediationPlanJsonTest {
  private static final String TENANT = "contoso.onmicrosoft.com";
  private static final String BACKUP_SP = "5e0c2a6e-1111-4c1c-9a0e-000000000001";
  private static final String GRAPH_SP = "9a1f7b3d-2222-4d2d-8b1f-000000000002";
  private static final UUID UNLISTED_ID = UUID.fromString("0f0f0f0f-3333-4e3e-9c2a-000000000003");

  private static VerificationReportBuilder read() {
    Map<UUID, GraphAppRole> roles = new HashMap<>();
    for (GraphPermission p : PermissionProfile.B2C_BACKUP_AND_RESTORE.requiredRoles()) {
      if (p != USER_PHONE_READ_WRITE_ALL) {
        roles.put(p.appRoleId(), p.asAppRole());
      }
    }
    return VerificationReport.builder(TENANT).checkedAt(Instant.parse("2026-12-02T03:00:00Z"))
        .strategy(VerificationStrategy.DIRECTORY_AND_TOKEN).servicePrincipalId(BACKUP_SP)
        .graphServicePrincipal(GRAPH_SP, roles).allGranted();
  }

  /** Two roles to create, one propagating, one the tenant's Graph does not offer, one excess role. */
  private static RemediationPlan mixed() {
    return RemediationPlan.plan(read()
        .check(RoleCheck.of(AUDIT_LOG_READ_ALL, PermissionStatus.MISSING))
        .check(RoleCheck.of(GROUP_MEMBER_READ_WRITE_ALL, PermissionStatus.MISSING))
        .check(RoleCheck.of(USER_PHONE_READ_WRITE_ALL, PermissionStatus.MISSING))
        .check(RoleCheck.of(USER_MAIL_READ_WRITE_ALL, PermissionStatus.PROPAGATING))
        .excessRole(new GraphAppRole("Sites.Read.All", UNLISTED_ID, ""))
        .build());
  }

  private static String assignment(GraphPermission role, int level, boolean tierZero) {
    return "{\"role\":\"" + role.value() + "\",\"appRoleId\":\"" + role.appRoleId()
        + "\",\"principalId\":\"" + BACKUP_SP + "\",\"resourceId\":\"" + GRAPH_SP
        + "\",\"microsoftPrivilegeLevel\":" + level + ",\"tierZero\":" + tierZero + "}";
  }

  private static final String MIXED_JSON = "{\"schemaVersion\":1,\"tenantId\":\"" + TENANT
      + "\",\"profile\":\"B2C_BACKUP_AND_RESTORE\",\"profileVersion\":1,"
      + "\"outcome\":\"MISSING_PERMISSIONS\",\"checkedAt\":\"2026-12-02T03:00:00Z\","
      + "\"principalId\":\"" + BACKUP_SP + "\",\"resourceId\":\"" + GRAPH_SP + "\","
      + "\"assignments\":[" + assignment(AUDIT_LOG_READ_ALL, 3, false) + ","
      + assignment(GROUP_MEMBER_READ_WRITE_ALL, 4, true) + "],"
      + "\"propagatingRoles\":[\"User-Mail.ReadWrite.All\"],"
      + "\"excessRoles\":[{\"value\":\"Sites.Read.All\",\"id\":\"" + UNLISTED_ID + "\",\"tierZero\":false}],"
      + "\"blockers\":[{\"kind\":\"ROLE_NOT_OFFERED\",\"role\":\"User-Phone.ReadWrite.All\","
      + "\"remedy\":\"this tenant's Microsoft Graph defines no enabled app role"
      + " User-Phone.ReadWrite.All; it cannot be granted here\"}],\"consentUrl\":null}";

  @Test
  void everyMemberOfAMixedPlanIsWrittenInTheDocumentedOrder() {
    assertThat(mixed().toJson()).isEqualTo(MIXED_JSON);
  }

  @Test
  void theTextOfAMixedPlanHasOneLinePerItemAndCountsTheTierZeroAssignments() {
    RemediationPlan plan = mixed();

    assertThat(plan.tierZeroAssignmentCount()).isOne();
    assertThat(plan.isNoOp()).isFalse();
    assertThat(plan.toString()).isEqualTo("RemediationPlan{tenantId=" + TENANT
        + ", profile=B2C_BACKUP_AND_RESTORE v1, outcome=MISSING_PERMISSIONS,"
        + " checkedAt=2026-12-02T03:00:00Z, principal=" + BACKUP_SP + ", resource=" + GRAPH_SP + "\n"
        + "  GRANT AuditLog.Read.All (" + AUDIT_LOG_READ_ALL.appRoleId() + ") ms=3 tier=1 eam=ManagementPlane\n"
        + "  GRANT GroupMember.ReadWrite.All (" + GROUP_MEMBER_READ_WRITE_ALL.appRoleId()
        + ") ms=4 tier=0/Indirect eam=ControlPlane\n"
        + "  WAIT User-Mail.ReadWrite.All (assigned, not in the token yet)\n"
        + "  REVIEW excess Sites.Read.All (unclassified) (never removed automatically)\n"
        + "  BLOCKED ROLE_NOT_OFFERED User-Phone.ReadWrite.All: this tenant's Microsoft Graph defines"
        + " no enabled app role User-Phone.ReadWrite.All; it cannot be granted here\n"
        + "  tierZeroAssignments=1\n}");
  }

  @Test
  void aPlanWithoutTierZeroAssignmentsPrintsNoTierZeroCount() {
    RemediationPlan plan = RemediationPlan.plan(read()
        .check(RoleCheck.of(AUDIT_LOG_READ_ALL, PermissionStatus.MISSING)).build());

    assertThat(plan.tierZeroAssignmentCount()).isZero();
    assertThat(plan.toString()).doesNotContain("tierZeroAssignments");
  }

  @Test
  void theResultJsonCarriesThePlanEveryStepAndTheRolesStillPropagating() {
    RemediationPlan plan = mixed();
    List<PlannedAssignment> a = plan.assignments();
    GrantStep created = new GrantStep(a.get(0), GrantStepStatus.CREATED, "asg-1", 201, null, null, 1, false);
    GrantStep unclear = new GrantStep(a.get(1), GrantStepStatus.UNCONFIRMED, null, 0, null,
        "no answer\u0001 \"quoted\"\\ \n\r\t", 2, true);
    VerificationReport after = read()
        .check(RoleCheck.of(AUDIT_LOG_READ_ALL, PermissionStatus.PROPAGATING))
        .check(RoleCheck.of(USER_MAIL_READ_WRITE_ALL, PermissionStatus.PROPAGATING)).build();

    String json = new RemediationResult(plan, List.of(created, unclear), after).toJson();

    assertThat(json).isEqualTo("{\"schemaVersion\":1,\"plan\":" + MIXED_JSON + ",\"steps\":["
        + "{\"role\":\"AuditLog.Read.All\",\"status\":\"CREATED\",\"assignmentId\":\"asg-1\","
        + "\"httpStatus\":201,\"graphCode\":null,\"message\":null,\"creates\":1,\"reread\":false},"
        + "{\"role\":\"GroupMember.ReadWrite.All\",\"status\":\"UNCONFIRMED\",\"assignmentId\":null,"
        + "\"httpStatus\":0,\"graphCode\":null,"
        + "\"message\":\"no answer\\u0001 \\\"quoted\\\"\\\\ \\n\\r\\t\",\"creates\":2,\"reread\":true}],"
        + "\"finalOutcome\":\"PERMISSIONS_PROPAGATING\","
        + "\"finalPropagating\":[\"AuditLog.Read.All\",\"User-Mail.ReadWrite.All\"]}");
  }
}
