package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.BackupCapability;
import io.github.b2cpermissions.BackupOperation;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.PermissionCheck;
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
    out.printf("  %-12s %-40s %s%n", "STATUS", "PERMISSION", "NOTE");
    for (PermissionCheck c : report.checks().values()) {
      String note = c.narrowerRole().map(r -> "holds only " + r.value()).orElse("");
      out.printf("  %-12s %-40s %s%n", c.status(), c.permission().scope(), note);
    }
    Set<BackupCapability> skipped = report.skippedCapabilities(BackupOperation.BACKUP);
    out.println("  backup would skip: " + (skipped.isEmpty() ? "nothing" : skipped));
    Set<BackupCapability> skippedRestore = report.skippedCapabilities(BackupOperation.RESTORE);
    out.println("  restore would skip: " + (skippedRestore.isEmpty() ? "nothing" : skippedRestore));
    if (!report.excessRoles().isEmpty()) {
      out.println("  excess roles (over-privilege): "
          + report.excessRoles().stream().map(GraphAppRole::value).toList());
    }
    report.consentRequest().ifPresent(c -> out.println("  consent URL: "
        + (showConsentUrl ? c.url().toString() : c.redactedUrl())));
  }
}
