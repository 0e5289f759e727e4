package io.github.b2cpermissions.testkit.internal;

import org.jspecify.annotations.Nullable;

/** Result of a POST: the assignment, or why it was refused (a Graph 400 message). */
final class AssignmentResult {
  final @Nullable AppRoleAssignment assignment;
  final @Nullable String error;

  AssignmentResult(@Nullable AppRoleAssignment assignment, @Nullable String error) {
    this.assignment = assignment;
    this.error = error;
  }
}
