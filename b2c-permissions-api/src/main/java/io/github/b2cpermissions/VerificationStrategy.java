package io.github.b2cpermissions;

/** How a verifier learns what a tenant granted. */
public enum VerificationStrategy {
  /**
   * Reads the backup app's service principal and its app role assignments from Microsoft Graph:
   * the source of truth, which also sees the tenant type, excess roles and evidence.
   */
  DIRECTORY,
  /**
   * Acquires the app-only token the backup job will use and reads its {@code roles} claim: no Graph
   * call at all, and exactly what the job will be allowed to do until the token expires.
   */
  TOKEN,
  /**
   * Both: the directory says what is granted, the token says what the job can use now. A role in
   * the first but not the second is {@link PermissionStatus#PROPAGATING}.
   */
  DIRECTORY_AND_TOKEN
}
