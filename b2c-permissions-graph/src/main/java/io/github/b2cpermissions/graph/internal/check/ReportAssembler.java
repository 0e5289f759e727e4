package io.github.b2cpermissions.graph.internal.check;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.GraphAppRoles;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.ProfileUse;
import io.github.b2cpermissions.RoleCheck;
import io.github.b2cpermissions.PermissionCheck;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationReportBuilder;
import java.util.HashSet;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the directory and the token said into a report: a status per role the profile
 * requires, the narrower role held in place of a missing catalog permission, and the excess roles.
 */
final class ReportAssembler {
  private ReportAssembler() {}

  /**
   * Assembles the permission checks and excess roles into {@code report}.
   *
   * <p>From the directory, a catalog permission is held only through a live assignment (already
   * filtered to this tenant's Microsoft Graph service principal) of a role that this tenant's Graph
   * defines and has enabled, under the catalog's value. From the token alone (a token-only check, or
   * a directory that could not be read), a permission is granted when the token carries it.
   *
   * @param report the builder to fill, already set to {@code profile}
   * @param profile the profile whose required roles are checked; in a backup-only profile a read
   *     role is also held through its broader read-write counterpart
   * @param directory the directory's facts with the tenant's Graph roles, or null for the token
   *     alone
   * @param tokenRoles the token's {@code roles}, or null when only the directory counts
   */
  public static void assemble(
      VerificationReportBuilder report,
      PermissionProfile profile,
      @Nullable DirectoryFacts directory,
      @Nullable Set<String> tokenRoles) {
    // Every Graph role held, by value, with the directory's evidence where there is some.
    Map<String, GraphAppRole> heldByValue = new LinkedHashMap<>();
    Map<String, DirectoryFacts.HeldRole> evidence = new LinkedHashMap<>();
    Map<UUID, GraphAppRole> tenantRoles = directory == null ? null : directory.tenantRoles();
    if (directory != null) {
      for (DirectoryFacts.HeldRole h : directory.graphRoles()) {
        GraphAppRole role = tenantRoles == null ? null : tenantRoles.get(h.appRoleId());
        if (role == null) {
          continue; // not a role this tenant's Graph defines and has enabled: it grants nothing
        }
        heldByValue.putIfAbsent(role.value(), role);
        evidence.putIfAbsent(role.value(), h);
      }
    } else if (tokenRoles != null) {
      for (String value : tokenRoles) {
        GraphAppRoles.byValue(value)
            .or(() -> GraphPermission.fromValue(value).map(GraphPermission::asAppRole))
            .ifPresent(r -> heldByValue.putIfAbsent(value, r));
      }
    }

    Set<String> standInsForMissing = new HashSet<>();
    Set<String> heldAsRequired = new HashSet<>();
    for (GraphPermission role : profile.requiredRoles()) {
      String value = role.value();
      // A backup-only profile also accepts the role's broader read-write counterpart. Which one
      // holds is decided by the source of truth alone (the directory when read, else the token),
      // so a token that still carries the narrower role does not hide a broader one the directory
      // granted since: that one is then propagating, not missing.
      String broader = profile.use() == ProfileUse.BACKUP
          ? role.broaderCounterpart().map(GraphPermission::value).orElse(null) : null;
      String via = broader != null && !heldByValue.containsKey(value) && heldByValue.containsKey(broader)
          ? broader : value;
      boolean inDirectory = heldByValue.containsKey(via);
      boolean inToken = tokenRoles != null && tokenRoles.contains(via);
      PermissionStatus status;
      if (directory != null) {
        status = !inDirectory ? PermissionStatus.MISSING
            : tokenRoles == null || inToken ? PermissionStatus.GRANTED
            : PermissionStatus.PROPAGATING;
      } else {
        status = inToken ? PermissionStatus.GRANTED : PermissionStatus.MISSING;
      }
      DirectoryFacts.HeldRole ev = status == PermissionStatus.MISSING ? null : evidence.get(via);
      GraphPermission heldAs = status != PermissionStatus.MISSING && !via.equals(value)
          ? GraphPermission.fromValue(via).orElseThrow() : null;
      if (status != PermissionStatus.MISSING) {
        heldAsRequired.add(via);
      }
      Optional<B2cBackupPermission> catalog = B2cBackupPermission.fromAppRoleId(role.appRoleId());
      GraphAppRole narrower = null;
      if (status == PermissionStatus.MISSING && catalog.isPresent()
          && catalog.get().readCounterpart().isPresent()) {
        narrower = heldByValue.get(catalog.get().readCounterpart().get().value());
      }
      if (narrower != null) {
        standInsForMissing.add(narrower.value());
        report.check(new PermissionCheck(catalog.get(), status, narrower, null, null));
      } else {
        report.check(new RoleCheck(role, status, heldAs,
            ev == null ? null : ev.assignmentId(), ev == null ? null : ev.createdAt()));
      }
    }

    for (GraphAppRole role : heldByValue.values()) {
      boolean required = GraphPermission.fromAppRoleId(role.id()).map(profile::isRequired).orElse(false)
          || GraphPermission.fromValue(role.value()).map(profile::isRequired).orElse(false);
      if (!required && !heldAsRequired.contains(role.value())
          && !standInsForMissing.contains(role.value())) {
        report.excessRole(role);
      }
    }
  }
}
