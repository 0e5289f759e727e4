package io.github.b2cpermissions;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's result in a fleet check: exactly one of a report or a failure.
 */
public final class TenantVerification {
  private final String tenantId;
  private final @Nullable VerificationReport report;
  private final @Nullable B2cPermissionsException failure;

  private TenantVerification(
      String tenantId,
      @Nullable VerificationReport report,
      @Nullable B2cPermissionsException failure) {
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.report = report;
    this.failure = failure;
  }

  /**
   * A tenant that was checked.
   *
   * @throws NullPointerException if {@code report} is null
   */
  public static TenantVerification of(VerificationReport report) {
    Objects.requireNonNull(report, "report");
    return new TenantVerification(report.tenantId(), report, null);
  }

  /**
   * A tenant whose check failed.
   *
   * @throws NullPointerException if an argument is null
   */
  public static TenantVerification failed(String tenantId, B2cPermissionsException failure) {
    return new TenantVerification(tenantId, null, Objects.requireNonNull(failure, "failure"));
  }

  /** The tenant. */
  public String tenantId() {
    return tenantId;
  }

  /** The report, when the check finished. */
  public Optional<VerificationReport> report() {
    return Optional.ofNullable(report);
  }

  /** Why the check did not finish, when it did not. */
  public Optional<B2cPermissionsException> failure() {
    return Optional.ofNullable(failure);
  }

  /** True when the check finished and the tenant is satisfied. */
  public boolean isSatisfied() {
    return report != null && report.isSatisfied();
  }

  @Override
  public String toString() {
    return report != null
        ? "TenantVerification{" + tenantId + ": " + report.outcome() + "}"
        : "TenantVerification{" + tenantId + ": failed: " + failure + "}";
  }
}
