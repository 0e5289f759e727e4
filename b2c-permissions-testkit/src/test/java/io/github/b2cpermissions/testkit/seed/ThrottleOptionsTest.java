package io.github.b2cpermissions.testkit.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.testkit.FakeThrottleLimits;
import io.github.b2cpermissions.testkit.ThrottleCounters;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The standalone fake's throttling options. */
class ThrottleOptionsTest {
  @Test
  void limitsAreReadAsRequestsPerSeconds() {
    ThrottleOptions o = new ThrottleOptions();
    String[] args = {"--app-limit", "3000/10", "--tenant-ru-limit", "3500/10", "--port", "1"};
    assertThat(o.take(args, 0)).isEqualTo(1);
    assertThat(o.take(args, 2)).isEqualTo(3);
    assertThat(o.take(args, 4)).isEqualTo(-1);
    assertThat(o.limits()).isEqualTo(FakeThrottleLimits.none().appRequests(3000, Duration.ofSeconds(10))
        .tenantResourceUnits(3500, Duration.ofSeconds(10)));
  }

  @Test
  void malformedLimitsAreRefusedWithTheOptionNamed() {
    assertThatThrownBy(() -> new ThrottleOptions().take(new String[] {"--app-limit", "x/10"}, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--app-limit");
    assertThatThrownBy(() -> new ThrottleOptions().take(new String[] {"--app-limit", "0/10"}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThrottleOptions().take(new String[] {"--app-limit"}, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCountersAreWrittenAsOneJsonObject() {
    String json = ThrottleOptions.json(new ThrottleCounters(10, 2, 1, 9, 3),
        FakeThrottleLimits.none().appRequests(8, Duration.ofSeconds(10)));
    assertThat(json).isEqualTo("{\"graphRequests\":10,\"appThrottled\":2,\"tenantThrottled\":1,"
        + "\"peakAppRequestsPerPeriod\":9,\"limitSignals\":3,\"appLimit\":8,\"appPeriodSeconds\":10}");
  }
}
