package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.BackupOperation;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.InsufficientPrivilegesException;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.buildsupport.MutableClock;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubAppRole;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubRequest;
import io.github.b2cpermissions.graph.stub.StubResponse;
import io.github.b2cpermissions.graph.stub.StubTenants;
import io.github.b2cpermissions.graph.stub.StubTokens;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fail-closed verdict (issue 10, items 1-3 and 8) against the hostile stub: every answer Graph
 * gave is used, a refused read never passes as SATISFIED, each tenant is bound to its token and
 * judged by its own Graph roles, and the token strategy confirms the tenant from the directory.
 */
class FailClosedHostileGraphTest {
  private static final B2cBackupPermission AUDIT = B2cBackupPermission.AUDIT_LOG_READ_ALL;

  /** The reads a check makes, each recognizable on the stub. */
  enum Read {
    SERVICE_PRINCIPAL, GRAPH_SERVICE_PRINCIPAL, ORGANIZATION, ASSIGNMENTS, LAST_PAGE;

    Predicate<StubRequest> in(StubDirectory t) {
      String spByKey = "/v1.0/servicePrincipals(appId='" + t.backupAppId + "')";
      String spById = "/v1.0/servicePrincipals/" + t.servicePrincipalId;
      return switch (this) {
        case SERVICE_PRINCIPAL -> r -> r.path().equals(spByKey) || r.path().equals(spById);
        case GRAPH_SERVICE_PRINCIPAL ->
            r -> r.path().equals("/v1.0/servicePrincipals(appId='" + StubDirectory.GRAPH_APP_ID + "')");
        case ORGANIZATION -> r -> r.path().equals("/v1.0/organization");
        case ASSIGNMENTS -> r -> r.path().endsWith("/appRoleAssignments")
            && !r.query().contains("skiptoken");
        case LAST_PAGE -> r -> r.path().endsWith("/appRoleAssignments")
            && r.query().contains("skiptoken=12");
      };
    }
  }

  private static void fail(StubDirectory t, Predicate<StubRequest> which, StubResponse answer) {
    Function<StubRequest, @Nullable StubResponse> before = t.override;
    t.override = r -> which.test(r) ? answer : before.apply(r);
  }

  /** A fully granted tenant whose 14 assignments come in 4 pages of 4. */
  private static StubDirectory fourPages() {
    StubDirectory t = StubDirectory.grantedAll();
    t.pageSize = 4;
    return t;
  }

  // --- item 1: decisive answers win over any failure of the other items ---

