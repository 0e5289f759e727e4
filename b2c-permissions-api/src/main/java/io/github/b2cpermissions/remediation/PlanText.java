package io.github.b2cpermissions.remediation;

import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.VerificationReport;

/** The text of {@link RemediationPlan#toString()}: a header line, then one line per item. */
final class PlanText {
  private PlanText() {}

  static String of(RemediationPlan p) {
    StringBuilder sb = new StringBuilder(512);
    sb.append("RemediationPlan{tenantId=").append(p.tenantId())
        .append(", profile=").append(p.profile())
        .append(", outcome=").append(p.outcome())
        .append(", checkedAt=").append(p.checkedAt())
        .append(", principal=").append(p.principalId().orElse("(not read)"))
        .append(", resource=").append(p.resourceId().orElse("(not read)"))
        .append('\n');
    if (p.isNoOp()) {
      sb.append("  nothing to grant\n");
    }
    for (PlannedAssignment a : p.assignments()) {
      sb.append("  GRANT ").append(a.role().value()).append(" (").append(a.appRoleId()).append(") ")
          .append(a.privilege()).append('\n');
    }
    p.propagatingRoles().forEach(r -> sb.append("  WAIT ").append(r.value())
        .append(" (assigned, not in the token yet)\n"));
    for (GraphAppRole r : p.excessRoles()) {
      sb.append("  REVIEW excess ").append(r.value()).append(' ')
          .append(VerificationReport.privilegeOf(r).map(Object::toString).orElse("(unclassified)"))
          .append(" (never removed automatically)\n");
    }
    for (PlanBlocker b : p.blockers()) {
      sb.append("  BLOCKED ").append(b.kind());
      b.roleConcerned().ifPresent(r -> sb.append(' ').append(r.value()));
      sb.append(": ").append(b.remedy()).append('\n');
    }
    p.consentRequest().ifPresent(c -> sb.append("  consentUrl=").append(c.redactedUrl()).append('\n'));
    if (p.tierZeroAssignmentCount() > 0) {
      sb.append("  tierZeroAssignments=").append(p.tierZeroAssignmentCount()).append('\n');
    }
    return sb.append('}').toString();
  }
}
