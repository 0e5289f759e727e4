package io.github.b2cpermissions.spring;

import io.github.b2cpermissions.ReportDiff;
import io.github.b2cpermissions.VerificationReport;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A change in one tenant's permissions that the scheduled fleet check saw, published as a Spring
 * application event (listen with {@code @EventListener}). Each change is published once: the same
 * gap raises no new event on later runs until it changes again. Immutable; {@link #toString()}
 * never shows a token or consent state.
 */
public abstract class PermissionsDriftEvent {
  private final String tenantId;
  private final VerificationReport report;
  private final @Nullable ReportDiff diff;

  PermissionsDriftEvent(String tenantId, VerificationReport report, @Nullable ReportDiff diff) {
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.report = Objects.requireNonNull(report, "report");
    this.diff = diff;
  }

  /** The tenant, as the tenant source named it. */
  public String tenantId() {
    return tenantId;
  }

  /** The report of the run that saw the change. */
  public VerificationReport report() {
    return report;
  }

  /** The diff from the tenant's previous report; empty the first time a tenant is seen. */
  public Optional<ReportDiff> diff() {
    return Optional.ofNullable(diff);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + tenantId + ": " + describe() + "}";
  }

  /** What changed, in a few words. */
  abstract String describe();
}
