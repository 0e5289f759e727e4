package io.github.b2cpermissions;

/** What a {@link PermissionProfile} is meant for. */
public enum ProfileUse {
  /** Read-only roles: a backup can run, a restore needs more (a second, elevated app). */
  BACKUP,
  /** The roles for both a backup and a restore of every part the profile covers. */
  BACKUP_AND_RESTORE
}
