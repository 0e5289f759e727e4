package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionProfile;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code catalog}: prints the permission catalog, or one profile's roles, optionally with tiers. */
@Command(name = "catalog", description = "List the permissions a B2C backup app needs, or a profile's.")
final class CatalogCommand extends CliCommand {
  @Option(names = "--profile", description = "A profile: B2C_BACKUP_AND_RESTORE, B2C_BACKUP_ONLY,"
      + " EXTERNAL_ID_BACKUP_AND_RESTORE or EXTERNAL_ID_BACKUP_ONLY.")
  @Nullable String profile;

  @Option(names = "--tiers", description = "Print each role's privilege tiers.")
  boolean tiers;

  @Override
  public Integer call() {
    if (profile == null) {
      for (B2cBackupPermission p : B2cBackupPermission.all()) {
        out().printf("%-40s %s%n    %s%n", p.scope(), p.appRoleId(), p.purpose());
        if (tiers) {
          out().printf("    tiers: %s%n", p.graphPermission().privilege());
        }
      }
      return B2cPermissionsCli.SATISFIED;
    }
    PermissionProfile chosen = ProfileNames.parse(profile);
    out().printf("%s (%s tenants, %s): %d roles, %d tier 0%n", chosen, chosen.tenantKind(),
        chosen.use(), chosen.requiredRoles().size(), chosen.tierZeroRoles().size());
    for (GraphPermission role : chosen.requiredRoles()) {
      out().printf("%-44s %s%n    unlocks %s%n", role.value(), role.appRoleId(),
          chosen.unlockedBy(role));
      if (tiers) {
        out().printf("    tiers: %s%n", role.privilege());
      }
    }
    if (tiers) {
      out().println("tiers: ms = Microsoft's privilegeLevel (permissions.json); tier = Azure tiering"
          + " model (emiliensocchi/azure-tiering), 0 = path to Global Admin; eam = Enterprise Access"
          + " Model (Cloud-Architekt/AzurePrivilegedIAM, used by EntraOps)");
    }
    return B2cPermissionsCli.SATISFIED;
  }
}
