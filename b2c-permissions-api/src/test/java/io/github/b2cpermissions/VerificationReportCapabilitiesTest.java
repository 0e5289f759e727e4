package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a report tells a product it may back up or restore: nothing when the tenant is not a usable
 * B2C tenant, and for a backup every part the grants cannot cover is listed as skipped, restorable
 * or not.
 */
class VerificationReportCapabilitiesTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  /** The restorable parts of the B2C catalog: all but tenant details and audit logs. */
  private static final Set<BackupCapability> RESTORABLE = EnumSet.of(
      BackupCapability.USER_FLOWS, BackupCapability.IDENTITY_PROVIDERS, BackupCapability.APPLICATIONS,
      BackupCapability.APP_ROLE_ASSIGNMENTS, BackupCapability.USERS, BackupCapability.USER_IDENTITIES,
      BackupCapability.AUTHENTICATION_METHODS, BackupCapability.SECONDARY_MAILS, BackupCapability.PHONES,
      BackupCapability.ACCOUNT_STATE, BackupCapability.GROUP_MEMBERSHIPS, BackupCapability.DIRECTORY_ROLES);

  @Test
  void workforceTenantWithEveryGrantListsNoCapabilityAndSkipsEverything() {
    VerificationReport report = VerificationReport.builder(TENANT).tenantType("AAD").allGranted().build();

    assertThat(report.outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
    assertThat(report.capabilities(BackupOperation.BACKUP)).isEmpty();
    assertThat(report.capabilities(BackupOperation.RESTORE)).isEmpty();
    assertThat(report.skippedCapabilities(BackupOperation.BACKUP)).containsExactlyElementsOf(EnumSet.copyOf(PermissionProfile.B2C_BACKUP_AND_RESTORE.capabilities()));
    assertThat(report.skippedCapabilities(BackupOperation.RESTORE)).containsExactlyElementsOf(RESTORABLE);
    assertThat(report.toString()).contains("skippedForBackup=" + EnumSet.copyOf(PermissionProfile.B2C_BACKUP_AND_RESTORE.capabilities()));
  }

  @Test
  void ciamTenantIsNotB2cEither() {
    VerificationReport report = VerificationReport.builder(TENANT).tenantType("CIAM").allGranted().build();

    assertThat(report.outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
    assertThat(report.capabilities(BackupOperation.BACKUP)).isEmpty();
  }

  @Test
  void disabledAppListsNoCapability() {
    VerificationReport report =
        VerificationReport.builder(TENANT).appPresence(AppPresence.DISABLED).allGranted().build();

    assertThat(report.capabilities(BackupOperation.BACKUP)).isEmpty();
    assertThat(report.skippedCapabilities(BackupOperation.BACKUP)).hasSize(PermissionProfile.B2C_BACKUP_AND_RESTORE.capabilities().size());
  }

  @Test
  void absentAppListsNoCapability() {
    VerificationReport report =
        VerificationReport.builder(TENANT).appPresence(AppPresence.NOT_FOUND).build();

    assertThat(report.capabilities(BackupOperation.BACKUP)).isEmpty();
    assertThat(report.capabilities(BackupOperation.RESTORE)).isEmpty();
  }

  @Test
  void backupSkipsUnrestorablePartsThatTheGrantsCannotCover() {
    VerificationReport report = VerificationReport.builder(TENANT).allGranted()
        .check(PermissionCheck.of(B2cBackupPermission.DIRECTORY_READ_ALL, PermissionStatus.MISSING)).build();

    assertThat(report.skippedCapabilities(BackupOperation.BACKUP)).containsExactly(
        BackupCapability.GROUP_MEMBERSHIPS, BackupCapability.TENANT_DETAILS, BackupCapability.AUDIT_LOGS);
    // A restore never covers those two anyway, so they are not "skipped" by it.
    assertThat(report.skippedCapabilities(BackupOperation.RESTORE)).isEmpty();
    assertThat(report.capabilities(BackupOperation.BACKUP))
        .doesNotContain(BackupCapability.TENANT_DETAILS, BackupCapability.AUDIT_LOGS)
        .contains(BackupCapability.USERS);
  }

  @Test
  void satisfiedReportSkipsNothingAndBacksUpEverything() {
    VerificationReport report = VerificationReport.builder(TENANT).allGranted().build();

    assertThat(report.capabilities(BackupOperation.BACKUP)).containsExactlyElementsOf(EnumSet.copyOf(PermissionProfile.B2C_BACKUP_AND_RESTORE.capabilities()));
    assertThat(report.capabilities(BackupOperation.RESTORE)).containsExactlyElementsOf(RESTORABLE);
    assertThat(report.skippedCapabilities(BackupOperation.BACKUP)).isEmpty();
    assertThat(report.skippedCapabilities(BackupOperation.RESTORE)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(B2cBackupPermission.class)
  void skippedAndCoveredPartsSplitEveryCapabilityForAnyOneMissingPermission(B2cBackupPermission missing) {
    VerificationReport report =
        VerificationReport.builder(TENANT).allGranted().check(PermissionCheck.of(missing, PermissionStatus.MISSING)).build();

    for (BackupOperation op : BackupOperation.values()) {
      Set<BackupCapability> covered = report.capabilities(op);
      Set<BackupCapability> skipped = report.skippedCapabilities(op);
      assertThat(covered).allSatisfy(c -> assertThat(skipped).doesNotContain(c));
      for (BackupCapability c : PermissionProfile.B2C_BACKUP_AND_RESTORE.capabilities()) {
        boolean needsIt = c.requires(op).contains(missing);
        boolean usable = op == BackupOperation.BACKUP || c.isRestorable();
        assertThat(covered.contains(c)).as("%s %s covered", op, c).isEqualTo(usable && !needsIt);
        assertThat(skipped.contains(c)).as("%s %s skipped", op, c).isEqualTo(usable && needsIt);
      }
    }
  }

  @Test
  void nullOperationIsRejectedWhateverTheOutcome() {
    VerificationReport b2c = VerificationReport.builder(TENANT).allGranted().build();
    VerificationReport workforce = VerificationReport.builder(TENANT).tenantType("AAD").build();

    assertThatNullPointerException().isThrownBy(() -> b2c.capabilities(null));
    assertThatNullPointerException().isThrownBy(() -> workforce.capabilities(null));
    assertThatNullPointerException().isThrownBy(() -> workforce.skippedCapabilities(null));
  }
}
