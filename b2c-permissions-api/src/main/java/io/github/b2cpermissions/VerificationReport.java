package io.github.b2cpermissions;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link PermissionVerifier} found in one tenant, checked against one {@link
 * PermissionProfile} ({@link PermissionProfile#B2C_BACKUP_AND_RESTORE}, the fourteen catalog
 * permissions, unless another was set): a status for each role the profile requires, the app's
 * presence, the tenant type, excess roles, the privilege tier of every granted role, and the
 * evidence. Immutable and thread-safe.
 *
 * <p>The {@linkplain #outcome() outcome} is derived from the facts, never set on its own. The first
 * rule that matches wins:
 *
 * <ol>
 *   <li>{@link VerificationOutcome#NOT_A_B2C_TENANT}: the tenant type is known and is not the one
 *       of the profile's {@linkplain PermissionProfile#tenantKind() tenant kind} ({@value
 *       #B2C_TENANT_TYPE} for a B2C profile, {@code CIAM} for an External ID profile);
 *   <li>{@link VerificationOutcome#APP_NOT_CONSENTED}: the app is {@link AppPresence#NOT_FOUND};
 *   <li>{@link VerificationOutcome#APP_DISABLED}: the app is {@link AppPresence#DISABLED};
 *   <li>{@link VerificationOutcome#DIRECTORY_UNREADABLE}: a directory read was refused ({@link
 *       #directoryRoleNeeded()} is present);
 *   <li>{@link VerificationOutcome#MISSING_PERMISSIONS}: a required role is {@link
 *       PermissionStatus#MISSING};
 *   <li>{@link VerificationOutcome#PERMISSIONS_PROPAGATING}: a required role is {@link
 *       PermissionStatus#PROPAGATING};
 *   <li>{@link VerificationOutcome#SATISFIED}: otherwise, and only when the tenant type is
 *       confirmed as the profile's and the app {@link AppPresence#ENABLED}; a builder whose facts
 *       reach this rule without both refuses to build.
 * </ol>
 *
 * <p>SATISFIED means what the profile is for: with a {@link ProfileUse#BACKUP} profile, the full
 * backup can run and a restore needs more ({@link #restoreNeeds()}).
 *
 * <p>Verifiers build reports; products build them in their own tests with {@link
 * #builder(String)}.
 */
public final class VerificationReport {

  /** The {@code tenantType} Microsoft Graph reports for an Azure AD B2C tenant. */
  public static final String B2C_TENANT_TYPE = "AAD B2C";

  private final String tenantId;
  private final @Nullable String tenantType;
  private final AppPresence appPresence;
  private final @Nullable String servicePrincipalId;
  private final @Nullable String graphServicePrincipalId;
  private final Map<GraphPermission, GraphAppRole> tenantGraphRoles;
  private final PermissionProfile profile;
  private final Map<GraphPermission, RoleCheck> roleChecks;
  private final Map<B2cBackupPermission, PermissionCheck> checks;
  private final List<GraphAppRole> excessRoles;
  private final VerificationStrategy strategy;
  private final Instant checkedAt;
  private final int graphRequestCount;
  private final @Nullable AdminConsentRequest consentRequest;
  private final @Nullable String directoryRoleNeeded;
  private final VerificationOutcome outcome;

  VerificationReport(VerificationReportBuilder b) {
    this.tenantId = b.tenantId;
    this.tenantType = b.effectiveTenantType();
    this.appPresence = b.appPresence;
    this.servicePrincipalId = b.servicePrincipalId;
    this.graphServicePrincipalId = b.graphServicePrincipalId;
    this.profile = b.profile;
    this.tenantGraphRoles = TenantGraphRoles.requiredOffered(b.profile, b.tenantGraphRoles);
    this.roleChecks = Collections.unmodifiableMap(b.resolvedRoleChecks());
    this.checks = Collections.unmodifiableMap(b.resolvedCatalogChecks(roleChecks));
    this.excessRoles = List.copyOf(b.excessRoles);
    this.strategy = b.strategy;
    this.checkedAt = b.checkedAt;
    this.graphRequestCount = b.graphRequestCount;
    this.consentRequest = b.consentRequest;
    this.directoryRoleNeeded = b.directoryRoleNeeded;
    this.outcome = derive(b);
  }

  /** The outcome the builder's facts lead to; see the class summary for the order of the rules. */
  private static VerificationOutcome derive(VerificationReportBuilder b) {
    return OutcomeRules.derive(b.profile, b.effectiveTenantType(), b.appPresence,
        b.directoryRoleNeeded, b.resolvedStatuses());
  }

  /**
   * Starts a report for {@code tenantId}.
   *
   * @throws NullPointerException if {@code tenantId} is null
   * @throws IllegalArgumentException if {@code tenantId} is blank
   */
  public static VerificationReportBuilder builder(String tenantId) {
    return new VerificationReportBuilder(tenantId);
  }

  /** The tenant this report is about, as the caller named it. */
  public String tenantId() {
    return tenantId;
  }

  /**
   * The {@code tenantType} Graph reported ({@code AAD B2C}, {@code AAD}, {@code CIAM}), or empty
   * when the strategy did not read it.
   */
  public Optional<String> tenantType() {
    return Optional.ofNullable(tenantType);
  }

  /** Whether the backup app's service principal was found and enabled. */
  public AppPresence appPresence() {
    return appPresence;
  }

  /** The object id of the backup app's service principal in this tenant, when it was read. */
  public Optional<String> servicePrincipalId() {
    return Optional.ofNullable(servicePrincipalId);
  }

  /** This tenant's Microsoft Graph service principal (the resource of Graph role grants), if read. */
  public Optional<String> graphServicePrincipalId() {
    return Optional.ofNullable(graphServicePrincipalId);
  }

  /** The required roles this tenant's Graph defines and enables, with its ids; empty if not read. */
  public Map<GraphPermission, GraphAppRole> tenantGraphRoles() {
    return tenantGraphRoles;
  }

  /**
   * The Microsoft Graph role that would let the check read what Graph refused, such as {@code
   * Application.Read.All} or {@code Organization.Read.All}; present exactly when a directory read
   * was refused (the outcome is then {@link VerificationOutcome#DIRECTORY_UNREADABLE} unless a
   * more decisive fact was read).
   */
  public Optional<String> directoryRoleNeeded() {
    return Optional.ofNullable(directoryRoleNeeded);
  }

  /** The overall answer, derived from the facts in this report. */
  public VerificationOutcome outcome() {
    return outcome;
  }

  /** True only when every required role is confirmed granted and nothing else stands in the way. */
  public boolean isSatisfied() {
    return outcome == VerificationOutcome.SATISFIED;
  }

  /** The profile the tenant was checked against; its name and version say which roles counted. */
  public PermissionProfile profile() {
    return profile;
  }

  /** The check of every role the profile requires, in {@link GraphPermission} order. */
  public Map<GraphPermission, RoleCheck> roleChecks() {
    return roleChecks;
  }

  /**
   * The status of one role the profile requires.
   *
   * @throws NullPointerException if {@code role} is null
   * @throws IllegalArgumentException if the profile does not require {@code role}
   */
  public PermissionStatus roleStatus(GraphPermission role) {
    RoleCheck c = roleChecks.get(Objects.requireNonNull(role, "role"));
    if (c == null) {
      throw new IllegalArgumentException(profile + " does not require " + role.value());
    }
    return c.status();
  }

  /** The required roles with status {@link PermissionStatus#GRANTED}, in {@link GraphPermission} order. */
  public Set<GraphPermission> grantedRoles() {
    return ChecksByStatus.roles(roleChecks.values(), PermissionStatus.GRANTED);
  }

  /** The required roles with status {@link PermissionStatus#MISSING}, in {@link GraphPermission} order. */
  public Set<GraphPermission> missingRoles() {
    return ChecksByStatus.roles(roleChecks.values(), PermissionStatus.MISSING);
  }

  /**
   * The check of every catalog permission the profile requires, in catalog order: all fourteen
   * for {@link PermissionProfile#B2C_BACKUP_AND_RESTORE}, fewer (or none) for another profile,
   * whose other roles are in {@link #roleChecks()}.
   */
  public Map<B2cBackupPermission, PermissionCheck> checks() {
    return checks;
  }

  /**
   * The check of one catalog permission.
   *
   * @throws NullPointerException if {@code permission} is null
   * @throws IllegalArgumentException if the profile does not require {@code permission}
   */
  public PermissionCheck check(B2cBackupPermission permission) {
    PermissionCheck c = checks.get(Objects.requireNonNull(permission, "permission"));
    if (c == null) {
      throw new IllegalArgumentException(profile + " does not require " + permission.scope());
    }
    return c;
  }

  /**
   * The status of one catalog permission.
   *
   * @throws NullPointerException if {@code permission} is null
   * @throws IllegalArgumentException if the profile does not require {@code permission}
   */
  public PermissionStatus status(B2cBackupPermission permission) {
    return check(permission).status();
  }

  /** The permissions with status {@link PermissionStatus#GRANTED}, in catalog order. */
  public Set<B2cBackupPermission> granted() {
    return ChecksByStatus.permissions(checks.values(), PermissionStatus.GRANTED);
  }

  /** The permissions with status {@link PermissionStatus#MISSING}, in catalog order. */
  public Set<B2cBackupPermission> missing() {
    return ChecksByStatus.permissions(checks.values(), PermissionStatus.MISSING);
  }

  /** The permissions with status {@link PermissionStatus#PROPAGATING}, in catalog order. */
  public Set<B2cBackupPermission> propagating() {
    return ChecksByStatus.permissions(checks.values(), PermissionStatus.PROPAGATING);
  }

  /**
   * The parts of the tenant that {@code operation} can cover with the confirmed grants, by the
   * profile's {@linkplain PermissionProfile#available(java.util.Collection, BackupOperation) rules}
   * (the granted required roles and the known excess roles count). Empty when the app is not
   * consented or disabled, the tenant is not of the profile's kind, or the directory could not be
   * read.
   *
   * @throws NullPointerException if {@code operation} is null
   */
  public Set<BackupCapability> capabilities(BackupOperation operation) {
    Objects.requireNonNull(operation, "operation");
    if (!OutcomeRules.permissionsApply(outcome)) {
      return Collections.unmodifiableSet(EnumSet.noneOf(BackupCapability.class));
    }
    return profile.available(HeldRoles.known(roleChecks, excessRoles), operation);
  }

  /**
   * The parts of the profile that {@code operation} would have to skip; for a restore, only parts
   * that can be restored at all.
   *
   * @throws NullPointerException if {@code operation} is null
   */
  public Set<BackupCapability> skippedCapabilities(BackupOperation operation) {
    EnumSet<BackupCapability> skipped = EnumSet.noneOf(BackupCapability.class);
    skipped.addAll(profile.coverable(operation));
    skipped.removeAll(capabilities(operation));
    return Collections.unmodifiableSet(skipped);
  }

  /**
   * For every restorable part a restore would skip, the roles it still lacks (what a second,
   * elevated restore app needs): with a {@link ProfileUse#BACKUP} profile, typically the write
   * roles of every part. A part skipped only because of the outcome (the app is disabled, for
   * example) lacks no role and is not listed.
   *
   * @return an unmodifiable map in {@link BackupCapability} order, each set in {@link
   *     GraphPermission} order
   */
  public Map<BackupCapability, Set<GraphPermission>> restoreNeeds() {
    return HeldRoles.restoreNeeds(profile, skippedCapabilities(BackupOperation.RESTORE),
        HeldRoles.known(roleChecks, excessRoles));
  }

  /**
   * Every Graph role the app was seen to hold: the required roles granted or propagating (as the
   * role actually granted), the narrower roles held in place of missing ones, and the excess roles.
   * Each is listed once, in that order.
   */
  public List<GraphAppRole> heldRoles() {
    return HeldRoles.listed(roleChecks.values(), checks.values(), excessRoles);
  }

  /**
   * The privilege tiers of one held role, when this library knows the role (see {@link
   * GraphPermission}); empty for a role it does not classify.
   *
   * @throws NullPointerException if {@code role} is null
   */
  public static Optional<PrivilegeClassification> privilegeOf(GraphAppRole role) {
    return GraphPermission.fromAppRoleId(Objects.requireNonNull(role, "role").id())
        .map(GraphPermission::privilege);
  }

  /**
   * How many {@linkplain #heldRoles() held roles}, required or excess, the Azure tiering model puts
   * in tier 0: each is a path to Global Administrator for whoever controls the app.
   */
  public int tierZeroGrantCount() {
    return (int) heldRoles().stream()
        .filter(r -> privilegeOf(r).map(PrivilegeClassification::isTierZero).orElse(false))
        .count();
  }

  /**
   * Least-privilege findings: each held read-write role that the profile does not require while it
   * requires its read counterpart ("holds {@code User.ReadWrite.All}; the profile needs {@code
   * User.Read.All}").
   */
  public List<NarrowerRoleFinding> narrowerRoleWouldDo() {
    return HeldRoles.narrowerFindings(heldRoles(), profile);
  }

  /**
   * Microsoft Graph app roles the app holds beyond the profile's required roles and beyond the
   * narrower roles that stand in for a missing one: over-privilege, worth showing as a security
   * finding. With a {@link ProfileUse#BACKUP} profile, a read-write role held where its read role
   * is required is the required role's {@link RoleCheck#heldAs()}, not an excess role.
   */
  public List<GraphAppRole> excessRoles() {
    return excessRoles;
  }

  /** How the tenant was checked. */
  public VerificationStrategy strategy() {
    return strategy;
  }

  /** When the check finished. */
  public Instant checkedAt() {
    return checkedAt;
  }

  /** How many HTTP requests to Microsoft Graph the check made, retries included. */
  public int graphRequestCount() {
    return graphRequestCount;
  }

  /** The admin consent request for the gap, when a consent URL builder was configured. */
  public Optional<AdminConsentRequest> consentRequest() {
    return Optional.ofNullable(consentRequest);
  }

  /** The admin consent URL for the gap, when a consent URL builder was configured. */
  public Optional<URI> consentUrl() {
    return consentRequest().map(AdminConsentRequest::url);
  }

  /** A multi-line summary: one line per permission, then the rest. Never prints consent state. */
  @Override
  public String toString() {
    return ReportText.of(this);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof VerificationReport)) {
      return false;
    }
    VerificationReport r = (VerificationReport) o;
    return graphRequestCount == r.graphRequestCount
        && tenantId.equals(r.tenantId)
        && Objects.equals(tenantType, r.tenantType)
        && appPresence == r.appPresence
        && Objects.equals(servicePrincipalId, r.servicePrincipalId)
        && Objects.equals(graphServicePrincipalId, r.graphServicePrincipalId)
        && tenantGraphRoles.equals(r.tenantGraphRoles)
        && profile == r.profile
        && roleChecks.equals(r.roleChecks)
        && checks.equals(r.checks)
        && excessRoles.equals(r.excessRoles)
        && strategy == r.strategy
        && checkedAt.equals(r.checkedAt)
        && Objects.equals(directoryRoleNeeded, r.directoryRoleNeeded)
        && Objects.equals(consentRequest, r.consentRequest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, tenantType, appPresence, profile, roleChecks, strategy, checkedAt);
  }
}
