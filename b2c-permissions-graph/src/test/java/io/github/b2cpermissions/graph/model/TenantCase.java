package io.github.b2cpermissions.graph.model;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.stub.StubAppRole;
import io.github.b2cpermissions.graph.stub.StubAssignment;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * One generated case: a tenant's state as the stub serves it, the token the credential returns,
 * the strategy the verifier uses, the name it is asked about, and the fault plan. Everything is
 * derived from {@link #seed}, so the seed alone replays the case.
 *
 * @param seed the case's seed
 * @param strategy the verifier's strategy
 * @param tenantId the tenant's id (the token's {@code tid})
 * @param tenantName what {@code verify} is called with: the id, or a domain name
 * @param verifiedDomains the organization's verified domains
 * @param organizationId what id the organization answers
 * @param otherTenantId the id answered for {@link OrganizationId#OTHER_TENANT}
 * @param tenantType the organization's tenant type
 * @param app the backup app's service principal
 * @param servicePrincipalId its object id
 * @param graphServicePrincipalId Microsoft Graph's service principal's object id
 * @param graphRoles the app roles this tenant's Graph service principal defines
 * @param assignments the backup app's assignments, in paging order
 * @param pageSize how many assignments a page holds
 * @param tokenRoles the token's {@code roles}
 * @param plan the faults
 */
record TenantCase(
    long seed,
    VerificationStrategy strategy,
    String tenantId,
    String tenantName,
    List<String> verifiedDomains,
    OrganizationId organizationId,
    String otherTenantId,
    String tenantType,
    AppState app,
    String servicePrincipalId,
    String graphServicePrincipalId,
    List<StubAppRole> graphRoles,
    List<StubAssignment> assignments,
    int pageSize,
    Set<String> tokenRoles,
    FaultPlan plan) {

  /** Whether {@code verify} is called with a domain name rather than the tenant id. */
  boolean namedByDomain() {
    return !tenantName.equals(tenantId);
  }

  /** How many pages of assignments the stub serves (at least one, possibly empty). */
  int pages() {
    return assignments.isEmpty() ? 1 : (assignments.size() + pageSize - 1) / pageSize;
  }

  /** Scripts {@code dir} (one stub directory reused across cases) with this case's state. */
  void applyTo(StubDirectory dir) {
    dir.tenantId = tenantId;
    dir.tenantType = tenantType;
    dir.verifiedDomains = new ArrayList<>(verifiedDomains);
    dir.organizationId = switch (organizationId) {
      case MATCHING -> null;
      case OTHER_TENANT -> otherTenantId;
      case MISSING -> "";
    };
    dir.backupAppId = StubDirectory.BACKUP_APP_ID;
    dir.servicePrincipalPresent = app != AppState.ABSENT;
    dir.servicePrincipalId = servicePrincipalId;
    dir.accountEnabled = switch (app) {
      case DISABLED -> Boolean.FALSE;
      case NO_ACCOUNT_ENABLED -> null;
      default -> Boolean.TRUE;
    };
    dir.graphServicePrincipalId = graphServicePrincipalId;
    dir.graphAppRoles = new ArrayList<>(graphRoles);
    dir.assignments = new CopyOnWriteArrayList<>(assignments);
    dir.pageSize = pageSize;
    dir.tokenRoles = new LinkedHashSet<>(tokenRoles);
    plan.serveOn(dir);
  }

  /** The whole case in a few lines, for a failure message. */
  String describe() {
    StringBuilder b = new StringBuilder();
    b.append("seed=").append(seed).append(" strategy=").append(strategy)
        .append("\n  tenant ").append(tenantId).append(" asked as '").append(tenantName).append('\'')
        .append(" verifiedDomains=").append(verifiedDomains)
        .append(" organization id=").append(organizationId)
        .append(organizationId == OrganizationId.OTHER_TENANT ? " (" + otherTenantId + ")" : "")
        .append(" tenantType='").append(tenantType).append('\'')
        .append("\n  app service principal ").append(app).append(" id=").append(servicePrincipalId)
        .append(" graph service principal id=").append(graphServicePrincipalId)
        .append("\n  graph roles differing from the catalog: ").append(roleDifferences())
        .append("\n  assignments (").append(assignments.size()).append(", pageSize ")
        .append(pageSize).append(", ").append(pages()).append(" page(s)): ")
        .append(assignments.stream().map(this::describe).collect(Collectors.joining(", ")))
        .append("\n  token roles (").append(tokenRoles.size()).append("): ").append(tokenRoles)
        .append("\n  faults: ").append(plan);
    return b.toString();
  }

  private String roleDifferences() {
    List<String> out = new ArrayList<>();
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      StubAppRole r = graphRoles.stream().filter(x -> x.id().equals(p.appRoleId())).findFirst()
          .orElse(null);
      if (r == null) {
        out.add(p.scope() + " undefined");
      } else if (!r.enabled()) {
        out.add(p.scope() + " disabled");
      } else if (!r.value().equals(p.scope())) {
        out.add(p.scope() + " named '" + r.value() + "'");
      }
    }
    return out.isEmpty() ? "none" : out.toString();
  }

  private String describe(StubAssignment a) {
    String role = B2cBackupPermission.fromAppRoleId(a.appRoleId()).map(B2cBackupPermission::scope)
        .orElse("role:" + a.appRoleId().toString().substring(0, 8));
    StringBuilder s = new StringBuilder(role);
    if (!a.principalId().equals(servicePrincipalId)) {
      s.append("[other principal]");
    }
    if (!a.resourceId().equals(graphServicePrincipalId)) {
      s.append("[other resource]");
    }
    if (a.deletedDateTime() != null) {
      s.append("[deleted]");
    }
    return s.toString();
  }

  /** A stable, seeded UUID. */
  static String uuid(java.util.Random random) {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }
}
