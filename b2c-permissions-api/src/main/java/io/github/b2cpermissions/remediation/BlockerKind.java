package io.github.b2cpermissions.remediation;

/** Why an app role assignment cannot close (all of) the gap a report found. */
public enum BlockerKind {
  /**
   * The backup app has no service principal in the tenant: it was never consented there, so there
   * is no principal to assign roles to. An administrator must consent (the report's consent URL).
   */
  APP_NOT_CONSENTED,
  /** The backup app's service principal is disabled; assignments would not let it sign in. */
  APP_DISABLED,
  /** The tenant is not of a kind the report's profile covers; nothing is planned for it. */
  NOT_A_COVERED_TENANT,
  /**
   * The check could not read the directory (a read was refused), so it is not known which roles
   * are missing. Give the verifier the role the report names, or verify with another credential.
   */
  DIRECTORY_UNREADABLE,
  /**
   * The report carries no directory facts to plan from: the tenant's Microsoft Graph service
   * principal and its app roles were not read (a token-only check). Verify with a strategy that
   * reads the directory.
   */
  DIRECTORY_NOT_READ,
  /**
   * This tenant's Microsoft Graph does not define the role, or has it disabled: it cannot be
   * assigned here (an older or national cloud, for example).
   */
  ROLE_NOT_OFFERED
}
