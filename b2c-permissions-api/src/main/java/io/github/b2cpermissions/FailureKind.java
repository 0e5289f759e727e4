package io.github.b2cpermissions;

import java.util.Objects;

/**
 * What kind of failure stopped a check, for dashboards and alerting: one value per exception type
 * this library throws, read from the exception itself with {@link #of(B2cPermissionsException)} so
 * the two can never disagree.
 */
public enum FailureKind {
  /** Graph kept throttling the check: {@link GraphThrottledException}. Try the tenant later. */
  THROTTLED,
  /**
   * Graph or the token endpoint could not be reached, kept failing, or the check ran out of time:
   * {@link GraphUnavailableException}.
   */
  UNAVAILABLE,
  /** No usable token could be had, or Graph refused it: {@link AuthenticationFailedException}. */
  AUTHENTICATION,
  /** Graph refused a read the check needs: {@link InsufficientPrivilegesException}. */
  INSUFFICIENT_PRIVILEGES,
  /** Graph answered something the check cannot trust: {@link UnexpectedGraphResponseException}. */
  UNEXPECTED_RESPONSE,
  /**
   * The check was cancelled, its verifier closed or its thread interrupted: {@link
   * VerificationCancelledException}.
   */
  CANCELLED,
  /** Any other {@link B2cPermissionsException}, such as an unexpected error inside the check. */
  OTHER;

  /**
   * The kind of {@code failure}, decided by its type (a subclass counts as its parent).
   *
   * @throws NullPointerException if {@code failure} is null
   */
  public static FailureKind of(B2cPermissionsException failure) {
    Objects.requireNonNull(failure, "failure");
    if (failure instanceof GraphThrottledException) {
      return THROTTLED;
    }
    if (failure instanceof GraphUnavailableException) {
      return UNAVAILABLE;
    }
    if (failure instanceof AuthenticationFailedException) {
      return AUTHENTICATION;
    }
    if (failure instanceof InsufficientPrivilegesException) {
      return INSUFFICIENT_PRIVILEGES;
    }
    if (failure instanceof UnexpectedGraphResponseException) {
      return UNEXPECTED_RESPONSE;
    }
    if (failure instanceof VerificationCancelledException) {
      return CANCELLED;
    }
    return OTHER;
  }
}
