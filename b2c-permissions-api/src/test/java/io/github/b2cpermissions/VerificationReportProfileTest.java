package io.github.b2cpermissions;

import static io.github.b2cpermissions.PermissionProfile.B2C_BACKUP_AND_RESTORE;
import static io.github.b2cpermissions.PermissionProfile.B2C_BACKUP_ONLY;
import static io.github.b2cpermissions.PermissionProfile.EXTERNAL_ID_BACKUP_AND_RESTORE;
import static io.github.b2cpermissions.PermissionProfile.EXTERNAL_ID_BACKUP_ONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationReportProfileTest {
  private static final String TENANT = "contoso.onmicrosoft.com";

  @Test
  void theDefaultReportIsTheFourteenPermissionB2cCheckWithSevenTierZeroGrants() {
    VerificationReport report = VerificationReport.builder(TENANT).allGranted().build();
    assertThat(report.profile()).isSameAs(B2C_BACKUP_AND_RESTORE);
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
    assertThat(report.checks()).hasSize(14);
    assertThat(report.roleChecks()).hasSize(14);
    assertThat(report.heldRoles()).hasSize(14);
    assertThat(report.tierZeroGrantCount()).isEqualTo(7);
    assertThat(report.narrowerRoleWouldDo()).isEmpty();
    assertThat(report.restoreNeeds()).isEmpty();
    assertThat(report.toString()).contains("profile=B2C_BACKUP_AND_RESTORE v1")
        .contains("tierZeroGrants=7").contains("User.ReadWrite.All ms=4 tier=0/Indirect eam=ControlPlane");
  }

  @Test
  void backupOnlyTenantIsSatisfiedForBackupAndNamesWhatARestoreNeeds() {
    VerificationReport report =
        VerificationReport.builder(TENANT).profile(B2C_BACKUP_ONLY).allGranted().build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
    assertThat(report.capabilities(BackupOperation.BACKUP)).isEqualTo(B2C_BACKUP_ONLY.capabilities());
    assertThat(report.capabilities(BackupOperation.RESTORE)).isEmpty();
    assertThat(report.skippedCapabilities(BackupOperation.RESTORE))
        .isEqualTo(B2C_BACKUP_ONLY.coverable(BackupOperation.RESTORE));
    assertThat(report.restoreNeeds()).containsOnlyKeys(B2C_BACKUP_ONLY.coverable(BackupOperation.RESTORE));
    assertThat(report.restoreNeeds().get(BackupCapability.USER_IDENTITIES)).containsExactly(
        GraphPermission.USER_READ_WRITE_ALL, GraphPermission.USER_MANAGE_IDENTITIES_ALL);
    assertThat(report.tierZeroGrantCount()).isZero();
    assertThat(report.checks()).containsOnlyKeys(
        B2cBackupPermission.AUDIT_LOG_READ_ALL, B2cBackupPermission.DIRECTORY_READ_ALL);
    assertThat(report.toString()).contains("profile=B2C_BACKUP_ONLY v1").contains("restoreNeeds=");
  }

  @Test
  void aBroaderRoleHeldForABackupOnlyProfileSatisfiesItAndIsReportedAsMoreThanNeeded() {
    VerificationReport report = VerificationReport.builder(TENANT).profile(B2C_BACKUP_ONLY).allGranted()
        .check(new RoleCheck(GraphPermission.USER_READ_ALL, PermissionStatus.GRANTED,
            GraphPermission.USER_READ_WRITE_ALL, "asg-9", null))
        .build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
    assertThat(report.narrowerRoleWouldDo()).containsExactly(
        new NarrowerRoleFinding(GraphPermission.USER_READ_WRITE_ALL, GraphPermission.USER_READ_ALL));
    assertThat(report.narrowerRoleWouldDo().get(0))
        .hasToString("holds User.ReadWrite.All; the profile needs User.Read.All");
    assertThat(report.tierZeroGrantCount()).isEqualTo(1);
    assertThat(report.capabilities(BackupOperation.RESTORE)).containsExactly(BackupCapability.USERS);
    assertThat(report.heldRoles()).extracting(GraphAppRole::value).contains("User.ReadWrite.All")
        .doesNotContain("User.Read.All");
  }

  @Test
  void excessTierZeroRolesCountAndANarrowerFindingComesFromAnExcessRoleToo() {
    VerificationReport report = VerificationReport.builder(TENANT).profile(B2C_BACKUP_ONLY).allGranted()
        .excessRole(GraphPermission.GROUP_MEMBER_READ_WRITE_ALL.asAppRole())
        .excessRole(GraphPermission.ROLE_MANAGEMENT_READ_WRITE_DIRECTORY.asAppRole())
        .excessRole(new GraphAppRole("Some.Unknown.Role", java.util.UUID.randomUUID(), ""))
        .build();
    assertThat(report.tierZeroGrantCount()).isEqualTo(2);
    assertThat(report.narrowerRoleWouldDo()).extracting(NarrowerRoleFinding::enough).containsExactly(
        GraphPermission.GROUP_MEMBER_READ_ALL, GraphPermission.ROLE_MANAGEMENT_READ_DIRECTORY);
    assertThat(VerificationReport.privilegeOf(report.excessRoles().get(2))).isEmpty();
    assertThat(report.toString()).contains("Some.Unknown.Role (unclassified)");
  }

  @Test
  void anExternalIdProfileIsSatisfiedOnlyForAConfirmedCiamTenant() {
    for (PermissionProfile p : List.of(EXTERNAL_ID_BACKUP_AND_RESTORE, EXTERNAL_ID_BACKUP_ONLY)) {
      VerificationReport ciam = VerificationReport.builder(TENANT).profile(p).allGranted().build();
      assertThat(ciam.tenantType()).contains("CIAM");
      assertThat(ciam.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(ciam.capabilities(BackupOperation.BACKUP)).contains(BackupCapability.COMPANY_BRANDING);
      VerificationReport b2c =
          VerificationReport.builder(TENANT).profile(p).tenantType("AAD B2C").allGranted().build();
      assertThat(b2c.outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
      assertThat(b2c.capabilities(BackupOperation.BACKUP)).isEmpty();
      assertThatThrownBy(() -> VerificationReport.builder(TENANT).profile(p).tenantType(null).allGranted().build())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("CIAM");
      assertThatThrownBy(() -> VerificationReport.builder(TENANT).profile(p).allGranted()
          .appPresence(AppPresence.NOT_CHECKED).build()).isInstanceOf(IllegalStateException.class);
    }
    VerificationReport ciamAgainstB2c = VerificationReport.builder(TENANT).tenantType("CIAM").allGranted().build();
    assertThat(ciamAgainstB2c.outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
  }

  @Test
  void aWorkforceTenantIsNeverSatisfiedWhateverTheProfile() {
    for (PermissionProfile p : PermissionProfile.all()) {
      VerificationReport r = VerificationReport.builder(TENANT).profile(p).tenantType("AAD").allGranted().build();
      assertThat(r.outcome()).as(p.toString()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
      assertThat(r.capabilities(BackupOperation.BACKUP)).isEmpty();
    }
  }

  @Test
  void aMissingExternalIdOnlyRoleBlocksOnlyItsPart() {
    VerificationReport r = VerificationReport.builder(TENANT).profile(EXTERNAL_ID_BACKUP_AND_RESTORE)
        .allGranted().check(RoleCheck.of(GraphPermission.EVENT_LISTENER_READ_WRITE_ALL, PermissionStatus.MISSING))
        .build();
    assertThat(r.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
    assertThat(r.missingRoles()).containsExactly(GraphPermission.EVENT_LISTENER_READ_WRITE_ALL);
    assertThat(r.missing()).isEmpty();
    assertThat(r.skippedCapabilities(BackupOperation.BACKUP)).containsExactly(BackupCapability.USER_FLOWS);
    assertThat(r.roleStatus(GraphPermission.EVENT_LISTENER_READ_WRITE_ALL)).isEqualTo(PermissionStatus.MISSING);
    assertThat(r.checks()).hasSize(14);
  }

  @Test
  void checksAndExcessRolesMustFitTheProfile() {
    assertThatThrownBy(() -> VerificationReport.builder(TENANT).profile(B2C_BACKUP_ONLY)
        .granted(B2cBackupPermission.USER_READ_WRITE_ALL).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("excess role");
    assertThatThrownBy(() -> VerificationReport.builder(TENANT)
        .excessRole(GraphPermission.USER_READ_WRITE_ALL.asAppRole()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VerificationReport.builder(TENANT)
        .excessRole(GraphPermission.USER_READ_ALL.asAppRole()).profile(B2C_BACKUP_ONLY).allGranted().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not an excess role");
    VerificationReport backupOnly = VerificationReport.builder(TENANT).profile(B2C_BACKUP_ONLY).allGranted().build();
    assertThatThrownBy(() -> backupOnly.roleStatus(GraphPermission.USER_READ_WRITE_ALL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> backupOnly.check(B2cBackupPermission.USER_READ_WRITE_ALL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RoleCheck(GraphPermission.USER_READ_ALL, PermissionStatus.MISSING,
        GraphPermission.USER_READ_WRITE_ALL, null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RoleCheck(GraphPermission.USER_READ_ALL, PermissionStatus.GRANTED,
        GraphPermission.DIRECTORY_READ_WRITE_ALL, null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NarrowerRoleFinding(GraphPermission.USER_READ_WRITE_ALL,
        GraphPermission.GROUP_MEMBER_READ_ALL)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportsOfDifferentProfilesAreNotEqual() {
    java.time.Instant at = java.time.Instant.parse("2026-12-01T00:00:00Z");
    VerificationReport full = VerificationReport.builder(TENANT).allGranted().checkedAt(at).build();
    VerificationReport again = VerificationReport.builder(TENANT).allGranted().checkedAt(at).build();
    VerificationReport only = VerificationReport.builder(TENANT).profile(B2C_BACKUP_ONLY).allGranted()
        .checkedAt(at).build();
    assertThat(full).isEqualTo(again).hasSameHashCodeAs(again).isNotEqualTo(only);
  }
}
