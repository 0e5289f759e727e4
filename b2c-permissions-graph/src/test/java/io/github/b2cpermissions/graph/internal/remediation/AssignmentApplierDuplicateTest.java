package io.github.b2cpermissions.graph.internal.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which refusal of a create means the assignment is already there (ALREADY_PRESENT, not REFUSED). */
class AssignmentApplierDuplicateTest {
  private static final String GRAPHS_WORDS = "Permission being assigned already exists on the object";

  @Test
  void a400Or409SayingItAlreadyExistsIsADuplicateInAnyCase() {
    assertThat(AssignmentApplier.isDuplicate(400, GRAPHS_WORDS)).isTrue();
    assertThat(AssignmentApplier.isDuplicate(409, GRAPHS_WORDS)).isTrue();
    assertThat(AssignmentApplier.isDuplicate(400, "Permission being assigned ALREADY EXISTS on the object")).isTrue();
  }

  @Test
  void otherStatusesWithTheSameWordsAreNot() {
    for (int status : new int[] {200, 201, 401, 403, 404, 429, 500, 503}) {
      assertThat(AssignmentApplier.isDuplicate(status, GRAPHS_WORDS)).as("status %d", status).isFalse();
    }
  }

  @Test
  void aBadRequestForAnotherReasonOrWithoutAMessageIsNot() {
    assertThat(AssignmentApplier.isDuplicate(400, "Invalid value specified for property 'appRoleId'")).isFalse();
    assertThat(AssignmentApplier.isDuplicate(400, null)).isFalse();
    assertThat(AssignmentApplier.isDuplicate(409, null)).isFalse();
  }
}
