package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.remediation.PlanBlocker;
import io.github.b2cpermissions.remediation.PlannedAssignment;
import io.github.b2cpermissions.remediation.RemediationPlan;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The remediation summary of {@code fleet --remediate}: one line per tenant (what it would be
 * granted, what blocks it), then the totals.
 */
final class PlanSummary {
  private PlanSummary() {}

  static void print(List<RemediationPlan> plans, PrintStream out) {
    int grants = 0;
    int toGrant = 0;
    int blocked = 0;
    int noOp = 0;
    out.println("remediation plan (dry run unless --apply):");
    for (RemediationPlan p : plans) {
      StringBuilder line = new StringBuilder("  ").append(p.tenantId()).append(": ");
      if (p.isNoOp()) {
        noOp++;
        line.append(p.propagatingRoles().isEmpty() ? "nothing to grant"
            : "nothing to grant; waiting for " + values(List.copyOf(p.propagatingRoles())));
      } else {
        if (!p.assignments().isEmpty()) {
          toGrant++;
          grants += p.assignments().size();
          line.append("grant ").append(values(
              p.assignments().stream().map(PlannedAssignment::role).toList()));
          if (p.tierZeroAssignmentCount() > 0) {
            line.append(" (").append(p.tierZeroAssignmentCount()).append(" tier 0)");
          }
        }
        if (!p.blockers().isEmpty()) {
          blocked++;
          line.append(p.assignments().isEmpty() ? "" : "; ").append("blocked: ").append(
              p.blockers().stream().map(PlanBlocker::kind).map(Enum::name)
                  .collect(Collectors.joining(", ")));
        }
      }
      if (!p.excessRoles().isEmpty()) {
        line.append("; ").append(p.excessRoles().size()).append(" excess role(s) to review");
      }
      out.println(line);
    }
    out.printf("  %d tenant(s) to grant (%d grant(s)), %d blocked, %d with nothing to grant%n",
        toGrant, grants, blocked, noOp);
  }

  private static String values(List<GraphPermission> roles) {
    return roles.stream().map(GraphPermission::value).collect(Collectors.joining(", "));
  }
}
