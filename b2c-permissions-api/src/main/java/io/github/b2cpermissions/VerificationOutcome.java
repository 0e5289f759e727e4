package io.github.b2cpermissions;

/**
 * The one-word answer of a {@link VerificationReport}. Each constant says what a product should do
 * before a backup job. Only {@link #SATISFIED} allows a full backup; {@link #MISSING_PERMISSIONS}
 * and {@link #PERMISSIONS_PROPAGATING} allow a partial one of the report's {@linkplain
 * VerificationReport#capabilities(BackupOperation) capabilities}; every other outcome allows none.
 */
public enum VerificationOutcome {
  /**
   * The backup app has no service principal in the tenant: its admin never consented, or removed
   * the app. Send the admin to the consent URL; nothing can be backed up until then.
   */
  APP_NOT_CONSENTED,
  /**
   * The backup app's service principal exists but is disabled, so the tenant issues it no tokens.
   * Ask the admin to enable it; a consent URL does not help.
   */
  APP_DISABLED,
  /**
   * The tenant is not of a kind the check covers: its {@code tenantType} is not the one of the
   * report's {@linkplain VerificationReport#profile() profile} (a workforce {@code AAD} tenant
   * always; an External ID {@code CIAM} tenant when no External ID profile is configured). The
   * tenant id is probably wrong, or the tenant needs another profile; do not back it up.
   */
  NOT_A_B2C_TENANT,
  /**
   * Graph refused (403) a directory read the check needs, and nothing Graph did answer decides the
   * tenant otherwise, so the grants could not be confirmed. The report names the role that would
   * let the check read the directory ({@link VerificationReport#directoryRoleNeeded()}), carries a
   * consent URL when a consent URL builder is configured, and lists the statuses the token shows;
   * its {@linkplain VerificationReport#capabilities(BackupOperation) capabilities} are empty. Send
   * the admin the consent URL; do not back up on the strength of this report.
   */
  DIRECTORY_UNREADABLE,
  /**
   * At least one required permission is not granted. Run a partial backup of the {@linkplain
   * VerificationReport#capabilities(BackupOperation) capabilities that work} and ask the admin to
   * consent through the report's consent URL.
   */
  MISSING_PERMISSIONS,
  /**
   * Every permission is granted in the directory, but the token the job will use does not carry all
   * of them yet. Wait and check again, or acquire a fresh token, before a full backup.
   */
  PERMISSIONS_PROPAGATING,
  /** Every required permission is confirmed. Run the full backup. */
  SATISFIED
}
