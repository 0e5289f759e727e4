package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-process budget, on a hand-moved nanosecond clock and a hand-fired timer. */
class RequestBudgetTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  /** A nanosecond clock and timer that move only when told. */
  private static final class HandTimer implements TokenBucketBudget.Timer {
    long now = 1_000L * SECOND;
    final List<long[]> dueAt = new ArrayList<>();
    final List<CompletableFuture<Void>> pending = new ArrayList<>();

    @Override
    public void completeAfter(long nanos, CompletableFuture<Void> future) {
      dueAt.add(new long[] {now + nanos});
      pending.add(future);
    }

    void advance(long nanos) {
      now += nanos;
      for (int i = 0; i < pending.size(); i++) {
        if (dueAt.get(i)[0] - now <= 0) {
          pending.get(i).complete(null);
        }
      }
    }
  }

  private static TokenBucketBudget budget(RequestBudgetConfig config, HandTimer t) {
    return new TokenBucketBudget(config, () -> t.now, t);
  }

  @Test
  void grantsTheBurstAtOnceThenPacesTheRestEvenly() {
    HandTimer t = new HandTimer();
    // 100 per second, burst 10: 90 paced permits per second, one every 11.12 ms (rounded up).
    RequestBudgetConfig config = RequestBudgetConfig.custom().limitForPeriod(100)
        .limitRefreshPeriod(Duration.ofSeconds(1)).maxBurst(10).build();
    TokenBucketBudget b = budget(config, t);
    for (int i = 0; i < 10; i++) {
      assertThat(b.acquire(1)).as("burst permit %d", i).isCompleted();
    }
    CompletableFuture<Void> eleventh = b.acquire(1);
    CompletableFuture<Void> twelfth = b.acquire(1);
    assertThat(eleventh).isNotDone();
    t.advance(config.nanosPerPermit() - 1);
    assertThat(eleventh).isNotDone();
    t.advance(1);
    assertThat(eleventh).isCompleted();
    assertThat(twelfth).isNotDone();
    t.advance(config.nanosPerPermit());
    assertThat(twelfth).isCompleted();
  }

  @Test
  void aWaitingCallerIsAnsweredAtOnceWithAFutureAndHoldsNoThread() {
    HandTimer t = new HandTimer();
    RequestBudgetConfig config = RequestBudgetConfig.custom().limitForPeriod(2)
        .limitRefreshPeriod(Duration.ofSeconds(10)).maxBurst(1).build();
    TokenBucketBudget b = budget(config, t);
    assertThat(b.acquire(1)).isCompleted();
    CompletableFuture<Void> second = b.acquire(1);
    // Nothing ran the timer: the future is pending, and the only work left is the timer's.
    assertThat(second).isNotDone();
    assertThat(t.pending).containsExactly(second);
    t.advance(10 * SECOND);
    assertThat(second).isCompleted();
  }

  @Test
  void aQuietSpellRefillsTheBurstButNoMore() {
    HandTimer t = new HandTimer();
    RequestBudgetConfig config = RequestBudgetConfig.custom().limitForPeriod(20)
        .limitRefreshPeriod(Duration.ofSeconds(1)).maxBurst(5).build();
    TokenBucketBudget b = budget(config, t);
    for (int i = 0; i < 5; i++) {
      b.acquire(1);
    }
    t.advance(60 * SECOND);
    int atOnce = 0;
    while (b.acquire(1).isDone()) {
      atOnce++;
    }
    assertThat(atOnce).isEqualTo(5);
  }

  @Test
  void neverGrantsMoreThanTheLimitInAnyIntervalOfThePeriod() {
    HandTimer t = new HandTimer();
    RequestBudgetConfig config = RequestBudgetConfig.custom().limitForPeriod(50)
        .limitRefreshPeriod(Duration.ofSeconds(1)).maxBurst(20).build();
    TokenBucketBudget b = budget(config, t);
    Random random = new Random(14);
    List<Long> grants = new ArrayList<>();
    for (int step = 0; step < 4_000; step++) {
      int n = 1 + random.nextInt(3);
      long wait = b.reserve(n);
      for (int i = 0; i < n; i++) {
        grants.add(t.now + Math.max(0, wait));
      }
      t.advance(random.nextInt(4) == 0 ? random.nextInt((int) SECOND) : random.nextInt(1_000_000));
    }
    grants.sort(null);
    int most = 0;
    for (int first = 0, last = 0; last < grants.size(); last++) {
      while (grants.get(last) - grants.get(first) > SECOND) {
        first++;
      }
      most = Math.max(most, last - first + 1);
    }
    assertThat(most).isLessThanOrEqualTo(50).isGreaterThan(40);
  }

  @Test
  void aDrawOfManyIsDueWhenTheirLastPermitWouldBe() {
    HandTimer t = new HandTimer();
    RequestBudgetConfig config = RequestBudgetConfig.custom().limitForPeriod(11)
        .limitRefreshPeriod(Duration.ofSeconds(1)).maxBurst(1).build();
    TokenBucketBudget b = budget(config, t);
    assertThat(b.reserve(4)).isEqualTo(3 * config.nanosPerPermit());
  }

  @Test
  void theDefaultsAreGraphsAppWideLimit() {
    RequestBudgetConfig d = RequestBudgetConfig.ofDefaults();
    assertThat(d.limitForPeriod()).isEqualTo(130_000);
    assertThat(d.limitRefreshPeriod()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.maxBurst()).isEqualTo(6_500);
    assertThat(RequestBudgetConfig.from(d).build()).isEqualTo(d).hasSameHashCodeAs(d);
    assertThat(RequestBudgetConfig.from(d).limitForPeriod(10).maxBurst(3).build().maxBurst())
        .isEqualTo(3);
  }

  @Test
  void settersRefuseNonsenseAndBuildRefusesABurstThatLeavesNothingToPace() {
    assertThatThrownBy(() -> RequestBudgetConfig.custom().limitForPeriod(1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestBudgetConfig.custom().maxBurst(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestBudgetConfig.custom().limitRefreshPeriod(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestBudgetConfig.custom().limitForPeriod(5).maxBurst(5).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxBurst 5");
    assertThatThrownBy(() -> RequestBudget.inProcess().acquire(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestBudget.unlimited().acquire(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theUnlimitedBudgetGrantsEverythingAtOnce() {
    assertThat(RequestBudget.unlimited().acquire(1_000_000)).isCompleted();
    assertThat(RequestBudget.unlimited().acquire(1)).isCompleted();
  }
}
