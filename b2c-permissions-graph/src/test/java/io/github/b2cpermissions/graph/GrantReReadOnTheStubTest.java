package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubAssignment;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubGrants;
import io.github.b2cpermissions.graph.stub.StubRequest;
import io.github.b2cpermissions.graph.stub.StubResponse;
import io.github.b2cpermissions.graph.stub.StubTokens;
import io.github.b2cpermissions.remediation.GrantStep;
import io.github.b2cpermissions.remediation.GrantStepStatus;
import io.github.b2cpermissions.remediation.RemediationResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the granter does with each answer Graph documents for {@code POST appRoleAssignedTo}, and
 * how it re-reads the principal's {@code appRoleAssignments} after an unclear one: every page
 * through {@code @odata.nextLink}, never a link off the Graph endpoint, never a paging loop, and a
 * refused re-read leaves the step unconfirmed instead of resending the create. The first planned
 * step ({@code AuditLog.Read.All}) is the one scripted; the other two are granted normally.
 */
class GrantReReadOnTheStubTest {
  private static final String ADMIN_APP_ID = "a0a0a0a0-9999-4a4a-8b8b-0000000000ad";
  private static final UUID AUDIT = GraphPermission.AUDIT_LOG_READ_ALL.appRoleId();

  private static StubDirectory tenantMissingThree() {
    Set<B2cBackupPermission> missing = Set.of(B2cBackupPermission.AUDIT_LOG_READ_ALL,
        B2cBackupPermission.USER_MAIL_READ_WRITE_ALL, B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
    StubDirectory t = new StubDirectory();
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      if (!missing.contains(p)) {
        t.grant(p.appRoleId());
      }
    }
    return t;
  }

  private static TokenCredential admin(StubDirectory t) {
    return StubTokens.credential(() -> StubTokens.appToken(StubDirectory.GRAPH_APP_ID, t.tenantId,
        ADMIN_APP_ID, Set.of("AppRoleAssignment.ReadWrite.All", "Application.Read.All")));
  }

  /** Plans and applies on {@code t}, served by {@code stub}; the final check is one verify. */
  private static RemediationResult remediate(StubDirectory t, GraphStub stub) {
    try (GraphPermissionVerifier v = t.verifierBuilder(stub).build();
        PermissionGranter g = PermissionGranter.builder().verifier(v).credential(admin(t))
            .cloud(stub.cloud()).httpClient(stub.okHttpClient())
            .awaitTimeout(Duration.ofSeconds(3)).build()) {
      return g.remediate(t.tenantId);
    }
  }

  /** A create script: the assignment is created, and Graph answers {@code answer} anyway. */
  private static StubGrants.Script landsAndAnswers(StubGrants grants, StubResponse answer) {
    return r -> {
      grants.create(r);
      return answer;
    };
  }

  private static String assignmentsPath(StubDirectory t) {
    return "/v1.0/servicePrincipals/" + t.servicePrincipalId + "/appRoleAssignments";
  }

  /**
   * The granter's re-reads: outside {@code $batch}, on the principal's id, with the granter's
   * {@code $select} (the verifier's selects {@code createdDateTime} too) or a link of this test.
   */
  private static boolean isReRead(StubDirectory t, StubRequest r) {
    String query = URLDecoder.decode(r.query(), StandardCharsets.UTF_8);
    return !r.inBatch() && r.method().equals("GET") && r.path().equals(assignmentsPath(t))
        && (query.contains("appRoleId,resourceId,deletedDateTime") || query.contains("reread"));
  }

  /** The requests after the first create and before the next create (the first re-read). */
  private static List<StubRequest> afterFirstCreate(GraphStub stub) {
    List<StubRequest> out = new ArrayList<>();
    boolean started = false;
    for (StubRequest r : stub.requests()) {
      boolean create = r.method().equals("POST") && r.path().endsWith("/appRoleAssignedTo");
      if (create && started) {
        break;
      }
      if (started) {
        out.add(r);
      }
      started |= create;
    }
    return out;
  }

  /** Answers the granter's re-reads with {@code answer}; everything else as before. */
  private static void onReRead(StubDirectory t, Function<StubRequest, StubResponse> answer) {
    Function<StubRequest, @Nullable StubResponse> before = t.override;
    t.override = r -> isReRead(t, r) ? answer.apply(r) : before.apply(r);
  }

