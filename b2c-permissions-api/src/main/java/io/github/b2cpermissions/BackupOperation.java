package io.github.b2cpermissions;

/** What a product wants to do with a part of a tenant. */
public enum BackupOperation {
  /** Read the data and store a copy. */
  BACKUP,
  /** Write a stored copy back into the tenant. */
  RESTORE
}
