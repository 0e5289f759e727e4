package io.github.b2cpermissions.graph.model;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.stub.StubAppRole;
import io.github.b2cpermissions.graph.stub.StubAssignment;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Generates a {@link TenantCase} from a seed. The strategy is {@code seed mod 3}, so consecutive
 * seeds cycle through the three strategies. The weights keep a meaningful share of cases
 * satisfiable (the test asserts it) while every state and fault kind of the brief occurs.
 */
final class CaseGenerator {
  private static final B2cBackupPermission[] CATALOG = B2cBackupPermission.values();
  private static final FaultKind[] IN_BATCH = {
      FaultKind.FORBIDDEN, FaultKind.NOT_FOUND, FaultKind.UNAUTHORIZED, FaultKind.THROTTLED,
      FaultKind.UNAVAILABLE, FaultKind.SERVER_ERROR, FaultKind.MALFORMED};
  private static final FaultKind[] ON_PAGES = {
      FaultKind.FORBIDDEN, FaultKind.UNAUTHORIZED, FaultKind.THROTTLED, FaultKind.UNAVAILABLE,
      FaultKind.SERVER_ERROR, FaultKind.DROPPED, FaultKind.MALFORMED};
  private static final FaultKind[] ON_BATCH = {
      FaultKind.FORBIDDEN, FaultKind.THROTTLED, FaultKind.UNAVAILABLE, FaultKind.DROPPED,
      FaultKind.MALFORMED};
  /** Requests inside one {@code $batch} share its retry budget with the outer POST. */
  static final int MAX_TRANSIENT_PER_BATCH = 2;

  private CaseGenerator() {}

  static VerificationStrategy strategyOf(long seed) {
    return VerificationStrategy.values()[(int) Math.floorMod(seed, 3L)];
  }

