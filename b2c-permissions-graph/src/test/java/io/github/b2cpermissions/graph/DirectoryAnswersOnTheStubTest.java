package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphThrottledException;
import io.github.b2cpermissions.InsufficientPrivilegesException;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubAppRole;
import io.github.b2cpermissions.graph.stub.StubAssignment;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubRequest;
import io.github.b2cpermissions.graph.stub.StubResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * How the verifier reads each answer of the directory in a real check on the hostile stub: the
 * cross-check of the tenant's Microsoft Graph role list against the catalog, answers that are
 * malformed or for the wrong object, which role a refused read names, inner failures of the
 * {@code $batch} and the warm path's re-reads.
 */
class DirectoryAnswersOnTheStubTest {
  private static final B2cBackupPermission AUDIT = B2cBackupPermission.AUDIT_LOG_READ_ALL;

  private static Predicate<StubRequest> organization() {
    return r -> r.path().equals("/v1.0/organization");
  }

  private static Predicate<StubRequest> backupServicePrincipal(StubDirectory t) {
    return r -> r.path().equals("/v1.0/servicePrincipals(appId='" + t.backupAppId + "')");
  }

  private static Predicate<StubRequest> graphServicePrincipal() {
    return r -> r.path().equals("/v1.0/servicePrincipals(appId='" + StubDirectory.GRAPH_APP_ID + "')");
  }

  private static Predicate<StubRequest> assignments() {
    return r -> r.path().endsWith("/appRoleAssignments");
  }

  private static void answer(StubDirectory t, Predicate<StubRequest> which, StubResponse response) {
    var before = t.override;
    t.override = r -> which.test(r) ? response : before.apply(r);
  }

