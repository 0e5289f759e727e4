package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubGrants;
import io.github.b2cpermissions.graph.stub.StubRequest;
import io.github.b2cpermissions.graph.stub.StubTokens;
import io.github.b2cpermissions.remediation.GrantStep;
import io.github.b2cpermissions.remediation.GrantStepStatus;
import io.github.b2cpermissions.remediation.RemediationPlan;
import io.github.b2cpermissions.remediation.RemediationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The granter against the hostile stub: planned, applied and confirmed in one call; idempotent;
 * refusals reported step by step; a create whose answer is late is re-read, not resent blindly.
 */
class PermissionGranterOnTheStubTest {
  private static final List<B2cBackupPermission> MISSING = List.of(
      B2cBackupPermission.AUDIT_LOG_READ_ALL, B2cBackupPermission.USER_MAIL_READ_WRITE_ALL,
      B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
  private static final String ADMIN_APP_ID = "a0a0a0a0-9999-4a4a-8b8b-0000000000ad";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static StubDirectory tenantMissingThree() {
    StubDirectory t = new StubDirectory();
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      if (!MISSING.contains(p)) {
        t.grant(p.appRoleId());
      }
    }
    return t;
  }

  /** An administrator's app token: another app, holding the roles to grant. */
  private static TokenCredential adminCredential(StubDirectory t) {
    return StubTokens.credential(() -> StubTokens.appToken(StubDirectory.GRAPH_APP_ID, t.tenantId,
        ADMIN_APP_ID, Set.of("AppRoleAssignment.ReadWrite.All", "Application.Read.All")));
  }

  private static PermissionGranter granter(GraphStub stub, GraphPermissionVerifier v,
      TokenCredential credential) {
    return PermissionGranter.builder().verifier(v).credential(credential).cloud(stub.cloud())
        .httpClient(stub.okHttpClient()).awaitTimeout(Duration.ofSeconds(20)).build();
  }

  private static List<StubRequest> creates(GraphStub stub) {
    return stub.requests().stream()
        .filter(r -> r.method().equals("POST") && r.path().endsWith("/appRoleAssignedTo")).toList();
  }

  private static long rereads(GraphStub stub, StubDirectory t) {
    return stub.requests().stream().filter(r -> r.method().equals("GET")
        && r.path().equals("/v1.0/servicePrincipals/" + t.servicePrincipalId + "/appRoleAssignments"))
        .count();
  }

