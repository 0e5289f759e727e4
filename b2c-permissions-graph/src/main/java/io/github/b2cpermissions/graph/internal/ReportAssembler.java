package io.github.b2cpermissions.graph.internal;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.PermissionCheck;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
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
public final class ReportAssembler {
  private ReportAssembler() {}

  /**
   * Assembles the permission checks and excess roles into {@code report}.
   *
   * @param report the builder to fill
   * @param directory the directory's facts, or null for a token-only check
   * @param tokenRoles the token's {@code roles}, or null when no token was read
   * @param roles resolves role ids and values against the tenant's Microsoft Graph
   */
  public static void assemble(
      VerificationReport.Builder report,
      @Nullable DirectoryFacts directory,
      @Nullable Set<String> tokenRoles,
      DirectoryReader roles) {
    // Every Graph role held, by value, with the directory's evidence where there is some.
    Map<String, GraphAppRole> heldByValue = new LinkedHashMap<>();
    Map<String, DirectoryFacts.HeldRole> evidence = new LinkedHashMap<>();
    if (directory != null) {
      for (DirectoryFacts.HeldRole h : directory.graphRoles()) {
        GraphAppRole role = roles.graphRole(h.appRoleId())
            .orElseGet(() -> unknownRole(h.appRoleId()));
        heldByValue.putIfAbsent(role.value(), role);
        evidence.putIfAbsent(role.value(), h);
      }
    } else if (tokenRoles != null) {
      for (String value : tokenRoles) {
        roles.graphRoleByValue(value).ifPresent(r -> heldByValue.putIfAbsent(value, r));
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

  /** Which strategy a report used, given which sources were read. */
  public static VerificationStrategy strategyOf(boolean directory, boolean token) {
    return directory && token ? VerificationStrategy.DIRECTORY_AND_TOKEN
        : directory ? VerificationStrategy.DIRECTORY : VerificationStrategy.TOKEN;
  }

  /** Presence for a token-only check: a token was issued, so nothing more is known. */
  public static AppPresence tokenOnlyPresence() {
    return AppPresence.NOT_CHECKED;
  }

  private static GraphAppRole unknownRole(UUID id) {
    return new GraphAppRole("unknown:" + id, id, "");
  }
}
