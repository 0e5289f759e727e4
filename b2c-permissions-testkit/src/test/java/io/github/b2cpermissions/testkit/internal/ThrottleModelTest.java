package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resource-unit costs Microsoft documents for directory reads. */
class ThrottleModelTest {
  @Test
  void assignmentsCostTwoAndQueryOptionsAdjustButNeverBelowOne() {
    String assignments = "/v1.0/servicePrincipals/x/appRoleAssignments";
    assertThat(ThrottleModel.resourceUnits(assignments, Map.of())).isEqualTo(2);
    assertThat(ThrottleModel.resourceUnits(assignments, Map.of("$select", "id"))).isEqualTo(1);
    assertThat(ThrottleModel.resourceUnits(assignments, Map.of("$expand", "x"))).isEqualTo(3);
    assertThat(ThrottleModel.resourceUnits("/v1.0/organization", Map.of())).isEqualTo(1);
    assertThat(ThrottleModel.resourceUnits("/v1.0/organization", Map.of("$select", "id", "$top", "5")))
        .isEqualTo(1);
    assertThat(ThrottleModel.resourceUnits("/v1.0/users", Map.of("$top", "999"))).isEqualTo(2);
    assertThat(ThrottleModel.resourceUnits("/v1.0/users", Map.of("$top", "10"))).isEqualTo(1);
  }
}
