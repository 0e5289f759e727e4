package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrivilegeClassificationTest {

  @Test
  void aPathIsOnlyGivenForTierZero() {
    assertThatThrownBy(() -> PrivilegeClassification.of(3, 1, TieringPath.DIRECT, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tier-0");
    assertThatThrownBy(() -> PrivilegeClassification.of(3, null, TieringPath.DIRECT, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PrivilegeClassification.of(4, 0, TieringPath.DIRECT, null).tieringPath())
        .contains(TieringPath.DIRECT);
  }

  @Test
  void levelsAndTiersOutsideTheirScalesAreRejected() {
    assertThatThrownBy(() -> PrivilegeClassification.of(0, 1, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrivilegeClassification.of(3, 3, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PrivilegeClassification.of(3, -1, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PrivilegeClassification.of(1, 2, null, EamTier.USER_ACCESS).tieringTier()).hasValue(2);
  }

  @Test
  void anUnclassifiedPermissionIsNotTierZero() {
    PrivilegeClassification c = PrivilegeClassification.of(3, null, null, null);
    assertThat(c.isTierZero()).isFalse();
    assertThat(c.tieringTier()).isEmpty();
    assertThat(c.eamTier()).isEmpty();
    assertThat(c).hasToString("ms=3 tier=- eam=-");
  }

  @Test
  void toStringNamesEachSourceAndEqualityCoversEveryPart() {
    PrivilegeClassification c = PrivilegeClassification.of(4, 0, TieringPath.INDIRECT, EamTier.CONTROL_PLANE);
    assertThat(c).hasToString("ms=4 tier=0/Indirect eam=ControlPlane");
    assertThat(PrivilegeClassification.of(3, 2, null, EamTier.MANAGEMENT_PLANE))
        .hasToString("ms=3 tier=2 eam=ManagementPlane");
    assertThat(c).isEqualTo(PrivilegeClassification.of(4, 0, TieringPath.INDIRECT, EamTier.CONTROL_PLANE))
        .hasSameHashCodeAs(PrivilegeClassification.of(4, 0, TieringPath.INDIRECT, EamTier.CONTROL_PLANE))
        .isNotEqualTo(PrivilegeClassification.of(3, 0, TieringPath.INDIRECT, EamTier.CONTROL_PLANE))
        .isNotEqualTo(PrivilegeClassification.of(4, 0, TieringPath.DIRECT, EamTier.CONTROL_PLANE))
        .isNotEqualTo(PrivilegeClassification.of(4, 0, TieringPath.INDIRECT, EamTier.USER_ACCESS))
        .isNotEqualTo(PrivilegeClassification.of(4, 1, null, EamTier.CONTROL_PLANE))
        .isNotEqualTo("ms=4");
  }

  @Test
  void aDirectPathAndTheUserAccessTierArePrintedByName() {
    assertThat(PrivilegeClassification.of(4, 0, TieringPath.DIRECT, EamTier.USER_ACCESS))
        .hasToString("ms=4 tier=0/Direct eam=UserAccess");
  }

  @Test
  void aClassificationEqualsItselfAndDifferentOnesHashApart() {
    PrivilegeClassification c = PrivilegeClassification.of(4, 0, TieringPath.INDIRECT, EamTier.CONTROL_PLANE);
    assertThat(c).isEqualTo(c);
    assertThat(c.hashCode())
        .isNotEqualTo(PrivilegeClassification.of(3, 2, null, EamTier.USER_ACCESS).hashCode());
  }
}
