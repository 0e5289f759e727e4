package io.github.b2cpermissions.remediation;

import io.github.b2cpermissions.VerificationReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What applying a {@link RemediationPlan} did: one {@link GrantStep} per planned assignment, in the
 * plan's order (every step is listed, the ones not sent too, so nothing half-done is hidden), and
 * the report of the check that followed. Immutable.
 */
public final class RemediationResult {
  private final RemediationPlan plan;
  private final List<GrantStep> steps;
  private final @Nullable VerificationReport finalReport;

  /**
   * Creates a result.
   *
   * @param plan the plan that was applied
   * @param steps one step per planned assignment, in the plan's order
   * @param finalReport the report of the check after the steps, or null when none was made (a
   *     blocked plan)
   * @throws NullPointerException if {@code plan} or {@code steps} is null
   * @throws IllegalArgumentException if the steps are not the plan's assignments in its order
   */
  public RemediationResult(
      RemediationPlan plan, List<GrantStep> steps, @Nullable VerificationReport finalReport) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.steps = List.copyOf(steps);
    List<PlannedAssignment> done = this.steps.stream().map(GrantStep::assignment).toList();
    if (!done.equals(plan.assignments())) {
      throw new IllegalArgumentException("the steps must be the plan's assignments, in its order");
    }
    this.finalReport = finalReport;
  }

  /** The plan that was applied. */
  public RemediationPlan plan() {
    return plan;
  }

  /** One step per planned assignment, in the plan's order. */
  public List<GrantStep> steps() {
    return steps;
  }

  /** The report of the check after the steps; empty when the plan was blocked. */
  public Optional<VerificationReport> finalReport() {
    return Optional.ofNullable(finalReport);
  }

  /** True when every step is done (created or already present). */
  public boolean allStepsDone() {
    return steps.stream().allMatch(GrantStep::isDone);
  }

  /** True when the final check found the tenant {@link VerificationReport#isSatisfied() satisfied}. */
  public boolean isSatisfied() {
    return finalReport != null && finalReport.isSatisfied();
  }

  /** How many steps have this status. */
  public long count(GrantStepStatus status) {
    Objects.requireNonNull(status, "status");
    return steps.stream().filter(s -> s.status() == status).count();
  }

  /** The result as JSON: {@code plan} (as {@link RemediationPlan#toJson()}), {@code steps}, {@code finalOutcome}. */
  public String toJson() {
    return ResultJson.of(this);
  }

  /** The plan, one line per step, and the outcome of the final check. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(512);
    sb.append("RemediationResult{tenantId=").append(plan.tenantId())
        .append(", created=").append(count(GrantStepStatus.CREATED))
        .append(", alreadyPresent=").append(count(GrantStepStatus.ALREADY_PRESENT))
        .append(", refused=").append(count(GrantStepStatus.REFUSED))
        .append(", unconfirmed=").append(count(GrantStepStatus.UNCONFIRMED))
        .append(", notAttempted=").append(count(GrantStepStatus.NOT_ATTEMPTED))
        .append(", finalOutcome=")
        .append(finalReport == null ? "(not checked)" : finalReport.outcome()).append('\n');
    steps.forEach(s -> sb.append("  ").append(s).append('\n'));
    plan.blockers().forEach(b -> sb.append("  BLOCKED ").append(b.kind()).append(": ")
        .append(b.remedy()).append('\n'));
    if (finalReport != null && !finalReport.propagating().isEmpty()) {
      sb.append("  propagating=").append(finalReport.propagating()).append('\n');
    }
    return sb.append('}').toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RemediationResult)) {
      return false;
    }
    RemediationResult r = (RemediationResult) o;
    return plan.equals(r.plan) && steps.equals(r.steps) && Objects.equals(finalReport, r.finalReport);
  }

  @Override
  public int hashCode() {
    return Objects.hash(plan, steps);
  }
}
