package io.github.b2cpermissions.graph.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final BoundedCache<String, String> cache =
      new BoundedCache<>(3, Duration.ofMinutes(10), now::get);

  @Test
  void leastRecentlyUsedEntryIsEvictedPastTheSize() {
    cache.put("a", "1");
    cache.put("b", "2");
    cache.put("c", "3");
    assertThat(cache.get("a")).isEqualTo("1"); // a is now the most recently used
    cache.put("d", "4");
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("a")).isEqualTo("1");
    assertThat(cache.get("c")).isEqualTo("3");
    assertThat(cache.get("d")).isEqualTo("4");
  }

  @Test
  void entryExpiresAtItsAgeNotBefore() {
    cache.put("a", "1");
    now.addAndGet(Duration.ofMinutes(10).toNanos() - 1);
    assertThat(cache.get("a")).isEqualTo("1");
    now.addAndGet(1);
    assertThat(cache.get("a")).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void readingDoesNotExtendTheAgeButPuttingAgainDoes() {
    cache.put("a", "1");
    now.addAndGet(Duration.ofMinutes(6).toNanos());
    assertThat(cache.get("a")).isEqualTo("1");
    now.addAndGet(Duration.ofMinutes(6).toNanos());
    assertThat(cache.get("a")).isNull();
    cache.put("a", "2");
    now.addAndGet(Duration.ofMinutes(6).toNanos());
    assertThat(cache.get("a")).isEqualTo("2");
  }

  @Test
  void putIfAbsentKeepsALiveValueAndReplacesAnExpiredOne() {
    assertThat(cache.putIfAbsent("a", "1")).isEqualTo("1");
    assertThat(cache.putIfAbsent("a", "2")).isEqualTo("1");
    now.addAndGet(Duration.ofMinutes(11).toNanos());
    assertThat(cache.putIfAbsent("a", "3")).isEqualTo("3");
  }

  @Test
  void removeForgetsAnEntry() {
    cache.put("a", "1");
    cache.remove("a", "other");
    assertThat(cache.get("a")).isEqualTo("1");
    cache.remove("a", "1");
    assertThat(cache.get("a")).isNull();
    cache.put("b", "2");
    cache.remove("b");
    assertThat(cache.get("b")).isNull();
  }

  @Test
  void boundsMustBePositive() {
    assertThatThrownBy(() -> new BoundedCache<String, String>(0, Duration.ofMinutes(1), now::get))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoundedCache<String, String>(1, Duration.ZERO, now::get))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoundedCache<String, String>(1, Duration.ofSeconds(-1), now::get))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The size (what the verifier reports as cached tenants) leaves out expired entries unread. */
  @Test
  void sizeDropsExpiredEntriesThatWereNeverReadAgain() {
    cache.put("a", "1");
    now.addAndGet(Duration.ofMinutes(5).toNanos());
    cache.put("b", "2");
    now.addAndGet(Duration.ofMinutes(5).toNanos());
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.get("b")).isEqualTo("2");
  }
}
