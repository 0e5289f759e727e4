package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.testkit.FakeRoute;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
  private final FaultPlan plan = new FaultPlan();

  @Test
  void aRuleFiresForTheNextCountRequestsThenStops() {
    plan.add(FaultPlan.Kind.THROTTLE, Set.of(), 2, 429, 7);

    FaultPlan.Fired first = plan.takeStatus(TestRoutes.of(FakeRoute.GET_ORGANIZATION), false);
    assertThat(first).isNotNull();
    assertThat(first.kind).isEqualTo(FaultPlan.Kind.THROTTLE);
    assertThat(first.status).isEqualTo(429);
    assertThat(first.retryAfterSeconds).isEqualTo(7);
    assertThat(plan.pending()).isEqualTo(1);
    assertThat(plan.takeStatus(TestRoutes.of(FakeRoute.GET_ORGANIZATION), false)).isNotNull();
    assertThat(plan.takeStatus(TestRoutes.of(FakeRoute.GET_ORGANIZATION), false)).isNull();
    assertThat(plan.pending()).isZero();
  }

  @Test
  void rulesFireInTheOrderTheyWereAdded() {
    plan.add(FaultPlan.Kind.STATUS, Set.of(), 1, 503, -1);
    plan.add(FaultPlan.Kind.STATUS, Set.of(), 1, 500, -1);

    assertThat(plan.takeStatus(TestRoutes.of(FakeRoute.GET_ORGANIZATION), false).status).isEqualTo(503);
    assertThat(plan.takeStatus(TestRoutes.of(FakeRoute.GET_ORGANIZATION), false).status).isEqualTo(500);
  }

  @Test
  void statusFaultsWithoutRoutesHitGraphOperationsButNotTheBatchEnvelopeNorSignIn() {
    plan.add(FaultPlan.Kind.STATUS, Set.of(), 5, 503, -1);

    assertThat(plan.takeStatus(TestRoutes.of(FakeRoute.BATCH), false)).isNull();
    assertThat(plan.takeStatus(TestRoutes.of(FakeRoute.TOKEN), false)).isNull();
    assertThat(plan.takeTransport(TestRoutes.of(FakeRoute.GET_ORGANIZATION))).isNull();
    assertThat(plan.takeStatus(TestRoutes.of(FakeRoute.GET_ORGANIZATION), true)).isNotNull();
    assertThat(plan.pending()).isEqualTo(4);
  }

  @Test
  void transportFaultsWithoutRoutesHitGraphExchangesButNotRequestsInsideABatch() {
    plan.add(FaultPlan.Kind.RESET, Set.of(), 5, 0, -1);

    assertThat(plan.takeStatus(TestRoutes.of(FakeRoute.GET_ORGANIZATION), true)).isNull();
    assertThat(plan.takeTransport(TestRoutes.of(FakeRoute.TOKEN))).isNull();
    assertThat(plan.takeTransport(TestRoutes.of(FakeRoute.BATCH))).isNotNull();
    assertThat(plan.takeTransport(null)).as("an unmatched Graph path").isNotNull();
    assertThat(plan.pending()).isEqualTo(3);
  }

  @Test
  void aRuleNamingRoutesHitsExactlyThoseRoutesSignInIncluded() {
    plan.add(FaultPlan.Kind.STATUS, Set.of("TOKEN"), 1, 400, -1);

    assertThat(plan.takeStatus(TestRoutes.of(FakeRoute.GET_ORGANIZATION), false)).isNull();
    assertThat(plan.takeStatus(null, false)).isNull();
    assertThat(plan.takeStatus(TestRoutes.of(FakeRoute.TOKEN), false)).isNotNull();
  }

  @Test
  void latenciesOfMatchingScopesAddUpAndASameScopeLatencyReplacesTheEarlierOne() {
    plan.latency(Set.of(), 50);
    plan.latency(Set.of("GET_ORGANIZATION"), 20);
    plan.latency(Set.of("GET_ORGANIZATION"), 30);

    assertThat(plan.latencyMillis(TestRoutes.of(FakeRoute.GET_ORGANIZATION))).isEqualTo(80);
    assertThat(plan.latencyMillis(TestRoutes.of(FakeRoute.LIST_ORGANIZATION))).isEqualTo(50);
    assertThat(plan.latencyMillis(TestRoutes.of(FakeRoute.TOKEN))).isZero();

    plan.latency(Set.of(), 0);
    assertThat(plan.latencyMillis(TestRoutes.of(FakeRoute.LIST_ORGANIZATION))).isZero();
    assertThat(plan.latencyMillis(TestRoutes.of(FakeRoute.GET_ORGANIZATION))).isEqualTo(30);
  }

  @Test
  void clearRemovesRulesLatenciesAndTheForeignNextLink() {
    plan.add(FaultPlan.Kind.MALFORMED, Set.of(), 3, 200, -1);
    plan.latency(Set.of(), 10);
    plan.foreignNextLink(URI.create("https://elsewhere.example"));

    plan.clear();

    assertThat(plan.pending()).isZero();
    assertThat(plan.takeTransport(TestRoutes.of(FakeRoute.BATCH))).isNull();
    assertThat(plan.latencyMillis(TestRoutes.of(FakeRoute.GET_ORGANIZATION))).isZero();
    assertThat(plan.foreignNextLinkHost()).isNull();
  }

  @Test
  void aForeignNextLinkAloneStillCountsAsAPlan() {
    plan.foreignNextLink(URI.create("https://elsewhere.example"));

    assertThat(plan.foreignNextLinkHost()).isEqualTo(URI.create("https://elsewhere.example"));
    plan.add(FaultPlan.Kind.EMPTY, Set.of(), 1, 0, -1);
    assertThat(plan.takeTransport(TestRoutes.of(FakeRoute.GET_ORGANIZATION)).kind).isEqualTo(FaultPlan.Kind.EMPTY);
  }
}
