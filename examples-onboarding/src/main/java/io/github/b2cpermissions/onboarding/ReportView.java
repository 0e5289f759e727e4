package io.github.b2cpermissions.onboarding;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.BackupCapability;
import io.github.b2cpermissions.BackupOperation;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.PrivilegeClassification;
import io.github.b2cpermissions.RoleCheck;
import io.github.b2cpermissions.VerificationReport;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the report page shows, taken from a {@link VerificationReport} once: plain strings, so the
 * template needs no knowledge of the SDK and the view can sit in the session between the callback
 * and the page.
 *
 * @param tenantId the checked tenant's id
 * @param tenantType the tenant's type as Graph reported it, or "unknown"
 * @param outcome the report's outcome, such as {@code SATISFIED}
 * @param satisfied whether the full backup can run
 * @param profile the permission profile the tenant was checked against
 * @param consentSummary what the consent callback said, safe to show
 * @param backedUp the parts of the tenant the backup will cover
 * @param skipped the parts it will skip, each with the permissions it lacks
 * @param tierZero the held roles the Azure tiering model puts in tier 0
 * @param roles every required role with its status
 */
record ReportView(
    String tenantId,
    String tenantType,
    String outcome,
    boolean satisfied,
    String profile,
    String consentSummary,
    List<String> backedUp,
    List<Skipped> skipped,
    List<TierZero> tierZero,
    List<Role> roles) implements Serializable {

  /** The session attribute the last report is kept under, between the callback and the page. */
  static final String SESSION_KEY = ReportView.class.getName();

  /**
   * A part the backup skips.
   *
   * @param part the part's name
   * @param lacks the permissions it still needs, comma-separated
   */
  record Skipped(String part, String lacks) implements Serializable {}

  /**
   * A held tier-0 role.
   *
   * @param role the Graph role's value
   * @param classification its privilege classification in short form
   */
  record TierZero(String role, String classification) implements Serializable {}

  /**
   * One required role.
   *
   * @param role the Graph role's value
   * @param status its status, such as {@code GRANTED}
   */
  record Role(String role, String status) implements Serializable {}

  /** Reads what the page shows from {@code report}, with the callback's {@code consentSummary}. */
  static ReportView of(VerificationReport report, String consentSummary) {
    List<String> backedUp = report.capabilities(BackupOperation.BACKUP).stream()
        .map(ReportView::label).toList();
    List<Skipped> skipped = report.skippedCapabilities(BackupOperation.BACKUP).stream()
        .map(c -> new Skipped(label(c), lacks(c, report)))
        .toList();
    List<TierZero> tierZero = report.heldRoles().stream()
        .filter(r -> VerificationReport.privilegeOf(r).map(PrivilegeClassification::isTierZero).orElse(false))
        .map(r -> new TierZero(r.value(), classification(r)))
        .toList();
    List<Role> roles = report.roleChecks().values().stream()
        .map(ReportView::role)
        .toList();
    return new ReportView(
        report.tenantId(),
        report.tenantType().orElse("unknown"),
        report.outcome().name(),
        report.isSatisfied(),
        report.profile().toString(),
        consentSummary,
        backedUp,
        skipped,
        tierZero,
        roles);
  }

  private static String lacks(BackupCapability part, VerificationReport report) {
    if (!part.inB2cCatalog()) {
      return "not covered by the B2C permission catalog";
    }
    String missing = part.missingFor(BackupOperation.BACKUP, report.granted()).stream()
        .map(B2cBackupPermission::scope)
        .collect(Collectors.joining(", "));
    return missing.isEmpty() ? "nothing (skipped because of the outcome " + report.outcome() + ")" : missing;
  }

  private static String classification(GraphAppRole role) {
    return VerificationReport.privilegeOf(role).map(PrivilegeClassification::toString).orElse("-");
  }

  private static Role role(RoleCheck check) {
    return new Role(check.role().value(), check.status().name());
  }

  /** {@code USER_FLOWS} as "User flows". */
  static String label(Enum<?> constant) {
    String words = constant.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
