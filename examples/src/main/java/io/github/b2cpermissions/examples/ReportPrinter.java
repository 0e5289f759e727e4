package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.BackupCapability;
import io.github.b2cpermissions.BackupOperation;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionCheck;
import io.github.b2cpermissions.ProfileUse;
import io.github.b2cpermissions.RoleCheck;
import io.github.b2cpermissions.VerificationReport;
import java.io.PrintStream;
import java.util.Set;

/** Prints a verification report as a table a person can read. */
public final class ReportPrinter {
  private ReportPrinter() {}

  /**
   * Prints {@code report} to {@code out}: the outcome, one line per permission, the capabilities a
   * backup would skip, excess roles and the consent link.
   *
   * @param showConsentUrl whether to print the consent link in full (it carries the state; print it
   *     only where the admin will see it)
   */
  public static void print(VerificationReport report, PrintStream out, boolean showConsentUrl) {
    out.printf("Tenant %s (%s): %s%n", report.tenantId(),
        report.tenantType().orElse("type not read"), report.outcome());
    out.printf("  app %s, strategy %s, %d Graph request(s), checked %s%n",
        report.appPresence(), report.strategy(), report.graphRequestCount(), report.checkedAt());
    report.directoryRoleNeeded().ifPresent(role -> out.printf(
        "  Graph refused a directory read: grant %s so the grants can be confirmed%n", role));
    out.printf("  profile %s, %d tier-0 grant(s)%n", report.profile(), report.tierZeroGrantCount());
    out.printf("  %-12s %-40s %s%n", "STATUS", "PERMISSION", "NOTE");
    for (RoleCheck r : report.roleChecks().values()) {
      PermissionCheck c = B2cBackupPermission.fromAppRoleId(r.role().appRoleId())
          .map(report.checks()::get).orElse(null);
      String note = c != null && c.narrowerRole().isPresent()
          ? "holds only " + c.narrowerRole().get().value()
          : r.heldAs() != null ? "held as " + r.heldAs().value() : "";
      out.printf("  %-12s %-40s %s%n", r.status(), r.role().value(), note);
    }
    report.narrowerRoleWouldDo().forEach(f -> out.println("  least privilege: " + f));
    Set<BackupCapability> skipped = report.skippedCapabilities(BackupOperation.BACKUP);
    out.println("  backup would skip: " + (skipped.isEmpty() ? "nothing" : skipped));
    Set<BackupCapability> skippedRestore = report.skippedCapabilities(BackupOperation.RESTORE);
    out.println("  restore would skip: " + (skippedRestore.isEmpty() ? "nothing" : skippedRestore));
    if (report.profile().use() == ProfileUse.BACKUP && !report.restoreNeeds().isEmpty()) {
      out.println("  a restore needs (second app): " + report.restoreNeeds().values().stream()
          .flatMap(Set::stream).distinct().map(GraphPermission::value).toList());
    }
    if (!report.excessRoles().isEmpty()) {
      out.println("  excess roles (over-privilege): "
          + report.excessRoles().stream().map(GraphAppRole::value).toList());
    }
    report.consentRequest().ifPresent(c -> out.println("  consent URL: "
        + (showConsentUrl ? c.url().toString() : c.redactedUrl())));
  }
}
