package io.github.b2cpermissions;

/** Whether the backup app has a service principal in the tenant, as a verification saw it. */
public enum AppPresence {
  /** The service principal exists and is enabled. */
  ENABLED,
  /** The service principal exists but {@code accountEnabled} is false. */
  DISABLED,
  /** There is no service principal for the app: the tenant never consented to it. */
  NOT_FOUND,
  /**
   * Not confirmed from the directory (for example because Graph refused to read the service
   * principal). A report with this presence is never {@link VerificationOutcome#SATISFIED}.
   */
  NOT_CHECKED
}
