package io.github.b2cpermissions;

/** How a verifier learns what a tenant granted. */
public enum VerificationStrategy {
  /**
   * Reads the backup app's service principal and its app role assignments from Microsoft Graph:
   * the source of truth, which also sees the tenant type, excess roles and evidence.
   */
  DIRECTORY,
  /**
   * Acquires the app-only token the backup job will use and reads the permissions from its {@code
   * roles} claim. The tenant type and the app's service principal are confirmed from the directory
   * once per tenant and remembered for a while; a warm check whose token shows no sign of change
   * makes no Graph request. Between confirmations it cannot see a role revoked in the directory
   * while a cached token still carries it, nor a service principal disabled or removed after the
   * confirmation; a verdict other than {@link VerificationOutcome#SATISFIED}, a new {@code roles},
   * {@code oid} or {@code tid} in the token, or the confirmation's expiry makes it read again.
   */
  TOKEN,
  /**
   * Both: the directory says what is granted, the token says what the job can use now. A role in
   * the first but not the second is {@link PermissionStatus#PROPAGATING}.
   */
  DIRECTORY_AND_TOKEN
}
