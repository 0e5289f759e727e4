package io.github.b2cpermissions.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The scheduled fleet check against the fake, run after run: each change raises its events once,
 * a gap that stays raises nothing more, and the summary and health follow every run.
 */
class ScheduledFleetDriftTest {
  private static FakeGraph server;
  private static FakeGraphTenant gap;
  private static FakeGraphTenant healthy;

  @BeforeAll
  static void startServer() {
    server = FakeGraph.builder().build().start();
    gap = server.addTenant(FakeGraphTenant.builder().grantedAll());
    gap.app().revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL);
    healthy = server.addTenant(FakeGraphTenant.builder().grantedAll());
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  /** Collects what the runs publish. */
  static class Events {
    final List<PermissionsDriftEvent> drift = new CopyOnWriteArrayList<>();
    final List<FleetVerifiedEvent> summaries = new CopyOnWriteArrayList<>();

    @EventListener
    void onDrift(PermissionsDriftEvent e) {
      drift.add(e);
    }

    @EventListener
    void onSummary(FleetVerifiedEvent e) {
      summaries.add(e);
    }

    List<PermissionsDriftEvent> take() {
      List<PermissionsDriftEvent> copy = List.copyOf(drift);
      drift.clear();
      return copy;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Fleet {
    static volatile List<String> tenants = List.of();

    @Bean
    TokenCredential fakeCredential() {
      return server.cachingCredential();
    }

    @Bean
    GraphVerifierCustomizer trustTheFake() {
      return FakeTls.customizer(server);
    }

    @Bean
    FleetTenantSource tenants() {
      return () -> tenants;
    }

    @Bean
    Events events() {
      return new Events();
    }
  }

  private static ApplicationContextRunner runner() {
    return runnerWithoutCron()
        // Far from any test run: the test runs the schedule's job itself.
        .withPropertyValues("b2c-permissions.fleet.cron=0 0 3 1 1 *");
  }

  private static ApplicationContextRunner runnerWithoutCron() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(B2cPermissionsAutoConfiguration.class))
        .withUserConfiguration(Fleet.class)
        .withPropertyValues(
            "b2c-permissions.client-id=" + FakeGraphTenant.DEFAULT_CLIENT_ID,
            "b2c-permissions.cloud.authority-host=" + server.authorityHost(),
            "b2c-permissions.cloud.graph-host=" + server.graphHost(),
            // Directory reads only: a grant or revocation shows at the next run, with no token
            // cache in between.
            "b2c-permissions.strategy=DIRECTORY");
  }

  @Test
  void eachChangeRaisesItsEventsOnceAcrossScheduledRuns() {
    Fleet.tenants = List.of(gap.tenantId(), healthy.tenantId());
    runner().run(ctx -> {
      ScheduledFleetVerification fleet = ctx.getBean(ScheduledFleetVerification.class);
      Events events = ctx.getBean(Events.class);
      assertThat(fleet.isRunning()).isTrue();

      fleet.runOnce();
      List<PermissionsDriftEvent> first = events.take();
      assertThat(first).hasSize(1);
      assertThat(first.get(0)).isInstanceOfSatisfying(VerificationOutcomeChangedEvent.class, e -> {
        assertThat(e.tenantId()).isEqualTo(gap.tenantId());
        assertThat(e.previous()).isEmpty();
        assertThat(e.current()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
      });

      fleet.runOnce();
      assertThat(events.take()).isEmpty();

      healthy.app().revoke(B2cBackupPermission.USER_READ_WRITE_ALL);
      fleet.runOnce();
      List<PermissionsDriftEvent> third = events.take();
      assertThat(third).extracting(PermissionsDriftEvent::tenantId).containsOnly(healthy.tenantId());
      assertThat(third).filteredOn(PermissionsRevokedEvent.class::isInstance).singleElement()
          .satisfies(e -> assertThat(((PermissionsRevokedEvent) e).roles())
              .extracting(GraphAppRole::value).containsExactly("User.ReadWrite.All"));
      assertThat(third).filteredOn(VerificationOutcomeChangedEvent.class::isInstance).hasSize(1);

      fleet.runOnce();
      assertThat(events.take()).isEmpty();

      gap.app().grant(B2cBackupPermission.AUDIT_LOG_READ_ALL);
      fleet.runOnce();
      List<PermissionsDriftEvent> fifth = events.take();
      assertThat(fifth).extracting(PermissionsDriftEvent::tenantId).containsOnly(gap.tenantId());
      assertThat(fifth).filteredOn(PermissionsGrantedEvent.class::isInstance).singleElement()
          .satisfies(e -> assertThat(((PermissionsGrantedEvent) e).roles())
              .extracting(GraphAppRole::value).containsExactly("AuditLog.Read.All"));
      assertThat(fifth).filteredOn(VerificationOutcomeChangedEvent.class::isInstance)
          .singleElement().satisfies(e -> assertThat(((VerificationOutcomeChangedEvent) e)
              .current()).isEqualTo(VerificationOutcome.SATISFIED));

      assertThat(events.summaries).hasSize(5);
      assertThat(events.summaries).extracting(FleetVerifiedEvent::driftEvents)
          .containsExactly(1, 0, third.size(), 0, fifth.size());
      assertThat(events.summaries.get(4).satisfied()).isEqualTo(1);
    });
    healthy.app().grant(B2cBackupPermission.USER_READ_WRITE_ALL);
  }

  @Test
  void aTenantWhoseCheckCannotFinishIsInTheSummaryAndTurnsHealthDown() {
    String unknown = "0badc0de-0000-4000-8000-000000000000";
    Fleet.tenants = List.of(unknown);
    runner().run(ctx -> {
      HealthIndicator health = ctx.getBean("b2cPermissionsHealthIndicator", HealthIndicator.class);
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);

      FleetVerifiedEvent summary = ctx.getBean(ScheduledFleetVerification.class).runOnce()
          .orElseThrow();

      assertThat(summary.failed()).isEqualTo(1);
      assertThat(summary.driftEvents()).isZero();
      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    });
  }

  @Test
  void aCronWithoutATenantSourceStopsTheStartNamingTheProperty() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(B2cPermissionsAutoConfiguration.class))
        .withBean(TokenCredential.class, () -> server.cachingCredential())
        .withPropertyValues("b2c-permissions.client-id=" + FakeGraphTenant.DEFAULT_CLIENT_ID,
            "b2c-permissions.fleet.cron=0 0 3 * * *")
        .run(ctx -> assertThat(ctx).getFailure().rootCause()
            .hasMessageContaining("b2c-permissions.fleet.cron is set, but the application"));
  }

  @Test
  void aWrongCronStopsTheStartNamingTheProperty() {
    runner().withPropertyValues("b2c-permissions.fleet.cron=every night").run(ctx ->
        assertThat(ctx).getFailure().rootCause()
            .hasMessageContaining("b2c-permissions.fleet.cron is not usable"));
  }

  @Test
  void withoutACronNothingIsScheduled() {
    runnerWithoutCron().run(ctx ->
        assertThat(ctx).doesNotHaveBean(ScheduledFleetVerification.class));
  }
}
