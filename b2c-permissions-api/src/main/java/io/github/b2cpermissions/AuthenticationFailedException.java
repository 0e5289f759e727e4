package io.github.b2cpermissions;

import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The backup app could not get a token for the tenant, or Graph refused the token (401). When Entra
 * ID said why, {@link #aadstsCode()} carries its code, for example 7000215 (invalid client secret),
 * 7000222 (expired client secret), 700016 (app not found in the tenant), 90002 (tenant not found)
 * or 90038 (tenant in another national cloud); the message explains what to do.
 */
public class AuthenticationFailedException extends B2cPermissionsException {
  private static final long serialVersionUID = 1L;

  private final int aadstsCode;

  /**
   * Creates an exception.
   *
   * @param message what happened and what to do, free of secrets
   * @param tenantId the tenant being checked
   * @param aadstsCode the AADSTS code, or a value of 0 or less when none was given
   * @param cause the underlying failure, or null
   */
  public AuthenticationFailedException(
      String message, @Nullable String tenantId, int aadstsCode, @Nullable Throwable cause) {
    super(message, tenantId, cause);
    this.aadstsCode = aadstsCode;
  }

  /** The AADSTS error code Entra ID returned, if any. */
  public OptionalInt aadstsCode() {
    return aadstsCode > 0 ? OptionalInt.of(aadstsCode) : OptionalInt.empty();
  }
}
