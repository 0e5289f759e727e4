package io.github.b2cpermissions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a report's role checks and excess roles say the app holds, and what follows from it for a
 * profile: the roles that unlock capabilities, the roles to list once each, the narrower roles
 * that would do, and what a restore still lacks. The arithmetic behind {@link VerificationReport}'s
 * privilege views, kept apart from the value type.
 */
final class HeldRoles {
  private HeldRoles() {}

  /** The granted required roles (and the roles they are held as) and the known excess roles. */
  static Set<GraphPermission> known(Map<GraphPermission, RoleCheck> roleChecks, List<GraphAppRole> excess) {
    EnumSet<GraphPermission> held = EnumSet.noneOf(GraphPermission.class);
    for (RoleCheck c : roleChecks.values()) {
      if (c.status() == PermissionStatus.GRANTED) {
        held.add(c.role());
        c.grantedRole().ifPresent(held::add);
      }
    }
    for (GraphAppRole r : excess) {
      GraphPermission.fromAppRoleId(r.id()).ifPresent(held::add);
    }
    return held;
  }

  /**
   * Every role seen held, once each: the roles granted for required ones, the narrower roles held in
   * place of missing ones, then the excess roles.
   */
  static List<GraphAppRole> listed(Collection<RoleCheck> roleChecks,
      Collection<PermissionCheck> catalogChecks, List<GraphAppRole> excess) {
    Map<UUID, GraphAppRole> held = new LinkedHashMap<>();
    for (RoleCheck c : roleChecks) {
      c.grantedRole().ifPresent(r -> held.putIfAbsent(r.appRoleId(), r.asAppRole()));
    }
    for (PermissionCheck c : catalogChecks) {
      GraphAppRole narrower = c.narrowerRoleHeld();
      if (narrower != null) {
        held.putIfAbsent(narrower.id(), narrower);
      }
    }
    for (GraphAppRole r : excess) {
      held.putIfAbsent(r.id(), r);
    }
    return List.copyOf(held.values());
  }

  /** Each held read-write role the profile does not require while it requires its read role. */
  static List<NarrowerRoleFinding> narrowerFindings(List<GraphAppRole> held, PermissionProfile profile) {
    List<NarrowerRoleFinding> findings = new ArrayList<>();
    for (GraphAppRole r : held) {
      GraphPermission.fromAppRoleId(r.id()).ifPresent(role -> role.readCounterpart()
          .filter(read -> !profile.isRequired(role) && profile.isRequired(read))
          .ifPresent(read -> findings.add(new NarrowerRoleFinding(role, read))));
    }
    return List.copyOf(findings);
  }

  /** For each skipped restorable part, the roles it still lacks; parts lacking none are left out. */
  static Map<BackupCapability, Set<GraphPermission>> restoreNeeds(PermissionProfile profile,
      Set<BackupCapability> skippedRestores, Set<GraphPermission> held) {
    Map<BackupCapability, Set<GraphPermission>> needs = new EnumMap<>(BackupCapability.class);
    for (BackupCapability c : skippedRestores) {
      Set<GraphPermission> missing = profile.missingFor(c, BackupOperation.RESTORE, held);
      if (!missing.isEmpty()) {
        needs.put(c, missing);
      }
    }
    return Collections.unmodifiableMap(needs);
  }
}
