package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The in-process budget's real timer: paced draws complete on one shared thread, not on a thread
 * started for each wait (what the JDK's delayed executor does without an executor on a machine of
 * one or two cores).
 */
class TokenBucketTimerTest {
  @Test
  void pacedDrawsAllCompleteOnOneThread() {
    RequestBudget budget = RequestBudget.inProcess(RequestBudgetConfig.custom()
        .limitForPeriod(100).limitRefreshPeriod(Duration.ofSeconds(1)).maxBurst(1).build());
    List<CompletableFuture<String>> completedOn = new ArrayList<>();
    int paced = 0;
    for (int i = 0; i < 20; i++) {
        CompletableFuture<Void> draw = budget.acquire(1);
      if (!draw.isDone()) {
        paced++;
      }
      completedOn.add(draw.thenApply(x -> Thread.currentThread().getName()));
    }
    Set<String> threads = new HashSet<>();
    for (CompletableFuture<String> f : completedOn) {
      threads.add(f.orTimeout(10, TimeUnit.SECONDS).join());
    }
    // One permit per 10 ms with a burst of one: all but the first draw wait for the timer.
    assertThat(paced).isGreaterThanOrEqualTo(15);
    threads.remove(Thread.currentThread().getName());
    assertThat(threads).hasSize(1);
  }
}
