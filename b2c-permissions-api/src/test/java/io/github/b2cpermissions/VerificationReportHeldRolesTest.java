package io.github.b2cpermissions;

import static io.github.b2cpermissions.PermissionProfile.B2C_BACKUP_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Which roles a report says the app holds, and what a restore or its text makes of them. */
class VerificationReportHeldRolesTest {
  private static final String TENANT = "contoso.onmicrosoft.com";

  @Test
  void theGrantedRolesAndPermissionsLeaveOutTheMissingOnes() {
    VerificationReport report = VerificationReport.builder(TENANT).allGranted()
        .check(PermissionCheck.of(B2cBackupPermission.AUDIT_LOG_READ_ALL, PermissionStatus.MISSING))
        .build();

    EnumSet<GraphPermission> expectedRoles =
        EnumSet.copyOf(PermissionProfile.B2C_BACKUP_AND_RESTORE.requiredRoles());
    expectedRoles.remove(GraphPermission.AUDIT_LOG_READ_ALL);
    assertThat(report.grantedRoles()).containsExactlyElementsOf(expectedRoles);
    EnumSet<B2cBackupPermission> expected = EnumSet.allOf(B2cBackupPermission.class);
    expected.remove(B2cBackupPermission.AUDIT_LOG_READ_ALL);
    assertThat(report.granted()).containsExactlyElementsOf(expected);
  }

  @Test
  void aNarrowerRoleHeldInPlaceOfAMissingOneIsAHeldRole() {
    GraphAppRole userRead = B2cBackupPermission.USER_READ_WRITE_ALL.readCounterpart().orElseThrow();
    VerificationReport report = VerificationReport.builder(TENANT).allGranted()
        .check(new PermissionCheck(B2cBackupPermission.USER_READ_WRITE_ALL, PermissionStatus.MISSING,
            userRead, null, null))
        .build();

    assertThat(report.heldRoles()).extracting(GraphAppRole::value).contains("User.Read.All")
        .doesNotContain("User.ReadWrite.All");
  }

  @Test
  void anExcessRoleCountsTowardsWhatARestoreCanCover() {
    VerificationReport report = VerificationReport.builder(TENANT).profile(B2C_BACKUP_ONLY).allGranted()
        .excessRole(GraphPermission.USER_READ_WRITE_ALL.asAppRole()).build();

    assertThat(report.capabilities(BackupOperation.RESTORE)).containsExactly(BackupCapability.USERS);
    assertThat(VerificationReport.builder(TENANT).profile(B2C_BACKUP_ONLY).allGranted().build()
        .capabilities(BackupOperation.RESTORE)).isEmpty();
  }

  @Test
  void theTextNamesTheBroaderRoleARequiredOneIsHeldAsAndTheNarrowerRoleThatWouldDo() {
    VerificationReport report = VerificationReport.builder(TENANT).profile(B2C_BACKUP_ONLY).allGranted()
        .check(new RoleCheck(GraphPermission.USER_READ_ALL, PermissionStatus.GRANTED,
            GraphPermission.USER_READ_WRITE_ALL, null, null))
        .build();

    assertThat(report.toString()).contains("  GRANTED User.Read.All (held as User.ReadWrite.All)\n")
        .contains("\n  narrowerRoleWouldDo=[holds User.ReadWrite.All; the profile needs User.Read.All]");
    assertThat(VerificationReport.builder(TENANT).profile(B2C_BACKUP_ONLY).allGranted().build()
        .toString()).doesNotContain("held as").doesNotContain("narrowerRoleWouldDo");
  }
}
