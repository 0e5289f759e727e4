package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionCheck;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.ReportDiff;
import io.github.b2cpermissions.RoleCheck;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ReportJson read back: every schema version it claims, and what it refuses. */
class ReportJsonReaderTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TENANT = "8f0c1d2e-3a4b-4c5d-8e6f-0a1b2c3d4e5f";
  private static final Instant AT = Instant.parse("2026-11-28T18:00:00Z");

  /** The default profile with evidence, a narrower role, an excess role and a consent URL. */
  private static VerificationReport catalogReport() {
    GraphAppRole userRead = B2cBackupPermission.USER_READ_WRITE_ALL.readCounterpart().orElseThrow();
    return VerificationReport.builder(TENANT).allGranted()
        .strategy(VerificationStrategy.DIRECTORY_AND_TOKEN)
        .appPresence(AppPresence.ENABLED).servicePrincipalId("sp-1")
        .check(new PermissionCheck(B2cBackupPermission.USER_READ_WRITE_ALL,
            PermissionStatus.MISSING, userRead, null, null))
        .check(new PermissionCheck(B2cBackupPermission.AUDIT_LOG_READ_ALL,
            PermissionStatus.PROPAGATING, null, "assignment-1", Instant.parse("2026-01-02T03:04:05Z")))
        .excessRole(new GraphAppRole("Directory.ReadWrite.All",
            UUID.fromString("19dbc75e-c2e2-444c-a770-ec69d8559fc7"), "Read and write directory data"))
        .checkedAt(AT).graphRequestCount(2)
        .consentRequest(new AdminConsentRequest(
            URI.create("https://login.example/t/adminconsent?client_id=x&state=a%2Bb"), "a+b"))
        .build();
  }

  /** A backup-only profile satisfied through broader roles, with a tier-0 excess role. */
  private static VerificationReport backupOnlyReport() {
    return VerificationReport.builder(TENANT).profile(PermissionProfile.B2C_BACKUP_ONLY)
        .strategy(VerificationStrategy.DIRECTORY_AND_TOKEN).appPresence(AppPresence.ENABLED)
        .tenantType(VerificationReport.B2C_TENANT_TYPE).allGranted()
        .check(new RoleCheck(GraphPermission.USER_READ_ALL, PermissionStatus.GRANTED,
            GraphPermission.USER_READ_WRITE_ALL, "a-2", AT))
        .excessRole(GraphPermission.APP_ROLE_ASSIGNMENT_READ_WRITE_ALL.asAppRole())
        .checkedAt(AT).build();
  }

  private static VerificationReport externalIdReport() {
    return VerificationReport.builder("fabrikam.ciamlogin.com")
        .profile(PermissionProfile.EXTERNAL_ID_BACKUP_ONLY).tenantType("CIAM")
        .appPresence(AppPresence.ENABLED).checkedAt(AT).graphRequestCount(1).build();
  }

  private static VerificationReport unreadableReport() {
    return VerificationReport.builder(TENANT).tenantType(null).appPresence(AppPresence.NOT_CHECKED)
        .directoryRoleNeeded("Application.Read.All").checkedAt(AT).build();
  }

  @Test
  void everySchemaVersion2ReportReadsBackEqualToTheOneWritten() {
    for (VerificationReport r : List.of(catalogReport(), backupOnlyReport(), externalIdReport(),
        unreadableReport())) {
      VerificationReport read = ReportJson.fromJson(ReportJson.toJson(r));
      assertThat(read).as(r.profile() + " " + r.outcome()).isEqualTo(r);
      assertThat(ReportJson.toJson(read)).isEqualTo(ReportJson.toJson(r));
      assertThat(ReportDiff.between(r, read).isEmpty()).isTrue();
    }
  }

  @Test
  void aReportWrittenWithoutItsConsentUrlReadsBackWithoutOne() {
    VerificationReport read = ReportJson.fromJson(ReportJson.toJson(catalogReport(), false));
    assertThat(read.consentRequest()).isEmpty();
    assertThat(read.outcome()).isEqualTo(catalogReport().outcome());
  }

  /** Version 1 had no profile, heldAs, tiers, tierZeroGrants, narrowerRoleWouldDo, restoreNeeds. */
  private static String asSchemaVersion1(VerificationReport r) throws Exception {
    ObjectNode json = (ObjectNode) MAPPER.readTree(ReportJson.toJson(r));
    json.put("schemaVersion", 1);
    json.remove(List.of("profile", "tierZeroGrants", "narrowerRoleWouldDo", "restoreNeeds"));
    json.withArray("permissions").forEach(p -> ((ObjectNode) p).remove(List.of("heldAs", "tier")));
    json.withArray("excessRoles").forEach(p -> ((ObjectNode) p).remove("tier"));
    return MAPPER.writeValueAsString(json);
  }

  @Test
  void aSchemaVersion1ReportReadsBackAgainstTheFourteenCatalogPermissions() throws Exception {
    for (VerificationReport r : List.of(catalogReport(), unreadableReport())) {
      String v1 = asSchemaVersion1(r);
      assertThat(v1).doesNotContain("\"profile\"").contains("\"schemaVersion\":1");

      VerificationReport read = ReportJson.fromJson(v1);

      assertThat(read).isEqualTo(r);
      assertThat(read.profile()).isSameAs(PermissionProfile.B2C_BACKUP_AND_RESTORE);
    }
  }

  @Test
  void anUnknownSchemaVersionIsRefused() throws Exception {
    ObjectNode json = (ObjectNode) MAPPER.readTree(ReportJson.toJson(catalogReport()));
    json.put("schemaVersion", 3);
    assertThatThrownBy(() -> ReportJson.fromJson(json.toString()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schemaVersion 3");
  }

  @Test
  void aReportWhoseOutcomeWasEditedIsRefused() throws Exception {
    ObjectNode json = (ObjectNode) MAPPER.readTree(ReportJson.toJson(catalogReport()));
    json.put("outcome", "SATISFIED");
    assertThatThrownBy(() -> ReportJson.fromJson(json.toString()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changed after");
  }

  @Test
  void anUnknownProfileAndNonJsonAreRefused() throws Exception {
    ObjectNode json = (ObjectNode) MAPPER.readTree(ReportJson.toJson(backupOnlyReport()));
    ((ObjectNode) json.get("profile")).put("name", "EVERYTHING");
    assertThatThrownBy(() -> ReportJson.fromJson(json.toString()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown profile");
    assertThatThrownBy(() -> ReportJson.fromJson("{not json"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lastNightsStoredReportDiffsAgainstTonightsCheck() {
    String stored = ReportJson.toJson(backupOnlyReport());
    VerificationReport tonight = VerificationReport.builder(TENANT)
        .profile(PermissionProfile.B2C_BACKUP_ONLY).strategy(VerificationStrategy.DIRECTORY_AND_TOKEN)
        .appPresence(AppPresence.ENABLED).tenantType(VerificationReport.B2C_TENANT_TYPE).allGranted()
        .check(RoleCheck.of(GraphPermission.AUDIT_LOG_READ_ALL, PermissionStatus.MISSING))
        .checkedAt(AT.plusSeconds(86_400)).build();

    ReportDiff diff = ReportDiff.between(ReportJson.fromJson(stored), tonight);

    assertThat(diff.revoked()).extracting(GraphAppRole::value).contains("AuditLog.Read.All",
        "AppRoleAssignment.ReadWrite.All", "User.ReadWrite.All");
    assertThat(diff.newlyGranted()).extracting(GraphAppRole::value).containsExactly("User.Read.All");
    assertThat(diff.outcomeChanged()).isTrue();
  }
}