  static TenantCase generate(long seed) {
    Random r = new Random(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    VerificationStrategy strategy = strategyOf(seed);
    String tenantId = TenantCase.uuid(r);
    String otherTenant = TenantCase.uuid(r);
    String spId = TenantCase.uuid(r);
    String graphSpId = TenantCase.uuid(r);

    double t = r.nextDouble();
    String tenantType = t < 0.76 ? "AAD B2C" : t < 0.88 ? "AAD" : "CIAM";

    double a = r.nextDouble();
    AppState app = a < 0.80 ? AppState.ENABLED : a < 0.87 ? AppState.ABSENT
        : a < 0.94 ? AppState.DISABLED : AppState.NO_ACCOUNT_ENABLED;

    String initial = "t" + tenantId.substring(0, 8) + ".onmicrosoft.com";
    List<String> domains = new ArrayList<>(List.of(initial));
    String name = tenantId;
    if (r.nextDouble() < 0.30) {
      name = "b2c" + Integer.toHexString(r.nextInt(1 << 20)) + ".onmicrosoft.com";
      if (r.nextDouble() < 0.80) {
        // Graph may answer the domain in another case than the caller wrote it.
        domains.add(r.nextBoolean() ? name : name.toUpperCase(Locale.ROOT));
      } else {
        domains.add("contoso-" + Integer.toHexString(r.nextInt(1 << 16)) + ".com");
      }
      Collections.shuffle(domains, r);
    }
    double o = r.nextDouble();
    OrganizationId orgId = o < 0.92 ? OrganizationId.MATCHING
        : o < 0.96 ? OrganizationId.OTHER_TENANT : OrganizationId.MISSING;

    List<StubAppRole> roles = new ArrayList<>(StubDirectory.catalogRoles());
    double g = r.nextDouble();
    if (g < 0.06) {
      for (int i = 1 + r.nextInt(2); i > 0; i--) {
        int at = indexOf(roles, pick(r).appRoleId());
        StubAppRole old = roles.get(at);
        roles.set(at, new StubAppRole(old.id(), old.value(), false));
      }
    } else if (g < 0.12) {
      for (int i = 1 + r.nextInt(2); i > 0; i--) {
        B2cBackupPermission p = pick(r);
        roles.removeIf(x -> x.id().equals(p.appRoleId()));
      }
    } else if (g < 0.16) {
      B2cBackupPermission p = pick(r);
      B2cBackupPermission q = CATALOG[(p.ordinal() + 1 + r.nextInt(CATALOG.length - 1)) % CATALOG.length];
      roles.set(indexOf(roles, p.appRoleId()), new StubAppRole(p.appRoleId(), q.scope(), true));
    }
    Collections.shuffle(roles, r);

    List<StubAssignment> assignments = new ArrayList<>();
    Set<B2cBackupPermission> granted = EnumSet.noneOf(B2cBackupPermission.class);
    boolean all = r.nextDouble() < 0.66;
    for (B2cBackupPermission p : CATALOG) {
      if (all || r.nextDouble() < 0.75) {
        granted.add(p);
        assignments.add(assignment(r, spId, graphSpId, p.appRoleId(), null));
      }
    }
    if (r.nextDouble() < 0.25 && !granted.isEmpty()) {
      List<B2cBackupPermission> held = new ArrayList<>(granted);
      for (int i = 1 + r.nextInt(3); i > 0; i--) {
        assignments.add(assignment(r, spId, graphSpId, held.get(r.nextInt(held.size())).appRoleId(), null));
      }
    }
    if (r.nextDouble() < 0.25) {
      for (int i = 1 + r.nextInt(2); i > 0; i--) {
        assignments.add(assignment(r, spId, graphSpId, pick(r).appRoleId(), "2026-02-01T00:00:00Z"));
      }
    }
    if (r.nextDouble() < 0.25) {
      for (int i = 1 + r.nextInt(2); i > 0; i--) {
        assignments.add(assignment(r, spId, TenantCase.uuid(r), pick(r).appRoleId(), null));
      }
    }
    if (r.nextDouble() < 0.10) {
      B2cBackupPermission p = pick(r);
      GraphAppRole read = p.readCounterpart().orElse(null);
      if (read != null) {
        assignments.add(assignment(r, spId, graphSpId, read.id(), null));
      }
    }
    if (r.nextDouble() < 0.04) {
      assignments.add(assignment(r, TenantCase.uuid(r), graphSpId, pick(r).appRoleId(), null));
    }
    Collections.shuffle(assignments, r);
    int pages = 1 + r.nextInt(4);
    int pageSize = Math.max(1, (assignments.size() + pages - 1) / pages);

    Set<String> inDirectory = FailClosedModel.grantedInDirectory(
        spId, graphSpId, roles, assignments);
    Set<String> token = new LinkedHashSet<>(inDirectory);
    double k = r.nextDouble();
    if (k < 0.18 && !token.isEmpty()) {
      List<String> held = new ArrayList<>(token);
      for (int i = 1 + r.nextInt(2); i > 0 && !held.isEmpty(); i--) {
        token.remove(held.remove(r.nextInt(held.size())));
      }
    } else if (k < 0.34) {
      for (int i = 1 + r.nextInt(3); i > 0; i--) {
        token.add(pick(r).scope());
      }
    } else if (k < 0.42) {
      for (B2cBackupPermission p : CATALOG) {
        token.add(p.scope()); // a cached token from before a revocation
      }
    }

    return new TenantCase(seed, strategy, tenantId, name, List.copyOf(domains), orgId, otherTenant,
        tenantType, app, spId, graphSpId, List.copyOf(roles), List.copyOf(assignments), pageSize,
        Set.copyOf(token), new FaultPlan(faults(r)));
  }

  private static List<Fault> faults(Random r) {
    List<Fault> out = new ArrayList<>();
    double f = r.nextDouble();
    int count = f < 0.45 ? 0 : f < 0.78 ? 1 : f < 0.94 ? 2 : 3;
    List<Target> targets = new ArrayList<>(List.of(Target.values()));
    int batchTransient = 0;
    int innerTransient = 0;
    for (int i = 0; i < count; i++) {
      Target target = targets.remove(r.nextInt(targets.size()));
      FaultKind[] kinds = target == Target.BATCH ? ON_BATCH
          : target.canBeInBatch() ? IN_BATCH : ON_PAGES;
      FaultKind kind = kinds[r.nextInt(kinds.length)];
      int failFirst = 0;
      if (kind.passing() && r.nextBoolean()) {
        failFirst = 1 + r.nextInt(2);
        if (target == Target.BATCH) {
          failFirst = Math.min(failFirst, MAX_TRANSIENT_PER_BATCH - innerTransient);
          batchTransient = failFirst;
        } else if (target.canBeInBatch()) {
          failFirst = Math.min(failFirst, MAX_TRANSIENT_PER_BATCH - batchTransient);
          innerTransient = Math.max(innerTransient, failFirst);
        }
        if (failFirst <= 0) {
          failFirst = 0; // no budget left for a transient one: make it persistent
        }
      }
      out.add(new Fault(target, kind, failFirst));
    }
    return out;
  }

  private static StubAssignment assignment(
      Random r, String principal, String resource, java.util.UUID role, @Nullable String deleted) {
    return new StubAssignment(TenantCase.uuid(r), principal, resource, role,
        "2026-01-0" + (1 + r.nextInt(9)) + "T00:00:00Z", deleted);
  }

  private static B2cBackupPermission pick(Random r) {
    return CATALOG[r.nextInt(CATALOG.length)];
  }

  private static int indexOf(List<StubAppRole> roles, java.util.UUID id) {
    for (int i = 0; i < roles.size(); i++) {
      if (roles.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalStateException("catalog role " + id + " not in the list");
  }
}