  @Test
  void workforceTenantTypeInTheSameBatchAsARefusedServicePrincipalIsNotAB2cTenant() {
    StubDirectory t = StubDirectory.grantedAll();
    t.tenantType = "AAD";
    fail(t, Read.SERVICE_PRINCIPAL.in(t), StubResponse.forbidden());
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
      assertThat(report.tenantType()).contains("AAD");
      assertThat(report.capabilities(BackupOperation.BACKUP)).isEmpty();
    }
  }

  @Test
  void ciamTenantTypeInTheSameBatchAsARefusedGraphServicePrincipalIsNotAB2cTenant() {
    StubDirectory t = StubDirectory.grantedAll();
    t.tenantType = "CIAM";
    fail(t, Read.GRAPH_SERVICE_PRINCIPAL.in(t), StubResponse.forbidden());
    fail(t, Read.ASSIGNMENTS.in(t), StubResponse.forbidden());
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
    }
  }

  @Test
  void tenantReportedNotB2cNeverFlipsToSatisfiedOnALaterCheckWithARefusal() {
    StubDirectory t = StubDirectory.grantedAll();
    t.tenantType = "AAD";
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
      fail(t, Read.ASSIGNMENTS.in(t), StubResponse.forbidden());
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
      fail(t, Read.SERVICE_PRINCIPAL.in(t), StubResponse.forbidden());
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
    }
  }

  @Test
  void revokedRoleStillInACachedTokenMeetingOneRefusalIsDirectoryUnreadable() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start()) {
      TokenCredential caching = StubTokens.caching(t::token);
      try (GraphPermissionVerifier v =
          t.verifierBuilderWithoutCredential(stub).credentials(x -> caching).build()) {
        assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
        t.revoke(AUDIT.appRoleId());
        AtomicInteger refusals = new AtomicInteger(1);
        fail(t, r -> Read.ASSIGNMENTS.in(t).test(r) && refusals.getAndDecrement() > 0,
            StubResponse.forbidden());
        VerificationReport report = v.verify(t.tenantId);
        assertThat(report.outcome()).isEqualTo(VerificationOutcome.DIRECTORY_UNREADABLE);
        assertThat(report.directoryRoleNeeded()).contains("Application.Read.All");
        assertThat(report.capabilities(BackupOperation.BACKUP)).isEmpty();
        // Once Graph answers again, the revoked role shows up as missing.
        assertThat(v.verify(t.tenantId).missing()).containsExactly(AUDIT);
      }
    }
  }

  @Test
  void partiallyConsentedWorkforceTenantIsNotAB2cTenant() {
    StubDirectory t = StubDirectory.grantedAll();
    t.tenantType = "AAD";
    // Only Organization.Read.All: every read but the organization is refused.
    fail(t, r -> !Read.ORGANIZATION.in(t).test(r), StubResponse.forbidden());
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub)
        .consentUrlBuilder(GraphConsentUrls.builder().clientId(t.backupAppId)
            .redirectUri(java.net.URI.create("https://app.example/consent")).build())
        .build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
      assertThat(report.consentUrl()).isEmpty();
    }
  }

  @Test
  void refusalOnPageFourOfFourIsDirectoryUnreadable() {
    StubDirectory t = fourPages();
    fail(t, Read.LAST_PAGE.in(t), StubResponse.forbidden());
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.DIRECTORY_UNREADABLE);
      assertThat(stub.count("GET", "/v1.0/servicePrincipals/")).isEqualTo(3);
    }
  }

  @Test
  void disabledAppWithARefusalOnItsAssignmentsIsAppDisabled() {
    StubDirectory t = StubDirectory.grantedAll();
    t.accountEnabled = false;
    fail(t, Read.ASSIGNMENTS.in(t), StubResponse.forbidden());
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.APP_DISABLED);
    }
  }

  @Test
  void removedAppWithAServerErrorOnTheOrganizationIsNotConsented() {
    StubDirectory t = StubDirectory.grantedAll();
    t.servicePrincipalPresent = false;
    fail(t, Read.ORGANIZATION.in(t), StubResponse.graphError(500, "InternalServerError", "boom"));
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.APP_NOT_CONSENTED);
    }
  }

  @Test
  void assignmentsRefusedOnlyThroughTheAlternateKeyAreReadByObjectIdAndSatisfied() {
    StubDirectory t = StubDirectory.grantedAll();
    String altKey = "/v1.0/servicePrincipals(appId='" + t.backupAppId + "')/appRoleAssignments";
    fail(t, r -> r.path().equals(altKey), StubResponse.forbidden());
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(stub.requestCount()).isEqualTo(2);
    }
  }

  // --- item 1: 403 / 401 / 5xx on each read of the check ---

  static Stream<Arguments> faults() {
    return Stream.of(Read.values()).flatMap(read -> Stream.of(
        Arguments.of(read, 403), Arguments.of(read, 401), Arguments.of(read, 500),
        Arguments.of(read, 503)));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("faults")
  void everyReadThatFailsIsNeverSatisfied(Read read, int status) {
    StubDirectory t = fourPages();
    StubResponse answer = switch (status) {
      case 403 -> StubResponse.forbidden();
      case 401 -> StubResponse.graphError(401, "InvalidAuthenticationToken", "Access token has expired.");
      case 503 -> StubResponse.unavailable(0);
      default -> StubResponse.graphError(status, "InternalServerError", "boom");
    };
    fail(t, read.in(t), answer);
    try (GraphStub stub = t.start();
        GraphPermissionVerifier both = t.verifierBuilder(stub).build();
        GraphPermissionVerifier directory =
            t.verifierBuilder(stub).strategy(VerificationStrategy.DIRECTORY).build()) {
      if (status == 403) {
        VerificationReport report = both.verify(t.tenantId);
        assertThat(report.outcome()).isEqualTo(VerificationOutcome.DIRECTORY_UNREADABLE);
        assertThat(report.directoryRoleNeeded()).contains(
            read == Read.ORGANIZATION ? "Organization.Read.All" : "Application.Read.All");
        assertThatThrownBy(() -> directory.verify(t.tenantId))
            .isInstanceOf(InsufficientPrivilegesException.class);
      } else {
        Class<? extends Exception> expected = status == 401
            ? AuthenticationFailedException.class : GraphUnavailableException.class;
        assertThatThrownBy(() -> both.verify(t.tenantId)).isInstanceOf(expected);
        assertThatThrownBy(() -> directory.verify(t.tenantId)).isInstanceOf(expected);
      }
    }
  }

  @Test
  void serviceUnavailableInsideTheBatchPastTheBudgetKeepsTheOtherAnswers() {
    StubDirectory t = StubDirectory.grantedAll();
    t.tenantType = "CIAM";
    fail(t, Read.GRAPH_SERVICE_PRINCIPAL.in(t), StubResponse.unavailable(0));
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
      assertThat(stub.count("POST", "/v1.0/$batch")).isEqualTo(3); // the policy's 3 attempts
    }
  }

  // --- item 1: the TOKEN strategy ---

  enum Foreign { WORKFORCE, CIAM, DISABLED, REMOVED }

  @ParameterizedTest
  @EnumSource(Foreign.class)
  void tokenStrategyNeverSatisfiesATenantThatIsNotAnEnabledB2cApp(Foreign what) {
    StubDirectory t = StubDirectory.grantedAll();
    t.tokenRoles = t.grantedRoleValues();
    VerificationOutcome expected = switch (what) {
      case WORKFORCE -> { t.tenantType = "AAD"; yield VerificationOutcome.NOT_A_B2C_TENANT; }
      case CIAM -> { t.tenantType = "CIAM"; yield VerificationOutcome.NOT_A_B2C_TENANT; }
      case DISABLED -> { t.accountEnabled = false; yield VerificationOutcome.APP_DISABLED; }
      case REMOVED -> { t.servicePrincipalPresent = false; yield VerificationOutcome.APP_NOT_CONSENTED; }
    };
    try (GraphStub stub = t.start(); GraphPermissionVerifier v =
        t.verifierBuilder(stub).strategy(VerificationStrategy.TOKEN).build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.outcome()).isEqualTo(expected);
      assertThat(stub.count("POST", "/v1.0/$batch")).isEqualTo(1);
    }
  }

  @Test
  void tokenStrategyWithARefusedConfirmationIsDirectoryUnreadable() {
    StubDirectory t = StubDirectory.grantedAll();
    fail(t, Read.SERVICE_PRINCIPAL.in(t), StubResponse.forbidden());
    try (GraphStub stub = t.start(); GraphPermissionVerifier v =
        t.verifierBuilder(stub).strategy(VerificationStrategy.TOKEN).build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.DIRECTORY_UNREADABLE);
      assertThat(report.granted()).hasSize(14);
    }
  }

  @Test
  void tokenStrategyWarmCheckMakesNoRequestUntilTheConfirmationExpires() {
    StubDirectory t = StubDirectory.grantedAll();
    MutableClock clock = MutableClock.now();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub)
        .strategy(VerificationStrategy.TOKEN).clock(clock).build()) {
      VerificationReport cold = v.verify(t.tenantId);
      assertThat(cold.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(stub.requestCount()).isEqualTo(1);

      stub.clearRequests();
      VerificationReport warm = v.verify(t.tenantId);
      assertThat(warm.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(stub.requestCount()).isZero();
      assertThat(warm.graphRequestCount()).isZero();

      // A service principal disabled after the confirmation is not seen until it expires.
      t.accountEnabled = false;
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      clock.advance(GraphPermissionVerifier.DEFAULT_TOKEN_CONFIRMATION_EXPIRY.plusSeconds(1));
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.APP_DISABLED);
      assertThat(stub.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void tokenStrategyReadsAgainAfterAVerdictThatIsNotSatisfied() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v =
        t.verifierBuilder(stub).strategy(VerificationStrategy.TOKEN).build()) {
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      Set<String> fewer = new LinkedHashSet<>(t.grantedRoleValues());
      fewer.remove(AUDIT.scope());
      t.tokenRoles = fewer;
      stub.clearRequests();
      assertThat(v.verify(t.tenantId).missing()).containsExactly(AUDIT);
      assertThat(stub.requestCount()).isEqualTo(1);
      assertThat(v.verify(t.tenantId).missing()).containsExactly(AUDIT);
      assertThat(stub.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void tokenStrategyReadsAgainWhenTheTokensRolesChange() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v =
        t.verifierBuilder(stub).strategy(VerificationStrategy.TOKEN).build()) {
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      Set<String> more = new LinkedHashSet<>(t.grantedRoleValues());
      more.add("Directory.ReadWrite.All");
      t.tokenRoles = more;
      t.tenantType = "AAD";
      stub.clearRequests();
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.NOT_A_B2C_TENANT);
      assertThat(stub.requestCount()).isEqualTo(1);
    }
  }

  // --- item 2: a tenant is bound to its token ---

  @Test
  void domainWhoseCredentialReturnsAnotherTenantsTokenFailsAuthentication() {
    StubDirectory other = StubDirectory.grantedAll();
    other.verifiedDomains = List.of("fabrikam.onmicrosoft.com");
    try (GraphStub stub = other.start(); GraphPermissionVerifier v = other
        .verifierBuilderWithoutCredential(stub)
        .credentials(domain -> StubTokens.credential(other::token)).build()) {
      assertThatThrownBy(() -> v.verify("contoso.onmicrosoft.com"))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("contoso.onmicrosoft.com is not a verified domain of tenant "
              + other.tenantId);
      assertThat(v.verify("fabrikam.onmicrosoft.com").outcome())
          .isEqualTo(VerificationOutcome.SATISFIED);
    }
  }

  @Test
  void domainIsMatchedToVerifiedDomainsWhateverItsCase() {
    StubDirectory t = StubDirectory.grantedAll();
    t.verifiedDomains = List.of("Contoso.OnMicrosoft.com");
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub)
        .strategy(VerificationStrategy.TOKEN).build()) {
      assertThat(v.verify("contoso.onmicrosoft.com").outcome())
          .isEqualTo(VerificationOutcome.SATISFIED);
      assertThatThrownBy(() -> v.verify("contoso.com"))
          .isInstanceOf(AuthenticationFailedException.class);
    }
  }

  @Test
  void organizationOfAnotherTenantThanTheTokensFailsAuthentication() {
    StubDirectory t = StubDirectory.grantedAll();
    t.organizationId = UUID.randomUUID().toString();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThatThrownBy(() -> v.verify("contoso.onmicrosoft.com"))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining(t.organizationId);
    }
  }

  @Test
  void organizationWithoutIdFailsClosed() {
    StubDirectory t = StubDirectory.grantedAll();
    t.organizationId = "";
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId))
          .isInstanceOf(UnexpectedGraphResponseException.class)
          .hasMessageContaining("without an id");
    }
  }

  @Test
  void rotatedCredentialIsPickedUpAfterTheCacheExpiry() {
    StubDirectory t = StubDirectory.grantedAll();
    MutableClock clock = MutableClock.now();
    AtomicInteger asked = new AtomicInteger();
    AtomicInteger firstUsed = new AtomicInteger();
    AtomicInteger secondUsed = new AtomicInteger();
    TokenCredential first = counting(StubTokens.credential(t::token), firstUsed);
    TokenCredential second = counting(StubTokens.credential(t::token), secondUsed);
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t
        .verifierBuilderWithoutCredential(stub)
        .credentials(x -> asked.incrementAndGet() == 1 ? first : second)
        .tenantCacheExpiry(Duration.ofMinutes(5)).clock(clock).build()) {
      v.verify(t.tenantId);
      v.verify(t.tenantId);
      assertThat(asked).hasValue(1);
      clock.advance(Duration.ofMinutes(6));
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(asked).hasValue(2);
      assertThat(firstUsed).hasValue(2);
      assertThat(secondUsed).hasValue(1);
    }
  }

  private static TokenCredential counting(TokenCredential delegate, AtomicInteger uses) {
    return request -> {
      uses.incrementAndGet();
      return delegate.getToken(request);
    };
  }

  // --- item 8: per-tenant caches are bounded ---

  @Test
  void tenantPastTheCacheSizeIsReadColdAgain() {
    StubDirectory a = StubDirectory.grantedAll();
    StubDirectory b = StubDirectory.grantedAll();
    String graphSp = "/v1.0/servicePrincipals(appId='" + StubDirectory.GRAPH_APP_ID + "')";
    try (GraphStub stub = StubTenants.start(a, b); GraphPermissionVerifier v = a
        .verifierBuilderWithoutCredential(stub).tenantCacheSize(1)
        .credentials(id -> StubTokens.credential(
            id.equalsIgnoreCase(a.tenantId) ? a::token : b::token)).build()) {
      v.verify(a.tenantId);
      v.verify(a.tenantId);
      int coldReads = countBatchItems(stub, graphSp);
      assertThat(coldReads).isEqualTo(1); // the second check of a was warm
      v.verify(b.tenantId); // evicts a
      v.verify(a.tenantId);
      assertThat(countBatchItems(stub, graphSp)).isEqualTo(3);
    }
  }

  @Test
  void tenantPastTheCacheExpiryIsReadColdAgain() {
    StubDirectory t = StubDirectory.grantedAll();
    MutableClock clock = MutableClock.now();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub)
        .tenantCacheExpiry(Duration.ofMinutes(5)).clock(clock).build()) {
      v.verify(t.tenantId);
      v.verify(t.tenantId);
      String graphSp = "/v1.0/servicePrincipals(appId='" + StubDirectory.GRAPH_APP_ID + "')";
      assertThat(countBatchItems(stub, graphSp)).isEqualTo(1);
      clock.advance(Duration.ofMinutes(6));
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(countBatchItems(stub, graphSp)).isEqualTo(2);
    }
  }

  /** How many $batch payloads that reached the stub asked for {@code path}. */
  private static int countBatchItems(GraphStub stub, String path) {
    String needle = path.replace("/v1.0", "");
    return (int) stub.requests().stream()
        .filter(r -> r.path().endsWith("/$batch") && r.bodyText().contains(needle)).count();
  }

  // --- item 3: each tenant is judged by its own Graph roles ---

  @Test
  void twoTenantsWhoseGraphServicePrincipalsDisagreeAreEachJudgedByTheirOwn() {
    StubDirectory a = StubDirectory.grantedAll();
    StubDirectory b = StubDirectory.grantedAll();
    b.graphAppRoles = new java.util.ArrayList<>(b.graphAppRoles.stream()
        .map(r -> r.id().equals(AUDIT.appRoleId()) ? new StubAppRole(r.id(), r.value(), false) : r)
        .toList());
    b.tokenRoles = new LinkedHashSet<>(a.grantedRoleValues()); // a stale token carries it still
    for (List<StubDirectory> order : List.of(List.of(a, b), List.of(b, a))) {
      try (GraphStub stub = StubTenants.start(a, b); GraphPermissionVerifier v = a
          .verifierBuilderWithoutCredential(stub)
          .credentials(id -> StubTokens.credential(
              id.equalsIgnoreCase(a.tenantId) ? a::token : b::token)).build()) {
        for (StubDirectory t : order) {
          VerificationReport report = v.verify(t.tenantId);
          if (t == a) {
            assertThat(report.outcome()).as("tenant a").isEqualTo(VerificationOutcome.SATISFIED);
          } else {
            assertThat(report.missing()).as("tenant b").containsExactly(AUDIT);
          }
        }
      }
    }
  }

  @Test
  void disabledGraphRoleIsNotGranted() {
    StubDirectory t = StubDirectory.grantedAll();
    t.graphAppRoles = new java.util.ArrayList<>(t.graphAppRoles.stream()
        .map(r -> r.id().equals(AUDIT.appRoleId()) ? new StubAppRole(r.id(), r.value(), false) : r)
        .toList());
    t.tokenRoles = allScopes();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      assertThat(v.verify(t.tenantId).missing()).containsExactly(AUDIT);
    }
  }

  @Test
  void roleTheTenantsGraphDoesNotDefineIsNotGranted() {
    StubDirectory t = StubDirectory.grantedAll();
    t.graphAppRoles = new java.util.ArrayList<>(t.graphAppRoles.stream()
        .filter(r -> !r.id().equals(AUDIT.appRoleId())).toList());
    t.tokenRoles = allScopes();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v =
        t.verifierBuilder(stub).strategy(VerificationStrategy.DIRECTORY).build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.missing()).containsExactly(AUDIT);
      assertThat(report.appPresence()).isEqualTo(AppPresence.ENABLED);
    }
  }

  private static Set<String> allScopes() {
    Set<String> all = new LinkedHashSet<>();
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      all.add(p.scope());
    }
    return all;
  }
}
