package io.github.b2cpermissions.graph.internal.check;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.GraphAppRoles;
import io.github.b2cpermissions.PermissionCheck;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.VerificationReport;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the directory and the token said into a report: a status per catalog permission, the
 * narrower role held in place of a missing one, and the excess roles.
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
   * @param report the builder to fill
   * @param directory the directory's facts with the tenant's Graph roles, or null for the token
   *     alone
   * @param tokenRoles the token's {@code roles}, or null when only the directory counts
   */
  public static void assemble(
      VerificationReport.Builder report,
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
        GraphAppRoles.byValue(value).ifPresent(r -> heldByValue.putIfAbsent(value, r));
      }
    }

    Map<B2cBackupPermission, PermissionCheck> checks = new EnumMap<>(B2cBackupPermission.class);
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      boolean inDirectory = heldByValue.containsKey(p.scope());
      boolean inToken = tokenRoles != null && tokenRoles.contains(p.scope());
      PermissionStatus status;
      if (directory != null) {
        status = !inDirectory ? PermissionStatus.MISSING
            : tokenRoles == null || inToken ? PermissionStatus.GRANTED
            : PermissionStatus.PROPAGATING;
      } else {
        status = inToken ? PermissionStatus.GRANTED : PermissionStatus.MISSING;
      }
      GraphAppRole narrower = null;
      if (status == PermissionStatus.MISSING && p.readCounterpart().isPresent()) {
        String readValue = p.readCounterpart().get().value();
        if (heldByValue.containsKey(readValue)) {
          narrower = heldByValue.get(readValue);
        }
      }
      DirectoryFacts.HeldRole ev = status == PermissionStatus.MISSING ? null : evidence.get(p.scope());
      checks.put(p, new PermissionCheck(p, status, narrower,
          ev == null ? null : ev.assignmentId(), ev == null ? null : ev.createdAt()));
    }
    checks.values().forEach(report::check);

    for (GraphAppRole role : heldByValue.values()) {
      if (B2cBackupPermission.fromScope(role.value()).isPresent()
          || B2cBackupPermission.fromAppRoleId(role.id()).isPresent()) {
        continue;
      }
      boolean standsInForMissing = checks.values().stream().anyMatch(
          c -> c.narrowerRoleHeld() != null && c.narrowerRoleHeld().value().equals(role.value()));
      if (!standsInForMissing) {
        report.excessRole(role);
      }
    }
  }

}
