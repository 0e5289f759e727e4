package io.github.b2cpermissions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link VerificationReport}. The profile is {@link
 * PermissionProfile#B2C_BACKUP_AND_RESTORE} unless {@link #profile(PermissionProfile)} says
 * otherwise. Every required role starts {@link PermissionStatus#MISSING}; set the others with
 * {@link #check(RoleCheck)}, {@link #grantedRoles(GraphPermission...)}, or, for catalog
 * permissions, {@link #check(PermissionCheck)} and {@link #granted(B2cBackupPermission...)}. Not
 * thread-safe. Start one with {@link VerificationReport#builder(String)}.
 */
public final class VerificationReportBuilder {
  // The fields without "private" are read by VerificationReport's constructor (same package).
  final String tenantId;
  private @Nullable String tenantType;
  private boolean tenantTypeSet;
  PermissionProfile profile = PermissionProfile.B2C_BACKUP_AND_RESTORE;
  AppPresence appPresence = AppPresence.ENABLED;
  @Nullable String servicePrincipalId;
  @Nullable String graphServicePrincipalId;
  @Nullable Map<UUID, GraphAppRole> tenantGraphRoles;
  private boolean allGranted;
  private final EnumMap<GraphPermission, RoleCheck> explicit = new EnumMap<>(GraphPermission.class);
  private final EnumMap<B2cBackupPermission, PermissionCheck> catalogEvidence =
      new EnumMap<>(B2cBackupPermission.class);
  final List<GraphAppRole> excessRoles = new ArrayList<>();
  VerificationStrategy strategy = VerificationStrategy.DIRECTORY;
  Instant checkedAt = Instant.now();
  int graphRequestCount;
  @Nullable AdminConsentRequest consentRequest;
  @Nullable String directoryRoleNeeded;

  VerificationReportBuilder(String tenantId) {
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
  public VerificationReportBuilder profile(PermissionProfile profile) {
    this.profile = Objects.requireNonNull(profile, "profile");
    return this;
  }

  /**
   * Sets the tenant type Graph reported, or null when it was not read. Defaults to the tenant
   * type of the profile's kind ({@value VerificationReport#B2C_TENANT_TYPE} for the default profile).
   *
   * @throws IllegalArgumentException if {@code tenantType} is blank
   */
  public VerificationReportBuilder tenantType(@Nullable String tenantType) {
    if (tenantType != null && tenantType.isBlank()) {
      throw new IllegalArgumentException("tenantType must be null or non-blank");
    }
    this.tenantType = tenantType;
    this.tenantTypeSet = true;
    return this;
  }

  @Nullable String effectiveTenantType() {
    return tenantTypeSet ? tenantType : profile.tenantKind().tenantType();
  }

  /** Every required role of the profile, from its explicit check, else granted or missing. */
  Map<GraphPermission, RoleCheck> resolvedRoleChecks() {
    EnumMap<GraphPermission, RoleCheck> resolved = new EnumMap<>(GraphPermission.class);
    for (GraphPermission role : profile.requiredRoles()) {
      RoleCheck c = explicit.get(role);
      resolved.put(role, c != null ? c
          : RoleCheck.of(role, allGranted ? PermissionStatus.GRANTED : PermissionStatus.MISSING));
    }
    return resolved;
  }

  /** The catalog view of the resolved checks, keeping a catalog check's narrower role. */
  Map<B2cBackupPermission, PermissionCheck> resolvedCatalogChecks(
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
  public VerificationReportBuilder appPresence(AppPresence appPresence) {
    this.appPresence = Objects.requireNonNull(appPresence, "appPresence");
    return this;
  }

  /** Sets the service principal's object id, or null when it was not read. */
  public VerificationReportBuilder servicePrincipalId(@Nullable String servicePrincipalId) {
    this.servicePrincipalId = servicePrincipalId;
    return this;
  }

  /**
   * Sets what the check read of the tenant's Microsoft Graph service principal: its object id and
   * the enabled app roles it defines (by id), or nulls when they were not read. A remediation plan
   * assigns roles of this service principal, with these ids. The roles are not copied here: the
   * report keeps only the ones its profile requires.
   *
   * @throws IllegalArgumentException if {@code id} is blank
   */
  public VerificationReportBuilder graphServicePrincipal(
      @Nullable String id, @Nullable Map<UUID, GraphAppRole> enabledRoles) {
    if (id != null && id.isBlank()) {
      throw new IllegalArgumentException("the Graph service principal id must be null or non-blank");
    }
    this.graphServicePrincipalId = id;
    this.tenantGraphRoles = enabledRoles;
    return this;
  }

  /**
   * Records the check of one catalog permission, replacing any earlier check of its role.
   *
   * @throws NullPointerException if {@code check} is null
   */
  public VerificationReportBuilder check(PermissionCheck check) {
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
  public VerificationReportBuilder check(RoleCheck check) {
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
  public VerificationReportBuilder grantedRoles(GraphPermission... roles) {
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
  public VerificationReportBuilder granted(B2cBackupPermission... permissions) {
    for (B2cBackupPermission p : permissions) {
      check(PermissionCheck.of(Objects.requireNonNull(p, "permission"), PermissionStatus.GRANTED));
    }
    return this;
  }

  /**
   * Marks every role of the profile {@link PermissionStatus#GRANTED} without evidence, replacing
   * the checks recorded so far; later checks override it.
   */
  public VerificationReportBuilder allGranted() {
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
  public VerificationReportBuilder excessRole(GraphAppRole role) {
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
  public VerificationReportBuilder strategy(VerificationStrategy strategy) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    return this;
  }

  /**
   * Sets when the check finished. Defaults to the moment the builder was created.
   *
   * @throws NullPointerException if {@code checkedAt} is null
   */
  public VerificationReportBuilder checkedAt(Instant checkedAt) {
    this.checkedAt = Objects.requireNonNull(checkedAt, "checkedAt");
    return this;
  }

  /**
   * Sets how many Graph requests the check made.
   *
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public VerificationReportBuilder graphRequestCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("graphRequestCount must be 0 or more, was " + count);
    }
    this.graphRequestCount = count;
    return this;
  }

  /** Sets the consent request for the gap, or null for none. */
  public VerificationReportBuilder consentRequest(@Nullable AdminConsentRequest consentRequest) {
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
  public VerificationReportBuilder directoryRoleNeeded(@Nullable String role) {
    if (role != null && (role.isBlank() || role.chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException("directoryRoleNeeded must be null or a role name");
    }
    this.directoryRoleNeeded = role;
    return this;
  }

  /** The status of every required role, as the report will hold them. */
  List<PermissionStatus> resolvedStatuses() {
    return resolvedRoleChecks().values().stream().map(RoleCheck::status).toList();
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
        directoryRoleNeeded, strategy, resolvedStatuses());
    return new VerificationReport(this);
  }
}
