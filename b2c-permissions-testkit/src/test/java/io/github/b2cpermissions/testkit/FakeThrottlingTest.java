package io.github.b2cpermissions.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.buildsupport.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's model of Graph's app-wide and per-tenant budgets, on a clock moved by hand. */
class FakeThrottlingTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  private FakeGraph graph;

  @AfterEach
  void stop() {
    if (graph != null) {
      graph.stop();
    }
  }

  private FakeGraph start(FakeThrottleLimits limits) {
    graph = FakeGraph.builder().clock(clock).tokenLifetime(Duration.ofDays(1)).throttleLimits(limits).build().start();
    return graph;
  }

  private static HttpResponse<String> org(FakeGraphTenant t, String token) {
    return Http.get(t, "/v1.0/organization", token);
  }

  @Test
  void theAppWideBudgetIsSharedByAllTenantsAndRefusesWithApplicationScope() {
    FakeGraph g = start(FakeThrottleLimits.none().appRequests(10, Duration.ofSeconds(10)));
    FakeGraphTenant a = g.addTenant(FakeGraphTenant.builder().grantedAll());
    FakeGraphTenant b = g.addTenant(FakeGraphTenant.builder().grantedAll());
    String ta = a.issueAccessToken();
    String tb = b.issueAccessToken();
    for (int i = 0; i < 5; i++) {
      assertThat(org(a, ta).statusCode()).isEqualTo(200);
      assertThat(org(b, tb).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> refused = org(b, tb);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("x-ms-throttle-scope"))
        .hasValue("Application/Read/" + b.clientId() + "/" + b.tenantId());
    // One request's worth refills in 1 s; the refused one overdrew the bucket by one more.
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(Http.json(refused).path("error").path("code").asText()).isEqualTo("TooManyRequests");
    clock.advance(Duration.ofSeconds(2));
    assertThat(org(a, ta).statusCode()).isEqualTo(200);
    ThrottleCounters c = g.throttleCounters();
    assertThat(c.graphRequests()).isEqualTo(12);
    assertThat(c.appThrottled()).isEqualTo(1);
    assertThat(c.tenantThrottled()).isZero();
    assertThat(c.peakAppRequestsPerPeriod()).isEqualTo(12);
  }

  @Test
  void answersAbove80PercentOfALimitCarryTheFractionUsed() {
    FakeGraph g = start(FakeThrottleLimits.none().appRequests(10, Duration.ofSeconds(10)));
    FakeGraphTenant a = g.addTenant(FakeGraphTenant.builder().grantedAll());
    String token = a.issueAccessToken();
    for (int i = 1; i <= 8; i++) {
      assertThat(org(a, token).headers().firstValue("x-ms-throttle-limit-percentage")).as("request %d", i).isEmpty();
    }
    assertThat(org(a, token).headers().firstValue("x-ms-throttle-limit-percentage")).hasValue("0.90");
    assertThat(org(a, token).headers().firstValue("x-ms-throttle-limit-percentage")).hasValue("1.00");
    assertThat(org(a, token).headers().firstValue("x-ms-throttle-limit-percentage")).hasValue("1.10");
    // The first two warnings were admitted; the third came with a 429.
    assertThat(g.throttleCounters().limitSignals()).isEqualTo(2);
    assertThat(g.throttleCounters().appThrottled()).isEqualTo(1);
  }

  @Test
  void thePerTenantBudgetChargesResourceUnitsAndSparesOtherTenants() {
    FakeGraph g = start(FakeThrottleLimits.none().tenantResourceUnits(4, Duration.ofSeconds(10)));
    FakeGraphTenant a = g.addTenant(FakeGraphTenant.builder().grantedAll());
    FakeGraphTenant b = g.addTenant(FakeGraphTenant.builder().grantedAll());
    String ta = a.issueAccessToken();
    String assignments = "/v1.0/servicePrincipals/" + a.servicePrincipalId() + "/appRoleAssignments";
    // 2 RU each: two fit, the third is refused for tenant a only.
    assertThat(Http.get(a, assignments, ta).statusCode()).isEqualTo(200);
    assertThat(Http.get(a, assignments, ta).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = Http.get(a, assignments, ta);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("x-ms-throttle-scope"))
        .hasValue("Tenant_Application/Read/" + a.clientId() + "/" + a.tenantId());
    assertThat(refused.headers().firstValue("x-ms-throttle-information")).hasValue("ResourceUnitLimitExceeded");
    assertThat(org(b, b.issueAccessToken()).statusCode()).isEqualTo(200);
    assertThat(g.throttleCounters().tenantThrottled()).isEqualTo(1);
  }

  @Test
  void eachRequestInsideABatchIsChargedOnItsOwnAndThrottledItemsComeBackAs429() {
    FakeGraph g = start(FakeThrottleLimits.none().appRequests(3, Duration.ofSeconds(30)));
    FakeGraphTenant a = g.addTenant(FakeGraphTenant.builder().grantedAll());
    String batch = "{\"requests\":["
        + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/organization\"},"
        + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/organization\"},"
        + "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"/organization\"},"
        + "{\"id\":\"4\",\"method\":\"GET\",\"url\":\"/organization\"}]}";
    HttpResponse<String> r = Http.post(a, "/v1.0/$batch", a.issueAccessToken(), batch);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode responses = Http.json(r).path("responses");
    assertThat(responses.get(0).path("status").asInt()).isEqualTo(200);
    assertThat(responses.get(2).path("status").asInt()).isEqualTo(200);
    JsonNode last = responses.get(3);
    assertThat(last.path("status").asInt()).isEqualTo(429);
    assertThat(last.path("headers").path("Retry-After").asText()).isEqualTo("20");
    assertThat(last.path("headers").path("x-ms-throttle-scope").asText()).startsWith("Application/Read/");
    assertThat(g.throttleCounters().graphRequests()).isEqualTo(4);
  }

  @Test
  void withoutLimitsNothingIsCountedOrThrottled() {
    FakeGraph g = start(FakeThrottleLimits.none());
    FakeGraphTenant a = g.addTenant(FakeGraphTenant.builder().grantedAll());
    String token = a.issueAccessToken();
    for (int i = 0; i < 20; i++) {
      assertThat(org(a, token).statusCode()).isEqualTo(200);
    }
    assertThat(g.throttleCounters()).isEqualTo(new ThrottleCounters(0, 0, 0, 0, 0));
  }

  @Test
  void limitsRefuseNonsense() {
    assertThatThrownBy(() -> FakeThrottleLimits.none().appRequests(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeThrottleLimits.none().tenantResourceUnits(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(FakeThrottleLimits.graphDocumented().appRequests()).isEqualTo(130_000);
    assertThat(FakeThrottleLimits.graphDocumented().tenantResourceUnits()).isEqualTo(3_500);
  }
}