  private static Throwable failureOf(StubDirectory t) {
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      return catchThrowable(() -> v.verify(t.tenantId));
    }
  }

  private static VerificationReport reportOf(StubDirectory t) {
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      return v.verify(t.tenantId);
    }
  }

  // --- the tenant's Graph role list, cross-checked against the catalog ---

  @Test
  void graphRoleWithACatalogIdUnderAnotherValueFailsTheCheck() {
    StubDirectory t = StubDirectory.grantedAll();
    t.graphAppRoles = new ArrayList<>(t.graphAppRoles.stream()
        .map(r -> r.id().equals(AUDIT.appRoleId()) ? new StubAppRole(r.id(), "AuditLog.Read.Some", true) : r)
        .toList());
    assertThat(failureOf(t)).isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("app role " + AUDIT.appRoleId() + " 'AuditLog.Read.Some'")
        .hasMessageContaining("disagrees with the catalog");
  }

  @Test
  void graphRoleWithACatalogValueUnderAnotherIdFailsTheCheck() {
    StubDirectory t = StubDirectory.grantedAll();
    UUID other = UUID.randomUUID();
    t.graphAppRoles = new ArrayList<>(t.graphAppRoles);
    t.graphAppRoles.add(new StubAppRole(other, AUDIT.scope(), false));
    assertThat(failureOf(t)).isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("app role " + other + " '" + AUDIT.scope() + "'");
  }

  @Test
  void graphServicePrincipalWithoutAUsableIdFailsTheCheck() {
    StubDirectory t = StubDirectory.grantedAll();
    answer(t, graphServicePrincipal(), StubResponse.json(200, "{\"id\":\"not an id!\",\"appRoles\":[]}"));
    assertThat(failureOf(t)).isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("Microsoft Graph's service principal without a usable id");
  }

  @Test
  void roleThatGraphListsUnderAnUnusableIdOrValueGrantsNothing() {
    StubDirectory t = StubDirectory.grantedAll();
    String others = "{\"id\":\"x\",\"value\":\"Some.Role\",\"isEnabled\":true},"
        + "{\"id\":\"" + UUID.randomUUID() + "\",\"value\":\"\",\"isEnabled\":true}";
    answer(t, graphServicePrincipal(), StubResponse.json(200, "{\"id\":\"" + t.graphServicePrincipalId
        + "\",\"appRoles\":[" + others + "]}"));
    VerificationReport report = reportOf(t);
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
    assertThat(report.missing()).hasSize(B2cBackupPermission.values().length);
    assertThat(report.excessRoles()).isEmpty();
  }

  @Test
  void roleWithoutAnEnabledFlagGrantsNothing() {
    StubDirectory t = StubDirectory.grantedAll();
    StringBuilder roles = new StringBuilder();
    for (StubAppRole r : t.graphAppRoles) {
      roles.append(roles.length() == 0 ? "" : ",").append("{\"id\":\"").append(r.id())
          .append("\",\"value\":\"").append(r.value()).append("\",\"displayName\":\"d\"")
          .append(r.id().equals(AUDIT.appRoleId()) ? ",\"isEnabled\":\"true\"" : ",\"isEnabled\":true")
          .append("}");
    }
    answer(t, graphServicePrincipal(), StubResponse.json(200,
        "{\"id\":\"" + t.graphServicePrincipalId + "\",\"appRoles\":[" + roles + "]}"));
    assertThat(reportOf(t).missing()).containsExactly(AUDIT);
  }

  // --- the backup app's service principal and the organization ---

  @Test
  void servicePrincipalOfAnotherAppFailsTheCheck() {
    StubDirectory t = StubDirectory.grantedAll();
    answer(t, backupServicePrincipal(t), StubResponse.json(200, "{\"id\":\"" + t.servicePrincipalId
        + "\",\"appId\":\"99999999-8888-7777-6666-555555555555\",\"accountEnabled\":true}"));
    assertThat(failureOf(t)).isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("service principal of another app");
  }

  @Test
  void servicePrincipalWithoutABooleanAccountEnabledFailsTheCheck() {
    StubDirectory t = StubDirectory.grantedAll();
    t.accountEnabled = null;
    assertThat(failureOf(t)).isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("no boolean accountEnabled");
    StubDirectory text = StubDirectory.grantedAll();
    answer(text, backupServicePrincipal(text), StubResponse.json(200, "{\"id\":\""
        + text.servicePrincipalId + "\",\"appId\":\"" + text.backupAppId + "\",\"accountEnabled\":\"true\"}"));
    assertThat(failureOf(text)).isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("no boolean accountEnabled");
  }

  @Test
  void servicePrincipalWithoutAnIdFailsTheCheck() {
    StubDirectory t = StubDirectory.grantedAll();
    answer(t, backupServicePrincipal(t), StubResponse.json(200,
        "{\"appId\":\"" + t.backupAppId + "\",\"accountEnabled\":true}"));
    assertThat(failureOf(t)).isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("the backup app's service principal without a usable id");
  }

  @Test
  void organizationWithoutATenantTypeFailsTheCheck() {
    StubDirectory t = StubDirectory.grantedAll();
    t.tenantType = " ";
    assertThat(failureOf(t)).isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("organization has no tenantType");
  }

  @Test
  void organizationTenantTypeIsReportedAsGraphAnsweredIt() {
    StubDirectory t = StubDirectory.grantedAll();
    VerificationReport report = reportOf(t);
    assertThat(report.tenantType()).contains("AAD B2C");
    assertThat(report.servicePrincipalId()).contains(t.servicePrincipalId);
    assertThat(report.appPresence()).isEqualTo(AppPresence.ENABLED);
  }

  @Test
  void clientErrorOnOneReadInsideTheBatchIsUnexpectedWithItsStatus() {
    StubDirectory t = StubDirectory.grantedAll();
    answer(t, organization(), StubResponse.graphError(400, "BadRequest", "Invalid $select."));
    Throwable thrown = failureOf(t);
    assertThat(thrown).isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("the organization")
        .hasMessageContaining("with 400 BadRequest");
    assertThat(((UnexpectedGraphResponseException) thrown).httpStatus()).isEqualTo(400);
  }

  @Test
  void serverErrorOnOneReadInsideTheBatchNamesTheRead() {
    StubDirectory t = StubDirectory.grantedAll();
    answer(t, graphServicePrincipal(), StubResponse.graphError(500, "InternalServerError", "boom"));
    assertThat(failureOf(t)).isInstanceOf(io.github.b2cpermissions.GraphUnavailableException.class)
        .hasMessageContaining("Graph failed the read of Microsoft Graph's service principal in tenant "
            + t.tenantId + " with 500 InternalServerError");
  }

  @Test
  void throttledReadInsideTheBatchPastTheBudgetIsThrottledWithItsAttempts() {
    StubDirectory t = StubDirectory.grantedAll();
    answer(t, organization(), StubResponse.throttled(0, "Application"));
    Throwable thrown = failureOf(t);
    assertThat(thrown).isInstanceOf(GraphThrottledException.class)
        .hasMessageContaining("Graph kept throttling the read of the organization in tenant " + t.tenantId
            + " after 3 attempt(s); last Retry-After 0 s");
    assertThat(((GraphThrottledException) thrown).attempts()).isEqualTo(3);
  }

  // --- which role a refused read names ---

  @Test
  void organizationAndServicePrincipalBothRefusedNameApplicationReadAll() {
    StubDirectory t = StubDirectory.grantedAll();
    answer(t, organization(), StubResponse.forbidden());
    answer(t, backupServicePrincipal(t), StubResponse.forbidden());
    VerificationReport report = reportOf(t);
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.DIRECTORY_UNREADABLE);
    assertThat(report.directoryRoleNeeded()).contains("Application.Read.All");
    assertThat(report.appPresence()).isEqualTo(AppPresence.NOT_CHECKED);
    assertThat(report.tenantType()).isEmpty();
  }

  @Test
  void refusedReadUnderTheDirectoryStrategyThrowsNamingTheRole() {
    StubDirectory t = StubDirectory.grantedAll();
    answer(t, organization(), StubResponse.forbidden());
    try (GraphStub stub = t.start(); GraphPermissionVerifier v =
        t.verifierBuilder(stub).strategy(VerificationStrategy.DIRECTORY).build()) {
      Throwable thrown = catchThrowable(() -> v.verify(t.tenantId));
      assertThat(thrown).isInstanceOf(InsufficientPrivilegesException.class)
          .hasMessageContaining("tenant " + t.tenantId)
          .hasMessageContaining("needs at least Organization.Read.All");
      assertThat(((InsufficientPrivilegesException) thrown).requiredRole())
          .isEqualTo("Organization.Read.All");
    }
  }

  // --- assignments ---

  @Test
  void assignmentOfAnotherPrincipalAmongTheAppsFailsTheCheck() {
    StubDirectory t = StubDirectory.grantedAll();
    t.assignments.add(new StubAssignment(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
        t.graphServicePrincipalId, AUDIT.appRoleId(), "2026-01-01T00:00:00Z", null));
    assertThat(failureOf(t)).isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("assignment of another principal");
  }

  @Test
  void assignmentWithoutAValidRoleIdFailsTheCheck() {
    StubDirectory t = StubDirectory.grantedAll();
    answer(t, assignments(), StubResponse.json(200, "{\"value\":[{\"id\":\"a\",\"principalId\":\""
        + t.servicePrincipalId + "\",\"resourceId\":\"" + t.graphServicePrincipalId
        + "\",\"appRoleId\":\"not-a-uuid\"}]}"));
    assertThat(failureOf(t)).isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("no valid appRoleId");
  }

  @Test
  void pageOfAssignmentsWithoutAValueArrayFailsTheCheck() {
    StubDirectory t = StubDirectory.grantedAll();
    answer(t, assignments(), StubResponse.json(200, "{\"value\":{}}"));
    assertThat(failureOf(t)).isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("no value array");
  }

  @Test
  void laterPageThatFailsOtherwiseThanARefusalFailsTheCheck() {
    StubDirectory t = StubDirectory.grantedAll();
    t.pageSize = 5;
    answer(t, r -> !r.inBatch() && r.query().contains("skiptoken"),
        StubResponse.graphError(400, "BadRequest", "Invalid skiptoken."));
    assertThat(failureOf(t)).isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("a page of app role assignments")
        .hasMessageContaining("400");
  }

  @Test
  void assignmentOfTheRoleOnAnotherResourceGrantsNothing() {
    StubDirectory t = StubDirectory.grantedAll();
    t.revoke(AUDIT.appRoleId());
    t.assignments.add(new StubAssignment(UUID.randomUUID().toString(), t.servicePrincipalId,
        UUID.randomUUID().toString(), AUDIT.appRoleId(), "2026-01-01T00:00:00Z", null));
    VerificationReport report = reportOf(t);
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
    assertThat(report.check(AUDIT).status()).isEqualTo(PermissionStatus.MISSING);
  }

  @Test
  void deletedAssignmentOfTheRoleGrantsNothing() {
    StubDirectory t = StubDirectory.grantedAll();
    t.revoke(AUDIT.appRoleId());
    t.assignments.add(new StubAssignment(UUID.randomUUID().toString(), t.servicePrincipalId,
        t.graphServicePrincipalId, AUDIT.appRoleId(), "2026-01-01T00:00:00Z",
        "2026-02-01T00:00:00Z"));
    VerificationReport report = reportOf(t);
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
    assertThat(report.check(AUDIT).status()).isEqualTo(PermissionStatus.MISSING);
  }

  /** Graph may leave out a field it has no value for: no createdDateTime is a grant without a date. */
  @Test
  void assignmentWithoutACreatedDateTimeFieldIsAGrantWithoutADate() {
    StubDirectory t = StubDirectory.grantedAll();
    StringBuilder items = new StringBuilder();
    for (StubAssignment a : t.assignments) {
      items.append(items.length() == 0 ? "" : ",").append("{\"id\":\"").append(a.id())
          .append("\",\"appRoleId\":\"").append(a.appRoleId()).append("\",\"principalId\":\"")
          .append(a.principalId()).append("\",\"resourceId\":\"").append(a.resourceId())
          .append("\",\"deletedDateTime\":null}");
    }
    answer(t, assignments(), StubResponse.json(200, "{\"value\":[" + items + "]}"));
    VerificationReport report = reportOf(t);
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
    assertThat(report.check(AUDIT).grantedSince()).isEmpty();
  }

  @Test
  void nextLinkThatComesBackIsAPagingLoopThatFailsTheCheck() {
    StubDirectory t = StubDirectory.grantedAll();
    t.pageSize = 5;
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      String again = stub.baseUri() + "/v1.0/servicePrincipals/" + t.servicePrincipalId
          + "/appRoleAssignments?$top=5&$skiptoken=5";
      answer(t, r -> !r.inBatch() && r.query().contains("skiptoken=5"), StubResponse.json(200,
          "{\"value\":[],\"@odata.nextLink\":\"" + again + "\"}"));
      assertThat(catchThrowable(() -> v.verify(t.tenantId)))
          .isInstanceOf(UnexpectedGraphResponseException.class).hasMessageContaining("loops");
    }
  }

  @Test
  void nextLinkThatIsJsonNullEndsThePaging() {
    StubDirectory t = StubDirectory.grantedAll();
    t.pageSize = 5;
    answer(t, r -> !r.inBatch() && r.query().contains("skiptoken=10"), StubResponse.json(200,
        "{\"value\":[],\"@odata.nextLink\":null}"));
    VerificationReport report = reportOf(t);
    assertThat(report.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
    assertThat(report.missing()).hasSize(4);
  }

  @Test
  void laterPageAnswered500IsGraphUnavailable() {
    StubDirectory t = StubDirectory.grantedAll();
    t.pageSize = 5;
    answer(t, r -> !r.inBatch() && r.query().contains("skiptoken"),
        StubResponse.graphError(500, "InternalServerError", "boom"));
    assertThat(failureOf(t)).isInstanceOf(io.github.b2cpermissions.GraphUnavailableException.class)
        .hasMessageContaining("/appRoleAssignments").hasMessageContaining("with 500");
  }

  /**
   * A workforce tenant and a disabled app are decided by the first {@code $batch} alone: no later
   * page of assignments is read, and the report lists no granted role, no Graph role and no
   * capability.
   */
  @Test
  void notB2cTenantAndDisabledAppAreDecidedFromTheFirstBatchAlone() {
    StubDirectory workforce = StubDirectory.grantedAll();
    workforce.tenantType = "AAD";
    StubDirectory disabled = StubDirectory.grantedAll();
    disabled.accountEnabled = false;
    for (StubDirectory t : List.of(workforce, disabled)) {
      t.pageSize = 5;
      VerificationReport report = reportOf(t);
      assertThat(report.outcome()).isEqualTo(t == workforce
          ? VerificationOutcome.NOT_A_B2C_TENANT : VerificationOutcome.APP_DISABLED);
      assertThat(report.graphRequestCount()).isEqualTo(1);
      assertThat(report.granted()).isEmpty();
      assertThat(report.tenantGraphRoles()).isEmpty();
      assertThat(report.capabilities(io.github.b2cpermissions.BackupOperation.BACKUP)).isEmpty();
    }
  }

  // --- warm checks ---

  /** The same service principal, but its assignments are gone (404): the check reads cold. */
  @Test
  void warmCheckWhoseAssignmentsAnswer404ReadsCold() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThat(v.verify(t.tenantId).graphRequestCount()).isEqualTo(1);
      java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
      var before = t.override;
      t.override = r -> r.inBatch()
          && r.path().equals("/v1.0/servicePrincipals/" + t.servicePrincipalId + "/appRoleAssignments")
          && once.compareAndSet(false, true) ? StubResponse.notFound() : before.apply(r);

      VerificationReport report = v.verify(t.tenantId);

      assertThat(once).isTrue();
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(report.graphRequestCount()).isEqualTo(2);
      assertThat(stub.count("POST", "/v1.0/$batch")).isEqualTo(3); // cold, warm, cold again
    }
  }

  @Test
  void warmCheckReadsAgainWhenTheAppsServicePrincipalWasReplaced() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThat(v.verify(t.tenantId).graphRequestCount()).isEqualTo(1);
      assertThat(v.verify(t.tenantId).graphRequestCount()).isEqualTo(1);
      String replaced = UUID.randomUUID().toString();
      List<StubAssignment> moved = t.assignments.stream().map(a -> new StubAssignment(a.id(), replaced,
          a.resourceId(), a.appRoleId(), a.createdDateTime(), a.deletedDateTime())).toList();
      t.servicePrincipalId = replaced;
      t.assignments.clear();
      t.assignments.addAll(moved);

      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(report.servicePrincipalId()).contains(replaced);
      assertThat(stub.count("POST", "/v1.0/$batch")).isEqualTo(4); // warm, then cold again
      assertThat(v.verify(t.tenantId).graphRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void warmCheckOfARemovedAppIsNotConsentedAndTheNextCheckReadsCold() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      t.servicePrincipalPresent = false;
      VerificationReport removed = v.verify(t.tenantId);
      assertThat(removed.outcome()).isEqualTo(VerificationOutcome.APP_NOT_CONSENTED);
      assertThat(removed.appPresence()).isEqualTo(AppPresence.NOT_FOUND);
      t.servicePrincipalPresent = true;
      stub.clearRequests();
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      // Cold again: the batch asks for Microsoft Graph's service principal too.
      assertThat(stub.requests()).singleElement().satisfies(
          r -> assertThat(r.bodyText()).contains(StubDirectory.GRAPH_APP_ID));
    }
  }

  @Test
  void warmCheckOfADisabledAppIsDisabled() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      v.verify(t.tenantId);
      t.accountEnabled = false;
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.APP_DISABLED);
      assertThat(report.graphRequestCount()).isEqualTo(1);
    }
  }
}
