package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.PermissionCheck;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.VerificationReport;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TENANT = "8f0c1d2e-3a4b-4c5d-8e6f-0a1b2c3d4e5f";

  private static VerificationReport sample() {
    GraphAppRole userRead = B2cBackupPermission.USER_READ_WRITE_ALL.readCounterpart().orElseThrow();
    return VerificationReport.builder(TENANT)
        .allGranted()
        .check(new PermissionCheck(B2cBackupPermission.USER_READ_WRITE_ALL, PermissionStatus.MISSING,
            userRead, null, null))
        .check(new PermissionCheck(B2cBackupPermission.AUDIT_LOG_READ_ALL, PermissionStatus.GRANTED,
            null, "assignment-1", Instant.parse("2026-01-02T03:04:05Z")))
        .excessRole(new GraphAppRole("Directory.ReadWrite.All",
            UUID.fromString("19dbc75e-c2e2-444c-a770-ec69d8559fc7"), "Read and write directory data"))
        .checkedAt(Instant.parse("2026-11-28T18:00:00Z"))
        .graphRequestCount(2)
        .consentRequest(new AdminConsentRequest(URI.create("https://login.example/t/adminconsent?state=abc"), "abc"))
        .build();
  }

  @Test
  void writesEveryDocumentedField() throws Exception {
    JsonNode json = MAPPER.readTree(ReportJson.toJson(sample()));
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(json.get("tenantId").asText()).isEqualTo(TENANT);
    assertThat(json.get("tenantType").asText()).isEqualTo("AAD B2C");
    assertThat(json.get("outcome").asText()).isEqualTo("MISSING_PERMISSIONS");
    assertThat(json.get("satisfied").asBoolean()).isFalse();
    assertThat(json.get("strategy").asText()).isEqualTo("DIRECTORY");
    assertThat(json.get("checkedAt").asText()).isEqualTo("2026-11-28T18:00:00Z");
    assertThat(json.get("graphRequestCount").asInt()).isEqualTo(2);
    assertThat(json.get("permissions")).hasSize(14);
    JsonNode first = json.get("permissions").get(0);
    assertThat(first.get("scope").asText()).isEqualTo("IdentityUserFlow.ReadWrite.All");
    JsonNode user = json.get("permissions").get(7);
    assertThat(user.get("scope").asText()).isEqualTo("User.ReadWrite.All");
    assertThat(user.get("status").asText()).isEqualTo("MISSING");
    assertThat(user.get("narrowerRoleHeld").asText()).isEqualTo("User.Read.All");
    JsonNode audit = json.get("permissions").get(3);
    assertThat(audit.get("assignmentId").asText()).isEqualTo("assignment-1");
    assertThat(audit.get("grantedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(json.get("excessRoles").get(0).get("value").asText()).isEqualTo("Directory.ReadWrite.All");
    assertThat(json.at("/capabilities/skippedForBackup").toString()).contains("USERS");
    assertThat(json.get("consentUrl").asText()).contains("adminconsent");
  }

  @Test
  void everyFieldOfTheOutputIsExactlyAsDocumented() throws Exception {
    VerificationReport r = VerificationReport.builder(TENANT)
        .strategy(io.github.b2cpermissions.VerificationStrategy.DIRECTORY_AND_TOKEN)
        .servicePrincipalId("sp-1")
        .directoryRoleNeeded("Application.Read.All")
        .granted(B2cBackupPermission.AUDIT_LOG_READ_ALL)
        .checkedAt(Instant.parse("2026-11-28T18:00:00Z"))
        .graphRequestCount(3)
        .consentRequest(new AdminConsentRequest(URI.create("https://login.example/t/adminconsent?state=s"), "s"))
        .build();
    JsonNode json = MAPPER.readTree(ReportJson.toJson(r));
    java.util.List<String> names = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("schemaVersion", "tenantId", "tenantType", "profile", "outcome",
        "satisfied", "appPresence", "servicePrincipalId", "directoryRoleNeeded", "strategy",
        "checkedAt", "graphRequestCount", "permissions", "excessRoles", "tierZeroGrants",
        "narrowerRoleWouldDo", "capabilities", "restoreNeeds", "consentUrl");
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(ReportJson.SCHEMA_VERSION);
    assertThat(json.get("tenantId").asText()).isEqualTo(TENANT);
    assertThat(json.get("tenantType").asText()).isEqualTo("AAD B2C");
    assertThat(json.get("outcome").asText()).isEqualTo("DIRECTORY_UNREADABLE");
    assertThat(json.get("satisfied").isBoolean()).isTrue();
    assertThat(json.get("satisfied").booleanValue()).isFalse();
    assertThat(json.get("appPresence").asText()).isEqualTo("ENABLED");
    assertThat(json.get("servicePrincipalId").asText()).isEqualTo("sp-1");
    assertThat(json.get("directoryRoleNeeded").asText()).isEqualTo("Application.Read.All");
    assertThat(json.get("strategy").asText()).isEqualTo("DIRECTORY_AND_TOKEN");
    assertThat(json.get("checkedAt").asText()).isEqualTo("2026-11-28T18:00:00Z");
    assertThat(json.get("graphRequestCount").asInt()).isEqualTo(3);
    assertThat(json.get("permissions")).hasSize(14);
    int i = 0;
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      JsonNode c = json.get("permissions").get(i++);
      java.util.List<String> fields = new java.util.ArrayList<>();
      c.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("scope", "appRoleId", "displayName", "status", "heldAs",
          "narrowerRoleHeld", "assignmentId", "grantedAt", "tier");
      assertThat(c.get("heldAs").isNull()).isTrue();
      assertThat(c.at("/tier/microsoftPrivilegeLevel").asInt())
          .isEqualTo(p.graphPermission().privilege().microsoftPrivilegeLevel());
      assertThat(c.get("scope").asText()).isEqualTo(p.scope());
      assertThat(c.get("appRoleId").asText()).isEqualTo(p.appRoleId().toString());
      assertThat(c.get("displayName").asText()).isEqualTo(p.displayName());
      assertThat(c.get("status").asText()).isEqualTo(
          p == B2cBackupPermission.AUDIT_LOG_READ_ALL ? "GRANTED" : "MISSING");
      assertThat(c.get("narrowerRoleHeld").isNull()).isTrue();
      assertThat(c.get("assignmentId").isNull()).isTrue();
      assertThat(c.get("grantedAt").isNull()).isTrue();
    }
    assertThat(json.get("excessRoles").isArray()).isTrue();
    assertThat(json.get("excessRoles")).isEmpty();
    JsonNode caps = json.get("capabilities");
    java.util.List<String> capFields = new java.util.ArrayList<>();
    caps.fieldNames().forEachRemaining(capFields::add);
    assertThat(capFields).containsExactly("backup", "skippedForBackup", "restore", "skippedForRestore");
    assertThat(caps.get("backup")).isEmpty();
    assertThat(caps.get("restore")).isEmpty();
    assertThat(caps.get("skippedForBackup")).hasSize(io.github.b2cpermissions.PermissionProfile.B2C_BACKUP_AND_RESTORE.capabilities().size());
    assertThat(caps.get("skippedForRestore")).hasSize(
        r.skippedCapabilities(io.github.b2cpermissions.BackupOperation.RESTORE).size());
    assertThat(caps.get("skippedForRestore")).isNotEmpty();
    assertThat(json.get("consentUrl").asText()).isEqualTo("https://login.example/t/adminconsent?state=s");
  }

  @Test
  void version2CarriesTheProfileTiersNarrowerFindingsAndRestoreNeeds() throws Exception {
    VerificationReport r = VerificationReport.builder(TENANT)
        .profile(io.github.b2cpermissions.PermissionProfile.B2C_BACKUP_ONLY).allGranted()
        .check(new io.github.b2cpermissions.RoleCheck(io.github.b2cpermissions.GraphPermission.USER_READ_ALL,
            PermissionStatus.GRANTED, io.github.b2cpermissions.GraphPermission.USER_READ_WRITE_ALL, null, null))
        .excessRole(new GraphAppRole("Unknown.Role", UUID.randomUUID(), ""))
        .build();
    JsonNode json = MAPPER.readTree(ReportJson.toJson(r));
    assertThat(json.at("/profile/name").asText()).isEqualTo("B2C_BACKUP_ONLY");
    assertThat(json.at("/profile/version").asInt()).isEqualTo(1);
    assertThat(json.at("/profile/tenantKind").asText()).isEqualTo("B2C");
    assertThat(json.at("/profile/use").asText()).isEqualTo("BACKUP");
    assertThat(json.get("outcome").asText()).isEqualTo("SATISFIED");
    assertThat(json.get("permissions")).hasSize(9);
    JsonNode user = null;
    for (JsonNode p : json.get("permissions")) {
      if (p.get("scope").asText().equals("User.Read.All")) {
        user = p;
      }
    }
    assertThat(user).isNotNull();
    assertThat(user.get("heldAs").asText()).isEqualTo("User.ReadWrite.All");
    assertThat(user.at("/tier/tieringTier").asInt()).isEqualTo(2);
    assertThat(user.at("/tier/tieringPath").isNull()).isTrue();
    assertThat(user.at("/tier/eamTier").asText()).isEqualTo("USER_ACCESS");
    assertThat(json.get("tierZeroGrants").asInt()).isEqualTo(1);
    assertThat(json.at("/narrowerRoleWouldDo/0/held").asText()).isEqualTo("User.ReadWrite.All");
    assertThat(json.at("/narrowerRoleWouldDo/0/enough").asText()).isEqualTo("User.Read.All");
    assertThat(json.at("/excessRoles/0/tier").isNull()).isTrue();
    assertThat(json.at("/restoreNeeds/USER_IDENTITIES").toString())
        .isEqualTo("[\"User.ManageIdentities.All\"]");
    assertThat(json.at("/restoreNeeds/USERS").isMissingNode()).isTrue();
    assertThat(json.at("/capabilities/restore").toString()).isEqualTo("[\"USERS\"]");
  }

  @Test
  void absentOptionalFieldsAreWrittenAsNull() throws Exception {
    VerificationReport r = VerificationReport.builder(TENANT).tenantType(null)
        .appPresence(io.github.b2cpermissions.AppPresence.NOT_CHECKED).build();
    JsonNode json = MAPPER.readTree(ReportJson.toJson(r));
    assertThat(json.get("tenantType").isNull()).isTrue();
    assertThat(json.get("servicePrincipalId").isNull()).isTrue();
    assertThat(json.get("directoryRoleNeeded").isNull()).isTrue();
    assertThat(json.get("consentUrl").isNull()).isTrue();
    assertThat(json.get("appPresence").asText()).isEqualTo("NOT_CHECKED");
    assertThat(json.get("outcome").asText()).isEqualTo("MISSING_PERMISSIONS");
  }

  @Test
  void consentUrlCanBeLeftOutForLogs() throws Exception {
    JsonNode json = MAPPER.readTree(ReportJson.toJson(sample(), false));
    assertThat(json.get("consentUrl").isNull()).isTrue();
    assertThat(json.toString()).doesNotContain("state=abc");
  }
}
