package io.github.b2cpermissions;

import org.jspecify.annotations.Nullable;

/**
 * Graph refused (403) a read the verification itself needs, so the grants could not be checked.
 * {@link #requiredRole()} names the least privileged role that would allow the read.
 */
public class InsufficientPrivilegesException extends B2cPermissionsException {
  private static final long serialVersionUID = 1L;

  private final String requiredRole;

  /**
   * Creates an exception.
   *
   * @param message what happened
   * @param tenantId the tenant being checked
   * @param requiredRole the least privileged role that allows the refused read
   */
  public InsufficientPrivilegesException(
      String message, @Nullable String tenantId, String requiredRole) {
    super(message, tenantId, null);
    this.requiredRole = requiredRole;
  }

  /** The least privileged Graph role that allows the refused read, e.g. {@code Application.Read.All}. */
  public String requiredRole() {
    return requiredRole;
  }
}
