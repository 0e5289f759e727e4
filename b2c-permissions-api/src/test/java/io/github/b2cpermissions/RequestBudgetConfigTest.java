package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The budget's settings: the default burst, the period's bounds, pacing, equality and text. */
class RequestBudgetConfigTest {

  @Test
  void withoutAnExplicitBurstTheBurstIsOneTwentiethOfTheLimitAndAtLeastOne() {
    assertThat(RequestBudgetConfig.custom().limitForPeriod(100).build().maxBurst()).isEqualTo(5);
    assertThat(RequestBudgetConfig.custom().limitForPeriod(10).build().maxBurst()).isOne();
    assertThat(RequestBudgetConfig.custom().limitForPeriod(2).build().maxBurst()).isOne();
  }

  @Test
  void thePeriodMayBeExactlyOneMillisecondOrOneDayButNotOutside() {
    assertThat(RequestBudgetConfig.custom().limitRefreshPeriod(Duration.ofMillis(1)).build()
        .limitRefreshPeriod()).isEqualTo(Duration.ofMillis(1));
    assertThat(RequestBudgetConfig.custom().limitRefreshPeriod(Duration.ofDays(1)).build()
        .limitRefreshPeriod()).isEqualTo(Duration.ofDays(1));
    assertThatThrownBy(() -> RequestBudgetConfig.custom().limitRefreshPeriod(Duration.ofDays(1).plusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 ms to 1 day");
    assertThatThrownBy(() -> RequestBudgetConfig.custom().limitRefreshPeriod(Duration.ofNanos(999_999)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 ms to 1 day");
  }

  @Test
  void thePacedIntervalIsRoundedUpSoThePacedRateNeverExceedsTheLimit() {
    RequestBudgetConfig threePaced = RequestBudgetConfig.custom().limitForPeriod(4).maxBurst(1)
        .limitRefreshPeriod(Duration.ofMillis(1)).build();
    assertThat(threePaced.nanosPerPermit()).isEqualTo(333_334L);
    RequestBudgetConfig twoPaced = RequestBudgetConfig.custom().limitForPeriod(3).maxBurst(1)
        .limitRefreshPeriod(Duration.ofMillis(1)).build();
    assertThat(twoPaced.nanosPerPermit()).isEqualTo(500_000L);
  }

  @Test
  void configsAreEqualExactlyWhenEverySettingIsAndDifferentOnesHashApart() {
    RequestBudgetConfig base = RequestBudgetConfig.custom().limitForPeriod(100).maxBurst(4)
        .limitRefreshPeriod(Duration.ofSeconds(1)).build();

    assertThat(base).isEqualTo(RequestBudgetConfig.from(base).build())
        .isNotEqualTo(RequestBudgetConfig.from(base).limitForPeriod(101).build())
        .isNotEqualTo(RequestBudgetConfig.from(base).maxBurst(5).build())
        .isNotEqualTo(RequestBudgetConfig.from(base).limitRefreshPeriod(Duration.ofSeconds(2)).build())
        .isNotEqualTo(base.toString()).isNotEqualTo(null);
    assertThat(base.hashCode()).isNotEqualTo(RequestBudgetConfig.ofDefaults().hashCode());
  }

  @Test
  void theTextsNameEverySettingAndTheBudgetItsConfig() {
    RequestBudgetConfig c = RequestBudgetConfig.custom().limitForPeriod(100).maxBurst(4)
        .limitRefreshPeriod(Duration.ofSeconds(1)).build();

    assertThat(c).hasToString("RequestBudgetConfig{limitForPeriod=100, limitRefreshPeriod=PT1S, maxBurst=4}");
    assertThat(RequestBudget.inProcess(c)).hasToString("RequestBudget.inProcess(" + c + ")");
    assertThat(RequestBudgetConfig.custom().limitForPeriod(100)).hasToString(
        "RequestBudgetConfig.Builder{limitForPeriod=100, limitRefreshPeriod=PT10S, maxBurst=(one twentieth)}");
    assertThat(RequestBudgetConfig.custom().maxBurst(1)).hasToString(
        "RequestBudgetConfig.Builder{limitForPeriod=130000, limitRefreshPeriod=PT10S, maxBurst=1}");
  }
}
