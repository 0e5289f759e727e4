package io.github.b2cpermissions;

/**
 * A consent redirect was rejected because its {@code state} is missing or is not the one the
 * consent link carried. Either the redirect does not answer this product's consent request, or
 * someone is trying to make the product accept a consent it never asked for (cross-site request
 * forgery). Do not act on such a redirect; start a new consent request instead. The message never
 * contains either state value.
 */
public class ConsentStateMismatchException extends B2cPermissionsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what was wrong, without the state values
   */
  public ConsentStateMismatchException(String message) {
    super(message, null, null);
  }
}
