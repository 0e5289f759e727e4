package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.BackupCapability;
import io.github.b2cpermissions.BackupOperation;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.TenantKind;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.ExternalIdData;
import io.github.b2cpermissions.testkit.ExternalIdSample;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeGraphTenantBuilder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's done-when on seeded tenants: one fake hosts a B2C tenant with the B2C sample and an
 * External ID tenant with the External ID sample, each granted its backup-only profile; one fleet
 * run verifies each against its own profile, both are SATISFIED for backup, and each names what a
 * restore would need.
 */
class ExternalIdFleetTest {
  private static FakeGraph server;

  @BeforeEach
  void resetServer() {
    server = OnTheFake.server();
  }

  private static GraphPermissionVerifier verifier() {
    return OnTheFake.verifierBuilder(server)
        .profile(TenantKind.B2C, PermissionProfile.B2C_BACKUP_ONLY)
        .profile(TenantKind.EXTERNAL_ID, PermissionProfile.EXTERNAL_ID_BACKUP_ONLY)
        .build();
  }

  /** Hosted once per JVM (the shared fake keeps tenants; a run again finds this one reset). */
  private static FakeGraphTenant granted(String domain, FakeGraphTenantBuilder seed,
      PermissionProfile profile) {
    return server.tenant(domain).orElseGet(() -> OnTheFake.grantedProfile(server, seed, profile));
  }

  @Test
  void seededB2cAndExternalIdTenantsAreEachSatisfiedForBackupAndNameWhatARestoreNeeds() throws Exception {
    FakeGraphTenant b2c = granted("contoso.onmicrosoft.com", FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").b2cData(B2cData.sample()), PermissionProfile.B2C_BACKUP_ONLY);
    FakeGraphTenant ciam = granted("woodgrove.onmicrosoft.com",
        FakeGraphTenant.builder().externalId("woodgrove.onmicrosoft.com").b2cData(ExternalIdSample.directory()).externalIdData(ExternalIdData.sample()),
        PermissionProfile.EXTERNAL_ID_BACKUP_ONLY);
    try (GraphPermissionVerifier v = verifier()) {
      FleetVerification fleet = v.verifyFleet(List.of(b2c.tenantId(), ciam.tenantId()));

      VerificationReport first = fleet.results().get(0).report().orElseThrow();
      assertThat(first.profile()).isSameAs(PermissionProfile.B2C_BACKUP_ONLY);
      assertThat(first.tenantType()).contains("AAD B2C");
      assertThat(first.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(first.capabilities(BackupOperation.BACKUP)).isEqualTo(PermissionProfile.B2C_BACKUP_ONLY.capabilities());
      assertThat(first.capabilities(BackupOperation.RESTORE)).isEmpty();
      assertThat(first.restoreNeeds().get(BackupCapability.USER_FLOWS)).containsExactly(GraphPermission.IDENTITY_USER_FLOW_READ_WRITE_ALL);

      VerificationReport second = fleet.results().get(1).report().orElseThrow();
      assertThat(second.profile()).isSameAs(PermissionProfile.EXTERNAL_ID_BACKUP_ONLY);
      assertThat(second.tenantType()).contains("CIAM");
      assertThat(second.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(second.capabilities(BackupOperation.BACKUP)).isEqualTo(PermissionProfile.EXTERNAL_ID_BACKUP_ONLY.capabilities());
      assertThat(second.capabilities(BackupOperation.RESTORE)).isEmpty();
      assertThat(second.restoreNeeds().get(BackupCapability.USER_FLOWS)).containsExactly(GraphPermission.EVENT_LISTENER_READ_WRITE_ALL);
      assertThat(second.restoreNeeds().get(BackupCapability.CUSTOM_AUTHENTICATION_EXTENSIONS))
          .containsExactly(GraphPermission.CUSTOM_AUTHENTICATION_EXTENSION_READ_WRITE_ALL);
      assertThat(second.restoreNeeds().get(BackupCapability.AUTHENTICATION_METHOD_POLICIES))
          .containsExactly(GraphPermission.POLICY_READ_WRITE_AUTHENTICATION_METHOD);
      assertThat(second.tierZeroGrantCount()).isZero();
    }
    // What the report promises holds on the seeded data: the backup-only grants read the user flows.
    HttpResponse<String> flows = ciam.httpClient().send(
        HttpRequest.newBuilder(URI.create(ciam.graphEndpoint() + "/identity/authenticationEventsFlows"))
            .header("Authorization", "Bearer " + ciam.issueAccessToken()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(flows.statusCode()).as(flows.body()).isEqualTo(200);
    assertThat(flows.body()).contains(ExternalIdSample.FLOW_SHOP_SIGN_UP, ExternalIdSample.FLOW_PARTNER_SIGN_UP);
  }
}
