package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lookups, value records, exceptions and result holders of the api, as a product reads them. */
class ApiValuesTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  @Test
  void catalogLookupsFindKnownValuesAndIgnoreTheRest() {
    B2cBackupPermission users = B2cBackupPermission.USER_READ_WRITE_ALL;
    assertThat(B2cBackupPermission.fromScope(users.scope())).contains(users);
    assertThat(B2cBackupPermission.fromScope("user.readwrite.all")).isEmpty();
    assertThat(B2cBackupPermission.fromScope(null)).isEmpty();
    assertThat(B2cBackupPermission.fromAppRoleId(users.appRoleId())).contains(users);
    assertThat(B2cBackupPermission.fromAppRoleId(users.appRoleId().toString().toUpperCase())).contains(users);
    assertThat(B2cBackupPermission.fromAppRoleId((UUID) null)).isEmpty();
    assertThat(B2cBackupPermission.fromAppRoleId((String) null)).isEmpty();
    assertThat(B2cBackupPermission.fromAppRoleId("not-a-uuid")).isEmpty();
    assertThat(B2cBackupPermission.fromAppRoleId("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")).isEmpty();
  }

  @Test
  void knownRolesAreFoundByValueAndId() {
    GraphAppRole org = GraphAppRoles.byValue("Organization.Read.All").orElseThrow();
    assertThat(GraphAppRoles.byId(org.id())).contains(org);
    assertThat(GraphAppRoles.byValue(null)).isEmpty();
    assertThat(GraphAppRoles.byId(null)).isEmpty();
    assertThat(GraphAppRoles.byValue("Made.Up.All")).isEmpty();
    assertThat(GraphAppRoles.known()).contains(org);
  }

  @Test
  void appRoleValueMustBeNonBlankWithoutWhiteSpace() {
    UUID id = UUID.randomUUID();
    assertThatIllegalArgumentException().isThrownBy(() -> new GraphAppRole("", id, "d"))
        .withMessageContaining("blank");
    assertThatIllegalArgumentException().isThrownBy(() -> new GraphAppRole("User Read", id, "d"))
        .withMessageContaining("white space");
    assertThat(new GraphAppRole("User.Read.All", id, "d")).hasToString("User.Read.All (" + id + ")");
  }

  @Test
  void narrowerRoleBelongsOnlyToAMissingPermission() {
    GraphAppRole narrower = GraphAppRoles.byValue("User.Read.All").orElseThrow();
    B2cBackupPermission p = B2cBackupPermission.USER_READ_WRITE_ALL;

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PermissionCheck(p, PermissionStatus.GRANTED, narrower, null, null));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PermissionCheck(p, PermissionStatus.PROPAGATING, narrower, null, null));
    assertThat(new PermissionCheck(p, PermissionStatus.MISSING, narrower, null, null).narrowerRole()).contains(narrower);
    Instant at = Instant.parse("2026-01-02T03:04:05Z");
    PermissionCheck granted = new PermissionCheck(p, PermissionStatus.GRANTED, null, "assignment-1", at);
    assertThat(granted.assignment()).contains("assignment-1");
    assertThat(granted.grantedSince()).contains(at);
  }

  @Test
  void exceptionsCarryWhatTheyPromise() {
    GraphThrottledException throttled = new GraphThrottledException("m", TENANT, Duration.ofSeconds(7), 3);
    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(throttled.attempts()).isEqualTo(3);
    assertThat(new GraphThrottledException("m", TENANT, null, 1).retryAfter()).isEmpty();

    assertThat(new AuthenticationFailedException("m", TENANT, 7000215, null).aadstsCode()).hasValue(7000215);
    assertThat(new AuthenticationFailedException("m", TENANT, 0, null).aadstsCode()).isEmpty();
    assertThat(new AuthenticationFailedException("m", TENANT, 1, null).aadstsCode()).hasValue(1);

    assertThat(new UnexpectedGraphResponseException("m", TENANT, 502, null).httpStatus()).isEqualTo(502);
    assertThat(new InsufficientPrivilegesException("m", TENANT, "Application.Read.All").requiredRole())
        .isEqualTo("Application.Read.All");
    assertThat(new GraphUnavailableException("m", TENANT, null)).isInstanceOf(B2cPermissionsException.class);
  }

  @Test
  void fleetResultsCountOutcomesAndFailures() {
    VerificationReport ok = VerificationReport.builder("a.onmicrosoft.com").allGranted().build();
    VerificationReport gap = VerificationReport.builder("b.onmicrosoft.com").build();
    TenantVerification failed = TenantVerification.failed("c.onmicrosoft.com",
        new GraphUnavailableException("down", "c.onmicrosoft.com", null));
    FleetVerification fleet = new FleetVerification(
        List.of(TenantVerification.of(ok), TenantVerification.of(gap), failed), Duration.ofSeconds(2));

    assertThat(fleet.results()).hasSize(3);
    assertThat(fleet.results().get(0).tenantId()).isEqualTo("a.onmicrosoft.com");
    assertThat(fleet.results().get(0).report()).contains(ok);
    assertThat(fleet.results().get(0).failure()).isEmpty();
    assertThat(fleet.failures()).containsExactly(failed);
    assertThat(fleet.satisfiedCount()).isEqualTo(1);
    assertThat(fleet.countByOutcome()).isEqualTo(Map.of(
        VerificationOutcome.SATISFIED, 1, VerificationOutcome.MISSING_PERMISSIONS, 1));
    assertThat(fleet.elapsed()).isEqualTo(Duration.ofSeconds(2));
    assertThat(fleet.toString()).isEqualTo("FleetVerification{tenants=3, satisfied=1, failed=1, byOutcome="
        + fleet.countByOutcome() + ", elapsed=PT2S}");
  }

  @Test
  void aTenantVerificationIsSatisfiedOnlyWithASatisfiedReport() {
    VerificationReport ok = VerificationReport.builder(TENANT).allGranted().build();
    VerificationReport gap = VerificationReport.builder(TENANT).build();
    TenantVerification failed = TenantVerification.failed(TENANT, new GraphUnavailableException("down", TENANT, null));

    assertThat(TenantVerification.of(ok).isSatisfied()).isTrue();
    assertThat(TenantVerification.of(gap).isSatisfied()).isFalse();
    assertThat(failed.isSatisfied()).isFalse();
    assertThat(failed.report()).isEmpty();
    assertThat(failed.failure()).hasValueSatisfying(e -> assertThat(e.getMessage()).contains("down"));
    assertThat(TenantVerification.of(ok)).hasToString("TenantVerification{" + TENANT + ": SATISFIED}");
    assertThat(failed.toString()).startsWith("TenantVerification{" + TENANT + ": failed (UNAVAILABLE): ").contains("down");
  }
}
