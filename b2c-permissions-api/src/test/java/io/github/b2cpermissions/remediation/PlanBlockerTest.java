package io.github.b2cpermissions.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.GraphPermission;
import org.junit.jupiter.api.Test;

/** A blocker names a role exactly when it is about one role, and always says what to do. */
class PlanBlockerTest {

  @Test
  void aBlankRemedyIsRefused() {
    assertThatThrownBy(() -> new PlanBlocker(BlockerKind.APP_DISABLED, null, "  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remedy must not be blank");
  }

  @Test
  void onlyARoleNotOfferedNamesARoleAndItMustNameOne() {
    assertThatThrownBy(() -> new PlanBlocker(BlockerKind.APP_DISABLED, GraphPermission.AUDIT_LOG_READ_ALL, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not APP_DISABLED");
    assertThatThrownBy(() -> new PlanBlocker(BlockerKind.ROLE_NOT_OFFERED, null, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not ROLE_NOT_OFFERED");
    assertThat(new PlanBlocker(BlockerKind.ROLE_NOT_OFFERED, GraphPermission.AUDIT_LOG_READ_ALL, "x")
        .roleConcerned()).contains(GraphPermission.AUDIT_LOG_READ_ALL);
    assertThat(new PlanBlocker(BlockerKind.APP_DISABLED, null, "x").roleConcerned()).isEmpty();
  }
}
