package io.github.b2cpermissions.remediation;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of one planned assignment.
 *
 * @param assignment the assignment the plan asked for
 * @param status what became of it
 * @param assignmentId the id of the assignment Graph created or already held, when known
 * @param httpStatus the HTTP status of Graph's last answer to the create, 0 when none arrived
 * @param graphCode Graph's error code (for example {@code Authorization_RequestDenied}) of a refusal
 *     or failure, null otherwise
 * @param message Graph's error message, or what the granter concluded, null when all went well
 * @param creates how many create requests were sent (more than one only after a re-read showed
 *     the earlier one had not created the assignment)
 * @param reread whether the assignments were re-read because an answer was unclear
 */
public record GrantStep(
    PlannedAssignment assignment,
    GrantStepStatus status,
    @Nullable String assignmentId,
    int httpStatus,
    @Nullable String graphCode,
    @Nullable String message,
    int creates,
    boolean reread) {

  /**
   * Creates a step.
   *
   * @throws NullPointerException if {@code assignment} or {@code status} is null
   * @throws IllegalArgumentException if {@code creates} or {@code httpStatus} is negative, or a
   *     step that was not attempted counts a create
   */
  public GrantStep {
    Objects.requireNonNull(assignment, "assignment");
    Objects.requireNonNull(status, "status");
    if (creates < 0 || httpStatus < 0) {
      throw new IllegalArgumentException("creates and httpStatus must not be negative");
    }
    if (status == GrantStepStatus.NOT_ATTEMPTED && creates != 0) {
      throw new IllegalArgumentException("a step that was not attempted sent no create");
    }
  }

  /** A step that was not sent, with the reason. */
  public static GrantStep notAttempted(PlannedAssignment assignment, String reason) {
    return new GrantStep(assignment, GrantStepStatus.NOT_ATTEMPTED, null, 0, null, reason, 0, false);
  }

  /** True when the assignment exists now: created, or already present. */
  public boolean isDone() {
    return status == GrantStepStatus.CREATED || status == GrantStepStatus.ALREADY_PRESENT;
  }

  /** Graph's error code, if Graph gave one. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(graphCode);
  }

  /** Returns one line: status, role, assignment id or Graph's answer. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(status).append(' ').append(assignment.role().value());
    if (assignmentId != null) {
      sb.append(" [assignment ").append(assignmentId).append(']');
    }
    if (status != GrantStepStatus.CREATED && status != GrantStepStatus.NOT_ATTEMPTED
        && httpStatus != 0) {
      sb.append(" (HTTP ").append(httpStatus);
      if (graphCode != null) {
        sb.append(' ').append(graphCode);
      }
      sb.append(')');
    }
    if (message != null) {
      sb.append(": ").append(message);
    }
    if (reread) {
      sb.append(" (re-read after an unclear answer; creates sent: ").append(creates).append(')');
    }
    return sb.toString();
  }
}
