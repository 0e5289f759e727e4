package io.github.b2cpermissions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class B2cPermissionsCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return B2cPermissionsCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void catalogListsEveryPermission() {
    assertThat(run(Map.of(), "catalog")).isZero();
    assertThat(out()).contains("IdentityUserFlow.ReadWrite.All", "User.EnableDisableAccount.All");
  }

  @Test
  void catalogOfAProfileWithTiersPrintsEveryRoleWithItsTiers() {
    assertThat(run(Map.of(), "catalog", "--profile", "B2C_BACKUP_ONLY", "--tiers")).isZero();
    assertThat(out()).contains("B2C_BACKUP_ONLY v1 (B2C tenants, BACKUP): 9 roles, 0 tier 0")
        .contains("User.Read.All", "tiers: ms=3 tier=2 eam=UserAccess")
        .doesNotContain("User.ReadWrite.All");
    out.reset();
    assertThat(run(Map.of(), "catalog", "--tiers")).isZero();
    assertThat(out()).contains("tiers: ms=4 tier=0/Direct eam=ControlPlane");
  }

  @Test
  void verifyDemoAgainstTheBackupOnlyProfileIsSatisfiedThoughAWriteRoleIsMissing() throws Exception {
    assertThat(run(Map.of(), "verify", "--demo", "--json", "--profile", "B2C_BACKUP_ONLY"))
        .isEqualTo(B2cPermissionsCli.SATISFIED);
    JsonNode json = new ObjectMapper().readTree(out());
    assertThat(json.at("/profile/name").asText()).isEqualTo("B2C_BACKUP_ONLY");
    assertThat(json.get("outcome").asText()).isEqualTo("SATISFIED");
    assertThat(json.get("narrowerRoleWouldDo")).isNotEmpty();
  }

  @Test
  void catalogOfAnUnknownProfileIsABadUsage() {
    assertThat(run(Map.of(), "catalog", "--profile", "NOPE")).isNotZero();
  }

  @Test
  void verifyDemoExitsOneWhenAPermissionIsMissing() {
    assertThat(run(Map.of(), "verify", "--demo")).isEqualTo(B2cPermissionsCli.NOT_SATISFIED);
    assertThat(out()).contains("MISSING_PERMISSIONS", "MISSING      User-Phone.ReadWrite.All");
  }

  @Test
  void verifyDemoPrintsJson() throws Exception {
    assertThat(run(Map.of(), "verify", "--demo", "--json")).isEqualTo(B2cPermissionsCli.NOT_SATISFIED);
    JsonNode json = new ObjectMapper().readTree(out());
    assertThat(json.get("outcome").asText()).isEqualTo("MISSING_PERMISSIONS");
    assertThat(json.get("permissions")).hasSize(14);
  }

  @Test
  void consentUrlDemoPrintsTheUrlAndKeepsTheStateOffStdout() {
    assertThat(run(Map.of(), "consent-url", "--demo")).isZero();
    assertThat(out()).contains("/v2.0/adminconsent?client_id=");
    assertThat(err()).contains("Keep this state");
  }

  @Test
  void grantDemoIsADryRunThatShowsThePlanFirst() {
    assertThat(run(Map.of(), "grant", "--demo")).isEqualTo(B2cPermissionsCli.NOT_SATISFIED);
    assertThat(out()).contains("RemediationPlan{").contains("GRANT User-Phone.ReadWrite.All")
        .doesNotContain("RemediationResult");
    assertThat(err()).contains("dry run: nothing was granted").contains("--apply");
  }

  @Test
  void grantDemoWithApplyGrantsTheMissingRoleAndConfirmsIt() {
    assertThat(run(Map.of(), "grant", "--demo", "--apply")).isEqualTo(B2cPermissionsCli.SATISFIED);
    String printed = out();
    assertThat(printed.indexOf("RemediationPlan{")).isLessThan(printed.indexOf("RemediationResult{"));
    assertThat(printed).contains("CREATED User-Phone.ReadWrite.All").contains("finalOutcome=SATISFIED");
    assertThat(err()).contains("self-grant");
  }

  @Test
  void fleetRemediateSummarizesThePlanOfEveryTenantWithoutGranting() {
    assertThat(run(Map.of(), "fleet", "--demo", "--remediate")).isEqualTo(B2cPermissionsCli.NOT_SATISFIED);
    assertThat(err()).contains("remediation plan (dry run unless --apply):")
        .contains("grant User-Phone.ReadWrite.All")
        .contains("2 tenant(s) to grant (2 grant(s)), 0 blocked, 0 with nothing to grant")
        .doesNotContain("RemediationResult");
  }

  @Test
  void fleetApplyWithoutRemediateIsAUsageError() {
    assertThat(run(Map.of(), "fleet", "--demo", "--apply")).isEqualTo(B2cPermissionsCli.USAGE);
    assertThat(err()).contains("--apply needs --remediate");
  }

  @Test
  void fleetDemoWritesOneJsonLinePerTenant(@TempDir Path dir) throws Exception {
    assertThat(run(Map.of(), "fleet", "--demo")).isEqualTo(B2cPermissionsCli.NOT_SATISFIED);
    assertThat(out().lines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"schemaVersion\":2"));
    assertThat(err()).contains("2/2", "FleetVerification{tenants=2");
  }

  @Test
  void fleetWithProfilesChecksEachTenantKindAgainstItsOwnProfile() {
    assertThat(run(Map.of(), "fleet", "--demo", "--profile", "B2C_BACKUP_ONLY", "--profile", "EXTERNAL_ID_BACKUP_ONLY"))
        .as(err()).isEqualTo(B2cPermissionsCli.SATISFIED);
    List<String> lines = out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.subList(0, 2)).allSatisfy(l -> assertThat(l).contains("\"name\":\"B2C_BACKUP_ONLY\"", "\"outcome\":\"SATISFIED\""));
    assertThat(lines.get(2)).contains("\"name\":\"EXTERNAL_ID_BACKUP_ONLY\"", "\"tenantType\":\"CIAM\"", "\"outcome\":\"SATISFIED\"");
    assertThat(err()).contains("3/3");
  }

  @Test
  void fleetWithAnUnknownProfileIsAUsageError() {
    assertThat(run(Map.of(), "fleet", "--demo", "--profile", "B2C_EVERYTHING")).isEqualTo(B2cPermissionsCli.USAGE);
    assertThat(err()).contains("unknown profile B2C_EVERYTHING", "EXTERNAL_ID_BACKUP_ONLY");
  }

  @Test
  void realModeWithoutCredentialsIsAUsageError() {
    assertThat(run(Map.of(), "verify")).isEqualTo(B2cPermissionsCli.USAGE);
    assertThat(err()).contains("AZURE_CLIENT_ID");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run(Map.of(), "verify", "--bogus")).isEqualTo(B2cPermissionsCli.USAGE);
    assertThat(err()).contains("Unknown option");
  }

  @Test
  void malformedTenantIsAUsageError() {
    assertThat(run(Map.of(), "verify", "--demo", "--tenant", "not a tenant"))
        .isEqualTo(B2cPermissionsCli.USAGE);
    assertThat(err()).contains("tenant must be a GUID or a domain name");
  }

  @Test
  void fleetFileNamesTenantsOfTheDemo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tenants.txt");
    Files.writeString(file, "# one tenant\ncontoso-demo.onmicrosoft.com\n\n");
    assertThat(run(Map.of(), "fleet", "--demo", file.toString()))
        .isEqualTo(B2cPermissionsCli.NOT_SATISFIED);
    assertThat(out().lines()).hasSize(1);
  }

  @Test
  void fleetLineOfAFailedTenantNamesTheFailureKind(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tenants.txt");
    // The demo's credential only has tokens for the demo tenant: this GUID fails authentication.
    Files.writeString(file, "0000AAAA-1111-2222-3333-444455556666\ncontoso-demo.onmicrosoft.com\n");
    assertThat(run(Map.of(), "fleet", "--demo", file.toString()))
        .isEqualTo(B2cPermissionsCli.COULD_NOT_VERIFY);
    List<String> lines = out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("\"tenantId\":\"0000AAAA-1111-2222-3333-444455556666\"",
        "\"resolvedTenantId\":\"0000aaaa-1111-2222-3333-444455556666\"",
        "\"failureKind\":\"AUTHENTICATION\"");
    assertThat(lines.get(1)).startsWith("{\"schemaVersion\":2");
  }
}
