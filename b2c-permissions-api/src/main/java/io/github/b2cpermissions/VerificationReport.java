package io.github.b2cpermissions;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
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

  private VerificationReport(Builder b) {
    this.tenantId = b.tenantId;
    this.tenantType = b.effectiveTenantType();
    this.appPresence = b.appPresence;
    this.servicePrincipalId = b.servicePrincipalId;
    this.profile = b.profile;
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
  private static VerificationOutcome derive(Builder b) {
    return OutcomeRules.derive(b.profile, b.effectiveTenantType(), b.appPresence,
        b.directoryRoleNeeded, statuses(b.resolvedRoleChecks()));
  }

  private static List<PermissionStatus> statuses(Map<GraphPermission, RoleCheck> checks) {
    return checks.values().stream().map(RoleCheck::status).toList();
  }

  /**
   * Starts a report for {@code tenantId}.
   *
   * @throws NullPointerException if {@code tenantId} is null
   * @throws IllegalArgumentException if {@code tenantId} is blank
   */
  public static Builder builder(String tenantId) {
    return new Builder(tenantId);
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
    return rolesWith(PermissionStatus.GRANTED);
  }

  /** The required roles with status {@link PermissionStatus#MISSING}, in {@link GraphPermission} order. */
  public Set<GraphPermission> missingRoles() {
    return rolesWith(PermissionStatus.MISSING);
  }

  private Set<GraphPermission> rolesWith(PermissionStatus status) {
    EnumSet<GraphPermission> set = EnumSet.noneOf(GraphPermission.class);
    roleChecks.values().stream().filter(c -> c.status() == status).forEach(c -> set.add(c.role()));
    return Collections.unmodifiableSet(set);
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
    return withStatus(PermissionStatus.GRANTED);
  }

  /** The permissions with status {@link PermissionStatus#MISSING}, in catalog order. */
  public Set<B2cBackupPermission> missing() {
    return withStatus(PermissionStatus.MISSING);
  }

  /** The permissions with status {@link PermissionStatus#PROPAGATING}, in catalog order. */
  public Set<B2cBackupPermission> propagating() {
    return withStatus(PermissionStatus.PROPAGATING);
  }

  private Set<B2cBackupPermission> withStatus(PermissionStatus status) {
    EnumSet<B2cBackupPermission> set = EnumSet.noneOf(B2cBackupPermission.class);
    checks.values().stream().filter(c -> c.status() == status).forEach(c -> set.add(c.permission()));
    return Collections.unmodifiableSet(set);
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
    return profile.available(knownHeld(), operation);
  }

  /** The granted required roles (and the roles they are held as) and the known excess roles. */
  private Set<GraphPermission> knownHeld() {
    EnumSet<GraphPermission> held = EnumSet.noneOf(GraphPermission.class);
    for (RoleCheck c : roleChecks.values()) {
      if (c.status() == PermissionStatus.GRANTED) {
        held.add(c.role());
        c.grantedRole().ifPresent(held::add);
      }
    }
    for (GraphAppRole r : excessRoles) {
      GraphPermission.fromAppRoleId(r.id()).ifPresent(held::add);
    }
    return held;
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
    Map<BackupCapability, Set<GraphPermission>> needs = new EnumMap<>(BackupCapability.class);
    Set<GraphPermission> held = knownHeld();
    for (BackupCapability c : skippedCapabilities(BackupOperation.RESTORE)) {
      Set<GraphPermission> missing = profile.missingFor(c, BackupOperation.RESTORE, held);
      if (!missing.isEmpty()) {
        needs.put(c, missing);
      }
    }
    return Collections.unmodifiableMap(needs);
  }

  /**
   * Every Graph role the app was seen to hold: the required roles granted or propagating (as the
   * role actually granted), the narrower roles held in place of missing ones, and the excess roles.
   * Each is listed once, in that order.
   */
  public List<GraphAppRole> heldRoles() {
    Map<java.util.UUID, GraphAppRole> held = new java.util.LinkedHashMap<>();
    for (RoleCheck c : roleChecks.values()) {
      c.grantedRole().ifPresent(r -> held.putIfAbsent(r.appRoleId(), r.asAppRole()));
    }
    for (PermissionCheck c : checks.values()) {
      if (c.narrowerRoleHeld() != null) {
        held.putIfAbsent(c.narrowerRoleHeld().id(), c.narrowerRoleHeld());
      }
    }
    for (GraphAppRole r : excessRoles) {
      held.putIfAbsent(r.id(), r);
    }
    return List.copyOf(held.values());
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
    List<NarrowerRoleFinding> findings = new ArrayList<>();
    for (GraphAppRole r : heldRoles()) {
      GraphPermission.fromAppRoleId(r.id()).ifPresent(held -> held.readCounterpart()
          .filter(read -> !profile.isRequired(held) && profile.isRequired(read))
          .ifPresent(read -> findings.add(new NarrowerRoleFinding(held, read))));
    }
    return List.copyOf(findings);
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
    StringBuilder sb = new StringBuilder(1024);
    sb.append("VerificationReport{tenantId=").append(tenantId)
        .append(", outcome=").append(outcome)
        .append(", profile=").append(profile)
        .append(", tenantType=").append(tenantType == null ? "(not read)" : tenantType)
        .append(", app=").append(appPresence);
    if (servicePrincipalId != null) {
      sb.append(" (servicePrincipalId=").append(servicePrincipalId).append(')');
    }
    if (directoryRoleNeeded != null) {
      sb.append(", directoryRoleNeeded=").append(directoryRoleNeeded);
    }
    sb.append(", strategy=").append(strategy)
        .append(", checkedAt=").append(checkedAt)
        .append(", graphRequests=").append(graphRequestCount)
        .append('\n');
    for (RoleCheck r : roleChecks.values()) {
      sb.append("  ").append(r.status()).append(' ').append(r.role().value());
      if (r.heldAs() != null) {
        sb.append(" (held as ").append(r.heldAs().value()).append(')');
      }
      PermissionCheck c = B2cBackupPermission.fromAppRoleId(r.role().appRoleId())
          .map(checks::get).orElse(null);
      if (c != null && c.narrowerRoleHeld() != null) {
        sb.append(" (holds narrower ").append(c.narrowerRoleHeld().value()).append(')');
      }
      if (r.assignmentId() != null) {
        sb.append(" [assignment ").append(r.assignmentId());
        if (r.grantedAt() != null) {
          sb.append(" since ").append(r.grantedAt());
        }
        sb.append(']');
      }
      sb.append('\n');
    }
    sb.append("  excessRoles=").append(excessRoles).append('\n');
    sb.append("  skippedForBackup=").append(skippedCapabilities(BackupOperation.BACKUP)).append('\n');
    sb.append("  heldRoleTiers=[");
    String sep = "";
    for (GraphAppRole r : heldRoles()) {
      sb.append(sep).append(r.value()).append(' ')
          .append(privilegeOf(r).map(Object::toString).orElse("(unclassified)"));
      sep = ", ";
    }
    sb.append("]\n  tierZeroGrants=").append(tierZeroGrantCount());
    if (!narrowerRoleWouldDo().isEmpty()) {
      sb.append("\n  narrowerRoleWouldDo=").append(narrowerRoleWouldDo());
    }
    if (profile.use() == ProfileUse.BACKUP && !restoreNeeds().isEmpty()) {
      sb.append("\n  restoreNeeds=").append(restoreNeeds());
    }
    if (consentRequest != null) {
      sb.append("\n  consentUrl=").append(consentRequest.redactedUrl());
    }
    return sb.append('}').toString();
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

  /**
   * Builds a {@link VerificationReport}. The profile is {@link
   * PermissionProfile#B2C_BACKUP_AND_RESTORE} unless {@link #profile(PermissionProfile)} says
   * otherwise. Every required role starts {@link PermissionStatus#MISSING}; set the others with
   * {@link #check(RoleCheck)}, {@link #grantedRoles(GraphPermission...)}, or, for catalog
   * permissions, {@link #check(PermissionCheck)} and {@link #granted(B2cBackupPermission...)}. Not
   * thread-safe.
   */
  public static final class Builder {
    private final String tenantId;
    private @Nullable String tenantType;
    private boolean tenantTypeSet;
    private PermissionProfile profile = PermissionProfile.B2C_BACKUP_AND_RESTORE;
    private AppPresence appPresence = AppPresence.ENABLED;
    private @Nullable String servicePrincipalId;
    private boolean allGranted;
    private final EnumMap<GraphPermission, RoleCheck> explicit = new EnumMap<>(GraphPermission.class);
    private final EnumMap<B2cBackupPermission, PermissionCheck> catalogEvidence =
        new EnumMap<>(B2cBackupPermission.class);
    private final List<GraphAppRole> excessRoles = new ArrayList<>();
    private VerificationStrategy strategy = VerificationStrategy.DIRECTORY;
    private Instant checkedAt = Instant.now();
    private int graphRequestCount;
    private @Nullable AdminConsentRequest consentRequest;
    private @Nullable String directoryRoleNeeded;

    private Builder(String tenantId) {
      Objects.requireNonNull(tenantId, "tenantId");
      if (tenantId.isBlank()) {
        throw new IllegalArgumentException("tenantId must not be blank");
      }
      this.tenantId = tenantId;
    }

    /**
     * Sets the profile the tenant was checked against. Defaults to {@link
     * PermissionProfile#B2C_BACKUP_AND_RESTORE}.
     *
     * @throws NullPointerException if {@code profile} is null
     */
    public Builder profile(PermissionProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * Sets the tenant type Graph reported, or null when it was not read. Defaults to the tenant
     * type of the profile's kind ({@value #B2C_TENANT_TYPE} for the default profile).
     *
     * @throws IllegalArgumentException if {@code tenantType} is blank
     */
    public Builder tenantType(@Nullable String tenantType) {
      if (tenantType != null && tenantType.isBlank()) {
        throw new IllegalArgumentException("tenantType must be null or non-blank");
      }
      this.tenantType = tenantType;
      this.tenantTypeSet = true;
      return this;
    }

    private @Nullable String effectiveTenantType() {
      return tenantTypeSet ? tenantType : profile.tenantKind().tenantType();
    }

    /** Every required role of the profile, from its explicit check, else granted or missing. */
    private Map<GraphPermission, RoleCheck> resolvedRoleChecks() {
      EnumMap<GraphPermission, RoleCheck> resolved = new EnumMap<>(GraphPermission.class);
      for (GraphPermission role : profile.requiredRoles()) {
        RoleCheck c = explicit.get(role);
        resolved.put(role, c != null ? c
            : RoleCheck.of(role, allGranted ? PermissionStatus.GRANTED : PermissionStatus.MISSING));
      }
      return resolved;
    }

    /** The catalog view of the resolved checks, keeping a catalog check's narrower role. */
    private Map<B2cBackupPermission, PermissionCheck> resolvedCatalogChecks(
        Map<GraphPermission, RoleCheck> roles) {
      EnumMap<B2cBackupPermission, PermissionCheck> view = new EnumMap<>(B2cBackupPermission.class);
      for (B2cBackupPermission p : B2cBackupPermission.values()) {
        RoleCheck r = roles.get(p.graphPermission());
        if (r == null) {
          continue;
        }
        PermissionCheck evidence = catalogEvidence.get(p);
        view.put(p, evidence != null && evidence.status() == r.status() ? evidence
            : new PermissionCheck(p, r.status(), null, r.assignmentId(), r.grantedAt()));
      }
      return view;
    }

    /**
     * Sets whether the app's service principal was found and enabled. Defaults to {@link
     * AppPresence#ENABLED}.
     *
     * @throws NullPointerException if {@code appPresence} is null
     */
    public Builder appPresence(AppPresence appPresence) {
      this.appPresence = Objects.requireNonNull(appPresence, "appPresence");
      return this;
    }

    /** Sets the service principal's object id, or null when it was not read. */
    public Builder servicePrincipalId(@Nullable String servicePrincipalId) {
      this.servicePrincipalId = servicePrincipalId;
      return this;
    }

    /**
     * Records the check of one catalog permission, replacing any earlier check of its role.
     *
     * @throws NullPointerException if {@code check} is null
     */
    public Builder check(PermissionCheck check) {
      Objects.requireNonNull(check, "check");
      B2cBackupPermission p = check.permission();
      explicit.put(p.graphPermission(), new RoleCheck(
          p.graphPermission(), check.status(), null, check.assignmentId(), check.grantedAt()));
      catalogEvidence.put(p, check);
      return this;
    }

    /**
     * Records the check of one required role, replacing any earlier check of it.
     *
     * @throws NullPointerException if {@code check} is null
     */
    public Builder check(RoleCheck check) {
      Objects.requireNonNull(check, "check");
      explicit.put(check.role(), check);
      B2cBackupPermission.fromAppRoleId(check.role().appRoleId()).ifPresent(catalogEvidence::remove);
      return this;
    }

    /**
     * Marks roles {@link PermissionStatus#GRANTED} without evidence.
     *
     * @throws NullPointerException if an argument is null
     */
    public Builder grantedRoles(GraphPermission... roles) {
      for (GraphPermission r : roles) {
        check(RoleCheck.of(Objects.requireNonNull(r, "role"), PermissionStatus.GRANTED));
      }
      return this;
    }

    /**
     * Marks permissions {@link PermissionStatus#GRANTED} without evidence.
     *
     * @throws NullPointerException if an argument is null
     */
    public Builder granted(B2cBackupPermission... permissions) {
      for (B2cBackupPermission p : permissions) {
        check(PermissionCheck.of(Objects.requireNonNull(p, "permission"), PermissionStatus.GRANTED));
      }
      return this;
    }

    /**
     * Marks every role of the profile {@link PermissionStatus#GRANTED} without evidence, replacing
     * the checks recorded so far; later checks override it.
     */
    public Builder allGranted() {
      explicit.clear();
      catalogEvidence.clear();
      allGranted = true;
      return this;
    }

    /**
     * Adds a Graph app role held beyond what the profile needs.
     *
     * @throws NullPointerException if {@code role} is null
     * @throws IllegalArgumentException if the profile set so far requires {@code role}
     */
    public Builder excessRole(GraphAppRole role) {
      Objects.requireNonNull(role, "role");
      if (requires(role)) {
        throw new IllegalArgumentException(
            role.value() + " is required by " + profile + ", not an excess role");
      }
      excessRoles.add(role);
      return this;
    }

    private boolean requires(GraphAppRole role) {
      return GraphPermission.fromAppRoleId(role.id()).map(profile::isRequired).orElse(false);
    }

    /**
     * Sets how the tenant was checked. Defaults to {@link VerificationStrategy#DIRECTORY}.
     *
     * @throws NullPointerException if {@code strategy} is null
     */
    public Builder strategy(VerificationStrategy strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * Sets when the check finished. Defaults to the moment the builder was created.
     *
     * @throws NullPointerException if {@code checkedAt} is null
     */
    public Builder checkedAt(Instant checkedAt) {
      this.checkedAt = Objects.requireNonNull(checkedAt, "checkedAt");
      return this;
    }

    /**
     * Sets how many Graph requests the check made.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public Builder graphRequestCount(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("graphRequestCount must be 0 or more, was " + count);
      }
      this.graphRequestCount = count;
      return this;
    }

    /** Sets the consent request for the gap, or null for none. */
    public Builder consentRequest(@Nullable AdminConsentRequest consentRequest) {
      this.consentRequest = consentRequest;
      return this;
    }

    /**
     * Records that Graph refused a directory read the check needs, naming the role that would allow
     * it, or clears it with null. Unless a more decisive fact is set, the outcome becomes {@link
     * VerificationOutcome#DIRECTORY_UNREADABLE}.
     *
     * @throws IllegalArgumentException if {@code role} is blank or contains whitespace
     */
    public Builder directoryRoleNeeded(@Nullable String role) {
      if (role != null && (role.isBlank() || role.chars().anyMatch(Character::isWhitespace))) {
        throw new IllegalArgumentException("directoryRoleNeeded must be null or a role name");
      }
      this.directoryRoleNeeded = role;
      return this;
    }

    /**
     * Builds the report.
     *
     * @throws IllegalStateException if a check names a role the profile does not require, or an
     *     excess role is one it requires (record a held role that is not required as an excess
     *     role); if the app is {@link AppPresence#NOT_FOUND} while a role is granted or
     *     propagating (an absent app holds nothing); if the strategy is not {@link
     *     VerificationStrategy#DIRECTORY_AND_TOKEN} and a role is {@link
     *     PermissionStatus#PROPAGATING} (only a token next to the directory can show propagation);
     *     or if the facts would make the report {@link VerificationOutcome#SATISFIED} without a
     *     confirmed tenant type of the profile's kind and an {@link AppPresence#ENABLED} app
     */
    public VerificationReport build() {
      for (GraphPermission role : explicit.keySet()) {
        if (!profile.isRequired(role) && explicit.get(role).status() != PermissionStatus.MISSING) {
          throw new IllegalStateException(profile + " does not require " + role.value()
              + "; record it as an excess role (tenant " + tenantId + ")");
        }
      }
      for (GraphAppRole role : excessRoles) {
        if (requires(role)) {
          throw new IllegalStateException(role.value() + " is required by " + profile
              + ", not an excess role (tenant " + tenantId + ")");
        }
      }
      OutcomeRules.requireConsistent(tenantId, profile, effectiveTenantType(), appPresence,
          directoryRoleNeeded, strategy, statuses(resolvedRoleChecks()));
      return new VerificationReport(this);
    }
  }
}
