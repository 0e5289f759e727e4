package io.github.b2cpermissions.graph;

import static io.github.b2cpermissions.B2cBackupPermission.APPLICATION_READ_WRITE_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.AUDIT_LOG_READ_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.DIRECTORY_READ_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.USER_PHONE_READ_WRITE_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.USER_READ_WRITE_ALL;
import static io.github.b2cpermissions.testkit.ReportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.GraphThrottledException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.InsufficientPrivilegesException;
import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.testkit.CachingTokenCredential;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeGraphTenantBuilder;
import io.github.b2cpermissions.testkit.FakeRoute;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verifier against the testkit's fake Graph: one server for the class, a fresh tenant per test.
 */
class GraphPermissionVerifierTest {
  private static final GraphRetryPolicy FAST = GraphRetryPolicy.custom()
      .maxAttempts(4).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(40))
      .deadline(Duration.ofSeconds(20)).build();

  private static FakeGraph server;
  private static final List<GraphRetryEvent> retries = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startServer() {
    server = FakeGraph.builder().pageSize(100).build().start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  private static FakeGraphTenant tenant(FakeGraphTenantBuilder seed) {
    return server.addTenant(seed);
  }

  private static FakeGraphTenant b2cTenant() {
    return tenant(FakeGraphTenant.builder().grantedAll());
  }

  private static GraphPermissionVerifierBuilder verifierBuilder() {
    GraphCloud cloud = GraphCloud.custom(server.authorityHost(), server.graphHost());
    return GraphPermissionVerifier.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .credentials(t -> server.tenant(t).orElseThrow().credential())
        .cloud(cloud)
        .retryPolicy(FAST)
        .retryListener(retries::add)
        .httpClient(new OkHttpClient.Builder()
            .sslSocketFactory(server.sslContext().getSocketFactory(), server.trustManager())
            .build());
  }

  private static VerificationReport verify(FakeGraphTenant t) {
    try (GraphPermissionVerifier v = verifierBuilder().build()) {
      return v.verify(t.tenantId());
    }
  }

  @Test
  void fullyGrantedTenantIsSatisfiedInOneRequestColdAndWarm() {
    FakeGraphTenant t = b2cTenant();
    try (GraphPermissionVerifier v = verifierBuilder().build()) {
      VerificationReport cold = v.verify(t.tenantId());
      assertThat(cold).isSatisfied();
      assertThat(cold.graphRequestCount()).isEqualTo(1);
      assertThat(cold.appPresence()).isEqualTo(AppPresence.ENABLED);
      assertThat(cold.tenantType()).contains("AAD B2C");
      assertThat(cold.servicePrincipalId()).contains(t.servicePrincipalId());
      assertThat(cold.strategy()).isEqualTo(VerificationStrategy.DIRECTORY_AND_TOKEN);
      assertThat(cold.check(USER_READ_WRITE_ALL).assignment()).isPresent();
      assertThat(cold.check(USER_READ_WRITE_ALL).grantedSince()).isPresent();

      VerificationReport warm = v.verify(t.tenantId());
      assertThat(warm).isSatisfied();
      assertThat(warm.graphRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void clientSecretConvenienceServesManyTenantsWithOneCredential() {
    FakeGraphTenant a = b2cTenant();
    FakeGraphTenant b = tenant(FakeGraphTenant.builder().grantedAll().without(USER_PHONE_READ_WRITE_ALL));
    try (GraphPermissionVerifier v = GraphPermissionVerifier.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .clientSecret(FakeGraphTenant.DEFAULT_CLIENT_SECRET)
        .identityHttpClient(
            new io.github.b2cpermissions.testkit.internal.LoopbackAzureHttpClient(server.sslContext()))
        .cloud(GraphCloud.custom(server.authorityHost(), server.graphHost()))
        .httpClient(new OkHttpClient.Builder()
            .sslSocketFactory(server.sslContext().getSocketFactory(), server.trustManager()).build())
        .build()) {
      assertThat(v.verify(a.tenantId())).isSatisfied();
      assertThat(v.verify(b.tenantId())).isMissingExactly(USER_PHONE_READ_WRITE_ALL);
    }
  }

  @Test
  void tenantNamedByDomainIsVerifiedToo() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().b2c("named-by-domain.onmicrosoft.com").grantedAll());
    try (GraphPermissionVerifier v = verifierBuilder()
        .credentials(x -> server.tenant(x).orElseThrow().credential()).build()) {
      assertThat(v.verify("Named-By-Domain.onmicrosoft.com")).isSatisfied();
    }
  }

  @Test
  void missingRoleIsReportedWithConsentUrl() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().grantedAll().without(USER_PHONE_READ_WRITE_ALL));
    GraphConsentUrls consent = GraphConsentUrls.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .redirectUri(FakeGraphTenant.DEFAULT_REDIRECT_URI)
        .cloud(GraphCloud.custom(server.authorityHost(), server.graphHost()))
        .build();
    try (GraphPermissionVerifier v = verifierBuilder().consentUrlBuilder(consent).build()) {
      VerificationReport report = v.verify(t.tenantId());
      assertThat(report).hasOutcome(VerificationOutcome.MISSING_PERMISSIONS)
          .isMissingExactly(USER_PHONE_READ_WRITE_ALL).hasConsentUrl();
      assertThat(report.consentUrl().orElseThrow().toString())
          .startsWith(server.authorityHost() + "/" + t.tenantId() + "/v2.0/adminconsent?");
      assertThat(report.toString()).doesNotContain(report.consentRequest().orElseThrow().state());
    }
  }

  @Test
  void noConsentUrlWithoutABuilder() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().grantedAll().without(USER_PHONE_READ_WRITE_ALL));
    assertThat(verify(t).consentUrl()).isEmpty();
  }

  @Test
  void narrowerReadRoleIsNamedOnTheMissingPermission() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().grantedAll().without(USER_READ_WRITE_ALL));
    t.app().grantRole("User.Read.All");
    VerificationReport report = verify(t);
    assertThat(report).isMissingExactly(USER_READ_WRITE_ALL);
    assertThat(report.check(USER_READ_WRITE_ALL).narrowerRole().map(r -> r.value()))
        .contains("User.Read.All");
    assertThat(report.excessRoles()).isEmpty();
  }

  @Test
  void excessGraphRolesAreReported() {
    FakeGraphTenant t = b2cTenant();
    t.app().grantRole("Directory.ReadWrite.All");
    t.app().grantRole("User.Read.All");
    VerificationReport report = verify(t);
    assertThat(report).isSatisfied().hasExcessRole("Directory.ReadWrite.All").hasExcessRole("User.Read.All");
  }

  @Test
  void neverConsentedAppIsReportedAsNotConsented() {
    FakeGraphTenant t = b2cTenant();
    t.app().removeServicePrincipal();
    VerificationReport report = verify(t);
    assertThat(report).hasOutcome(VerificationOutcome.APP_NOT_CONSENTED).isNotSatisfied();
    assertThat(report.missing()).containsExactlyElementsOf(B2cBackupPermission.all());
  }

  @Test
  void disabledServicePrincipalIsReportedAsDisabled() {
    FakeGraphTenant t = b2cTenant();
    t.app().disableServicePrincipal();
    assertThat(verify(t)).hasOutcome(VerificationOutcome.APP_DISABLED);
  }

  @Test
  void workforceTenantIsNotAB2cTenant() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().tenantType("AAD").grantedAll());
    VerificationReport report = verify(t);
    assertThat(report).hasOutcome(VerificationOutcome.NOT_A_B2C_TENANT);
    assertThat(report.tenantType()).contains("AAD");
  }

  @Test
  void assignmentsToOtherResourcesDeletedOnesAndDuplicatesDoNotCount() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().grantedAll().without(AUDIT_LOG_READ_ALL));
    t.app().grantOtherResourceRole(AUDIT_LOG_READ_ALL.appRoleId());
    t.app().addDeletedAssignment(AUDIT_LOG_READ_ALL);
    VerificationReport report = verify(t);
    assertThat(report).isMissingExactly(AUDIT_LOG_READ_ALL);
  }

  @Test
  void unknownRoleIdOnGraphIsExcessNeverGranted() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().grantedAll());
    t.app().grantRole("TrustFrameworkKeySet.Read.All");
    VerificationReport report = verify(t);
    assertThat(report).isSatisfied().hasExcessRole("TrustFrameworkKeySet.Read.All");
  }

  @Test
  void moreThanAThousandAssignmentsArePagedCompletely() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().grantedAll().without(DIRECTORY_READ_ALL));
    for (int i = 0; i < 1_050; i++) {
      t.app().grantOtherResourceRole(UUID.randomUUID());
    }
    // The one that matters sorts last.
    t.app().grant(DIRECTORY_READ_ALL);
    VerificationReport report = verify(t);
    assertThat(report).isSatisfied();
    assertThat(report.graphRequestCount()).isEqualTo(2); // the $batch, then the second page
  }

  @Test
  void assignmentsRefusedThroughTheAlternateKeyAreReadByObjectId() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().grantedAll().without(USER_PHONE_READ_WRITE_ALL));
    t.faults().on(FakeRoute.LIST_APP_ROLE_ASSIGNMENTS).failNext(1, 400);
    VerificationReport report = verify(t);
    assertThat(report).isMissingExactly(USER_PHONE_READ_WRITE_ALL);
    assertThat(report.graphRequestCount()).isEqualTo(2);
  }

  @Test
  void nextLinkToAnotherHostIsRefusedAndNeverSatisfied() {
    FakeGraphTenant t = b2cTenant();
    for (int i = 0; i < 1_000; i++) {
      t.app().grantOtherResourceRole(UUID.randomUUID());
    }
    t.faults().foreignNextLink(URI.create("https://attacker.example"));
    assertThatThrownBy(() -> verify(t))
        .isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("nextLink")
        .hasMessageContaining("attacker.example");
    assertThat(server.journal().requests()).noneMatch(r -> r.toString().contains("attacker.example/v1.0"));
  }

  @Test
  void throttlingWithRetryAfterIsHonouredThenSucceeds() {
    FakeGraphTenant t = b2cTenant();
    retries.clear();
    t.faults().throttleNext(1, Duration.ofSeconds(1));
    long start = System.nanoTime();
    VerificationReport report = verify(t);
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(report).isSatisfied();
    assertThat(tookMillis).isGreaterThanOrEqualTo(1000);
    assertThat(retries).anySatisfy(e -> {
      assertThat(e.tenantId()).isEqualTo(t.tenantId());
      assertThat(e.fromRetryAfter()).isTrue();
      assertThat(e.delay()).isEqualTo(Duration.ofSeconds(1));
      assertThat(e.reason()).contains("429");
    });
  }

  @Test
  void throttlingWithoutRetryAfterBacksOff() {
    FakeGraphTenant t = b2cTenant();
    retries.clear();
    t.faults().throttleNextWithoutRetryAfter(2);
    assertThat(verify(t)).isSatisfied();
    assertThat(retries).isNotEmpty().allSatisfy(e -> assertThat(e.fromRetryAfter()).isFalse());
  }

  @Test
  void throttlingBeyondTheBudgetFailsAsThrottledNeverSatisfied() {
    FakeGraphTenant t = b2cTenant();
    t.faults().throttleNextWithoutRetryAfter(1_000);
    assertThatThrownBy(() -> verify(t))
        .isInstanceOf(GraphThrottledException.class)
        .satisfies(e -> assertThat(((GraphThrottledException) e).attempts()).isEqualTo(4));
  }

  @Test
  void retryAfterLongerThanTheDeadlineFailsAtOnce() {
    FakeGraphTenant t = b2cTenant();
    t.faults().throttleNext(5, Duration.ofSeconds(60));
    long start = System.nanoTime();
    assertThatThrownBy(() -> verify(t)).isInstanceOf(GraphThrottledException.class)
        .satisfies(e -> assertThat(((GraphThrottledException) e).retryAfter()).contains(Duration.ofSeconds(60)));
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
  }

  @Test
  void serviceUnavailableAndGatewayTimeoutAreRetried() {
    FakeGraphTenant t = b2cTenant();
    t.faults().failNext(1, 503).failNext(1, 504);
    assertThat(verify(t)).isSatisfied();
  }

  @Test
  void persistentServerErrorsFailAsUnavailable() {
    FakeGraphTenant t = b2cTenant();
    t.faults().failNext(1_000, 503);
    assertThatThrownBy(() -> verify(t)).isInstanceOf(GraphUnavailableException.class)
        .hasMessageContaining("503");
  }

  @Test
  void connectionResetIsRetried() {
    FakeGraphTenant t = b2cTenant();
    t.faults().resetConnectionNext(1);
    assertThat(verify(t)).isSatisfied();
  }

  @Test
  void malformedJsonFailsTheCheck() {
    FakeGraphTenant t = b2cTenant();
    t.faults().malformedBodyNext(1);
    assertThatThrownBy(() -> verify(t)).isInstanceOf(UnexpectedGraphResponseException.class)
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void slowGraphTimesOutAsUnavailable() {
    FakeGraphTenant t = b2cTenant();
    t.faults().latency(Duration.ofSeconds(3));
    try (GraphPermissionVerifier v = verifierBuilder()
        .requestTimeout(Duration.ofMillis(300))
        .retryPolicy(GraphRetryPolicy.from(FAST).maxAttempts(2).build())
        .build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId())).isInstanceOf(GraphUnavailableException.class)
          .hasMessageContaining("timeout");
    }
  }

  @Test
  void tokenForAnotherTenantIsRejectedBeforeAnyGraphRequest() {
    FakeGraphTenant t = b2cTenant();
    FakeGraphTenant other = b2cTenant();
    try (GraphPermissionVerifier v = verifierBuilder().credentials(x -> other.credential()).build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId()))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("issued for tenant " + other.tenantId());
    }
  }

  @Test
  void wrongClientSecretFailsWithItsAadstsCode() {
    FakeGraphTenant t = b2cTenant();
    try (GraphPermissionVerifier v = verifierBuilder().credentials(x ->
        new com.azure.identity.ClientSecretCredentialBuilder()
            .authorityHost(server.authorityHost().toString()).tenantId(t.tenantId())
            .clientId(t.clientId()).clientSecret("wrong-secret").disableInstanceDiscovery()
            .httpClient(new io.github.b2cpermissions.testkit.internal.LoopbackAzureHttpClient(
                server.sslContext())).build()).build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId()))
          .isInstanceOf(AuthenticationFailedException.class)
          .satisfies(e -> assertThat(((AuthenticationFailedException) e).aadstsCode()).hasValue(7000215))
          .hasMessageNotContaining("wrong-secret");
    }
  }

  @Test
  void tokenGraphRefusesIsAnAuthenticationFailure() {
    FakeGraphTenant t = b2cTenant();
    TokenCredential tampered = request -> t.credential().getToken(request).map(token ->
        new AccessToken(token.getToken().substring(0, token.getToken().lastIndexOf('.')) + ".AAAA",
            token.getExpiresAt()));
    try (GraphPermissionVerifier v = verifierBuilder().credentials(x -> tampered).build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId()))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("401")
          .hasMessageContaining("InvalidAuthenticationToken");
    }
  }

  private static TokenCredential forged(String payloadJson) {
    java.util.Base64.Encoder enc = java.util.Base64.getUrlEncoder().withoutPadding();
    String jwt = enc.encodeToString("{\"alg\":\"RS256\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + "." + enc.encodeToString(payloadJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".c2ln";
    return request -> reactor.core.publisher.Mono.just(
        new AccessToken(jwt, java.time.OffsetDateTime.now().plusHours(1)));
  }

  @Test
  void tokenForAnotherAudienceIsRejected() {
    FakeGraphTenant t = b2cTenant();
    long exp = java.time.Instant.now().getEpochSecond() + 3600;
    TokenCredential other = forged("{\"aud\":\"https://management.azure.com\",\"tid\":\"" + t.tenantId()
        + "\",\"appid\":\"" + t.clientId() + "\",\"exp\":" + exp + ",\"roles\":[\"User.ReadWrite.All\"]}");
    try (GraphPermissionVerifier v = verifierBuilder().strategy(VerificationStrategy.TOKEN)
        .credentials(x -> other).build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId()))
          .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("audience");
    }
  }

  @Test
  void expiredOrAnonymousTokenIsRejected() {
    FakeGraphTenant t = b2cTenant();
    String aud = server.graphHost().toString();
    TokenCredential expired = forged("{\"aud\":\"" + aud + "\",\"tid\":\"" + t.tenantId()
        + "\",\"appid\":\"" + t.clientId() + "\",\"exp\":1000}");
    TokenCredential anonymous = forged("{\"aud\":\"" + aud + "\",\"exp\":"
        + (java.time.Instant.now().getEpochSecond() + 3600) + "}");
    try (GraphPermissionVerifier v = verifierBuilder().strategy(VerificationStrategy.TOKEN)
        .credentials(x -> expired).build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId()))
          .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("expired");
    }
    try (GraphPermissionVerifier v = verifierBuilder().strategy(VerificationStrategy.TOKEN)
        .credentials(x -> anonymous).build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId()))
          .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("names no tenant");
    }
  }

  @Test
  void fleetSurvivesAnErrorInOneTenantsCheck() {
    FakeGraphTenant good = b2cTenant();
    FakeGraphTenant bad = b2cTenant();
    try (GraphPermissionVerifier v = verifierBuilder().credentials(x -> {
      if (x.equals(bad.tenantId())) {
        throw new AssertionError("boom");
      }
      return good.credential();
    }).build()) {
      FleetVerification fleet = v.verifyFleet(List.of(good.tenantId(), bad.tenantId()));
      assertThat(fleet.satisfiedCount()).isEqualTo(1);
      assertThat(fleet.failures()).singleElement()
          .satisfies(f -> assertThat(f.tenantId()).isEqualTo(bad.tenantId()));
    }
  }

  @Test
  void credentialSourceFailureIsAnAuthenticationFailure() {
    FakeGraphTenant t = b2cTenant();
    try (GraphPermissionVerifier v = verifierBuilder().credentials(x -> {
      throw new IllegalStateException("vault down");
    }).build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId()))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("credential source failed");
    }
  }

  @Test
  void consentUrlFailureKeepsTheReport() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().grantedAll().without(USER_PHONE_READ_WRITE_ALL));
    io.github.b2cpermissions.ConsentUrlBuilder broken = new io.github.b2cpermissions.ConsentUrlBuilder() {
      @Override
      public io.github.b2cpermissions.AdminConsentRequest adminConsentUrl(String tenant) {
        throw new IllegalArgumentException("not for this tenant");
      }

      @Override
      public io.github.b2cpermissions.AdminConsentRequest adminConsentUrl(String tenant, String state) {
        throw new IllegalArgumentException("not for this tenant");
      }
    };
    try (GraphPermissionVerifier v = verifierBuilder().consentUrlBuilder(broken).build()) {
      VerificationReport report = v.verify(t.tenantId());
      assertThat(report).isMissingExactly(USER_PHONE_READ_WRITE_ALL);
      assertThat(report.consentUrl()).isEmpty();
    }
  }

  @Test
  void closedVerifierWithACallersExecutorRefusesChecks() {
    FakeGraphTenant t = b2cTenant();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      GraphPermissionVerifier v = verifierBuilder().executor(pool).build();
      v.close();
      assertThatThrownBy(() -> v.verifyAsync(t.tenantId())).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> v.verifyFleet(List.of(t.tenantId()))).isInstanceOf(IllegalStateException.class);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void readRefusedByGraphNamesTheRoleItNeeds() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder()
        .granted(USER_PHONE_READ_WRITE_ALL, AUDIT_LOG_READ_ALL));
    try (GraphPermissionVerifier v = verifierBuilder().strategy(VerificationStrategy.DIRECTORY).build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId()))
          .isInstanceOf(InsufficientPrivilegesException.class)
          .satisfies(e -> assertThat(((InsufficientPrivilegesException) e).requiredRole())
              .isEqualTo("Application.Read.All"));
    }
  }

  @Test
  void readRefusedMakesTheDirectoryUnreadableWhenBothStrategiesRun() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder()
        .granted(USER_PHONE_READ_WRITE_ALL, AUDIT_LOG_READ_ALL));
    VerificationReport report = verify(t);
    assertThat(report.strategy()).isEqualTo(VerificationStrategy.DIRECTORY_AND_TOKEN);
    assertThat(report).hasGranted(USER_PHONE_READ_WRITE_ALL, AUDIT_LOG_READ_ALL)
        .hasOutcome(VerificationOutcome.DIRECTORY_UNREADABLE);
    assertThat(report.directoryRoleNeeded()).contains("Application.Read.All");
    assertThat(report.capabilities(io.github.b2cpermissions.BackupOperation.BACKUP)).isEmpty();
  }

  @Test
  void fullyGrantedTenantWithAllReadsRefusedIsNeverSatisfied() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().grantedAll());
    t.faults().on(FakeRoute.GET_SERVICE_PRINCIPAL_BY_APP_ID).failNext(1_000, 403);
    VerificationReport report = verify(t);
    assertThat(report).hasOutcome(VerificationOutcome.DIRECTORY_UNREADABLE).isNotSatisfied();
    assertThat(report.appPresence()).isEqualTo(AppPresence.NOT_CHECKED);
  }

  @Test
  void tokenStrategyConfirmsTheTenantOnceThenMakesNoGraphRequest() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().grantedAll());
    try (GraphPermissionVerifier v = verifierBuilder().strategy(VerificationStrategy.TOKEN).build()) {
      VerificationReport cold = v.verify(t.tenantId());
      assertThat(cold).isSatisfied();
      assertThat(cold.graphRequestCount()).isEqualTo(1);
      assertThat(cold.appPresence()).isEqualTo(AppPresence.ENABLED);
      assertThat(cold.tenantType()).contains("AAD B2C");
      int before = server.journal().countGraphRequests();
      VerificationReport warm = v.verify(t.tenantId());
      assertThat(warm).isSatisfied();
      assertThat(warm.graphRequestCount()).isZero();
      assertThat(server.journal().countGraphRequests()).isEqualTo(before);
    }
  }

  @Test
  void tokenStrategyReadsTheDirectoryAgainAfterAVerdictThatIsNotSatisfied() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().grantedAll().without(USER_PHONE_READ_WRITE_ALL));
    try (GraphPermissionVerifier v = verifierBuilder().strategy(VerificationStrategy.TOKEN).build()) {
      assertThat(v.verify(t.tenantId())).isMissingExactly(USER_PHONE_READ_WRITE_ALL);
      VerificationReport again = v.verify(t.tenantId());
      assertThat(again).isMissingExactly(USER_PHONE_READ_WRITE_ALL);
      assertThat(again.graphRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void ciamTenantWithItsServicePrincipalRefusedIsNotAB2cTenant() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().tenantType("CIAM").grantedAll());
    t.faults().on(FakeRoute.GET_SERVICE_PRINCIPAL_BY_APP_ID).failNext(1_000, 403);
    assertThat(verify(t)).hasOutcome(VerificationOutcome.NOT_A_B2C_TENANT);
    try (GraphPermissionVerifier v = verifierBuilder().strategy(VerificationStrategy.TOKEN).build()) {
      assertThat(v.verify(t.tenantId())).hasOutcome(VerificationOutcome.NOT_A_B2C_TENANT);
    }
  }

  @Test
  void tokenStrategyOnAWorkforceTenantIsNotAB2cTenant() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().tenantType("AAD").grantedAll());
    try (GraphPermissionVerifier v = verifierBuilder().strategy(VerificationStrategy.TOKEN).build()) {
      assertThat(v.verify(t.tenantId())).hasOutcome(VerificationOutcome.NOT_A_B2C_TENANT);
    }
  }

  @Test
  void tokenStrategyOnADisabledOrRemovedAppIsNeverSatisfied() {
    FakeGraphTenant disabled = tenant(FakeGraphTenant.builder().grantedAll());
    try (GraphPermissionVerifier v = verifierBuilder().strategy(VerificationStrategy.TOKEN).build()) {
      assertThat(v.verify(disabled.tenantId())).isSatisfied();
      disabled.app().disableServicePrincipal();
      // A confirmation lasts until it expires; a fresh verifier reads the directory.
    }
    try (GraphPermissionVerifier v = verifierBuilder().strategy(VerificationStrategy.TOKEN).build()) {
      assertThat(v.verify(disabled.tenantId())).isNotSatisfied();
    }
    FakeGraphTenant removed = tenant(FakeGraphTenant.builder().grantedAll());
    removed.app().removeServicePrincipal();
    try (GraphPermissionVerifier v = verifierBuilder().strategy(VerificationStrategy.TOKEN).build()) {
      assertThat(v.verify(removed.tenantId())).isNotSatisfied();
    }
  }

  @Test
  void revokedRoleInACachedTokenMeetingARefusedReadIsNeverSatisfied() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().grantedAll());
    CachingTokenCredential caching = t.cachingCredential();
    try (GraphPermissionVerifier v = verifierBuilder().credentials(tenant -> caching).build()) {
      assertThat(v.verify(t.tenantId())).isSatisfied();
      t.app().revoke(AUDIT_LOG_READ_ALL);
      t.faults().on(FakeRoute.LIST_ORGANIZATION).failNext(1, 403);
      VerificationReport report = v.verify(t.tenantId());
      assertThat(report).isNotSatisfied();
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.DIRECTORY_UNREADABLE);
      assertThat(report.directoryRoleNeeded()).contains("Organization.Read.All");
    }
  }

  @Test
  void grantNewerThanTheTokenIsPropagatingUntilAFreshToken() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().grantedAll().without(APPLICATION_READ_WRITE_ALL));
    // MSAL does not cache tokens from an authority with a port (MSAL4J issue 529), so the fake's
    // tokens are cached here the way MSAL caches Entra's in production.
    CachingTokenCredential cached = t.cachingCredential();
    try (GraphPermissionVerifier v = verifierBuilder().credentials(x -> cached).build()) {
      assertThat(v.verify(t.tenantId())).isMissingExactly(APPLICATION_READ_WRITE_ALL);
      t.app().grant(APPLICATION_READ_WRITE_ALL);
      VerificationReport propagating = v.verify(t.tenantId());
      assertThat(propagating).hasOutcome(VerificationOutcome.PERMISSIONS_PROPAGATING)
          .isPropagating(APPLICATION_READ_WRITE_ALL);
      assertThat(v.awaitSatisfied(t.tenantId(), Duration.ofSeconds(10))).isSatisfied();
      // The first token was cached for the second check; only the claims challenge fetched again.
      assertThat(cached.tokenRequests()).isGreaterThan(1);
    }
  }

  @Test
  void awaitSatisfiedReturnsTheLastReportWhenTimeRunsOut() {
    FakeGraphTenant t = tenant(FakeGraphTenant.builder().grantedAll().without(APPLICATION_READ_WRITE_ALL));
    try (GraphPermissionVerifier v = verifierBuilder().build()) {
      VerificationReport last = v.awaitSatisfied(t.tenantId(), Duration.ofSeconds(3));
      assertThat(last).isMissingExactly(APPLICATION_READ_WRITE_ALL);
      assertThatThrownBy(() -> v.awaitSatisfied(t.tenantId(), Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void asyncFailureCompletesWithTheSameException() {
    FakeGraphTenant t = b2cTenant();
    t.faults().malformedBodyNext(1);
    try (GraphPermissionVerifier v = verifierBuilder().build()) {
      assertThatThrownBy(() -> v.verifyAsync(t.tenantId()).get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(UnexpectedGraphResponseException.class);
      assertThat(v.verifyAsync(t.tenantId()).join()).isSatisfied();
    }
  }

  @Test
  void fleetReportsEveryTenantAndOneFailureNeverAbortsTheOthers() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(b2cTenant().tenantId());
    }
    FakeGraphTenant missing = tenant(FakeGraphTenant.builder().grantedAll().without(USER_PHONE_READ_WRITE_ALL));
    FakeGraphTenant broken = b2cTenant();
    broken.faults().failNext(1_000, 503);
    ids.add(missing.tenantId());
    ids.add(broken.tenantId());
    ids.add(ids.get(0)); // a duplicate is checked once, and answered in its own place
    List<Integer> progress = Collections.synchronizedList(new ArrayList<>());
    try (GraphPermissionVerifier v = verifierBuilder().fleetConcurrency(4).build()) {
      FleetVerification fleet = v.verifyFleet(ids, (r, done, total) -> progress.add(done));
      assertThat(fleet.results()).hasSize(15);
      assertThat(fleet.results()).extracting(TenantVerification::tenantId)
          .containsExactlyElementsOf(ids);
      assertThat(fleet.results().get(14).report()).isEqualTo(fleet.results().get(0).report());
      assertThat(fleet.satisfiedCount()).isEqualTo(13);
      assertThat(fleet.failures()).singleElement()
          .satisfies(f -> assertThat(f.tenantId()).isEqualTo(broken.tenantId()))
          .satisfies(f -> assertThat(f.failure()).containsInstanceOf(GraphUnavailableException.class));
      assertThat(fleet.countByOutcome()).containsEntry(VerificationOutcome.MISSING_PERMISSIONS, 1);
      assertThat(progress).hasSize(15).containsExactlyInAnyOrderElementsOf(
          java.util.stream.IntStream.rangeClosed(1, 15).boxed().toList());
    }
  }

  @Test
  void fleetRejectsAMalformedTenantBeforeCheckingAny() {
    FakeGraphTenant t = b2cTenant();
    int before = server.journal().count();
    try (GraphPermissionVerifier v = verifierBuilder().build()) {
      assertThatThrownBy(() -> v.verifyFleet(List.of(t.tenantId(), "bad tenant")))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(server.journal().count()).isEqualTo(before);
  }

  @Test
  void closedVerifierRefusesChecks() {
    FakeGraphTenant t = b2cTenant();
    GraphPermissionVerifier v = verifierBuilder().build();
    v.close();
    assertThatThrownBy(() -> v.verify(t.tenantId())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void journalShowsOnlyExpectedRoutes() {
    FakeGraphTenant t = b2cTenant();
    server.journal().clear();
    verify(t);
    server.journal().assertNoUnexpectedRequests(FakeRoute.TOKEN, FakeRoute.BATCH,
        FakeRoute.GET_SERVICE_PRINCIPAL_BY_APP_ID, FakeRoute.LIST_ORGANIZATION,
        FakeRoute.LIST_APP_ROLE_ASSIGNMENTS);
  }
}
