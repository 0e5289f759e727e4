package io.github.b2cpermissions.remediation;

import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.RoleCheck;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What it would take to bring one tenant to its profile, worked out from a {@link
 * VerificationReport} alone (no Graph call): the app role assignments to create, one per missing
 * role; the roles already granted but still propagating (nothing to create, only to wait for); the
 * excess roles a person may choose to remove (a plan never removes anything); and the blockers no
 * assignment can fix. Immutable and thread-safe; equal plans print and serialize identically.
 *
 * <p>Each assignment gives the backup app's service principal ({@link #principalId()}) one app role
 * of the tenant's Microsoft Graph service principal ({@link #resourceId()}), with the role id as
 * that tenant's Graph defines it ({@link VerificationReport#tenantGraphRoles()}). A report of an
 * app that was never consented, is disabled, or of a tenant the profile does not cover plans no
 * assignment; one whose directory could not be read, or was not read, neither: the missing roles
 * are not known, or the ids to assign are not.
 */
public final class RemediationPlan {
  /** The version of the {@linkplain #toJson() JSON form}; raised when a field changes meaning. */
  public static final int SCHEMA_VERSION = 1;

  private final String tenantId;
  private final PermissionProfile profile;
  private final VerificationOutcome outcome;
  private final Instant checkedAt;
  private final @Nullable String principalId;
  private final @Nullable String resourceId;
  private final List<PlannedAssignment> assignments;
  private final Set<GraphPermission> propagatingRoles;
  private final List<GraphAppRole> excessRoles;
  private final List<PlanBlocker> blockers;
  private final @Nullable AdminConsentRequest consentRequest;

  private RemediationPlan(VerificationReport r, List<PlannedAssignment> assignments,
      List<PlanBlocker> blockers) {
    this.tenantId = r.tenantId();
    this.profile = r.profile();
    this.outcome = r.outcome();
    this.checkedAt = r.checkedAt();
    this.principalId = r.servicePrincipalId().orElse(null);
    this.resourceId = r.graphServicePrincipalId().orElse(null);
    this.assignments = List.copyOf(assignments);
    EnumSet<GraphPermission> propagating = EnumSet.noneOf(GraphPermission.class);
    for (RoleCheck c : r.roleChecks().values()) {
      if (c.status() == PermissionStatus.PROPAGATING) {
        propagating.add(c.role());
      }
    }
    this.propagatingRoles = Collections.unmodifiableSet(propagating);
    this.excessRoles = r.excessRoles();
    this.blockers = List.copyOf(blockers);
    this.consentRequest = r.consentRequest().orElse(null);
  }

  /**
   * Plans the remediation of the tenant {@code report} is about. Pure: reads the report only.
   *
   * @throws NullPointerException if {@code report} is null
   */
  public static RemediationPlan plan(VerificationReport report) {
    Objects.requireNonNull(report, "report");
    List<PlanBlocker> blockers = new ArrayList<>();
    List<PlannedAssignment> assignments = new ArrayList<>();
    switch (report.outcome()) {
      case NOT_A_B2C_TENANT -> blockers.add(new PlanBlocker(BlockerKind.NOT_A_COVERED_TENANT, null,
          "tenant type " + report.tenantType().orElse("(unknown)") + " is not covered by "
              + report.profile() + "; configure a profile for its kind or leave it out"));
      case APP_NOT_CONSENTED -> blockers.add(new PlanBlocker(BlockerKind.APP_NOT_CONSENTED, null,
          "the backup app has no service principal here; an administrator must consent"
              + (report.consentRequest().isPresent() ? " through the consent URL"
                  : " (configure a consent URL builder on the verifier to get the link)")));
      case APP_DISABLED -> blockers.add(new PlanBlocker(BlockerKind.APP_DISABLED, null,
          "the backup app's service principal is disabled; an administrator must enable it"
              + " (Enterprise applications, Properties, Enabled for users to sign in)"));
      case DIRECTORY_UNREADABLE -> blockers.add(new PlanBlocker(BlockerKind.DIRECTORY_UNREADABLE,
          null, "the check could not read the directory; it needs "
              + report.directoryRoleNeeded().orElse("a directory read role")
              + " before the missing roles are known"));
      default -> planAssignments(report, assignments, blockers);
    }
    return new RemediationPlan(report, assignments, blockers);
  }

