package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.B2cBackupPermission;

/** The README's run command. Until the verifier lands it lists the permission catalog. */
public final class PreBackupCheckDemo {
  private PreBackupCheckDemo() {}

  /**
   * Prints the catalog.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.printf("%-40s %-38s %s%n", "Permission", "App role id", "Purpose");
    for (B2cBackupPermission p : B2cBackupPermission.all()) {
      System.out.printf("%-40s %-38s %s%n", p.scope(), p.appRoleId(), p.purpose());
    }
  }
}