  @Test
  void aTenantMissingThreeRolesIsPlannedGrantedAndConfirmedSatisfiedInOneCall() throws IOException {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t);
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build();
        PermissionGranter g = granter(stub, v, adminCredential(t))) {
      RemediationResult result = g.remediate(t.tenantId);

      assertThat(result.plan().assignments()).hasSize(3);
      assertThat(result.steps()).extracting(GrantStep::status).containsOnly(GrantStepStatus.CREATED);
      assertThat(result.steps()).allSatisfy(s -> assertThat(s.assignmentId()).isNotBlank());
      assertThat(result.isSatisfied()).isTrue();
      assertThat(result.finalReport().orElseThrow().outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      List<StubRequest> creates = creates(stub);
      assertThat(creates).hasSize(3);
      assertThat(creates).allSatisfy(r -> assertThat(r.path())
          .isEqualTo("/v1.0/servicePrincipals/" + t.graphServicePrincipalId + "/appRoleAssignedTo"));
      JsonNode body = JSON.readTree(creates.get(0).bodyText());
      assertThat(body.path("principalId").asText()).isEqualTo(t.servicePrincipalId);
      assertThat(body.path("resourceId").asText()).isEqualTo(t.graphServicePrincipalId);
      assertThat(body.path("appRoleId").asText())
          .isEqualTo(GraphPermission.AUDIT_LOG_READ_ALL.appRoleId().toString());
      assertThat(t.grantedRoleValues()).hasSize(14);
    }
  }

  @Test
  void aSecondApplyOfTheSameTenantSendsNoCreate() {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t);
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build();
        PermissionGranter g = granter(stub, v, adminCredential(t))) {
      g.remediate(t.tenantId);
      stub.clearRequests();

      RemediationResult again = g.remediate(t.tenantId);

      assertThat(again.plan().isNoOp()).isTrue();
      assertThat(again.steps()).isEmpty();
      assertThat(again.isSatisfied()).isTrue();
      assertThat(creates(stub)).isEmpty();
    }
  }

  @Test
  void aStalePlanCountsGraphsAnswerForAnExistingAssignmentAsDone() {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t);
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build();
        PermissionGranter g = granter(stub, v, adminCredential(t))) {
      RemediationPlan plan = g.plan(t.tenantId);
      t.grant(B2cBackupPermission.USER_MAIL_READ_WRITE_ALL.appRoleId()); // granted meanwhile

      RemediationResult result = g.apply(plan);

      assertThat(result.steps()).extracting(GrantStep::status).containsExactly(
          GrantStepStatus.CREATED, GrantStepStatus.ALREADY_PRESENT, GrantStepStatus.CREATED);
      assertThat(result.steps().get(1).httpStatus()).isEqualTo(400);
      assertThat(result.steps().get(1).message()).contains("already exists");
      assertThat(result.isSatisfied()).isTrue();
    }
  }

  @Test
  void aRefusedGrantLeavesAClearStepReportAndStopsTheGrantsThatWouldBeRefusedAlike() {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t).then(StubGrants.forbidden());
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build();
        PermissionGranter g = granter(stub, v, adminCredential(t))) {
      RemediationResult result = g.remediate(t.tenantId);

      assertThat(result.steps()).extracting(GrantStep::status).containsExactly(
          GrantStepStatus.REFUSED, GrantStepStatus.NOT_ATTEMPTED, GrantStepStatus.NOT_ATTEMPTED);
      GrantStep refused = result.steps().get(0);
      assertThat(refused.httpStatus()).isEqualTo(403);
      assertThat(refused.errorCode()).contains("Authorization_RequestDenied");
      assertThat(result.steps().get(1).message()).contains("refused with HTTP 403");
      assertThat(creates(stub)).hasSize(1);
      assertThat(result.isSatisfied()).isFalse();
      assertThat(result.finalReport().orElseThrow().outcome())
          .isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
      assertThat(result.finalReport().orElseThrow().missing()).containsExactlyElementsOf(MISSING);
      assertThat(result.toString()).contains("refused=1").contains("notAttempted=2")
          .contains("finalOutcome=MISSING_PERMISSIONS");
    }
  }

  @Test
  void aCreateWhoseAnswerIsLateIsReReadAndFoundNotSentAgain() {
    StubDirectory t = tenantMissingThree();
    StubGrants grants = StubGrants.on(t);
    grants.then(grants.landsButAnswersAfter(Duration.ofSeconds(30)));
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build();
        PermissionGranter g = PermissionGranter.builder().verifier(v).credential(adminCredential(t))
            .cloud(stub.cloud()).httpClient(stub.okHttpClient())
            .requestTimeout(Duration.ofSeconds(2)).awaitTimeout(Duration.ofSeconds(20)).build()) {
      RemediationResult result = g.remediate(t.tenantId);

      GrantStep first = result.steps().get(0);
      assertThat(first.status()).isEqualTo(GrantStepStatus.CREATED);
      assertThat(first.reread()).isTrue();
      assertThat(first.creates()).isEqualTo(1);
      assertThat(first.message()).contains("a re-read found it created");
      assertThat(creates(stub)).hasSize(3);
      assertThat(rereads(stub, t)).isEqualTo(1);
      assertThat(t.assignments.stream()
          .filter(a -> a.appRoleId().equals(GraphPermission.AUDIT_LOG_READ_ALL.appRoleId()))).hasSize(1);
      assertThat(result.isSatisfied()).isTrue();
    }
  }

  @Test
  void aCreateThatTimedOutWithoutLandingIsSentOnceMoreOnlyAfterTheReReadFoundNothing() {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t).then(StubGrants.neitherLandsNorAnswersWithin(Duration.ofSeconds(30)));
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build();
        PermissionGranter g = PermissionGranter.builder().verifier(v).credential(adminCredential(t))
            .cloud(stub.cloud()).httpClient(stub.okHttpClient())
            .requestTimeout(Duration.ofSeconds(2)).awaitTimeout(Duration.ofSeconds(20)).build()) {
      RemediationResult result = g.remediate(t.tenantId);

      GrantStep first = result.steps().get(0);
      assertThat(first.status()).isEqualTo(GrantStepStatus.CREATED);
      assertThat(first.creates()).isEqualTo(2);
      assertThat(first.reread()).isTrue();
      List<StubRequest> sent = stub.requests();
      int firstCreate = -1;
      int reread = -1;
      int secondCreate = -1;
      for (int i = 0; i < sent.size(); i++) {
        StubRequest r = sent.get(i);
        if (r.method().equals("POST") && r.path().endsWith("/appRoleAssignedTo")) {
          if (firstCreate < 0) {
            firstCreate = i;
          } else if (secondCreate < 0) {
            secondCreate = i;
          }
        } else if (firstCreate >= 0 && reread < 0 && r.method().equals("GET")
            && r.path().endsWith("/appRoleAssignments")) {
          reread = i;
        }
      }
      assertThat(reread).isGreaterThan(firstCreate).isLessThan(secondCreate);
      assertThat(result.isSatisfied()).isTrue();
    }
  }

  @Test
  void theBackupAppsOwnCredentialIsRefusedUnlessTheSelfGrantPathIsChosen() {
    StubDirectory t = tenantMissingThree();
    StubGrants.on(t);
    TokenCredential own = StubTokens.credential(() -> withObjectId(t.token(), t.servicePrincipalId));
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      try (PermissionGranter g = granter(stub, v, own)) {
        RemediationPlan plan = g.plan(t.tenantId);
        assertThatThrownBy(() -> g.apply(plan)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("self-escalation");
        assertThat(creates(stub)).isEmpty();
      }
      try (PermissionGranter g = PermissionGranter.builder().verifier(v)
          .selfGrantWithBackupAppCredential(own).cloud(stub.cloud()).httpClient(stub.okHttpClient())
          .awaitTimeout(Duration.ofSeconds(20)).build()) {
        assertThat(g.remediate(t.tenantId).isSatisfied()).isTrue();
      }
    }
  }

  @Test
  void aGranterNeedsAVerifierAndExactlyOneCredential() {
    TokenCredential c = StubTokens.credential(() -> "x.y.z");
    assertThatThrownBy(() -> PermissionGranter.builder().credential(c).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("verifier");
    StubDirectory t = new StubDirectory();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThatThrownBy(() -> PermissionGranter.builder().verifier(v).build())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("0 were set");
      assertThatThrownBy(() -> PermissionGranter.builder().verifier(v).credential(c)
          .selfGrantWithBackupAppCredential(c).build())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 were set");
    }
  }

  /** The same token with an {@code oid} claim, as Entra ID issues app tokens. */
  private static String withObjectId(String jwt, String oid) {
    String[] parts = jwt.split("\\.");
    try {
      com.fasterxml.jackson.databind.node.ObjectNode claims = (com.fasterxml.jackson.databind.node.ObjectNode)
          JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      claims.put("oid", oid);
      return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
