package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.ConsentUrlBuilder;
import io.github.b2cpermissions.GraphThrottledException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.buildsupport.MutableClock;
import io.github.b2cpermissions.graph.stub.BatchHandler;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubResponse;
import io.github.b2cpermissions.graph.stub.StubTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * What a caller of the verifier sees, on the hostile stub Graph: the report's statuses and roles,
 * the exceptions (type and message) for bad tokens and bad answers, the requests that were sent,
 * and the verifier's lifecycle. These restate, on the fast stub, behaviours the suites on the
 * testkit's fake also check, so that mutation testing (which leaves the fake-backed suites out)
 * sees them.
 */
class VerifierContractOnTheStubTest {
  private static final B2cBackupPermission USERS = B2cBackupPermission.USER_READ_WRITE_ALL;
  private static final B2cBackupPermission AUDIT = B2cBackupPermission.AUDIT_LOG_READ_ALL;

  private static TokenCredential fixed(String jwt) {
    return request -> Mono.just(new AccessToken(jwt, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
  }

  /** A consent URL builder that throws what {@code failure} gives, for every tenant. */
  private static ConsentUrlBuilder failing(java.util.function.Supplier<? extends Throwable> failure) {
    return new ConsentUrlBuilder() {
      @Override
      public io.github.b2cpermissions.AdminConsentRequest adminConsentUrl(String tenant) {
        return thrown();
      }

      @Override
      public io.github.b2cpermissions.AdminConsentRequest adminConsentUrl(String tenant, String state) {
        return thrown();
      }

      private io.github.b2cpermissions.AdminConsentRequest thrown() {
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
          throw r;
        }
        throw (Error) t;
      }
    };
  }

  // --- the report ---

  @Test
  void grantHeldInTheDirectoryButNotYetInTheTokenIsPropagating() {
    StubDirectory t = StubDirectory.grantedAll();
    Set<String> roles = new HashSet<>(t.grantedRoleValues());
    roles.remove(AUDIT.scope());
    t.tokenRoles = roles;
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.check(AUDIT).status()).isEqualTo(PermissionStatus.PROPAGATING);
      assertThat(report.check(AUDIT).assignmentId()).isNotNull();
      assertThat(report.check(USERS).status()).isEqualTo(PermissionStatus.GRANTED);
      assertThat(report.outcome()).isNotEqualTo(VerificationOutcome.SATISFIED);
    }
  }

  @Test
  void directoryStrategyIgnoresTheTokensRoles() {
    StubDirectory t = StubDirectory.grantedAll();
    t.tokenRoles = Set.of();
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilder(stub).strategy(VerificationStrategy.DIRECTORY)
            .build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(report.strategy()).isEqualTo(VerificationStrategy.DIRECTORY);
      assertThat(report.check(USERS).status()).isEqualTo(PermissionStatus.GRANTED);
    }
  }

  @Test
  void narrowerReadRoleIsNamedOnTheMissingPermissionAndIsNotExcess() {
    StubDirectory t = StubDirectory.grantedAll();
    t.revoke(USERS.appRoleId());
    t.grant(USERS.readCounterpart().orElseThrow().id());
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
      assertThat(report.missing()).containsExactly(USERS);
      assertThat(report.check(USERS).narrowerRole().map(r -> r.value())).contains("User.Read.All");
      assertThat(report.check(USERS).assignmentId()).isNull();
      assertThat(report.excessRoles()).isEmpty();
    }
  }

  @Test
  void narrowerReadRoleHeldNextToTheFullOneIsExcess() {
    StubDirectory t = StubDirectory.grantedAll();
    t.grant(USERS.readCounterpart().orElseThrow().id());
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(report.check(USERS).narrowerRole()).isEmpty();
      assertThat(report.excessRoles()).extracting(r -> r.value()).containsExactly("User.Read.All");
    }
  }

  @Test
  void earliestOfTwoAssignmentsOfOneRoleIsTheGrantsEvidence() {
    StubDirectory t = StubDirectory.grantedAll();
    t.revoke(AUDIT.appRoleId());
    t.assignments.add(new io.github.b2cpermissions.graph.stub.StubAssignment("late", t.servicePrincipalId,
        t.graphServicePrincipalId, AUDIT.appRoleId(), "2026-05-01T00:00:00Z", null));
    t.assignments.add(new io.github.b2cpermissions.graph.stub.StubAssignment("early", t.servicePrincipalId,
        t.graphServicePrincipalId, AUDIT.appRoleId(), "2026-02-01T00:00:00Z", null));
    t.assignments.add(new io.github.b2cpermissions.graph.stub.StubAssignment("undated", t.servicePrincipalId,
        t.graphServicePrincipalId, AUDIT.appRoleId(), null, null));
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(report.check(AUDIT).assignmentId()).isEqualTo("early");
      assertThat(report.check(AUDIT).grantedSince()).contains(Instant.parse("2026-02-01T00:00:00Z"));
    }
  }

  @Test
  void aDatedAssignmentIsTheEvidenceOverAnUndatedOneListedBeforeIt() {
    StubDirectory t = StubDirectory.grantedAll();
    t.revoke(AUDIT.appRoleId());
    t.assignments.add(new io.github.b2cpermissions.graph.stub.StubAssignment("undated", t.servicePrincipalId,
        t.graphServicePrincipalId, AUDIT.appRoleId(), null, null));
    t.assignments.add(new io.github.b2cpermissions.graph.stub.StubAssignment("dated", t.servicePrincipalId,
        t.graphServicePrincipalId, AUDIT.appRoleId(), "2026-03-01T00:00:00Z", null));
    t.assignments.add(new io.github.b2cpermissions.graph.stub.StubAssignment("unreadable", t.servicePrincipalId,
        t.graphServicePrincipalId, AUDIT.appRoleId(), "first of March", null));
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.check(AUDIT).assignmentId()).isEqualTo("dated");
      assertThat(report.check(AUDIT).grantedSince()).contains(Instant.parse("2026-03-01T00:00:00Z"));
    }
  }

  @Test
  void ofTwoUndatedAssignmentsTheFirstListedIsTheEvidence() {
    StubDirectory t = StubDirectory.grantedAll();
    t.revoke(AUDIT.appRoleId());
    t.assignments.add(new io.github.b2cpermissions.graph.stub.StubAssignment("first", t.servicePrincipalId,
        t.graphServicePrincipalId, AUDIT.appRoleId(), null, null));
    t.assignments.add(new io.github.b2cpermissions.graph.stub.StubAssignment("second", t.servicePrincipalId,
        t.graphServicePrincipalId, AUDIT.appRoleId(), "", null));
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.check(AUDIT).assignmentId()).isEqualTo("first");
      assertThat(report.check(AUDIT).grantedSince()).isEmpty();
    }
  }

  @Test
  void consentLinkComesWithAMissingPermissionOnlyWhenABuilderIsGiven() {
    StubDirectory t = StubDirectory.grantedAll();
    t.revoke(AUDIT.appRoleId());
    try (GraphStub stub = t.start()) {
      GraphConsentUrls consent = GraphConsentUrls.builder().clientId(t.backupAppId)
          .redirectUri(java.net.URI.create("https://backup.example/consent"))
          .cloud(stub.cloud()).build();
      try (GraphPermissionVerifier with = t.verifierBuilder(stub).consentUrlBuilder(consent).build();
          GraphPermissionVerifier without = t.verifierBuilder(stub).build()) {
        VerificationReport linked = with.verify(t.tenantId);
        assertThat(linked.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
        assertThat(linked.consentUrl().orElseThrow().toString())
            .startsWith(stub.baseUri() + "/" + t.tenantId + "/v2.0/adminconsent?");
        assertThat(without.verify(t.tenantId).consentUrl()).isEmpty();
      }
    }
  }

  /**
   * An app not consented, and a directory read refused (here the organization and the app's
   * service principal, a 403 each inside the {@code $batch}), both come with the consent link
   * that would fix them.
   */
  @Test
  void notConsentedAndUnreadableReportsCarryAConsentLink() {
    StubDirectory removed = StubDirectory.grantedAll();
    removed.servicePrincipalPresent = false;
    StubDirectory refused = StubDirectory.grantedAll();
    refused.override = r -> r.path().equals("/v1.0/organization")
        || r.path().equals("/v1.0/servicePrincipals(appId='" + refused.backupAppId + "')")
        ? StubResponse.forbidden() : null;
    for (StubDirectory t : List.of(removed, refused)) {
      try (GraphStub stub = t.start()) {
        GraphConsentUrls consent = GraphConsentUrls.builder().clientId(t.backupAppId)
            .redirectUri(java.net.URI.create("https://backup.example/consent"))
            .cloud(stub.cloud()).build();
        try (GraphPermissionVerifier v =
            t.verifierBuilder(stub).consentUrlBuilder(consent).build()) {
          VerificationReport report = v.verify(t.tenantId);
          assertThat(report.outcome()).isIn(VerificationOutcome.APP_NOT_CONSENTED,
              VerificationOutcome.DIRECTORY_UNREADABLE);
          assertThat(report.outcome()).isEqualTo(t == removed
              ? VerificationOutcome.APP_NOT_CONSENTED : VerificationOutcome.DIRECTORY_UNREADABLE);
          assertThat(report.consentUrl().orElseThrow().toString())
              .startsWith(stub.baseUri() + "/" + t.tenantId + "/v2.0/adminconsent?");
        }
      }
    }
  }

  @Test
  void satisfiedAndNotB2cReportsCarryNoConsentLink() {
    StubDirectory satisfied = StubDirectory.grantedAll();
    StubDirectory workforce = StubDirectory.grantedAll();
    workforce.tenantType = "AAD";
    AtomicInteger asked = new AtomicInteger();
    ConsentUrlBuilder counting = failing(() -> {
      asked.incrementAndGet();
      return new AssertionError("no consent link is needed here");
    });
    for (StubDirectory t : List.of(satisfied, workforce)) {
      try (GraphStub stub = t.start();
          GraphPermissionVerifier v = t.verifierBuilder(stub).consentUrlBuilder(counting).build()) {
        assertThat(v.verify(t.tenantId).consentUrl()).isEmpty();
      }
    }
    assertThat(asked).hasValue(0);
  }

  @Test
  void consentLinkThatCannotBeBuiltLeavesTheReportWithoutOne() {
    StubDirectory t = StubDirectory.grantedAll();
    t.servicePrincipalPresent = false;
    ConsentUrlBuilder broken = failing(() -> new IllegalStateException("not for this tenant"));
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilder(stub).consentUrlBuilder(broken).build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.APP_NOT_CONSENTED);
      assertThat(report.appPresence()).isEqualTo(AppPresence.NOT_FOUND);
      assertThat(report.consentUrl()).isEmpty();
    }
  }

  // --- the token ---

  @Test
  void tokenForAnotherTenantIsRejectedBeforeAnyGraphRequest() {
    StubDirectory t = StubDirectory.grantedAll();
    String other = UUID.randomUUID().toString();
    String jwt = StubTokens.appToken(StubDirectory.GRAPH_APP_ID, other, t.backupAppId, List.of());
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilderWithoutCredential(stub).credential(fixed(jwt))
            .build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("was issued for tenant " + other)
          .hasMessageNotContaining(jwt);
      assertThat(stub.requestCount()).isZero();
    }
  }

  @Test
  void tokenForAnotherAppIsRejectedBeforeAnyGraphRequest() {
    StubDirectory t = StubDirectory.grantedAll();
    String jwt = StubTokens.appToken(StubDirectory.GRAPH_APP_ID, t.tenantId,
        "99999999-8888-7777-6666-555555555555", List.of());
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilderWithoutCredential(stub).credential(fixed(jwt))
            .build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("issued to app 99999999-8888-7777-6666-555555555555");
      assertThat(stub.requestCount()).isZero();
    }
  }

  @Test
  void tokenForAnotherAudienceIsRejected() {
    StubDirectory t = StubDirectory.grantedAll();
    String jwt = StubTokens.appToken("https://management.azure.com", t.tenantId, t.backupAppId,
        List.of(USERS.scope()));
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilderWithoutCredential(stub).credential(fixed(jwt))
            .strategy(VerificationStrategy.TOKEN).build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("audience https://management.azure.com");
      assertThat(stub.requestCount()).isZero();
    }
  }

  @Test
  void expiredTokenIsRejectedByTheVerifiersClock() {
    StubDirectory t = StubDirectory.grantedAll();
    Instant exp = Instant.now().plusSeconds(600);
    String jwt = StubTokens.appToken(StubDirectory.GRAPH_APP_ID, t.tenantId, t.backupAppId,
        t.grantedRoleValues(), exp);
    MutableClock clock = MutableClock.now();
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilderWithoutCredential(stub).credential(fixed(jwt))
            .clock(clock).build()) {
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      clock.advance(Duration.ofSeconds(601));
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("expired token");
    }
  }

  @Test
  void tokenThatIsNotAJwtIsRejectedWithoutShowingIt() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilderWithoutCredential(stub)
            .credential(fixed("opaque-secret-token")).build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("cannot be read")
          .hasMessageNotContaining("opaque-secret-token");
    }
  }

  @Test
  void credentialSourceThatFailsOrGivesNothingIsAnAuthenticationFailure() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start();
        GraphPermissionVerifier failing = t.verifierBuilderWithoutCredential(stub)
            .credentials(x -> {
              throw new IllegalStateException("vault down");
            }).build();
        GraphPermissionVerifier empty = t.verifierBuilderWithoutCredential(stub)
            .credentials(x -> null).build();
        GraphPermissionVerifier noToken = t.verifierBuilderWithoutCredential(stub)
            .credential(request -> Mono.just(new AccessToken("", OffsetDateTime.now().plusHours(1))))
            .build()) {
      assertThatThrownBy(() -> failing.verify(t.tenantId))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("credential source failed for tenant " + t.tenantId)
          .hasMessageContaining("IllegalStateException");
      assertThatThrownBy(() -> empty.verify(t.tenantId))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("returned no credential");
      assertThatThrownBy(() -> noToken.verify(t.tenantId))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("returned no token");
      assertThat(stub.requestCount()).isZero();
    }
  }

  @Test
  void refusedTokenNamingTheAppAbsentOrDisabledIsReportedNotThrown() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start();
        GraphPermissionVerifier absent = t.verifierBuilderWithoutCredential(stub)
            .credential(request -> Mono.error(new IllegalStateException(
                "AADSTS700016: Application with identifier was not found in the directory")))
            .build();
        GraphPermissionVerifier disabled = t.verifierBuilderWithoutCredential(stub)
            .credential(request -> Mono.error(new IllegalStateException(
                "AADSTS7000112: Application is disabled."))).build();
        GraphPermissionVerifier wrongSecret = t.verifierBuilderWithoutCredential(stub)
            .credential(request -> Mono.error(new IllegalStateException(
                "AADSTS7000215: Invalid client secret provided."))).build()) {
      VerificationReport notFound = absent.verify(t.tenantId);
      assertThat(notFound.outcome()).isEqualTo(VerificationOutcome.APP_NOT_CONSENTED);
      assertThat(notFound.appPresence()).isEqualTo(AppPresence.NOT_FOUND);
      assertThat(notFound.tenantType()).isEmpty();
      assertThat(notFound.graphRequestCount()).isZero();
      VerificationReport off = disabled.verify(t.tenantId);
      assertThat(off.outcome()).isEqualTo(VerificationOutcome.APP_DISABLED);
      assertThat(off.appPresence()).isEqualTo(AppPresence.DISABLED);
      assertThatThrownBy(() -> wrongSecret.verify(t.tenantId))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("AADSTS7000215")
          .satisfies(e -> assertThat(((AuthenticationFailedException) e).aadstsCode())
              .hasValue(7000215));
      assertThat(stub.requestCount()).isZero();
    }
  }

  // --- Graph's answers ---

  @Test
  void malformedOrNonObjectBatchAnswersFailTheCheckAsUnexpected() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      stub.handler(r -> StubResponse.json(200, "{\"responses\": [ {\"id\": "));
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(UnexpectedGraphResponseException.class)
          .hasMessageContaining("malformed JSON");
      stub.handler(r -> StubResponse.json(200, "[1, 2]"));
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(UnexpectedGraphResponseException.class)
          .hasMessageContaining("not a JSON object");
      stub.handler(r -> StubResponse.json(200, ""));
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(UnexpectedGraphResponseException.class)
          .hasMessageContaining("empty body");
      stub.handler(r -> StubResponse.json(200, "{\"value\": []}"));
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(UnexpectedGraphResponseException.class)
          .hasMessageContaining("no responses array");
      assertThat(stub.requestCount()).isEqualTo(4); // none of these is retried
    }
  }

  @Test
  void batchAnswerWithARepeatedOrMissingIdFailsAsUnexpected() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      stub.handler(r -> StubResponse.json(200,
          "{\"responses\":[{\"id\":\"1\",\"status\":404,\"body\":{}},{\"id\":\"1\",\"status\":404,\"body\":{}}]}"));
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(UnexpectedGraphResponseException.class)
          .hasMessageContaining("unknown or repeated response id");
      stub.handler(r -> StubResponse.json(200,
          "{\"responses\":[{\"id\":\"1\",\"status\":404,\"body\":{}}]}"));
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(UnexpectedGraphResponseException.class)
          .hasMessageContaining("lacks the response to request 2");
    }
  }

  @Test
  void serverErrorOtherThan503Or504OnTheBatchIsUnavailableAndNotRetried() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      stub.handler(r -> StubResponse.graphError(502, "BadGateway", "Bad gateway."));
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(GraphUnavailableException.class)
          .hasMessageContaining("with 502")
          .hasMessageContaining("not retried");
      assertThat(stub.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void clientErrorOnTheBatchIsUnexpectedWithItsStatus() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      stub.handler(r -> StubResponse.graphError(400, "BadRequest", "Invalid batch payload format."));
      Throwable thrown = catchThrowable(() -> v.verify(t.tenantId));
      assertThat(thrown).isInstanceOf(UnexpectedGraphResponseException.class)
          .hasMessageContaining("POST $batch with 400 BadRequest");
      assertThat(((UnexpectedGraphResponseException) thrown).httpStatus()).isEqualTo(400);
      assertThat(stub.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void unauthorizedBatchIsAnAuthenticationFailureAndNotRetried() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      stub.handler(r -> StubResponse.graphError(401, "InvalidAuthenticationToken",
          "Access token validation failure."));
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("(401 InvalidAuthenticationToken)");
      assertThat(stub.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void retryAfterLongerThanThePolicyAllowsFailsAtOnceAsThrottled() {
    StubDirectory t = StubDirectory.grantedAll();
    List<GraphRetryEvent> retries = new CopyOnWriteArrayList<>();
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilder(stub).retryListener(retries::add).build()) {
      stub.handler(r -> StubResponse.throttled(3600, "Application"));
      Throwable thrown = catchThrowable(() -> v.verify(t.tenantId));
      assertThat(thrown).isInstanceOf(GraphThrottledException.class)
          .hasMessageContaining("last Retry-After 3600 s");
      assertThat(((GraphThrottledException) thrown).retryAfter()).contains(Duration.ofHours(1));
      assertThat(((GraphThrottledException) thrown).attempts()).isEqualTo(1);
      assertThat(stub.requestCount()).isEqualTo(1);
    }
    assertThat(retries).isEmpty();
  }

  @Test
  void throttlingWithoutRetryAfterBacksOffAndRecovers() {
    StubDirectory t = StubDirectory.grantedAll();
    AtomicInteger posts = new AtomicInteger();
    List<GraphRetryEvent> retries = new CopyOnWriteArrayList<>();
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilder(stub).retryListener(retries::add).build()) {
      stub.handler(BatchHandler.of(t).outer(r -> posts.incrementAndGet() <= 2
          ? StubResponse.graphError(429, "TooManyRequests", "Too many requests") : null));
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(report.graphRequestCount()).isEqualTo(3);
    }
    assertThat(retries).hasSize(2).allSatisfy(e -> {
      assertThat(e.fromRetryAfter()).isFalse();
      assertThat(e.reason()).isEqualTo("HTTP 429");
      assertThat(e.tenantId()).isEqualTo(t.tenantId);
      assertThat(e.request()).isEqualTo("POST /v1.0/$batch");
    });
  }

  @Test
  void nextLinkToAnotherHostIsNeverFollowed() {
    StubDirectory t = StubDirectory.grantedAll();
    t.pageSize = 5;
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      t.override = r -> r.inBatch() && r.path().endsWith("/appRoleAssignments")
          ? StubResponse.json(200, "{\"value\":[],\"@odata.nextLink\":"
              + "\"https://attacker.example/v1.0/servicePrincipals/x/appRoleAssignments?$skiptoken=2\"}")
          : null;
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(UnexpectedGraphResponseException.class)
          .hasMessageContaining("refused to follow an @odata.nextLink")
          .hasMessageContaining("attacker.example");
      assertThat(stub.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void nextLinkThatComesBackTwiceIsALoop() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      String loop = stub.baseUri() + "/v1.0/servicePrincipals/" + t.servicePrincipalId
          + "/appRoleAssignments?$skiptoken=again";
      t.override = r -> r.path().endsWith("/appRoleAssignments")
          ? StubResponse.json(200, "{\"value\":[],\"@odata.nextLink\":\"" + loop + "\"}")
          : null;
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(UnexpectedGraphResponseException.class)
          .hasMessageContaining("loops");
      assertThat(stub.count("GET", "/v1.0/servicePrincipals/")).isEqualTo(1);
    }
  }

  // --- lifecycle ---

  @Test
  void closedVerifierRefusesEveryCheck() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start()) {
      GraphPermissionVerifier v = t.verifierBuilder(stub).build();
      v.close();
      v.close(); // closing again does nothing
      assertThatThrownBy(() -> v.verify(t.tenantId)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      assertThatThrownBy(() -> v.verifyAsync(t.tenantId)).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> v.verifyFleet(List.of(t.tenantId)))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> v.awaitSatisfied(t.tenantId, Duration.ofSeconds(1)))
          .isInstanceOf(IllegalStateException.class);
      assertThat(stub.requestCount()).isZero();
    }
  }

  @Test
  void asyncCheckCompletesWithTheReportOrTheSameException() throws Exception {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThat(v.verifyAsync(t.tenantId).get(30, TimeUnit.SECONDS).outcome())
          .isEqualTo(VerificationOutcome.SATISFIED);
      stub.handler(r -> StubResponse.graphError(502, "BadGateway", "Bad gateway."));
      CompletableFuture<VerificationReport> failing = v.verifyAsync(t.tenantId);
      assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(GraphUnavailableException.class);
    }
  }

  @Test
  void malformedTenantIdIsRejectedBeforeAnyRequest() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThatThrownBy(() -> v.verify("not a tenant/../x")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> v.verifyFleet(List.of(t.tenantId, "bad tenant")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(stub.requestCount()).isZero();
    }
  }

  // --- awaitSatisfied ---

  @Test
  void awaitSatisfiedRefusesATimeoutThatIsNotPositive() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThatThrownBy(() -> v.awaitSatisfied(t.tenantId, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
      assertThatThrownBy(() -> v.awaitSatisfied(t.tenantId, Duration.ofMillis(-1)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(stub.requestCount()).isZero();
    }
  }

  @Test
  void awaitSatisfiedAsksForAFreshTokenAfterTheFirstCheckAndSeesTheGrant() {
    StubDirectory t = StubDirectory.grantedAll();
    t.revoke(AUDIT.appRoleId());
    List<String> claims = new CopyOnWriteArrayList<>();
    AtomicInteger batches = new AtomicInteger();
    TokenCredential recording = request -> {
      claims.add(String.valueOf(request.getClaims()));
      return StubTokens.credential(t::token).getToken(request);
    };
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilderWithoutCredential(stub).credential(recording)
            .build()) {
      stub.handler(BatchHandler.of(t).outer(r -> {
        if (batches.incrementAndGet() == 1) {
          // Granted after the first check got its token: the directory shows it, that token not.
          t.grant(AUDIT.appRoleId());
        }
        return null;
      }));
      VerificationReport report = v.awaitSatisfied(t.tenantId, Duration.ofSeconds(4));
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
    }
    assertThat(claims).hasSizeGreaterThanOrEqualTo(2);
    assertThat(claims.get(0)).isEqualTo("null");
    assertThat(claims.subList(1, claims.size())).allSatisfy(c -> assertThat(c).contains("nbf"));
  }

  @Test
  void awaitSatisfiedWhoseEveryCheckFailsThrowsTheLastFailureAfterTryingAgain() {
    StubDirectory t = StubDirectory.grantedAll();
    List<Integer> statuses = new ArrayList<>(List.of(502, 502, 502, 502, 502, 502, 502, 502));
    AtomicInteger n = new AtomicInteger();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      stub.handler(r -> StubResponse.graphError(
          statuses.get(Math.min(n.getAndIncrement(), statuses.size() - 1)), "BadGateway",
          "attempt " + n.get()));
      assertThatThrownBy(() -> v.awaitSatisfied(t.tenantId, Duration.ofSeconds(3)))
          .isInstanceOf(GraphUnavailableException.class)
          .hasMessageContaining("502");
      assertThat(stub.requestCount()).isGreaterThanOrEqualTo(2);
    }
  }
}
