package io.github.b2cpermissions;

import static io.github.b2cpermissions.B2cBackupPermission.USER_PHONE_READ_WRITE_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.USER_READ_WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VerificationReportTest {

  private static final String TENANT = "8f0c1d2e-3a4b-4c5d-8e6f-0a1b2c3d4e5f";

  @Test
  void allGrantedIsSatisfied() {
    VerificationReport report = VerificationReport.builder(TENANT).allGranted().build();
    assertThat(report.isSatisfied()).isTrue();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
    assertThat(report.missing()).isEmpty();
    assertThat(report.skippedCapabilities(BackupOperation.BACKUP)).isEmpty();
  }

  @Test
  void newBuilderStartsWithEverythingMissing() {
    VerificationReport report = VerificationReport.builder(TENANT).build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
    assertThat(report.missing()).containsExactly(B2cBackupPermission.values());
  }

  @Test
  void oneMissingPermissionIsNotSatisfiedAndSkipsItsCapability() {
    VerificationReport report = VerificationReport.builder(TENANT)
        .granted(EnumSetHelper.allBut(USER_PHONE_READ_WRITE_ALL)).build();
    assertThat(report.isSatisfied()).isFalse();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
    assertThat(report.missing()).containsExactly(USER_PHONE_READ_WRITE_ALL);
    assertThat(report.skippedCapabilities(BackupOperation.BACKUP)).isEmpty();
    assertThat(report.skippedCapabilities(BackupOperation.RESTORE))
        .containsExactly(BackupCapability.PHONES);
  }

  @Test
  void propagatingIsNotSatisfied() {
    VerificationReport report = VerificationReport.builder(TENANT)
        .strategy(VerificationStrategy.DIRECTORY_AND_TOKEN)
        .allGranted()
        .check(PermissionCheck.of(USER_READ_WRITE_ALL, PermissionStatus.PROPAGATING))
        .build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.PERMISSIONS_PROPAGATING);
    assertThat(report.isSatisfied()).isFalse();
    assertThat(report.propagating()).containsExactly(USER_READ_WRITE_ALL);
  }

  @Test
  void propagatingWithoutATokenIsRejected() {
    assertThatThrownBy(() -> VerificationReport.builder(TENANT)
        .check(PermissionCheck.of(USER_READ_WRITE_ALL, PermissionStatus.PROPAGATING)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("PROPAGATING");
  }

  @Test
  void absentAppIsNotConsentedAndCannotHoldGrants() {
    VerificationReport report =
        VerificationReport.builder(TENANT).appPresence(AppPresence.NOT_FOUND).build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.APP_NOT_CONSENTED);
    assertThat(report.capabilities(BackupOperation.BACKUP)).isEmpty();
    assertThatThrownBy(() -> VerificationReport.builder(TENANT)
        .appPresence(AppPresence.NOT_FOUND).allGranted().build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void disabledAppIsNeverSatisfiedEvenWithEveryGrant() {
    VerificationReport report =
        VerificationReport.builder(TENANT).appPresence(AppPresence.DISABLED).allGranted().build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.APP_DISABLED);
    assertThat(report.capabilities(BackupOperation.BACKUP)).isEmpty();
  }

  @Test
  void workforceTenantIsNotAB2cTenant() {
    VerificationReport report = VerificationReport.builder(TENANT).tenantType("AAD").allGranted().build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
    assertThat(report.isSatisfied()).isFalse();
  }

  @Test
  void tokenAloneCannotBuildASatisfiedReport() {
    VerificationReportBuilder b = VerificationReport.builder(TENANT)
        .strategy(VerificationStrategy.TOKEN).appPresence(AppPresence.NOT_CHECKED)
        .tenantType(null).allGranted();
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SATISFIED");
  }

  @Test
  void unreadTenantTypeCannotBuildASatisfiedReport() {
    VerificationReportBuilder b = VerificationReport.builder(TENANT).tenantType(null).allGranted();
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has tenantType (not read) and app ENABLED");
  }

  @Test
  void unconfirmedAppCannotBuildASatisfiedReport() {
    VerificationReportBuilder b =
        VerificationReport.builder(TENANT).appPresence(AppPresence.NOT_CHECKED).allGranted();
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void unconfirmedFactsStillBuildAReportThatIsNotSatisfied() {
    VerificationReport report = VerificationReport.builder(TENANT).tenantType(null)
        .appPresence(AppPresence.NOT_CHECKED).directoryRoleNeeded("Application.Read.All")
        .allGranted().build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.DIRECTORY_UNREADABLE);
    VerificationReport missing = VerificationReport.builder(TENANT).tenantType(null)
        .appPresence(AppPresence.NOT_CHECKED).build();
    assertThat(missing.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
  }

  @Test
  void foreignTenantTypeDecidesOverEveryOtherFact() {
    VerificationReport report = VerificationReport.builder(TENANT).tenantType("CIAM")
        .appPresence(AppPresence.NOT_FOUND).directoryRoleNeeded("Application.Read.All").build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
    VerificationReport disabled = VerificationReport.builder(TENANT).tenantType("AAD")
        .appPresence(AppPresence.DISABLED).allGranted().build();
    assertThat(disabled.outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
  }

  @Test
  void absentAppDecidesOverDisabledRefusalAndMissing() {
    VerificationReport report = VerificationReport.builder(TENANT).tenantType(null)
        .appPresence(AppPresence.NOT_FOUND).directoryRoleNeeded("Application.Read.All").build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.APP_NOT_CONSENTED);
  }

  @Test
  void disabledAppDecidesOverARefusedRead() {
    VerificationReport report = VerificationReport.builder(TENANT)
        .appPresence(AppPresence.DISABLED).directoryRoleNeeded("Application.Read.All")
        .allGranted().build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.APP_DISABLED);
  }

  @Test
  void refusedReadDecidesOverMissingAndPropagating() {
    VerificationReport report = VerificationReport.builder(TENANT)
        .strategy(VerificationStrategy.DIRECTORY_AND_TOKEN)
        .check(PermissionCheck.of(B2cBackupPermission.USER_READ_WRITE_ALL, PermissionStatus.PROPAGATING))
        .directoryRoleNeeded("Organization.Read.All").build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.DIRECTORY_UNREADABLE);
    assertThat(report.directoryRoleNeeded()).contains("Organization.Read.All");
    assertThat(report.toString()).contains("directoryRoleNeeded=Organization.Read.All");
  }

  @Test
  void missingDecidesOverPropagating() {
    VerificationReport report = VerificationReport.builder(TENANT)
        .strategy(VerificationStrategy.DIRECTORY_AND_TOKEN).allGranted()
        .check(PermissionCheck.of(B2cBackupPermission.USER_READ_WRITE_ALL, PermissionStatus.PROPAGATING))
        .check(PermissionCheck.of(B2cBackupPermission.AUDIT_LOG_READ_ALL, PermissionStatus.MISSING))
        .build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
  }

  @Test
  void propagatingDecidesOverSatisfied() {
    VerificationReport report = VerificationReport.builder(TENANT)
        .strategy(VerificationStrategy.DIRECTORY_AND_TOKEN).allGranted()
        .check(PermissionCheck.of(B2cBackupPermission.USER_READ_WRITE_ALL, PermissionStatus.PROPAGATING))
        .build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.PERMISSIONS_PROPAGATING);
  }

  @Test
  void confirmedB2cTenantWithEnabledAppAndAllGrantedIsSatisfied() {
    VerificationReport report = VerificationReport.builder(TENANT).tenantType("AAD B2C")
        .appPresence(AppPresence.ENABLED).allGranted().build();
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
    assertThat(report.directoryRoleNeeded()).isEmpty();
  }

  @Test
  void unreadableDirectoryAndForeignTenantOfferNoCapabilities() {
    VerificationReport unreadable = VerificationReport.builder(TENANT)
        .directoryRoleNeeded("Application.Read.All").allGranted().build();
    VerificationReport foreign = VerificationReport.builder(TENANT).tenantType("AAD")
        .allGranted().build();
    for (VerificationReport r : java.util.List.of(unreadable, foreign)) {
      for (BackupOperation op : BackupOperation.values()) {
        assertThat(r.capabilities(op)).as(r.outcome() + " " + op).isEmpty();
      }
      assertThat(r.skippedCapabilities(BackupOperation.BACKUP))
          .containsExactlyInAnyOrderElementsOf(PermissionProfile.B2C_BACKUP_AND_RESTORE.capabilities());
    }
    VerificationReport satisfied = VerificationReport.builder(TENANT).allGranted().build();
    assertThat(satisfied.capabilities(BackupOperation.BACKUP)).isNotEmpty();
  }

  @Test
  void directoryRoleNeededMustBeARoleName() {
    VerificationReportBuilder b = VerificationReport.builder(TENANT);
    assertThatThrownBy(() -> b.directoryRoleNeeded(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.directoryRoleNeeded("Application Read"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void directoryRoleNeededTakesPartInEquality() {
    java.time.Instant at = java.time.Instant.parse("2026-01-01T00:00:00Z");
    VerificationReport a = VerificationReport.builder(TENANT).checkedAt(at).build();
    VerificationReport b = VerificationReport.builder(TENANT).checkedAt(at)
        .directoryRoleNeeded("Application.Read.All").build();
    assertThat(a).isNotEqualTo(b);
    assertThat(a).isEqualTo(VerificationReport.builder(TENANT).checkedAt(at).build());
  }

  @Test
  void narrowerRoleIsReportedOnAMissingPermission() {
    GraphAppRole userRead = USER_READ_WRITE_ALL.readCounterpart().orElseThrow();
    VerificationReport report = VerificationReport.builder(TENANT)
        .check(new PermissionCheck(USER_READ_WRITE_ALL, PermissionStatus.MISSING, userRead, null, null))
        .build();
    assertThat(report.check(USER_READ_WRITE_ALL).narrowerRole()).contains(userRead);
    assertThat(report.toString()).contains("holds narrower User.Read.All");
  }

  @Test
  void catalogRoleCannotBeReportedAsExcess() {
    assertThatThrownBy(() -> VerificationReport.builder(TENANT).excessRole(USER_READ_WRITE_ALL.asAppRole()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("User.ReadWrite.All");
  }

  @Test
  void toStringShowsTheWholeReportButNeverTheConsentState() {
    String state = "s3cr3t-state-value-0123456789";
    AdminConsentRequest consent = new AdminConsentRequest(
        URI.create("https://login.example/t/v2.0/adminconsent?client_id=a&state=" + state + "&x=1"),
        state);
    VerificationReport report = VerificationReport.builder(TENANT)
        .granted(USER_READ_WRITE_ALL)
        .excessRole(new GraphAppRole("Directory.ReadWrite.All", UUID.randomUUID(), "d"))
        .consentRequest(consent).build();
    String text = report.toString();
    assertThat(text).contains(TENANT, "MISSING_PERMISSIONS", "GRANTED User.ReadWrite.All",
        "MISSING User-Phone.ReadWrite.All", "Directory.ReadWrite.All", "state=***", "x=1");
    assertThat(text).doesNotContain(state);
    assertThat(consent.toString()).doesNotContain(state);
    assertThat(report.consentUrl()).contains(consent.url());
  }

  @Test
  void blankTenantIsRejected() {
    assertThatThrownBy(() -> VerificationReport.builder(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VerificationReport.builder(TENANT).graphRequestCount(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Small helper for "everything but". */
  static final class EnumSetHelper {
    static B2cBackupPermission[] allBut(B2cBackupPermission excluded) {
      return B2cBackupPermission.all().stream().filter(p -> p != excluded)
          .toArray(B2cBackupPermission[]::new);
    }
  }
}
