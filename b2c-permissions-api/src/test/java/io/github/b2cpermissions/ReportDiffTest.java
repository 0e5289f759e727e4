package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportDiffTest {
  private static final String TENANT = "contoso.onmicrosoft.com";

  private static VerificationReportBuilder satisfied(PermissionProfile profile) {
    return VerificationReport.builder(TENANT).profile(profile)
        .tenantType(VerificationReport.B2C_TENANT_TYPE).appPresence(AppPresence.ENABLED)
        .strategy(VerificationStrategy.DIRECTORY_AND_TOKEN).allGranted();
  }

  @Test
  void twoReportsWithTheSameFactsHaveNoDrift() {
    ReportDiff diff = ReportDiff.between(satisfied(PermissionProfile.B2C_BACKUP_AND_RESTORE)
        .graphRequestCount(3).build(), satisfied(PermissionProfile.B2C_BACKUP_AND_RESTORE)
        .graphRequestCount(1).build());

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.toString()).contains("no change");
  }

  @Test
  void aRevokedRoleIsReportedWithTheOutcomeChange() {
    VerificationReport before = satisfied(PermissionProfile.B2C_BACKUP_AND_RESTORE).build();
    VerificationReport after = satisfied(PermissionProfile.B2C_BACKUP_AND_RESTORE)
        .check(PermissionCheck.of(B2cBackupPermission.AUDIT_LOG_READ_ALL, PermissionStatus.MISSING))
        .build();

    ReportDiff diff = ReportDiff.between(before, after);

    assertThat(diff.revoked()).extracting(GraphAppRole::value).containsExactly("AuditLog.Read.All");
    assertThat(diff.newlyGranted()).isEmpty();
    assertThat(diff.outcomeChanged()).isTrue();
    assertThat(diff.outcomeBefore()).isEqualTo(VerificationOutcome.SATISFIED);
    assertThat(diff.outcomeAfter()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
    assertThat(diff.isEmpty()).isFalse();
    assertThat(diff.toString()).contains("revoked [AuditLog.Read.All]");
  }

  @Test
  void aNewGrantAndANewlyPropagatingRoleAreReported() {
    VerificationReport before = satisfied(PermissionProfile.B2C_BACKUP_AND_RESTORE)
        .check(PermissionCheck.of(B2cBackupPermission.AUDIT_LOG_READ_ALL, PermissionStatus.MISSING))
        .check(PermissionCheck.of(B2cBackupPermission.USER_READ_WRITE_ALL, PermissionStatus.MISSING))
        .build();
    VerificationReport after = satisfied(PermissionProfile.B2C_BACKUP_AND_RESTORE)
        .check(PermissionCheck.of(B2cBackupPermission.USER_READ_WRITE_ALL,
            PermissionStatus.PROPAGATING))
        .build();

    ReportDiff diff = ReportDiff.between(before, after);

    assertThat(diff.newlyGranted()).extracting(GraphAppRole::value)
        .containsExactlyInAnyOrder("AuditLog.Read.All", "User.ReadWrite.All");
    assertThat(diff.newlyPropagating()).containsExactly(GraphPermission.USER_READ_WRITE_ALL);
    assertThat(diff.outcomeAfter()).isEqualTo(VerificationOutcome.PERMISSIONS_PROPAGATING);
  }

  @Test
  void aTierZeroExcessRoleAppearingIsReportedAsATierZeroGrant() {
    VerificationReport before = satisfied(PermissionProfile.B2C_BACKUP_ONLY).build();
    VerificationReport after = satisfied(PermissionProfile.B2C_BACKUP_ONLY)
        .excessRole(GraphPermission.APP_ROLE_ASSIGNMENT_READ_WRITE_ALL.asAppRole()).build();

    ReportDiff diff = ReportDiff.between(before, after);

    assertThat(diff.tierZeroGranted()).extracting(GraphAppRole::value)
        .containsExactly("AppRoleAssignment.ReadWrite.All");
    assertThat(diff.newlyGranted()).hasSize(1);
    assertThat(diff.outcomeChanged()).isFalse();
    assertThat(diff.revoked()).isEmpty();
  }

  @Test
  void movingToAProfileThatRequiresMoreNamesTheNewlyRequiredRolesAndTheEarlierVersion() {
    VerificationReport before = satisfied(PermissionProfile.B2C_BACKUP_ONLY).build();
    VerificationReport after = satisfied(PermissionProfile.B2C_BACKUP_AND_RESTORE)
        .check(PermissionCheck.of(B2cBackupPermission.USER_MANAGE_IDENTITIES_ALL,
            PermissionStatus.MISSING)).build();

    ReportDiff diff = ReportDiff.between(before, after);

    assertThat(diff.profileChanged()).isTrue();
    assertThat(diff.sinceProfileVersion()).contains(PermissionProfile.B2C_BACKUP_ONLY.version());
    assertThat(diff.newlyRequired()).contains(GraphPermission.USER_MANAGE_IDENTITIES_ALL,
        GraphPermission.USER_READ_WRITE_ALL).doesNotContain(GraphPermission.AUDIT_LOG_READ_ALL);
  }

  @Test
  void theSameProfileRequiresNothingNew() {
    ReportDiff diff = ReportDiff.between(satisfied(PermissionProfile.B2C_BACKUP_ONLY).build(),
        satisfied(PermissionProfile.B2C_BACKUP_ONLY).build());

    assertThat(diff.profileChanged()).isFalse();
    assertThat(diff.newlyRequired()).isEmpty();
    assertThat(diff.sinceProfileVersion()).isEmpty();
  }

  @Test
  void reportsOfTwoTenantsCannotBeDiffedButCaseDoesNotMatter() {
    VerificationReport contoso = satisfied(PermissionProfile.B2C_BACKUP_ONLY).build();
    VerificationReport upper = VerificationReport.builder(TENANT.toUpperCase(java.util.Locale.ROOT))
        .profile(PermissionProfile.B2C_BACKUP_ONLY).tenantType(VerificationReport.B2C_TENANT_TYPE)
        .appPresence(AppPresence.ENABLED).allGranted().build();
    VerificationReport other = VerificationReport.builder("fabrikam.onmicrosoft.com").build();

    assertThat(ReportDiff.between(contoso, upper).isEmpty()).isTrue();
    assertThatThrownBy(() -> ReportDiff.between(contoso, other))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one tenant");
  }

  @Test
  void aRoleThatStartsPropagatingIsNamedButOneStillPropagatingIsNot() {
    VerificationReport before = satisfied(PermissionProfile.B2C_BACKUP_AND_RESTORE)
        .check(PermissionCheck.of(B2cBackupPermission.AUDIT_LOG_READ_ALL, PermissionStatus.MISSING))
        .check(PermissionCheck.of(B2cBackupPermission.USER_READ_WRITE_ALL, PermissionStatus.PROPAGATING))
        .build();
    VerificationReport after = satisfied(PermissionProfile.B2C_BACKUP_AND_RESTORE)
        .check(PermissionCheck.of(B2cBackupPermission.AUDIT_LOG_READ_ALL, PermissionStatus.PROPAGATING))
        .check(PermissionCheck.of(B2cBackupPermission.USER_READ_WRITE_ALL, PermissionStatus.PROPAGATING))
        .build();

    ReportDiff diff = ReportDiff.between(before, after);

    assertThat(diff.newlyPropagating()).containsExactly(GraphPermission.AUDIT_LOG_READ_ALL);
    assertThat(diff.tenantId()).isEqualTo(TENANT);
    assertThat(diff.toString()).isEqualTo("ReportDiff{" + TENANT
        + ", outcome MISSING_PERMISSIONS -> PERMISSIONS_PROPAGATING, granted [AuditLog.Read.All],"
        + " propagating [AuditLog.Read.All]}");
  }

  @Test
  void theSummaryNamesTierZeroGrantsAndTheRolesNewlyRequiredSinceTheEarlierProfile() {
    VerificationReport before = satisfied(PermissionProfile.B2C_BACKUP_ONLY).build();
    VerificationReport after = satisfied(PermissionProfile.B2C_BACKUP_ONLY)
        .excessRole(GraphPermission.APP_ROLE_ASSIGNMENT_READ_WRITE_ALL.asAppRole()).build();
    VerificationReport moved = VerificationReport.builder(TENANT.toUpperCase(java.util.Locale.ROOT))
        .profile(PermissionProfile.EXTERNAL_ID_BACKUP_ONLY).tenantType("CIAM").allGranted().build();

    String tierZero = ReportDiff.between(before, after).toString();
    ReportDiff profileMove = ReportDiff.between(before, moved);

    assertThat(tierZero).isEqualTo("ReportDiff{" + TENANT + ", granted [AppRoleAssignment.ReadWrite.All],"
        + " tier-0 granted [AppRoleAssignment.ReadWrite.All]}");
    assertThat(profileMove.tenantId()).isEqualTo(TENANT.toUpperCase(java.util.Locale.ROOT));
    assertThat(profileMove.toString()).doesNotContain("outcome ")
        .contains(", newly required since B2C_BACKUP_ONLY v1 [")
        .contains(profileMove.newlyRequired().iterator().next().value());
  }
}
