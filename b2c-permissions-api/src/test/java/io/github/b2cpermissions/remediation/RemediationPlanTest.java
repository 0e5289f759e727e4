package io.github.b2cpermissions.remediation;

import static io.github.b2cpermissions.GraphPermission.AUDIT_LOG_READ_ALL;
import static io.github.b2cpermissions.GraphPermission.GROUP_MEMBER_READ_WRITE_ALL;
import static io.github.b2cpermissions.GraphPermission.USER_MAIL_READ_WRITE_ALL;
import static io.github.b2cpermissions.GraphPermission.USER_PHONE_READ_WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.RoleCheck;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationReportBuilder;
import io.github.b2cpermissions.VerificationStrategy;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RemediationPlanTest {
  private static final String TENANT = "contoso.onmicrosoft.com";
  private static final String BACKUP_SP = "5e0c2a6e-1111-4c1c-9a0e-000000000001";
  private static final String GRAPH_SP = "9a1f7b3d-2222-4d2d-8b1f-000000000002";
  private static final Instant CHECKED = Instant.parse("2026-12-02T03:00:00Z");

  /** The tenant's Graph roles: the profile's, but one under an id of its own (a national cloud). */
  private static final UUID OTHER_CLOUD_MAIL_ID = UUID.fromString("0f0f0f0f-3333-4e3e-9c2a-000000000003");

  private static Map<UUID, GraphAppRole> tenantRoles() {
    Map<UUID, GraphAppRole> roles = new HashMap<>();
    for (GraphPermission p : PermissionProfile.B2C_BACKUP_AND_RESTORE.requiredRoles()) {
      GraphAppRole r = p == USER_MAIL_READ_WRITE_ALL
          ? new GraphAppRole(p.value(), OTHER_CLOUD_MAIL_ID, p.displayName()) : p.asAppRole();
      roles.put(r.id(), r);
    }
    return roles;
  }

  private static VerificationReportBuilder read() {
    return VerificationReport.builder(TENANT).checkedAt(CHECKED).servicePrincipalId(BACKUP_SP)
        .graphServicePrincipal(GRAPH_SP, tenantRoles());
  }

  private static VerificationReportBuilder missingThree() {
    return read().allGranted()
        .check(RoleCheck.of(USER_MAIL_READ_WRITE_ALL, PermissionStatus.MISSING))
        .check(RoleCheck.of(GROUP_MEMBER_READ_WRITE_ALL, PermissionStatus.MISSING))
        .check(RoleCheck.of(AUDIT_LOG_READ_ALL, PermissionStatus.MISSING));
  }

  @Test
  void eachMissingRoleIsPlannedAsAnAssignmentOfTheTenantsOwnGraphRole() {
    RemediationPlan plan = RemediationPlan.plan(missingThree().build());

    assertThat(plan.isApplicable()).isTrue();
    assertThat(plan.blockers()).isEmpty();
    assertThat(plan.assignments()).extracting(PlannedAssignment::role)
        .containsExactly(AUDIT_LOG_READ_ALL, GROUP_MEMBER_READ_WRITE_ALL, USER_MAIL_READ_WRITE_ALL);
    assertThat(plan.assignments()).allSatisfy(a -> {
      assertThat(a.principalId()).isEqualTo(BACKUP_SP);
      assertThat(a.resourceId()).isEqualTo(GRAPH_SP);
    });
    assertThat(plan.assignments().get(2).appRoleId()).isEqualTo(OTHER_CLOUD_MAIL_ID);
    assertThat(plan.assignments().get(0).appRoleId()).isEqualTo(AUDIT_LOG_READ_ALL.appRoleId());
  }

  @Test
  void aSatisfiedTenantPlansNothing() {
    RemediationPlan plan = RemediationPlan.plan(read().allGranted().build());
    assertThat(plan.isNoOp()).isTrue();
    assertThat(plan.isApplicable()).isFalse();
    assertThat(plan.toString()).contains("nothing to grant");
  }

  @Test
  void aRoleTheTenantsGraphDoesNotOfferIsABlockerWhileTheOthersArePlanned() {
    Map<UUID, GraphAppRole> roles = tenantRoles();
    roles.remove(AUDIT_LOG_READ_ALL.appRoleId());
    VerificationReport report = missingThree().graphServicePrincipal(GRAPH_SP, roles).build();

    RemediationPlan plan = RemediationPlan.plan(report);

    assertThat(plan.assignments()).extracting(PlannedAssignment::role)
        .containsExactly(GROUP_MEMBER_READ_WRITE_ALL, USER_MAIL_READ_WRITE_ALL);
    assertThat(plan.blockers()).singleElement().satisfies(b -> {
      assertThat(b.kind()).isEqualTo(BlockerKind.ROLE_NOT_OFFERED);
      assertThat(b.roleConcerned()).contains(AUDIT_LOG_READ_ALL);
    });
    assertThat(plan.isApplicable()).isFalse();
  }

  @Test
  void anAppNeverConsentedIsBlockedAndCarriesTheConsentUrlWithItsStateRedacted() {
    AdminConsentRequest consent = new AdminConsentRequest(
        URI.create("https://login.microsoftonline.com/" + TENANT + "/adminconsent?client_id=x&state=s3cr3t"),
        "s3cr3t");
    VerificationReport report = VerificationReport.builder(TENANT).checkedAt(CHECKED)
        .appPresence(AppPresence.NOT_FOUND).consentRequest(consent).build();

    RemediationPlan plan = RemediationPlan.plan(report);

    assertThat(plan.outcome()).isEqualTo(VerificationOutcome.APP_NOT_CONSENTED);
    assertThat(plan.assignments()).isEmpty();
    assertThat(plan.blockers()).extracting(PlanBlocker::kind).containsExactly(BlockerKind.APP_NOT_CONSENTED);
    assertThat(plan.consentRequest()).contains(consent);
    assertThat(plan.toString()).contains("consentUrl=").contains("state=***").doesNotContain("s3cr3t");
    assertThat(plan.toJson()).contains("state=***").doesNotContain("s3cr3t");
  }

  @Test
  void aDisabledAppAndATenantOfAnotherKindAreBlockedWithoutAssignments() {
    RemediationPlan disabled = RemediationPlan.plan(read().appPresence(AppPresence.DISABLED).build());
    RemediationPlan workforce = RemediationPlan.plan(read().tenantType("AAD").build());

    assertThat(disabled.blockers()).extracting(PlanBlocker::kind).containsExactly(BlockerKind.APP_DISABLED);
    assertThat(workforce.blockers()).extracting(PlanBlocker::kind)
        .containsExactly(BlockerKind.NOT_A_COVERED_TENANT);
    assertThat(workforce.blockers().get(0).remedy()).contains("AAD");
    assertThat(disabled.assignments()).isEmpty();
    assertThat(workforce.assignments()).isEmpty();
  }

  @Test
  void anUnreadableDirectoryIsBlockedNamingTheRoleTheCheckNeeds() {
    RemediationPlan plan = RemediationPlan.plan(
        VerificationReport.builder(TENANT).directoryRoleNeeded("Application.Read.All").build());
    assertThat(plan.blockers()).singleElement().satisfies(b -> {
      assertThat(b.kind()).isEqualTo(BlockerKind.DIRECTORY_UNREADABLE);
      assertThat(b.remedy()).contains("Application.Read.All");
    });
  }

  @Test
  void aTokenOnlyReportCannotBePlannedBecauseTheTenantsIdsWereNotRead() {
    VerificationReport report = VerificationReport.builder(TENANT).strategy(VerificationStrategy.TOKEN)
        .servicePrincipalId(BACKUP_SP).allGranted()
        .check(RoleCheck.of(USER_PHONE_READ_WRITE_ALL, PermissionStatus.MISSING)).build();

    RemediationPlan plan = RemediationPlan.plan(report);

    assertThat(plan.assignments()).isEmpty();
    assertThat(plan.blockers()).extracting(PlanBlocker::kind).containsExactly(BlockerKind.DIRECTORY_NOT_READ);
  }

  @Test
  void excessRolesAreListedForReviewAndNeverPlanned() {
    GraphAppRole excess = GraphPermission.DIRECTORY_READ_WRITE_ALL.asAppRole();
    RemediationPlan plan = RemediationPlan.plan(read().allGranted().excessRole(excess).build());

    assertThat(plan.isNoOp()).isTrue();
    assertThat(plan.excessRoles()).containsExactly(excess);
    assertThat(plan.toString()).contains("REVIEW excess Directory.ReadWrite.All")
        .contains("never removed automatically");
  }

  @Test
  void propagatingRolesAreWaitedForNotGrantedAgain() {
    VerificationReport report = read().strategy(VerificationStrategy.DIRECTORY_AND_TOKEN).allGranted()
        .check(RoleCheck.of(AUDIT_LOG_READ_ALL, PermissionStatus.PROPAGATING)).build();

    RemediationPlan plan = RemediationPlan.plan(report);

    assertThat(plan.assignments()).isEmpty();
    assertThat(plan.propagatingRoles()).containsExactly(AUDIT_LOG_READ_ALL);
    assertThat(plan.toString()).contains("WAIT AuditLog.Read.All");
  }

  @Test
  void theJsonHasTheSchemaVersionAndAFixedFieldOrder() {
    String json = RemediationPlan.plan(missingThree().build()).toJson();

    assertThat(json).startsWith("{\"schemaVersion\":1,\"tenantId\":\"" + TENANT + "\",\"profile\":"
        + "\"B2C_BACKUP_AND_RESTORE\",\"profileVersion\":1,\"outcome\":\"MISSING_PERMISSIONS\","
        + "\"checkedAt\":\"2026-12-02T03:00:00Z\",\"principalId\":\"" + BACKUP_SP + "\","
        + "\"resourceId\":\"" + GRAPH_SP + "\",\"assignments\":[{\"role\":\"AuditLog.Read.All\","
        + "\"appRoleId\":\"" + AUDIT_LOG_READ_ALL.appRoleId() + "\",\"principalId\":\"" + BACKUP_SP
        + "\",\"resourceId\":\"" + GRAPH_SP + "\",\"microsoftPrivilegeLevel\":");
    assertThat(json).endsWith("\"propagatingRoles\":[],\"excessRoles\":[],\"blockers\":[],\"consentUrl\":null}");
  }

  @Test
  void plansOfEqualReportsAreEqualAndPrintAlike() {
    RemediationPlan a = RemediationPlan.plan(missingThree().build());
    RemediationPlan b = RemediationPlan.plan(missingThree().build());
    RemediationPlan other = RemediationPlan.plan(read().allGranted().build());

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(other);
    assertThat(a.toString()).isEqualTo(b.toString());
    assertThat(a.toJson()).isEqualTo(b.toJson());
  }

  @Test
  void theReportKeepsOnlyTheTenantsGraphRolesItsProfileRequires() {
    VerificationReport report = read().profile(PermissionProfile.B2C_BACKUP_ONLY).allGranted().build();
    assertThat(report.graphServicePrincipalId()).contains(GRAPH_SP);
    assertThat(report.tenantGraphRoles().keySet())
        .isEqualTo(PermissionProfile.B2C_BACKUP_ONLY.requiredRoles().stream()
            .filter(r -> tenantRoles().values().stream().anyMatch(t -> t.value().equals(r.value())))
            .collect(java.util.stream.Collectors.toSet()));
    assertThat(VerificationReport.builder(TENANT).build().tenantGraphRoles()).isEmpty();
  }

  @Test
  void aPlanEqualsItselfButNoOtherKindOfValueAndDifferentPlansHashApart() {
    RemediationPlan a = RemediationPlan.plan(missingThree().build());
    RemediationPlan other = RemediationPlan.plan(read().allGranted().build());

    assertThat(a).isEqualTo(a).isNotEqualTo(a.toString()).isNotEqualTo(null);
    assertThat(a.hashCode()).isNotEqualTo(other.hashCode());
  }

  @Test
  void theConsentBlockerSaysWhereTheConsentLinkComesFrom() {
    AdminConsentRequest consent = new AdminConsentRequest(
        URI.create("https://login.microsoftonline.com/" + TENANT + "/adminconsent?client_id=x&state=s"), "s");
    RemediationPlan withLink = RemediationPlan.plan(VerificationReport.builder(TENANT)
        .appPresence(AppPresence.NOT_FOUND).consentRequest(consent).build());
    RemediationPlan withoutLink = RemediationPlan.plan(VerificationReport.builder(TENANT)
        .appPresence(AppPresence.NOT_FOUND).build());

    assertThat(withLink.blockers().get(0).remedy()).endsWith("an administrator must consent through the consent URL");
    assertThat(withoutLink.blockers().get(0).remedy()).endsWith(
        "an administrator must consent (configure a consent URL builder on the verifier to get the link)");
  }

  @Test
  void aSatisfiedReportPlansNothingEvenWithoutTheTenantsIds() {
    RemediationPlan plan = RemediationPlan.plan(VerificationReport.builder(TENANT)
        .strategy(VerificationStrategy.TOKEN).allGranted().build());

    assertThat(plan.blockers()).isEmpty();
    assertThat(plan.isNoOp()).isTrue();
  }

  @Test
  void missingRolesCannotBePlannedWithoutTheBackupAppsPrincipalOrTheTenantsGraphRoles() {
    RemediationPlan noPrincipal = RemediationPlan.plan(VerificationReport.builder(TENANT)
        .graphServicePrincipal(GRAPH_SP, tenantRoles()).allGranted()
        .check(RoleCheck.of(AUDIT_LOG_READ_ALL, PermissionStatus.MISSING)).build());
    RemediationPlan noRoles = RemediationPlan.plan(VerificationReport.builder(TENANT)
        .servicePrincipalId(BACKUP_SP).graphServicePrincipal(GRAPH_SP, Map.of()).allGranted()
        .check(RoleCheck.of(AUDIT_LOG_READ_ALL, PermissionStatus.MISSING)).build());

    assertThat(noPrincipal.blockers()).extracting(PlanBlocker::kind).containsExactly(BlockerKind.DIRECTORY_NOT_READ);
    assertThat(noRoles.blockers()).extracting(PlanBlocker::kind).containsExactly(BlockerKind.DIRECTORY_NOT_READ);
    assertThat(noPrincipal.assignments()).isEmpty();
    assertThat(noRoles.assignments()).isEmpty();
  }
}
