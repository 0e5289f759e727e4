package io.github.b2cpermissions;

import org.jspecify.annotations.Nullable;

/**
 * Microsoft Graph or the token endpoint could not be reached or kept failing: 5xx answers,
 * connection failures, resets or timeouts, past the retry budget.
 */
public class GraphUnavailableException extends B2cPermissionsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what happened
   * @param tenantId the tenant being checked
   * @param cause the last underlying failure, or null
   */
  public GraphUnavailableException(
      String message, @Nullable String tenantId, @Nullable Throwable cause) {
    super(message, tenantId, cause);
  }
}
