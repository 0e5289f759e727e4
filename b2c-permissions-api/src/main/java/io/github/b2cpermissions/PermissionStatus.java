package io.github.b2cpermissions;

/** Where one catalog permission stands in a tenant. */
public enum PermissionStatus {
  /** Confirmed: granted in the directory, and in the token where the token was read. */
  GRANTED,
  /**
   * Granted in the directory but not yet in the token the job will use: the grant is recent, or the
   * token predates it. A fresh token, or a short wait, fixes it.
   */
  PROPAGATING,
  /** Not granted. The report may name a narrower role the tenant holds instead. */
  MISSING
}
