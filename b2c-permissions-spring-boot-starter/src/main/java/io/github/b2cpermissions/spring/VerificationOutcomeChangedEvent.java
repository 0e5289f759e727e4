package io.github.b2cpermissions.spring;

import io.github.b2cpermissions.ReportDiff;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's outcome changed since the previous run; also published the first time a tenant is
 * seen with an outcome other than SATISFIED (a gap is reported once, when it is first seen).
 */
public final class VerificationOutcomeChangedEvent extends PermissionsDriftEvent {
  private final @Nullable VerificationOutcome previous;

  VerificationOutcomeChangedEvent(String tenantId, VerificationReport report,
      @Nullable ReportDiff diff) {
    super(tenantId, report, diff);
    this.previous = diff == null ? null : diff.outcomeBefore();
  }

  /** The outcome at the previous run; empty the first time the tenant is seen. */
  public Optional<VerificationOutcome> previous() {
    return Optional.ofNullable(previous);
  }

  /** The outcome now. */
  public VerificationOutcome current() {
    return report().outcome();
  }

  @Override
  String describe() {
    return (previous == null ? "first seen" : previous.toString()) + " -> " + current();
  }
}
