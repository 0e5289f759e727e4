package io.github.b2cpermissions;

/**
 * The one-word answer of a {@link VerificationReport}, most severe first. Each constant says what a
 * product should do before a backup job.
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
   * The tenant is not an Azure AD B2C tenant (for example a workforce {@code AAD} or an External
   * ID {@code CIAM} tenant). The tenant id is probably wrong; do not run a B2C backup against it.
   */
  NOT_A_B2C_TENANT,
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
