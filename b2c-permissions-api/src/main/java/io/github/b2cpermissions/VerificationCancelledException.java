package io.github.b2cpermissions;

import org.jspecify.annotations.Nullable;

/**
 * A check stopped before it had an answer because it was cancelled: its {@code verifyAsync} future
 * was cancelled, the verifier was {@linkplain AutoCloseable#close() closed} while it ran, or its
 * thread was interrupted. Nothing is known about the tenant's grants; no request is sent for the
 * check after this is decided.
 */
public class VerificationCancelledException extends B2cPermissionsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message why the check stopped
   * @param tenantId the tenant being checked, or null
   * @param cause the interruption or other underlying cause, or null
   */
  public VerificationCancelledException(
      String message, @Nullable String tenantId, @Nullable Throwable cause) {
    super(message, tenantId, cause);
  }
}
