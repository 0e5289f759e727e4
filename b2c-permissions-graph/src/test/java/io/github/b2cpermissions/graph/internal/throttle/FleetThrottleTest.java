package io.github.b2cpermissions.graph.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.RequestBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Pauses by scope, the pacer and the budget, on a hand-moved clock. */
class FleetThrottleTest {
  private final HandTimer timer = new HandTimer();
  private final List<Integer> drawn = new ArrayList<>();
  private final RequestBudget counting = n -> {
    drawn.add(n);
    return CompletableFuture.completedFuture(null);
  };
  private final FleetThrottle throttle = new FleetThrottle(counting, false, () -> timer.now, timer);

  @Test
  void aTenantScoped429PausesThatTenantOnly() {
    throttle.onAnswer("a.onmicrosoft.com", 429, "Tenant_Application/Read/app/a", Duration.ofSeconds(3), null);
    CompletableFuture<Void> a = throttle.beforeRequest("a.onmicrosoft.com", 1);
    CompletableFuture<Void> b = throttle.beforeRequest("b.onmicrosoft.com", 1);
    assertThat(b).isCompleted();
    assertThat(a).isNotDone();
    timer.advanceMillis(2_999);
    assertThat(a).isNotDone();
    timer.advanceMillis(1);
    assertThat(a).isCompleted();
    assertThat(drawn).containsExactly(1, 1);
  }

  @Test
  void a429WithoutRetryAfterPausesNobodyAndLeavesTheWaitToTheRetryPolicy() {
    throttle.onAnswer("a", 429, "Tenant/Read/app/a", null, null);
    assertThat(throttle.beforeRequest("a", 1)).isCompleted();
    assertThat(throttle.pacingRate()).isInfinite();
    throttle.onAnswer("a", 429, "Application/Read/app/a", null, null);
    assertThat(throttle.beforeRequest("b", 1)).isCompleted();
    assertThat(throttle.pacingRate()).isInfinite();
  }

  @Test
  void a429WithoutAUsageFigureLeavesTheRateAloneWhateverItsScope() {
    sendOneHundredInASecond();
    throttle.onAnswer("t1", 429, "Tenant_Application/Read/app/t1", Duration.ZERO, null);
    throttle.onAnswer("t1", 429, "Application/Read/app/t1", Duration.ZERO, null);
    assertThat(throttle.pacingRate()).isInfinite();
  }

  @Test
  void aUsageJustAboveEightyPercentLowersTheRateByLittle() {
    sendOneHundredInASecond();
    throttle.onAnswer("t1", 200, null, null, 0.85);
    // 0.8 / 0.85 of about 100 a second.
    assertThat(throttle.pacingRate()).isBetween(90.0, 98.0);
  }

  private void sendOneHundredInASecond() {
    for (int i = 0; i < 100; i++) {
      assertThat(throttle.beforeRequest("t" + i, 1)).isCompleted();
      timer.advanceMillis(10);
    }
    assertThat(throttle.pacingRate()).isInfinite();
  }

  @Test
  void anApplicationScoped429PausesEveryTenantForItsRetryAfter() {
    throttle.onAnswer("a", 429, "Application/Read/app/a", Duration.ofSeconds(10), null);
    CompletableFuture<Void> a = throttle.beforeRequest("a", 1);
    CompletableFuture<Void> b = throttle.beforeRequest("b", 4);
    timer.advanceMillis(9_999);
    assertThat(a).isNotDone();
    assertThat(b).isNotDone();
    assertThat(drawn).isEmpty();
    timer.advanceMillis(1);
    // The app-wide 429 also lowered the pacing rate, so the two may be spaced; both are due soon.
    timer.advanceMillis(10_000);
    assertThat(a).isCompleted();
    assertThat(b).isCompleted();
    assertThat(drawn).containsExactly(1, 4);
  }

  @Test
  void aLongerPauseThatArrivesDuringAWaitIsHonoured() {
    throttle.onAnswer("a", 429, "Tenant_Application/Read/app/a", Duration.ofSeconds(2), null);
    CompletableFuture<Void> a = throttle.beforeRequest("a", 1);
    timer.advanceMillis(1_000);
    throttle.onAnswer("a", 429, "Tenant_Application/Read/app/a", Duration.ofSeconds(5), null);
    timer.advanceMillis(1_000);
    assertThat(a).isNotDone();
    timer.advanceMillis(4_000);
    assertThat(a).isCompleted();
  }

  @Test
  void aShorterPauseDoesNotCutALongerOne() {
    throttle.onAnswer("x", 429, "Application/Read/app/x", Duration.ofSeconds(8), null);
    throttle.onAnswer("y", 429, "Application/Read/app/y", Duration.ofSeconds(1), null);
    CompletableFuture<Void> f = throttle.beforeRequest("z", 1);
    timer.advanceMillis(7_000);
    assertThat(f).isNotDone();
  }

