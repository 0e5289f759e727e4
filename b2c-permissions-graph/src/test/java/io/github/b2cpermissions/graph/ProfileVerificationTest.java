package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.BackupCapability;
import io.github.b2cpermissions.BackupOperation;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.TenantKind;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeGraphTenantBuilder;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Profiles per tenant kind on the testkit fake: each tenant is judged by its own kind's profile,
 * detected from the organization's {@code tenantType} in the check's one {@code $batch}.
 */
class ProfileVerificationTest {
  private static FakeGraph server;

  @BeforeEach
  void resetServer() {
    server = OnTheFake.server();
  }

  private static GraphPermissionVerifierBuilder verifierBuilder() {
    return OnTheFake.verifierBuilder(server);
  }

  private static FakeGraphTenant granted(FakeGraphTenantBuilder seed, PermissionProfile profile) {
    return OnTheFake.grantedProfile(server, seed, profile);
  }

  @Test
  void aB2cAndACiamTenantOnOneFakeAreEachVerifiedAgainstTheirOwnProfileInOneFleetRun() {
    FakeGraphTenant b2c = granted(FakeGraphTenant.builder(), PermissionProfile.B2C_BACKUP_ONLY);
    FakeGraphTenant ciam = granted(FakeGraphTenant.builder().tenantType("CIAM"),
        PermissionProfile.EXTERNAL_ID_BACKUP_AND_RESTORE);
    try (GraphPermissionVerifier v = verifierBuilder()
        .profile(TenantKind.B2C, PermissionProfile.B2C_BACKUP_ONLY)
        .profile(TenantKind.EXTERNAL_ID, PermissionProfile.EXTERNAL_ID_BACKUP_AND_RESTORE).build()) {
      FleetVerification fleet = v.verifyFleet(List.of(b2c.tenantId(), ciam.tenantId()));

      VerificationReport first = fleet.results().get(0).report().orElseThrow();
      VerificationReport second = fleet.results().get(1).report().orElseThrow();
      assertThat(first.profile()).isSameAs(PermissionProfile.B2C_BACKUP_ONLY);
      assertThat(first.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(first.tenantType()).contains("AAD B2C");
      assertThat(first.tierZeroGrantCount()).isZero();
      assertThat(second.profile()).isSameAs(PermissionProfile.EXTERNAL_ID_BACKUP_AND_RESTORE);
      assertThat(second.tenantType()).contains("CIAM");
      assertThat(second.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(second.capabilities(BackupOperation.RESTORE))
          .contains(BackupCapability.COMPANY_BRANDING, BackupCapability.USER_FLOWS);
      assertThat(second.graphRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void aBackupOnlyTenantIsSatisfiedForBackupAndNamesWhatARestoreNeeds() {
    FakeGraphTenant t = granted(FakeGraphTenant.builder(), PermissionProfile.B2C_BACKUP_ONLY);
    try (GraphPermissionVerifier v =
        verifierBuilder().profile(TenantKind.B2C, PermissionProfile.B2C_BACKUP_ONLY).build()) {
      VerificationReport r = v.verify(t.tenantId());
      assertThat(r.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(r.capabilities(BackupOperation.BACKUP))
          .isEqualTo(PermissionProfile.B2C_BACKUP_ONLY.capabilities());
      assertThat(r.capabilities(BackupOperation.RESTORE)).isEmpty();
      assertThat(r.restoreNeeds().get(BackupCapability.USERS))
          .containsExactly(GraphPermission.USER_READ_WRITE_ALL);
      assertThat(r.excessRoles()).isEmpty();
    }
  }

  @Test
  void theFourteenHeldUnderABackupOnlyProfileAreSatisfiedWithNarrowerRoleFindings() {
    FakeGraphTenant t = server.addTenant(FakeGraphTenant.builder().grantedAll());
    try (GraphPermissionVerifier v =
        verifierBuilder().profile(TenantKind.B2C, PermissionProfile.B2C_BACKUP_ONLY).build()) {
      VerificationReport r = v.verify(t.tenantId());
      assertThat(r.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(r.roleChecks().get(GraphPermission.USER_READ_ALL).heldAs())
          .isEqualTo(GraphPermission.USER_READ_WRITE_ALL);
      assertThat(r.narrowerRoleWouldDo()).extracting(f -> f.held().value())
          .contains("User.ReadWrite.All", "Application.ReadWrite.All");
      assertThat(r.tierZeroGrantCount()).isEqualTo(7);
      assertThat(r.excessRoles()).extracting(role -> role.value())
          .contains("AppRoleAssignment.ReadWrite.All", "User.EnableDisableAccount.All")
          .doesNotContain("User.ReadWrite.All");
    }
  }

  @Test
  void aCiamTenantWithNoExternalIdProfileIsNotCoveredAsBefore() {
    FakeGraphTenant ciam = server.addTenant(FakeGraphTenant.builder().tenantType("CIAM").grantedAll());
    try (GraphPermissionVerifier v = verifierBuilder().build()) {
      VerificationReport r = v.verify(ciam.tenantId());
      assertThat(r.outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
      assertThat(r.profile()).isSameAs(PermissionProfile.B2C_BACKUP_AND_RESTORE);
    }
  }

  @Test
  void aWorkforceTenantIsNeverSatisfiedWhateverProfilesAreConfigured() {
    FakeGraphTenant aad = granted(FakeGraphTenant.builder().tenantType("AAD"),
        PermissionProfile.EXTERNAL_ID_BACKUP_AND_RESTORE);
    try (GraphPermissionVerifier v = verifierBuilder()
        .profile(TenantKind.B2C, PermissionProfile.B2C_BACKUP_ONLY)
        .profile(TenantKind.EXTERNAL_ID, PermissionProfile.EXTERNAL_ID_BACKUP_ONLY).build()) {
      VerificationReport r = v.verify(aad.tenantId());
      assertThat(r.outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
      assertThat(r.capabilities(BackupOperation.BACKUP)).isEmpty();
    }
  }

  @Test
  void aProfileIsOnlyAcceptedForItsOwnTenantKind() {
    assertThatThrownBy(() -> GraphPermissionVerifier.builder()
        .profile(TenantKind.EXTERNAL_ID, PermissionProfile.B2C_BACKUP_ONLY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EXTERNAL_ID");
    assertThatThrownBy(() -> GraphPermissionVerifier.builder().profile(TenantKind.B2C, null))
        .isInstanceOf(NullPointerException.class);
  }
}
