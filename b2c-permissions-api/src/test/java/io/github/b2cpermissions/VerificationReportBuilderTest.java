package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder's setters: which recorded facts a later call replaces, and what it refuses. */
class VerificationReportBuilderTest {
  private static final String TENANT = "contoso.onmicrosoft.com";
  private static final Instant SINCE = Instant.parse("2026-11-30T08:00:00Z");

  @Test
  void aBlankGraphServicePrincipalIdIsRefusedButAnUnreadOneIsAccepted() {
    assertThatThrownBy(() -> VerificationReport.builder(TENANT).graphServicePrincipal(" ", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null or non-blank");
    VerificationReport unread = VerificationReport.builder(TENANT).graphServicePrincipal(null, null).build();
    assertThat(unread.graphServicePrincipalId()).isEmpty();
    assertThat(unread.tenantGraphRoles()).isEmpty();
  }

  @Test
  void aRoleCheckReplacesTheEvidenceOfAnEarlierCatalogCheckOfTheSameRole() {
    VerificationReport report = VerificationReport.builder(TENANT).allGranted()
        .check(new PermissionCheck(B2cBackupPermission.AUDIT_LOG_READ_ALL, PermissionStatus.GRANTED,
            null, "asg-old", SINCE))
        .check(new RoleCheck(GraphPermission.AUDIT_LOG_READ_ALL, PermissionStatus.GRANTED, null,
            "asg-new", null))
        .build();

    PermissionCheck check = report.check(B2cBackupPermission.AUDIT_LOG_READ_ALL);
    assertThat(check.assignment()).contains("asg-new");
    assertThat(check.grantedSince()).isEmpty();
  }

  @Test
  void allGrantedForgetsTheChecksAndTheirEvidenceRecordedBeforeIt() {
    VerificationReport report = VerificationReport.builder(TENANT)
        .check(RoleCheck.of(GraphPermission.USER_READ_WRITE_ALL, PermissionStatus.MISSING))
        .check(new PermissionCheck(B2cBackupPermission.AUDIT_LOG_READ_ALL, PermissionStatus.GRANTED,
            null, "asg-old", SINCE))
        .allGranted()
        .build();

    assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
    assertThat(report.roleStatus(GraphPermission.USER_READ_WRITE_ALL)).isEqualTo(PermissionStatus.GRANTED);
    assertThat(report.check(B2cBackupPermission.AUDIT_LOG_READ_ALL).assignment()).isEmpty();
  }
}
