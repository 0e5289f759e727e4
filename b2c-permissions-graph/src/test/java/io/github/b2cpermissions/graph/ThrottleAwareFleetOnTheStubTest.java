package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.GraphThrottledException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.RequestBudget;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubRequest;
import io.github.b2cpermissions.graph.stub.StubResponse;
import io.github.b2cpermissions.graph.stub.StubTenants;
import io.github.b2cpermissions.graph.stub.StubTokens;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The verifier under Graph's throttling, on the hostile stub answering as Graph documents: a 429
 * pauses its tenant or, scoped {@code Application}, every tenant; only the throttled items of a
 * {@code $batch} are sent again; every request draws from the request budget; background fleets
 * can mark their requests low priority.
 */
class ThrottleAwareFleetOnTheStubTest {

  private static GraphRetryPolicy oneAttempt(Duration deadline) {
    return GraphRetryPolicy.custom().maxAttempts(1).deadline(deadline).build();
  }

  /** Answers the organization read (inside the check's first $batch) once with {@code first}. */
  private static void throttleOrganizationOnce(StubDirectory t, StubResponse first) {
    AtomicInteger seen = new AtomicInteger();
    t.override = r -> r.path().endsWith("/organization") && seen.getAndIncrement() == 0 ? first : null;
  }

  private static GraphPermissionVerifierBuilder twoTenantVerifier(
      StubDirectory a, StubDirectory b, GraphStub stub) {
    return a.verifierBuilderWithoutCredential(stub)
        .credentials(id -> StubTokens.credential(id.equals(a.tenantId) ? a::token : b::token));
  }

  @Test
  void anApplicationScoped429PausesEveryTenantForItsRetryAfter() {
    StubDirectory a = StubDirectory.grantedAll();
    StubDirectory b = StubDirectory.grantedAll();
    throttleOrganizationOnce(a, StubResponse.throttled(30, "Application/Read/" + a.backupAppId + "/" + a.tenantId));
    try (GraphStub stub = StubTenants.start(a, b);
        GraphPermissionVerifier v = twoTenantVerifier(a, b, stub)
            .retryPolicy(oneAttempt(Duration.ofSeconds(3))).build()) {
      assertThatThrownBy(() -> v.verify(a.tenantId)).isInstanceOf(GraphThrottledException.class);
      int sent = stub.requestCount();
      // Graph asked the app to wait 30 s across all tenants: the other tenant's check waits too,
      // and its deadline (3 s) comes first, before anything is sent for it.
      assertThatThrownBy(() -> v.verify(b.tenantId)).isInstanceOf(GraphUnavailableException.class)
          .hasMessageContaining("ran out of time");
      assertThat(stub.requestCount()).isEqualTo(sent);
    }
  }

  @Test
  void aTenantScoped429PausesThatTenantOnly() {
    StubDirectory a = StubDirectory.grantedAll();
    StubDirectory b = StubDirectory.grantedAll();
    throttleOrganizationOnce(a, StubResponse.throttled(30, "Tenant_Application/Read/" + a.backupAppId + "/" + a.tenantId));
    try (GraphStub stub = StubTenants.start(a, b);
        GraphPermissionVerifier v = twoTenantVerifier(a, b, stub)
            .retryPolicy(oneAttempt(Duration.ofSeconds(3))).build()) {
      assertThatThrownBy(() -> v.verify(a.tenantId)).isInstanceOf(GraphThrottledException.class);
      assertThat(v.verify(b.tenantId).isSatisfied()).isTrue();
      int sent = stub.requestCount();
      assertThatThrownBy(() -> v.verify(a.tenantId)).isInstanceOf(GraphUnavailableException.class)
          .hasMessageContaining("ran out of time");
      assertThat(stub.requestCount()).isEqualTo(sent);
    }
  }

  @Test
  void onlyTheThrottledItemsOfABatchAreSentAgainAfterTheLongestRetryAfterAmongThem() {
    StubDirectory t = StubDirectory.grantedAll();
    AtomicInteger org = new AtomicInteger();
    AtomicInteger sp = new AtomicInteger();
    String scope = "Tenant_Application/Read/" + t.backupAppId + "/" + t.tenantId;
    t.override = r -> {
      if (r.inBatch() && r.path().endsWith("/organization") && org.getAndIncrement() == 0) {
        return StubResponse.throttled(0, scope);
      }
      if (r.inBatch() && r.path().contains("servicePrincipals(appId='" + StubDirectory.GRAPH_APP_ID)
          && sp.getAndIncrement() == 0) {
        return StubResponse.throttled(1, scope);
      }
      return null;
    };
    List<GraphRetryEvent> retries = new CopyOnWriteArrayList<>();
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilder(stub).retryListener(retries::add).build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.isSatisfied()).isTrue();
      List<StubRequest> batches = stub.requests().stream()
          .filter(r -> r.path().endsWith("/$batch")).toList();
      assertThat(batches).hasSize(2);
      String retried = batches.get(1).bodyText();
      assertThat(retried).contains("/organization").contains("servicePrincipals(appId='" + StubDirectory.GRAPH_APP_ID);
      assertThat(retried.split("\"method\"")).as("items in the second $batch").hasSize(3);
    }
    assertThat(retries).singleElement().satisfies(e -> {
      assertThat(e.delay()).isEqualTo(Duration.ofSeconds(1));
      assertThat(e.fromRetryAfter()).isTrue();
      assertThat(e.request()).contains("2 of");
    });
  }

  @Test
  void everyGraphRequestDrawsOnePermitAndEachItemOfABatchCounts() {
    StubDirectory t = StubDirectory.grantedAll();
    List<Integer> draws = new CopyOnWriteArrayList<>();
    RequestBudget counting = n -> {
      draws.add(n);
      return CompletableFuture.completedFuture(null);
    };
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilder(stub).requestBudget(counting).build()) {
      VerificationReport report = v.verify(t.tenantId);
      assertThat(report.isSatisfied()).isTrue();
      int innerRequests = (int) stub.requests().stream().filter(r -> r.path().endsWith("/$batch")).count();
      assertThat(draws).hasSize(report.graphRequestCount());
      assertThat(draws.stream().mapToInt(Integer::intValue).sum())
          .isGreaterThan(innerRequests).isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void aBudgetThatCannotBeReachedFailsTheCheckWithItsReasonAndSendsNothing() {
    StubDirectory t = StubDirectory.grantedAll();
    RequestBudget down = n -> CompletableFuture.failedFuture(
        new B2cPermissionsException("the shared request budget is down", null, null));
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilder(stub).requestBudget(down).build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId)).isInstanceOf(B2cPermissionsException.class)
          .hasMessageContaining("the shared request budget is down");
      assertThat(stub.requestCount()).isZero();
    }
  }

  @Test
  void aBackgroundFleetMarksEveryRequestLowPriorityAndOthersSendNoPriority() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start()) {
      try (GraphPermissionVerifier v = t.verifierBuilder(stub).lowThrottlePriority(true).build()) {
        v.verify(t.tenantId);
      }
      assertThat(stub.requests()).isNotEmpty()
          .allSatisfy(r -> assertThat(r.header("x-ms-throttle-priority")).isEqualTo("low"));
      int before = stub.requests().size();
      try (GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
        v.verify(t.tenantId);
      }
      assertThat(stub.requests().subList(before, stub.requests().size()))
          .allSatisfy(r -> assertThat(r.header("x-ms-throttle-priority")).isNull());
    }
  }
}