  @Test
  void theLimitPercentageLowersTheRateBeforeGraphRefuses() {
    for (int i = 0; i < 100; i++) {
      assertThat(throttle.beforeRequest("t" + i, 1)).isCompleted();
      timer.advanceMillis(10);
    }
    assertThat(throttle.pacingRate()).isInfinite();
    throttle.onAnswer("t1", 200, null, null, 1.6);
    // About 100 requests went in the last second at a usage of 160%: the pacer now allows half.
    assertThat(throttle.pacingRate()).isBetween(45.0, 55.0);
    CompletableFuture<Void> first = throttle.beforeRequest("u", 1);
    CompletableFuture<Void> second = throttle.beforeRequest("v", 1);
    assertThat(first).isCompleted();
    assertThat(second).isNotDone();
    timer.advanceMillis(25);
    assertThat(second).isCompleted();
  }

  @Test
  void percentagesAtOrBelow80PercentChangeNothing() {
    throttle.beforeRequest("t", 1);
    throttle.onAnswer("t", 200, null, null, 0.80);
    throttle.onAnswer("t", 200, null, null, null);
    assertThat(throttle.pacingRate()).isInfinite();
  }

  @Test
  void aFailingBudgetFailsTheWait() {
    RequestBudget down = n -> CompletableFuture.failedFuture(
        new B2cPermissionsException("redis is down", null, null));
    FleetThrottle t = new FleetThrottle(down, true, () -> timer.now, timer);
    assertThat(t.beforeRequest("a", 1)).isCompletedExceptionally();
    assertThat(t.priorityHeader()).isEqualTo("low");
    assertThat(throttle.priorityHeader()).isNull();
  }

  @Test
  void scopesAreReadFromTheirHeader() {
    assertThat(ThrottleScope.parse("Application/Read/x/y")).isEqualTo(ThrottleScope.APPLICATION);
    assertThat(ThrottleScope.parse("tenant_application/ReadWrite/x/y"))
        .isEqualTo(ThrottleScope.TENANT_APPLICATION);
    assertThat(ThrottleScope.parse("Tenant/Write/x/y")).isEqualTo(ThrottleScope.TENANT);
    assertThat(ThrottleScope.parse("Global")).isEqualTo(ThrottleScope.UNKNOWN);
    assertThat(ThrottleScope.parse(null)).isEqualTo(ThrottleScope.UNKNOWN);
    assertThat(ThrottleScope.APPLICATION.isAppWide()).isTrue();
    assertThat(ThrottleScope.TENANT.isAppWide()).isFalse();
  }

  @Test
  void aRetryAfterOnAnAnswerOtherThan429PausesNobody() {
    throttle.onAnswer("a", 503, "Application/Read/app/a", Duration.ofSeconds(5), null);
    throttle.onAnswer("b", 503, "Tenant/Read/app/b", Duration.ofSeconds(5), null);
    assertThat(throttle.beforeRequest("a", 1)).isCompleted();
    assertThat(throttle.beforeRequest("b", 1)).isCompleted();
  }

  @Test
  void aShorterTenantPauseDoesNotCutThatTenantsLongerOne() {
    throttle.onAnswer("a", 429, "Tenant/Read/app/a", Duration.ofSeconds(8), null);
    throttle.onAnswer("a", 429, "Tenant/Read/app/a", Duration.ofSeconds(1), null);
    CompletableFuture<Void> f = throttle.beforeRequest("a", 1);
    timer.advanceMillis(7_999);
    assertThat(f).isNotDone();
    timer.advanceMillis(1);
    assertThat(f).isCompleted();
  }

  @Test
  void aLongerAppWidePauseThatArrivesDuringOneIsHonoured() {
    throttle.onAnswer("a", 429, "Application/Read/app/a", Duration.ofSeconds(2), null);
    CompletableFuture<Void> b = throttle.beforeRequest("b", 1);
    timer.advanceMillis(1_000);
    throttle.onAnswer("c", 429, "Application/Read/app/c", Duration.ofSeconds(5), null);
    timer.advanceMillis(4_999);
    assertThat(b).isNotDone();
    timer.advanceMillis(1);
    assertThat(b).isCompleted();
  }

  @Test
  void aUsageOfExactlyEightyPercentWhilePacingDoesNotHoldBackTheClimb() {
    sendOneHundredInASecond();
    throttle.onAnswer("t1", 200, null, null, 1.6);
    double lowered = throttle.pacingRate();
    timer.advanceMillis(900);
    throttle.onAnswer("t1", 200, null, null, 0.8);
    timer.advanceMillis(100);
    // One calm second since the decrease: the report at 80% did not count against it.
    assertThat(throttle.pacingRate()).isGreaterThan(lowered);
  }
}
