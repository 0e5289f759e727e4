package io.github.b2cpermissions;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A consent redirect names a different tenant than the one the product asked about, or names none
 * on a grant. Typically the administrator signed in to another tenant than intended, so the expected
 * tenant has not been granted anything. The reported tenant is untrusted (anyone can edit a
 * redirect): it is carried here for diagnosis only and must not be used to authorize anything.
 */
public class ConsentTenantMismatchException extends B2cPermissionsException {
  private static final long serialVersionUID = 1L;

  private final String expectedTenantId;
  private final @Nullable String reportedTenantId;

  /**
   * Creates an exception.
   *
   * @param message what was wrong
   * @param expectedTenantId the tenant id the caller expected
   * @param reportedTenantId the tenant id the redirect named, or null when it named none
   * @throws NullPointerException if {@code message} or {@code expectedTenantId} is null
   */
  public ConsentTenantMismatchException(
      String message, String expectedTenantId, @Nullable String reportedTenantId) {
    super(message, Objects.requireNonNull(expectedTenantId, "expectedTenantId"), null);
    this.expectedTenantId = expectedTenantId;
    this.reportedTenantId = reportedTenantId;
  }

  /** The tenant id the caller expected the consent for. */
  public String expectedTenantId() {
    return expectedTenantId;
  }

  /** The tenant id the redirect named (untrusted), or empty when it named none. */
  public Optional<String> reportedTenantId() {
    return Optional.ofNullable(reportedTenantId);
  }
}
