package io.github.b2cpermissions;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of every failure this library reports that could not become a {@link
 * VerificationReport}: the check did not finish, so nothing about the tenant's grants is known.
 * Unchecked. Messages never contain tokens, secrets or consent state. Preconditions on arguments
 * are reported with the JDK's own exceptions ({@link NullPointerException}, {@link
 * IllegalArgumentException}, {@link IllegalStateException}) instead.
 */
public class B2cPermissionsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String tenantId;

  /**
   * Creates an exception.
   *
   * @param message what went wrong, free of secrets
   * @param tenantId the tenant being checked, or null when the failure is not about one tenant
   * @param cause the underlying failure, or null
   */
  public B2cPermissionsException(
      String message, @Nullable String tenantId, @Nullable Throwable cause) {
    super(message, cause);
    this.tenantId = tenantId;
  }

  /** The tenant whose check failed, when the failure concerns one tenant. */
  public Optional<String> tenantId() {
    return Optional.ofNullable(tenantId);
  }
}
