package io.github.b2cpermissions.graph.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.RequestBudget;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The throttle's waits end on the verifier's timer thread, whatever the machine's core count. */
class FleetThrottleTimerTest {
  @Test
  void everyWaitEndsOnTheSchedulersOwnThread() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "verifier-timer"));
    try {
      FleetThrottle.Timer timer = FleetThrottle.Timer.on(scheduler);
      Set<String> threads = new HashSet<>();
      for (int i = 0; i < 10; i++) {
        CompletableFuture<Void> wait = new CompletableFuture<>();
        timer.completeAfter(TimeUnit.MILLISECONDS.toNanos(2), wait);
        threads.add(wait.thenApply(x -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS));
      }
      assertThat(threads).containsExactly("verifier-timer");
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void anAppWidePauseIsWaitedOutOnTheScheduler() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "verifier-timer"));
    try {
      FleetThrottle throttle = new FleetThrottle(RequestBudget.unlimited(), false, scheduler);
      throttle.onAnswer("tenant-a", 429, "Application/Read/app/tenant-a", Duration.ofMillis(20), null);
      CompletableFuture<String> next = throttle.beforeRequest("tenant-b", 1)
          .thenApply(x -> Thread.currentThread().getName());
      assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo("verifier-timer");
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void aTimerNeedsAScheduler() {
    assertThatThrownBy(() -> FleetThrottle.Timer.on(null)).isInstanceOf(NullPointerException.class);
  }
}
