package io.github.b2cpermissions.remediation;

/** What became of one planned assignment when a granter applied the plan. */
public enum GrantStepStatus {
  /** Graph created the assignment (or a re-read after an unclear answer found it created). */
  CREATED,
  /** Graph answered that the assignment already exists: nothing needed doing. */
  ALREADY_PRESENT,
  /** Graph refused the assignment; the step names Graph's status and error code. */
  REFUSED,
  /**
   * The create's answer never arrived (a timeout, a dropped connection, a server error) and a
   * re-read could not confirm the assignment either: it may or may not exist. Verify the tenant.
   */
  UNCONFIRMED,
  /**
   * Not sent: an earlier step was refused for a reason every step shares (the granting app lacks
   * the privilege, or its token was refused), so sending more would only repeat the refusal.
   */
  NOT_ATTEMPTED
}