  private static void planAssignments(VerificationReport report,
      List<PlannedAssignment> assignments, List<PlanBlocker> blockers) {
    Set<GraphPermission> missing = report.missingRoles();
    if (missing.isEmpty()) {
      return;
    }
    Optional<String> principal = report.servicePrincipalId();
    Optional<String> resource = report.graphServicePrincipalId();
    if (principal.isEmpty() || resource.isEmpty() || report.tenantGraphRoles().isEmpty()) {
      blockers.add(new PlanBlocker(BlockerKind.DIRECTORY_NOT_READ, null,
          "the report does not say which Microsoft Graph service principal and role ids this"
              + " tenant has; verify with the DIRECTORY or DIRECTORY_AND_TOKEN strategy first"));
      return;
    }
    for (GraphPermission role : missing) {
      GraphAppRole offered = report.tenantGraphRoles().get(role);
      if (offered == null) {
        blockers.add(new PlanBlocker(BlockerKind.ROLE_NOT_OFFERED, role,
            "this tenant's Microsoft Graph defines no enabled app role " + role.value()
                + "; it cannot be granted here"));
      } else {
        assignments.add(new PlannedAssignment(role, offered.id(), principal.get(), resource.get()));
      }
    }
  }

  /** The tenant the plan is for, as the report named it. */
  public String tenantId() {
    return tenantId;
  }

  /** The profile whose missing roles are planned. */
  public PermissionProfile profile() {
    return profile;
  }

  /** The outcome of the report the plan was made from. */
  public VerificationOutcome outcome() {
    return outcome;
  }

  /** When the check the plan was made from finished. */
  public Instant checkedAt() {
    return checkedAt;
  }

  /** The backup app's service principal, the principal of every assignment, when it was read. */
  public Optional<String> principalId() {
    return Optional.ofNullable(principalId);
  }

  /** The tenant's Microsoft Graph service principal, the resource of every assignment, when read. */
  public Optional<String> resourceId() {
    return Optional.ofNullable(resourceId);
  }

  /** The assignments to create, one per missing role, in {@link GraphPermission} order. */
  public List<PlannedAssignment> assignments() {
    return assignments;
  }

  /** Roles already assigned that the token does not carry yet: nothing to create, only to wait. */
  public Set<GraphPermission> propagatingRoles() {
    return propagatingRoles;
  }

  /**
   * Roles held beyond the profile, which a person may choose to remove (a least-privilege finding).
   * A plan never removes them, and no granter does by default.
   */
  public List<GraphAppRole> excessRoles() {
    return excessRoles;
  }

  /** What no app role assignment can fix, in the order found. */
  public List<PlanBlocker> blockers() {
    return blockers;
  }

  /** The admin consent request of the report, the remedy for an app that was never consented. */
  public Optional<AdminConsentRequest> consentRequest() {
    return Optional.ofNullable(consentRequest);
  }

  /** True when a granter has assignments to create and nothing stands in the way. */
  public boolean isApplicable() {
    return !assignments.isEmpty() && blockers.isEmpty();
  }

  /** True when there is nothing to create and nothing blocks: the tenant needs no grant. */
  public boolean isNoOp() {
    return assignments.isEmpty() && blockers.isEmpty();
  }

  /** How many planned assignments grant a role that the Azure tiering model puts in tier 0. */
  public int tierZeroAssignmentCount() {
    return (int) assignments.stream().filter(a -> a.privilege().isTierZero()).count();
  }

  /**
   * The plan as JSON, with a fixed field order and {@code schemaVersion} {@value #SCHEMA_VERSION}:
   * {@code schemaVersion, tenantId, profile, profileVersion, outcome, checkedAt, principalId,
   * resourceId, assignments[role, appRoleId, principalId, resourceId, microsoftPrivilegeLevel,
   * tierZero], propagatingRoles, excessRoles[value, id, tierZero], blockers[kind, role, remedy],
   * consentUrl}. Absent values are {@code null}; the consent URL's {@code state} is redacted.
   */
  public String toJson() {
    return PlanJson.of(this);
  }

  /** A multi-line, human-readable plan; never prints the consent {@code state}. */
  @Override
  public String toString() {
    return PlanText.of(this);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RemediationPlan)) {
      return false;
    }
    RemediationPlan p = (RemediationPlan) o;
    return tenantId.equals(p.tenantId) && profile == p.profile && outcome == p.outcome
        && checkedAt.equals(p.checkedAt) && Objects.equals(principalId, p.principalId)
        && Objects.equals(resourceId, p.resourceId) && assignments.equals(p.assignments)
        && propagatingRoles.equals(p.propagatingRoles) && excessRoles.equals(p.excessRoles)
        && blockers.equals(p.blockers) && Objects.equals(consentRequest, p.consentRequest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, profile, outcome, checkedAt, assignments, blockers);
  }
}
