package io.github.b2cpermissions;

import static io.github.b2cpermissions.B2cBackupPermission.USER_READ_WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A report is a value: what it was built with comes back, and equal facts make equal reports. */
class VerificationReportValueTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
  private static final GraphAppRole EXCESS =
      new GraphAppRole("Directory.ReadWrite.All", UUID.fromString("19dbc75e-c2e2-444c-a770-ec69d8559fc7"), "d");

  private static VerificationReportBuilder full() {
    return VerificationReport.builder(TENANT)
        .allGranted()
        .servicePrincipalId("sp-1")
        .checkedAt(AT)
        .graphRequestCount(2)
        .strategy(VerificationStrategy.DIRECTORY);
  }

  @Test
  void accessorsReturnWhatTheReportWasBuiltWith() {
    VerificationReport report = full().excessRole(EXCESS).build();

    assertThat(report.tenantId()).isEqualTo(TENANT);
    assertThat(report.tenantType()).contains(VerificationReport.B2C_TENANT_TYPE);
    assertThat(report.servicePrincipalId()).contains("sp-1");
    assertThat(report.checkedAt()).isEqualTo(AT);
    assertThat(report.graphRequestCount()).isEqualTo(2);
    assertThat(report.strategy()).isEqualTo(VerificationStrategy.DIRECTORY);
    assertThat(report.excessRoles()).containsExactly(EXCESS);
    assertThat(report.checks()).hasSize(B2cBackupPermission.values().length)
        .containsKeys(B2cBackupPermission.values());
    assertThat(report.status(USER_READ_WRITE_ALL)).isEqualTo(PermissionStatus.GRANTED);
  }

  @Test
  void zeroRequestsIsAValidCountAndANegativeOneIsNot() {
    assertThat(VerificationReport.builder(TENANT).graphRequestCount(0).build().graphRequestCount()).isZero();
    assertThatIllegalArgumentException().isThrownBy(() -> VerificationReport.builder(TENANT).graphRequestCount(-1));
  }

  @Test
  void tenantTypeMayBeUnreadButNotBlank() {
    assertThat(VerificationReport.builder(TENANT).tenantType(null).build().tenantType()).isEmpty();
    assertThatIllegalArgumentException().isThrownBy(() -> VerificationReport.builder(TENANT).tenantType(" "));
    assertThatIllegalArgumentException().isThrownBy(() -> VerificationReport.builder(TENANT).tenantType(""));
  }

  @Test
  void reportsBuiltFromTheSameFactsAreEqualWithEqualHashCodes() {
    VerificationReport a = full().build();
    VerificationReport b = full().build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(a);
    assertThat(a).isNotEqualTo(null).isNotEqualTo(a.toString());
  }

  @Test
  void everyFactTakesPartInEquality() {
    VerificationReport base = full().build();
    AdminConsentRequest consent = new AdminConsentRequest(URI.create("https://login.example/a?state=s"), "s");
    List<UnaryOperator<VerificationReportBuilder>> changes = List.of(
        b -> b.graphRequestCount(3),
        b -> b.tenantType("AAD"),
        b -> b.appPresence(AppPresence.DISABLED),
        b -> b.servicePrincipalId("sp-2"),
        b -> b.check(PermissionCheck.of(USER_READ_WRITE_ALL, PermissionStatus.MISSING)),
        b -> b.excessRole(EXCESS),
        b -> b.strategy(VerificationStrategy.DIRECTORY_AND_TOKEN),
        b -> b.checkedAt(AT.plusSeconds(1)),
        b -> b.consentRequest(consent));
    for (UnaryOperator<VerificationReportBuilder> change : changes) {
      VerificationReport other = change.apply(full()).build();
      assertThat(other).isNotEqualTo(base);
      assertThat(base).isNotEqualTo(other);
    }
    VerificationReport otherTenant = VerificationReport.builder("contoso.onmicrosoft.com")
        .allGranted().servicePrincipalId("sp-1").checkedAt(AT).graphRequestCount(2)
        .strategy(VerificationStrategy.DIRECTORY).build();
    assertThat(otherTenant).isNotEqualTo(base);
    assertThat(otherTenant.hashCode()).isNotEqualTo(base.hashCode());
  }

  @Test
  void toStringShowsEvidenceNarrowerRolesAndTheServicePrincipal() {
    Instant since = Instant.parse("2026-01-02T03:04:05Z");
    GraphAppRole narrower = GraphAppRoles.byValue("User.Read.All").orElseThrow();
    VerificationReport report = full()
        .check(new PermissionCheck(B2cBackupPermission.AUDIT_LOG_READ_ALL, PermissionStatus.GRANTED, null, "asg-1", since))
        .check(new PermissionCheck(B2cBackupPermission.DIRECTORY_READ_ALL, PermissionStatus.GRANTED, null, "asg-2", null))
        .check(new PermissionCheck(USER_READ_WRITE_ALL, PermissionStatus.MISSING, narrower, null, null))
        .tenantType(null)
        .build();

    assertThat(report.toString())
        .contains("app=ENABLED (servicePrincipalId=sp-1)")
        .contains("tenantType=(not read)")
        .contains("GRANTED AuditLog.Read.All [assignment asg-1 since 2026-01-02T03:04:05Z]")
        .contains("GRANTED Directory.Read.All [assignment asg-2]\n")
        .contains("MISSING User.ReadWrite.All (holds narrower User.Read.All)")
        .contains("graphRequests=2")
        .doesNotContain("consentUrl");
    assertThat(VerificationReport.builder(TENANT).build().toString()).doesNotContain("servicePrincipalId");
  }
}
