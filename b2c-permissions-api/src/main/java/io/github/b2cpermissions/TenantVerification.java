package io.github.b2cpermissions;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One element's result in a fleet check: exactly one of a report or a failure, with the tenant id
 * exactly as it was given and, when known, the tenant's GUID. Immutable. {@link #toString()} shows
 * the outcome or the failure's kind, never a token or consent state.
 */
public final class TenantVerification {
  private final String tenantId;
  private final @Nullable String resolvedTenantId;
  private final @Nullable VerificationReport report;
  private final @Nullable B2cPermissionsException failure;

  private TenantVerification(
      String tenantId,
      @Nullable String resolvedTenantId,
      @Nullable VerificationReport report,
      @Nullable B2cPermissionsException failure) {
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.resolvedTenantId = resolvedTenantId;
    this.report = report;
    this.failure = failure;
  }

  /**
   * A tenant that was checked, named as in its report, with no resolved tenant id.
   *
   * @throws NullPointerException if {@code report} is null
   */
  public static TenantVerification of(VerificationReport report) {
    Objects.requireNonNull(report, "report");
    return new TenantVerification(report.tenantId(), null, report, null);
  }

  /**
   * A tenant that was checked.
   *
   * @param tenantId the tenant id as the caller gave it
   * @param resolvedTenantId the tenant's GUID, or null when not known
   * @param report the report
   * @throws NullPointerException if {@code tenantId} or {@code report} is null
   */
  public static TenantVerification of(
      String tenantId, @Nullable String resolvedTenantId, VerificationReport report) {
    Objects.requireNonNull(report, "report");
    return new TenantVerification(tenantId, resolvedTenantId, report, null);
  }

  /**
   * A tenant whose check failed, with no resolved tenant id.
   *
   * @throws NullPointerException if an argument is null
   */
  public static TenantVerification failed(String tenantId, B2cPermissionsException failure) {
    return failed(tenantId, null, failure);
  }

  /**
   * A tenant whose check failed.
   *
   * @param tenantId the tenant id as the caller gave it
   * @param resolvedTenantId the tenant's GUID, or null when not known
   * @param failure why the check did not finish
   * @throws NullPointerException if {@code tenantId} or {@code failure} is null
   */
  public static TenantVerification failed(
      String tenantId, @Nullable String resolvedTenantId, B2cPermissionsException failure) {
    return new TenantVerification(
        tenantId, resolvedTenantId, null, Objects.requireNonNull(failure, "failure"));
  }

  /**
   * A copy for another element that named the same tenant (the same report or failure, the id as
   * that element gave it).
   *
   * @throws NullPointerException if {@code givenTenantId} is null
   */
  public TenantVerification forTenantIdAsGiven(String givenTenantId) {
    return new TenantVerification(givenTenantId, resolvedTenantId, report, failure);
  }

  /** The tenant id exactly as it was given (case and all). */
  public String tenantId() {
    return tenantId;
  }

  /**
   * The tenant's GUID, lower-case, when known: the id itself when a GUID was given, or the token's
   * {@code tid} once a check of a domain finished.
   */
  public Optional<String> resolvedTenantId() {
    return Optional.ofNullable(resolvedTenantId);
  }

  /** The report, when the check finished. */
  public Optional<VerificationReport> report() {
    return Optional.ofNullable(report);
  }

  /** Why the check did not finish, when it did not. */
  public Optional<B2cPermissionsException> failure() {
    return Optional.ofNullable(failure);
  }

  /** The kind of {@link #failure()}, when the check did not finish. */
  public Optional<FailureKind> failureKind() {
    return failure == null ? Optional.empty() : Optional.of(FailureKind.of(failure));
  }

  /** True when the check finished and the tenant is satisfied. */
  public boolean isSatisfied() {
    return report != null && report.isSatisfied();
  }

  @Override
  public String toString() {
    return report != null
        ? "TenantVerification{" + tenantId + ": " + report.outcome() + "}"
        : "TenantVerification{" + tenantId + ": failed (" + FailureKind.of(failure) + "): "
            + failure.getMessage() + "}";
  }
}
