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
   * Not looked at: a token-only check does not read the directory. A token was issued, so the app
   * was present and enabled when it was.
   */
  NOT_CHECKED
}