  private static long reReads(GraphStub stub, StubDirectory t) {
    return stub.requests().stream().filter(r -> isReRead(t, r)).count();
  }

  private static long creates(GraphStub stub) {
    return stub.requests().stream()
        .filter(r -> r.method().equals("POST") && r.path().endsWith("/appRoleAssignedTo")).count();
  }

  private static @Nullable String liveAuditAssignmentId(StubDirectory t) {
    return t.assignments.stream()
        .filter(a -> a.appRoleId().equals(AUDIT) && a.deletedDateTime() == null)
        .map(StubAssignment::id).findFirst().orElse(null);
  }

  /** One page of assignments as Graph writes it, with {@code nextLink} when not null. */
  private static StubResponse page(@Nullable String nextLink, String... items) {
    return StubResponse.json(200, "{\"value\":[" + String.join(",", items) + "]"
        + (nextLink == null ? "" : ",\"@odata.nextLink\":\"" + nextLink + "\"") + "}");
  }

  private static String item(String id, String resourceId, UUID role, @Nullable String deleted) {
    return "{\"id\":\"" + id + "\",\"appRoleId\":\"" + role + "\",\"resourceId\":\"" + resourceId
        + "\",\"deletedDateTime\":" + (deleted == null ? "null" : "\"" + deleted + "\"") + "}";
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 503, 504})
  void aCreateThatLandedButAnsweredUnclearlyIsFoundOnTheLastPageOfTheReReadAndNotSentAgain(
      int status) {
    StubDirectory t = tenantMissingThree();
    t.pageSize = 2; // eleven assignments, and the new one last: six pages
    StubGrants grants = StubGrants.on(t);
    grants.then(landsAndAnswers(grants, StubResponse.graphError(status, "unclear", "unclear")));
    try (GraphStub stub = t.start()) {
      RemediationResult result = remediate(t, stub);

      GrantStep first = result.steps().get(0);
      assertThat(first.status()).isEqualTo(GrantStepStatus.CREATED);
      assertThat(first.assignmentId()).isNotNull().isEqualTo(liveAuditAssignmentId(t));
      assertThat(first.creates()).isEqualTo(1);
      assertThat(first.reread()).isTrue();
      assertThat(first.httpStatus()).isEqualTo(status);
      assertThat(first.message()).contains("unclear (HTTP " + status + " unclear)")
          .contains("a re-read found it created");
      List<StubRequest> reRead = afterFirstCreate(stub);
      assertThat(reRead).hasSize(6).allMatch(r -> r.path().equals(assignmentsPath(t)));
      assertThat(reRead.get(5).query()).contains("skiptoken=10");
      assertThat(creates(stub)).isEqualTo(3);
      assertThat(result.isSatisfied()).isTrue();
    }
  }

  @Test
  void onlyALiveAssignmentOfTheSameRoleOnGraphCountsAsTheCreatesResult() {
    StubDirectory t = tenantMissingThree();
    StubGrants grants = StubGrants.on(t);
    grants.then(r -> StubResponse.unavailable(0)); // not created
    String other = UUID.randomUUID().toString();
    onReRead(t, r -> page(null,
        item("deleted", t.graphServicePrincipalId, AUDIT, "2026-01-01T00:00:00Z"),
        item("elsewhere", other, AUDIT, null),
        item("otherRole", t.graphServicePrincipalId,
            GraphPermission.USER_MAIL_READ_WRITE_ALL.appRoleId(), null)));
    try (GraphStub stub = t.start()) {
      GrantStep first = remediate(t, stub).steps().get(0);

      assertThat(first.status()).isEqualTo(GrantStepStatus.CREATED);
      assertThat(first.creates()).isEqualTo(2);
      assertThat(first.assignmentId()).isEqualTo(liveAuditAssignmentId(t))
          .isNotIn("deleted", "elsewhere", "otherRole");
      assertThat(reReads(stub, t)).isEqualTo(1);
    }
  }

  @Test
  void anAssignmentWithoutADeletedDateTimeFieldIsLive() {
    StubDirectory t = tenantMissingThree();
    StubGrants grants = StubGrants.on(t);
    grants.then(landsAndAnswers(grants, StubResponse.unavailable(0)));
    onReRead(t, r -> page(null, "{\"id\":\"found\",\"appRoleId\":\"" + AUDIT.toString().toUpperCase()
        + "\",\"resourceId\":\"" + t.graphServicePrincipalId.toUpperCase() + "\"}"));
    try (GraphStub stub = t.start()) {
      GrantStep first = remediate(t, stub).steps().get(0);

      assertThat(first.status()).isEqualTo(GrantStepStatus.CREATED);
      assertThat(first.assignmentId()).isEqualTo("found");
      assertThat(first.creates()).isEqualTo(1);
    }
  }

  @Test
  void aCreateUnclearTwiceWithNothingFoundIsUnconfirmedAfterTwoCreatesAndTwoReReads() {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t).then(r -> StubResponse.unavailable(0)).then(r -> StubResponse.dropped());
    try (GraphStub stub = t.start()) {
      RemediationResult result = remediate(t, stub);

      GrantStep first = result.steps().get(0);
      assertThat(first.status()).isEqualTo(GrantStepStatus.UNCONFIRMED);
      assertThat(first.creates()).isEqualTo(2);
      assertThat(first.reread()).isTrue();
      assertThat(first.assignmentId()).isNull();
      assertThat(first.message()).contains("unclear 2 times").contains("a re-read found no assignment");
      assertThat(reReads(stub, t)).isEqualTo(2);
      assertThat(result.steps().get(1).status()).isEqualTo(GrantStepStatus.CREATED);
      assertThat(result.isSatisfied()).isFalse();
    }
  }

  @Test
  void aRefusedReReadLeavesTheStepUnconfirmedWithoutASecondCreate() {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t).then(r -> StubResponse.unavailable(0));
    onReRead(t, r -> StubResponse.forbidden());
    try (GraphStub stub = t.start()) {
      RemediationResult result = remediate(t, stub);

      GrantStep first = result.steps().get(0);
      assertThat(first.status()).isEqualTo(GrantStepStatus.UNCONFIRMED);
      assertThat(first.creates()).isEqualTo(1);
      assertThat(first.httpStatus()).isEqualTo(503);
      assertThat(first.message())
          .contains("the re-read failed (HTTP 403 Authorization_RequestDenied)");
      assertThat(creates(stub)).isEqualTo(3);
      assertThat(result.isSatisfied()).isFalse();
    }
  }

  @Test
  void aReReadAnswerWithoutAValueArrayIsAFailedReRead() {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t).then(r -> StubResponse.unavailable(0));
    onReRead(t, r -> StubResponse.json(200, "{\"value\":{}}"));
    try (GraphStub stub = t.start()) {
      GrantStep first = remediate(t, stub).steps().get(0);

      assertThat(first.status()).isEqualTo(GrantStepStatus.UNCONFIRMED);
      assertThat(first.creates()).isEqualTo(1);
      assertThat(first.message()).contains("no value array");
    }
  }

  @Test
  void aLaterPageThatFailsIsAFailedReRead() {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t).then(r -> StubResponse.unavailable(0));
    try (GraphStub stub = t.start()) {
      onReRead(t, r -> r.query().contains("reread")
          ? StubResponse.graphError(500, "generalException", "page 2 failed")
          : page(stub.baseUri() + assignmentsPath(t) + "?$skiptoken=reread2"));
      GrantStep first = remediate(t, stub).steps().get(0);

      assertThat(first.status()).isEqualTo(GrantStepStatus.UNCONFIRMED);
      assertThat(first.creates()).isEqualTo(1);
      assertThat(first.message()).contains("re-read failed (HTTP 500 generalException)");
      assertThat(reReads(stub, t)).isEqualTo(2);
    }
  }

  @Test
  void aNextLinkThatComesBackIsAPagingLoopAndStopsTheReRead() {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t).then(r -> StubResponse.unavailable(0));
    try (GraphStub stub = t.start()) {
      String loop = stub.baseUri() + assignmentsPath(t) + "?$skiptoken=reread-loop";
      onReRead(t, r -> page(loop));
      GrantStep first = remediate(t, stub).steps().get(0);

      assertThat(first.status()).isEqualTo(GrantStepStatus.UNCONFIRMED);
      assertThat(first.creates()).isEqualTo(1);
      assertThat(first.message()).contains("the paging of assignments loops");
      assertThat(reReads(stub, t)).isEqualTo(2);
    }
  }

  /** Each link leaves the Graph endpoint in one way: host, scheme, port, path, or is no URL. */
  @ParameterizedTest
  @ValueSource(strings = {"https://localhost:PORT/v1.0/SP?$skiptoken=evil",
      "http://127.0.0.1:PORT/v1.0/SP?$skiptoken=evil", "https://127.0.0.1:OTHER/v1.0/SP?$skiptoken=evil",
      "https://127.0.0.1:PORT/beta/SP?$skiptoken=evil", "not a link"})
  void aNextLinkOffTheGraphEndpointIsNotFollowedAndTheReReadFails(String template) {
    StubDirectory t = tenantMissingThree();
    StubGrants grants = StubGrants.on(t);
    grants.then(landsAndAnswers(grants, StubResponse.unavailable(0)));
    String live = item("live", t.graphServicePrincipalId, AUDIT, null);
    try (GraphStub stub = t.start();
        GraphStub other = GraphStub.start(r -> page(null, live))) {
      String sp = "servicePrincipals/" + t.servicePrincipalId + "/appRoleAssignments";
      String link = template.replace("OTHER", String.valueOf(other.baseUri().getPort()))
          .replace("PORT", String.valueOf(stub.baseUri().getPort())).replace("SP", sp);
      onReRead(t, r -> page(link));
      Function<StubRequest, @Nullable StubResponse> before = t.override;
      t.override = r -> r.query().contains("evil") ? page(null, live) : before.apply(r);

      GrantStep first = remediate(t, stub).steps().get(0);

      assertThat(first.status()).isEqualTo(GrantStepStatus.UNCONFIRMED);
      assertThat(first.creates()).isEqualTo(1);
      assertThat(first.message())
          .contains("refused to follow a link that leaves the Graph endpoint");
      assertThat(stub.requests()).noneMatch(r -> r.query().contains("evil"));
      assertThat(other.requestCount()).isZero();
    }
  }

  @Test
  void aNextLinkOnTheGraphEndpointIsFollowed() {
    StubDirectory t = tenantMissingThree();
    StubGrants grants = StubGrants.on(t);
    grants.then(landsAndAnswers(grants, StubResponse.unavailable(0)));
    try (GraphStub stub = t.start()) {
      onReRead(t, r -> r.query().contains("reread2")
          ? page(null, item("second", t.graphServicePrincipalId, AUDIT, null))
          : page(stub.baseUri() + assignmentsPath(t) + "?$skiptoken=reread2"));
      GrantStep first = remediate(t, stub).steps().get(0);

      assertThat(first.status()).isEqualTo(GrantStepStatus.CREATED);
      assertThat(first.assignmentId()).isEqualTo("second");
      assertThat(first.creates()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void aCreateRefusedForTheCredentialStopsTheRestWithTheReason(int status) {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t).then(r -> StubResponse.graphError(status, "InvalidAuthenticationToken",
        "Access token validation failure."));
    try (GraphStub stub = t.start()) {
      RemediationResult result = remediate(t, stub);

      assertThat(result.steps()).extracting(GrantStep::status).containsExactly(
          GrantStepStatus.REFUSED, GrantStepStatus.NOT_ATTEMPTED, GrantStepStatus.NOT_ATTEMPTED);
      GrantStep first = result.steps().get(0);
      assertThat(first.httpStatus()).isEqualTo(status);
      assertThat(first.reread()).isFalse();
      assertThat(first.message()).isEqualTo("Access token validation failure.");
      assertThat(result.steps().get(1).message())
          .contains("refused with HTTP " + status + " InvalidAuthenticationToken");
      assertThat(creates(stub)).isEqualTo(1);
      assertThat(reReads(stub, t)).isZero();
    }
  }

  /** A refusal that is not the credential's (a 400, 404, 409 or 3xx) refuses this step only. */
  @ParameterizedTest
  @ValueSource(ints = {300, 400, 404, 409, 428})
  void aCreateRefusedForItsOwnReasonIsReportedAndTheOthersAreStillSent(int status) {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t).then(r -> StubResponse.graphError(status, "Request_BadRequest",
        "Permission being assigned was not found on application."));
    try (GraphStub stub = t.start()) {
      RemediationResult result = remediate(t, stub);

      assertThat(result.steps()).extracting(GrantStep::status).containsExactly(
          GrantStepStatus.REFUSED, GrantStepStatus.CREATED, GrantStepStatus.CREATED);
      GrantStep first = result.steps().get(0);
      assertThat(first.httpStatus()).isEqualTo(status);
      assertThat(first.errorCode()).contains("Request_BadRequest");
      assertThat(first.reread()).isFalse();
      assertThat(first.creates()).isEqualTo(1);
      assertThat(reReads(stub, t)).isZero();
      assertThat(result.isSatisfied()).isFalse();
    }
  }

  @Test
  void aRefusalWithoutAMessageSaysGraphRefusedTheGrant() {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t).then(r -> StubResponse.json(400, "{}"));
    try (GraphStub stub = t.start()) {
      GrantStep first = remediate(t, stub).steps().get(0);

      assertThat(first.status()).isEqualTo(GrantStepStatus.REFUSED);
      assertThat(first.message()).isEqualTo("Graph refused the grant");
      assertThat(first.errorCode()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 409})
  void graphsAnswerThatTheAssignmentAlreadyExistsIsAlreadyPresent(int status) {
    StubDirectory t = tenantMissingThree();
    StubGrants grants = StubGrants.on(t);
    grants.then(landsAndAnswers(grants, StubResponse.graphError(status, "Request_BadRequest",
        "Permission being assigned ALREADY EXISTS on the object")));
    try (GraphStub stub = t.start()) {
      GrantStep first = remediate(t, stub).steps().get(0);

      assertThat(first.status()).isEqualTo(GrantStepStatus.ALREADY_PRESENT);
      assertThat(first.httpStatus()).isEqualTo(status);
      assertThat(first.creates()).isEqualTo(1);
    }
  }

  @Test
  void aCreatedAnswerCarriesGraphsAssignmentId() {
    StubDirectory t = tenantMissingThree();
    StubGrants grants = StubGrants.on(t);
    grants.then(landsAndAnswers(grants, StubResponse.json(200, "{\"id\":\"from-graph\"}")));
    try (GraphStub stub = t.start()) {
      GrantStep first = remediate(t, stub).steps().get(0);

      assertThat(first.status()).isEqualTo(GrantStepStatus.CREATED);
      assertThat(first.assignmentId()).isEqualTo("from-graph");
      assertThat(first.httpStatus()).isEqualTo(200);
      assertThat(first.reread()).isFalse();
    }
  }

  @Test
  void aRefusalWithoutAGraphCodeNamesOnlyTheStatusInTheStopReason() {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t).then(r -> StubResponse.json(403, "{}"));
    try (GraphStub stub = t.start()) {
      RemediationResult result = remediate(t, stub);

      assertThat(result.steps().get(0).status()).isEqualTo(GrantStepStatus.REFUSED);
      assertThat(result.steps().get(1).message()).contains("refused with HTTP 403, which");
    }
  }

  @Test
  void anUnclearAnswerWithoutAGraphCodeNamesOnlyTheStatus() {
    StubDirectory t = tenantMissingThree();
    StubGrants grants = StubGrants.on(t);
    grants.then(landsAndAnswers(grants, StubResponse.json(503, "")));
    try (GraphStub stub = t.start()) {
      GrantStep first = remediate(t, stub).steps().get(0);

      assertThat(first.status()).isEqualTo(GrantStepStatus.CREATED);
      assertThat(first.message()).contains("unclear (HTTP 503);");
    }
  }

  /** A JSON-null {@code @odata.nextLink} ends the paging: nothing found, so one more create. */
  @Test
  void aNullNextLinkEndsTheReReadAndTheCreateIsSentOnceMore() {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t).then(r -> StubResponse.unavailable(0));
    onReRead(t, r -> StubResponse.json(200, "{\"value\":[],\"@odata.nextLink\":null}"));
    try (GraphStub stub = t.start()) {
      GrantStep first = remediate(t, stub).steps().get(0);

      assertThat(first.status()).isEqualTo(GrantStepStatus.CREATED);
      assertThat(first.creates()).isEqualTo(2);
      assertThat(reReads(stub, t)).isEqualTo(1);
    }
  }
}
