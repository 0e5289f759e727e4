package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.BackupCapability;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.TenantKind;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubAppRole;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubTenants;
import io.github.b2cpermissions.graph.stub.StubTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Profiles per tenant kind against the graph module's own hostile stub, which answers as Graph
 * documents: the kind comes from the organization's {@code tenantType}, and only that kind's
 * profile counts.
 */
class HostileProfileTest {

  /** A stub tenant whose Graph defines every role this library knows, granted {@code profile}'s roles. */
  private static StubDirectory tenant(String tenantType, PermissionProfile profile) {
    StubDirectory d = new StubDirectory();
    d.tenantType = tenantType;
    List<StubAppRole> roles = new ArrayList<>();
    for (GraphPermission p : GraphPermission.values()) {
      roles.add(new StubAppRole(p.appRoleId(), p.value(), true));
    }
    d.graphAppRoles = roles;
    profile.requiredRoles().forEach(r -> d.grant(r.appRoleId()));
    return d;
  }

  @Test
  void aB2cAndACiamTenantOnOneStubAreEachVerifiedAgainstTheirOwnProfileInOneFleetRun() {
    StubDirectory b2c = tenant("AAD B2C", PermissionProfile.B2C_BACKUP_AND_RESTORE);
    StubDirectory ciam = tenant("CIAM", PermissionProfile.EXTERNAL_ID_BACKUP_ONLY);
    Map<String, StubDirectory> byId = Map.of(b2c.tenantId, b2c, ciam.tenantId, ciam);
    try (GraphStub stub = StubTenants.start(b2c, ciam);
        GraphPermissionVerifier v = b2c.verifierBuilderWithoutCredential(stub)
            .credentials(id -> StubTokens.credential(byId.get(id)::token))
            .profile(TenantKind.EXTERNAL_ID, PermissionProfile.EXTERNAL_ID_BACKUP_ONLY).build()) {
      FleetVerification fleet = v.verifyFleet(List.of(b2c.tenantId, ciam.tenantId));

      VerificationReport first = fleet.results().get(0).report().orElseThrow();
      VerificationReport second = fleet.results().get(1).report().orElseThrow();
      assertThat(first.profile()).isSameAs(PermissionProfile.B2C_BACKUP_AND_RESTORE);
      assertThat(first.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(first.tierZeroGrantCount()).isEqualTo(7);
      assertThat(second.profile()).isSameAs(PermissionProfile.EXTERNAL_ID_BACKUP_ONLY);
      assertThat(second.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(second.restoreNeeds()).containsKey(BackupCapability.CUSTOM_AUTHENTICATION_EXTENSIONS);
      assertThat(stub.count("POST", "/v1.0/$batch")).isEqualTo(2);
    }
  }

  @Test
  void aCiamTenantMissingAnExternalIdRoleIsNotSatisfied() {
    StubDirectory ciam = tenant("CIAM", PermissionProfile.EXTERNAL_ID_BACKUP_AND_RESTORE);
    ciam.revoke(GraphPermission.EVENT_LISTENER_READ_WRITE_ALL.appRoleId());
    try (GraphStub stub = ciam.start();
        GraphPermissionVerifier v = ciam.verifierBuilder(stub)
            .profile(TenantKind.EXTERNAL_ID, PermissionProfile.EXTERNAL_ID_BACKUP_AND_RESTORE).build()) {
      VerificationReport r = v.verify(ciam.tenantId);
      assertThat(r.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
      assertThat(r.missingRoles()).containsExactly(GraphPermission.EVENT_LISTENER_READ_WRITE_ALL);
    }
  }

  @Test
  void aBackupOnlyStubTenantIsSatisfiedForBackupAndNamesWhatARestoreNeeds() {
    StubDirectory t = tenant("AAD B2C", PermissionProfile.B2C_BACKUP_ONLY);
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilder(stub)
            .profile(TenantKind.B2C, PermissionProfile.B2C_BACKUP_ONLY).build()) {
      VerificationReport r = v.verify(t.tenantId);
      assertThat(r.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(r.restoreNeeds().get(BackupCapability.APP_ROLE_ASSIGNMENTS)).containsExactly(
          GraphPermission.APPLICATION_READ_WRITE_ALL, GraphPermission.APP_ROLE_ASSIGNMENT_READ_WRITE_ALL);
    }
  }

  @Test
  void aWorkforceTenantIsNeverSatisfiedUnderAnyStrategyOrProfile() {
    for (VerificationStrategy strategy : VerificationStrategy.values()) {
      StubDirectory aad = tenant("AAD", PermissionProfile.EXTERNAL_ID_BACKUP_AND_RESTORE);
      aad.grant(GraphPermission.USER_READ_ALL.appRoleId());
      try (GraphStub stub = aad.start();
          GraphPermissionVerifier v = aad.verifierBuilder(stub).strategy(strategy)
              .profile(TenantKind.B2C, PermissionProfile.B2C_BACKUP_ONLY)
              .profile(TenantKind.EXTERNAL_ID, PermissionProfile.EXTERNAL_ID_BACKUP_ONLY).build()) {
        VerificationReport r = v.verify(aad.tenantId);
        assertThat(r.outcome()).as(strategy.name()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
        assertThat(r.isSatisfied()).isFalse();
      }
    }
  }
}
