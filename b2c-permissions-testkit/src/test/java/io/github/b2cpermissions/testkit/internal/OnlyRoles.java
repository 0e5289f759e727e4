package io.github.b2cpermissions.testkit.internal;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.FakeGraphTenant;

/** Route tests' way to leave a tenant's backup app with exactly the given Graph roles. */
final class OnlyRoles {
  private OnlyRoles() {}

  /** Revokes every role of the backup app, then grants {@code roles}. */
  static void grant(FakeGraphTenant t, String... roles) {
    t.app().revoke(B2cBackupPermission.values());
    for (String r : t.app().grantedRoles()) {
      t.app().revokeRole(r);
    }
    for (String r : roles) {
      t.app().grantRole(r);
    }
  }
}
