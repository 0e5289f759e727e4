package io.github.b2cpermissions;

import org.jspecify.annotations.Nullable;

/**
 * Graph answered something the verification cannot trust or understand: a malformed body, an
 * unexpected status, a paging link to another host or scheme, or a paging loop.
 */
public class UnexpectedGraphResponseException extends B2cPermissionsException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  /**
   * Creates an exception.
   *
   * @param message what was wrong with the response
   * @param tenantId the tenant being checked
   * @param httpStatus the HTTP status of the response, or 0 when not applicable
   * @param cause the underlying failure, or null
   */
  public UnexpectedGraphResponseException(
      String message, @Nullable String tenantId, int httpStatus, @Nullable Throwable cause) {
    super(message, tenantId, cause);
    this.httpStatus = httpStatus;
  }

  /** The HTTP status of the offending response, or 0 when the failure was not about one response. */
  public int httpStatus() {
    return httpStatus;
  }
}
