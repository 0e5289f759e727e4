package io.github.b2cpermissions;

/**
 * The text of {@link VerificationReport#toString()}: the facts on one line, one line per required
 * role, then what the grants leave out, the tiers of the held roles and the consent URL with its
 * {@code state} redacted. Built from the report's public accessors only.
 */
final class ReportText {
  private ReportText() {}

  static String of(VerificationReport r) {
    StringBuilder sb = new StringBuilder(1024);
    sb.append("VerificationReport{tenantId=").append(r.tenantId())
        .append(", outcome=").append(r.outcome())
        .append(", profile=").append(r.profile())
        .append(", tenantType=").append(r.tenantType().orElse("(not read)"))
        .append(", app=").append(r.appPresence());
    r.servicePrincipalId().ifPresent(id -> sb.append(" (servicePrincipalId=").append(id).append(')'));
    r.directoryRoleNeeded().ifPresent(role -> sb.append(", directoryRoleNeeded=").append(role));
    sb.append(", strategy=").append(r.strategy())
        .append(", checkedAt=").append(r.checkedAt())
        .append(", graphRequests=").append(r.graphRequestCount())
        .append('\n');
    for (RoleCheck c : r.roleChecks().values()) {
      role(sb, r, c);
    }
    sb.append("  excessRoles=").append(r.excessRoles()).append('\n');
    sb.append("  skippedForBackup=").append(r.skippedCapabilities(BackupOperation.BACKUP)).append('\n');
    sb.append("  heldRoleTiers=[");
    String sep = "";
    for (GraphAppRole held : r.heldRoles()) {
      sb.append(sep).append(held.value()).append(' ')
          .append(VerificationReport.privilegeOf(held).map(Object::toString).orElse("(unclassified)"));
      sep = ", ";
    }
    sb.append("]\n  tierZeroGrants=").append(r.tierZeroGrantCount());
    if (!r.narrowerRoleWouldDo().isEmpty()) {
      sb.append("\n  narrowerRoleWouldDo=").append(r.narrowerRoleWouldDo());
    }
    if (r.profile().use() == ProfileUse.BACKUP && !r.restoreNeeds().isEmpty()) {
      sb.append("\n  restoreNeeds=").append(r.restoreNeeds());
    }
    r.consentRequest().ifPresent(c -> sb.append("\n  consentUrl=").append(c.redactedUrl()));
    return sb.append('}').toString();
  }

  private static void role(StringBuilder sb, VerificationReport r, RoleCheck c) {
    sb.append("  ").append(c.status()).append(' ').append(c.role().value());
    if (c.heldAs() != null) {
      sb.append(" (held as ").append(c.heldAs().value()).append(')');
    }
    PermissionCheck catalog = B2cBackupPermission.fromAppRoleId(c.role().appRoleId())
        .map(r.checks()::get).orElse(null);
    if (catalog != null && catalog.narrowerRoleHeld() != null) {
      sb.append(" (holds narrower ").append(catalog.narrowerRoleHeld().value()).append(')');
    }
    if (c.assignmentId() != null) {
      sb.append(" [assignment ").append(c.assignmentId());
      if (c.grantedAt() != null) {
        sb.append(" since ").append(c.grantedAt());
      }
      sb.append(']');
    }
    sb.append('\n');
  }
}
