package io.github.b2cpermissions.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;

/** The health indicator on its own, with credentials and fleet runs made for each case. */
class VerifierHealthIndicatorTest {
  private static final String CANARY = "11111111-2222-3333-4444-555555555555";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"),
      ZoneOffset.UTC);

  private static StarterCredential credential(TokenCredential c) {
    return new StarterCredential(c, GraphCloud.GLOBAL, FakeGraphTenant.DEFAULT_CLIENT_ID);
  }

  private static VerifierHealthIndicator indicator(TokenCredential c,
      Optional<LastFleetRun.Run> run) {
    return new VerifierHealthIndicator(credential(c), CANARY, Duration.ofHours(1), () -> run,
        CLOCK);
  }

  @Test
  void aCanaryWhoseTokenFailsIsDownWithTheReasonAndIsAskedOncePerCachePeriod() {
    AtomicInteger asked = new AtomicInteger();
    TokenCredential refusing = request -> {
      asked.incrementAndGet();
      return Mono.error(new IllegalStateException("AADSTS7000215: Invalid client secret"));
    };
    VerifierHealthIndicator health = indicator(refusing, Optional.empty());

    Health first = health.health();
    Health second = health.health();

    assertThat(first.getStatus()).isEqualTo(Status.DOWN);
    assertThat(first.getDetails().get("canaryToken").toString()).contains("AADSTS7000215");
    assertThat(second.getStatus()).isEqualTo(Status.DOWN);
    assertThat(asked).hasValue(1);
  }

  @Test
  void aCanaryThatGetsATokenForItsTenantIsUp() {
    String[] tenantAsked = new String[1];
    TokenCredential ok = request -> {
      tenantAsked[0] = request.getTenantId();
      return Mono.just(new AccessToken("t0k3n", OffsetDateTime.now().plusHours(1)));
    };
    Health health = indicator(ok, Optional.empty()).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(tenantAsked[0]).isEqualTo(CANARY);
    assertThat(health.getDetails()).doesNotContainValue("t0k3n");
  }

  @Test
  void aLastFleetRunWithAFailedCheckIsDownAndCountsTheFailureKinds() {
    TokenCredential ok = request ->
        Mono.just(new AccessToken("t", OffsetDateTime.now().plusHours(1)));
    FleetVerification fleet = new FleetVerification(List.of(
        TenantVerification.failed(CANARY, new AuthenticationFailedException("no token", CANARY, 0,
            null)),
        TenantVerification.of(VerificationReport.builder("other").build())), Duration.ZERO);
    Health health = indicator(ok, Optional.of(new LastFleetRun.Run(fleet, CLOCK.instant())))
        .health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("lastFleetTenants", 2);
    assertThat((Map<?, ?>) health.getDetails().get("lastFleetFailures")).hasSize(1);
  }

  @Test
  void withNeitherCanaryNorFleetRunHealthIsUpAndSaysSo() {
    Health health = new VerifierHealthIndicator(null, null, Duration.ofMinutes(5), Optional::empty,
        CLOCK).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("canaryTenant", "(not configured)");
  }
}
