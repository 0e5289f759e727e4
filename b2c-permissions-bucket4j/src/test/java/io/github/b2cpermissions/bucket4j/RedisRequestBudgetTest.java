package io.github.b2cpermissions.bucket4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.RequestBudgetConfig;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared budget against a real redis-server on loopback (skipped when there is none). */
class RedisRequestBudgetTest {
  private static LocalRedis redis;

  /** 20 per hour with a burst of 10: 10 paced permits an hour, one every 6 minutes. */
  private static final RequestBudgetConfig SLOW = RequestBudgetConfig.custom().limitForPeriod(20)
      .limitRefreshPeriod(Duration.ofHours(1)).maxBurst(10).build();

  @BeforeAll
  static void startRedis() throws Exception {
    String missing = LocalRedis.unavailableReason();
    Assumptions.assumeTrue(missing == null, missing);
    redis = LocalRedis.start();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (redis != null) {
      redis.close();
    }
  }

  /** A timer that records the delays it is asked to wait. */
  private static final class RecordingTimer extends ScheduledThreadPoolExecutor {
    final List<Long> delaysNanos = new CopyOnWriteArrayList<>();
    final CountDownLatch scheduled = new CountDownLatch(1);

    RecordingTimer() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      delaysNanos.add(unit.toNanos(delay));
      scheduled.countDown();
      return super.schedule(command, delay, unit);
    }
  }

  private static RedisRequestBudget.Builder budget(String key) {
    return RedisRequestBudget.builder().redisUri(redis.uri).key(key).config(SLOW);
  }

  @Test
  void workersOpeningOneKeyDrawFromOneBucket() throws Exception {
    String key = "test:" + UUID.randomUUID();
    RecordingTimer timer = new RecordingTimer();
    try (RedisRequestBudget first = budget(key).build();
        RedisRequestBudget second = budget(key).timer(timer).build();
        RedisRequestBudget otherApp = budget("test:" + UUID.randomUUID()).build()) {
      for (int i = 0; i < 10; i++) {
        first.acquire(1).get(30, TimeUnit.SECONDS);
      }
      assertThat(second.availablePermits().get(30, TimeUnit.SECONDS)).isZero();
      assertThat(otherApp.availablePermits().get(30, TimeUnit.SECONDS)).isEqualTo(10);
      // The burst is spent for both workers: the second one's draw is due in about 6 minutes,
      // and it is waited for on the timer, not on a caller's thread.
      CompletableFuture<Void> waiting = second.acquire(1);
      assertThat(timer.scheduled.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(waiting).isNotDone();
      assertThat(timer.delaysNanos).singleElement().satisfies(d -> assertThat(d)
          .isBetween(TimeUnit.MINUTES.toNanos(5), TimeUnit.MINUTES.toNanos(6)));
      assertThat(first.availablePermits().get(30, TimeUnit.SECONDS)).isEqualTo(-1);
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void aDrawOfSeveralReservesThemAll() throws Exception {
    try (RedisRequestBudget b = budget("test:" + UUID.randomUUID()).build()) {
      b.acquire(4).get(30, TimeUnit.SECONDS);
      assertThat(b.availablePermits().get(30, TimeUnit.SECONDS)).isEqualTo(6);
    }
  }

  @Test
  void aRedisThatCannotBeReachedFailsTheBuildWithTheProjectsException() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    assertThatThrownBy(() -> RedisRequestBudget.builder().redisUri("redis://127.0.0.1:" + closedPort)
        .key("k").requestTimeout(Duration.ofSeconds(2)).build())
        .isInstanceOf(B2cPermissionsException.class)
        .hasMessageContaining("could not connect to Redis at 127.0.0.1:" + closedPort);
  }

  @Test
  void aClosedBudgetRefusesDraws() throws Exception {
    RedisRequestBudget b = budget("test:" + UUID.randomUUID()).build();
    b.close();
    b.close();
    assertThatThrownBy(() -> b.acquire(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theBuilderChecksEachSettingAndTheirCombination() {
    assertThatThrownBy(() -> RedisRequestBudget.builder().key(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisRequestBudget.builder().requestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisRequestBudget.builder().redisUri("redis://h:6379").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("key");
    assertThatThrownBy(() -> RedisRequestBudget.builder().key("k").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("exactly one");
  }

  @Test
  void neitherTheBuilderNorTheBudgetPrintsTheRedisPassword() throws Exception {
    assertThat(RedisRequestBudget.builder().redisUri("redis://:s3cret@127.0.0.1:6379").key("k"))
        .asString().doesNotContain("s3cret").contains("***@127.0.0.1:6379");
    try (RedisRequestBudget b = budget("test:" + UUID.randomUUID()).build()) {
      assertThat(b).asString().contains("127.0.0.1").contains("limitForPeriod=20");
    }
  }
}
