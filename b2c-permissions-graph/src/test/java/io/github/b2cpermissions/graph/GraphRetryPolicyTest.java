package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GraphRetryPolicyTest {

  @Test
  void defaultsAreSensible() {
    GraphRetryPolicy p = GraphRetryPolicy.ofDefaults();
    assertThat(p.maxAttempts()).isEqualTo(5);
    assertThat(p.deadline()).isEqualTo(Duration.ofMinutes(3));
    assertThat(p.toString()).contains("maxAttempts=5");
  }

  @Test
  void fromCopiesEverySetting() {
    GraphRetryPolicy p = GraphRetryPolicy.custom().maxAttempts(2).initialBackoff(Duration.ZERO)
        .maxBackoff(Duration.ofSeconds(1)).maxRetryAfter(Duration.ofSeconds(9))
        .deadline(Duration.ofSeconds(5)).build();
    GraphRetryPolicy copy = GraphRetryPolicy.from(p).build();
    assertThat(copy.toString()).isEqualTo(p.toString());
    assertThat(copy).isEqualTo(p).hasSameHashCodeAs(p);
  }

  @Test
  void fromDerivesAPolicyAndLeavesTheOriginalAlone() {
    GraphRetryPolicy base = GraphRetryPolicy.ofDefaults();
    GraphRetryPolicy patient = GraphRetryPolicy.from(base).deadline(Duration.ofMinutes(10)).build();

    assertThat(patient.deadline()).isEqualTo(Duration.ofMinutes(10));
    assertThat(patient.maxAttempts()).isEqualTo(base.maxAttempts());
    assertThat(patient.initialBackoff()).isEqualTo(base.initialBackoff());
    assertThat(patient.maxBackoff()).isEqualTo(base.maxBackoff());
    assertThat(patient.maxRetryAfter()).isEqualTo(base.maxRetryAfter());
    assertThat(base.deadline()).isEqualTo(Duration.ofMinutes(3));
    assertThat(patient).isNotEqualTo(base);
    assertThat(GraphRetryPolicy.custom().build()).isEqualTo(base);
  }

  @Test
  void policiesDifferingInOneSettingAreNotEqual() {
    GraphRetryPolicy base = GraphRetryPolicy.ofDefaults();
    assertThat(GraphRetryPolicy.from(base).maxAttempts(2).build()).isNotEqualTo(base);
    assertThat(GraphRetryPolicy.from(base).initialBackoff(Duration.ofSeconds(1)).build()).isNotEqualTo(base);
    assertThat(GraphRetryPolicy.from(base).maxBackoff(Duration.ofSeconds(31)).build()).isNotEqualTo(base);
    assertThat(GraphRetryPolicy.from(base).maxRetryAfter(Duration.ofSeconds(1)).build()).isNotEqualTo(base);
    assertThat(base).isNotEqualTo("GraphRetryPolicy");
  }

  @Test
  void builderToStringShowsItsSettings() {
    assertThat(GraphRetryPolicy.custom().maxAttempts(7).toString()).contains("maxAttempts=7");
  }

  @Test
  void badValuesAreRejectedWhereTheyAreSet() {
    assertThatThrownBy(() -> GraphRetryPolicy.custom().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> GraphRetryPolicy.custom().initialBackoff(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialBackoff");
    assertThatThrownBy(() -> GraphRetryPolicy.custom().deadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
    assertThatThrownBy(() -> GraphRetryPolicy.custom().maxBackoff(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void inconsistentBackoffIsRejectedAtBuild() {
    assertThatThrownBy(() -> GraphRetryPolicy.custom().initialBackoff(Duration.ofSeconds(10))
        .maxBackoff(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("exceeds maxBackoff");
  }

  @Test
  void noRetriesMeansOneAttempt() {
    assertThat(GraphRetryPolicy.noRetries().maxAttempts()).isEqualTo(1);
  }
}
