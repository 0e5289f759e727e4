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
 * What a {@link PermissionVerifier} found in one tenant: a status for each of the fourteen catalog
 * permissions, the app's presence, the tenant type, excess roles, and the evidence. Immutable and
 * thread-safe.
 *
 * <p>The {@linkplain #outcome() outcome} is derived from the facts, never set on its own. The first
 * rule that matches wins:
 *
 * <ol>
 *   <li>{@link VerificationOutcome#NOT_A_B2C_TENANT}: the tenant type is known and is not {@value
 *       #B2C_TENANT_TYPE};
 *   <li>{@link VerificationOutcome#APP_NOT_CONSENTED}: the app is {@link AppPresence#NOT_FOUND};
 *   <li>{@link VerificationOutcome#APP_DISABLED}: the app is {@link AppPresence#DISABLED};
 *   <li>{@link VerificationOutcome#DIRECTORY_UNREADABLE}: a directory read was refused ({@link
 *       #directoryRoleNeeded()} is present);
 *   <li>{@link VerificationOutcome#MISSING_PERMISSIONS}: a permission is {@link
 *       PermissionStatus#MISSING};
 *   <li>{@link VerificationOutcome#PERMISSIONS_PROPAGATING}: a permission is {@link
 *       PermissionStatus#PROPAGATING};
 *   <li>{@link VerificationOutcome#SATISFIED}: otherwise, and only when the tenant type is
 *       confirmed {@value #B2C_TENANT_TYPE} and the app {@link AppPresence#ENABLED}; a builder
 *       whose facts reach this rule without both refuses to build.
 * </ol>
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
    this.tenantType = b.tenantType;
    this.appPresence = b.appPresence;
    this.servicePrincipalId = b.servicePrincipalId;
    this.checks = Collections.unmodifiableMap(new EnumMap<>(b.checks));
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
    if (b.tenantType != null && !B2C_TENANT_TYPE.equals(b.tenantType)) {
      return VerificationOutcome.NOT_A_B2C_TENANT;
    }
    if (b.appPresence == AppPresence.NOT_FOUND) {
      return VerificationOutcome.APP_NOT_CONSENTED;
    }
    if (b.appPresence == AppPresence.DISABLED) {
      return VerificationOutcome.APP_DISABLED;
    }
    if (b.directoryRoleNeeded != null) {
      return VerificationOutcome.DIRECTORY_UNREADABLE;
    }
    if (b.checks.values().stream().anyMatch(c -> c.status() == PermissionStatus.MISSING)) {
      return VerificationOutcome.MISSING_PERMISSIONS;
    }
    if (b.checks.values().stream().anyMatch(c -> c.status() == PermissionStatus.PROPAGATING)) {
      return VerificationOutcome.PERMISSIONS_PROPAGATING;
    }
    return VerificationOutcome.SATISFIED;
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

  /** True only when every catalog permission is confirmed granted and nothing else stands in the way. */
  public boolean isSatisfied() {
    return outcome == VerificationOutcome.SATISFIED;
  }

  /** The check of every catalog permission, in catalog order. */
  public Map<B2cBackupPermission, PermissionCheck> checks() {
    return checks;
  }

  /**
   * The check of one permission.
   *
   * @throws NullPointerException if {@code permission} is null
   */
  public PermissionCheck check(B2cBackupPermission permission) {
    return checks.get(Objects.requireNonNull(permission, "permission"));
  }

  /**
   * The status of one permission.
   *
   * @throws NullPointerException if {@code permission} is null
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
   * The parts of the tenant that {@code operation} can cover with the confirmed grants. Empty when
   * the app is not consented or disabled, the tenant is not a B2C tenant, or the directory could
   * not be read.
   *
   * @throws NullPointerException if {@code operation} is null
   */
  public Set<BackupCapability> capabilities(BackupOperation operation) {
    if (outcome == VerificationOutcome.APP_NOT_CONSENTED
        || outcome == VerificationOutcome.APP_DISABLED
        || outcome == VerificationOutcome.NOT_A_B2C_TENANT
        || outcome == VerificationOutcome.DIRECTORY_UNREADABLE) {
      Objects.requireNonNull(operation, "operation");
      return Collections.unmodifiableSet(EnumSet.noneOf(BackupCapability.class));
    }
    return BackupCapability.available(granted(), operation);
  }

  /**
   * The parts of the tenant that {@code operation} would have to skip.
   *
   * @throws NullPointerException if {@code operation} is null
   */
  public Set<BackupCapability> skippedCapabilities(BackupOperation operation) {
    EnumSet<BackupCapability> skipped = EnumSet.allOf(BackupCapability.class);
    skipped.removeAll(capabilities(operation));
    skipped.removeIf(c -> !c.inB2cCatalog());
    if (operation == BackupOperation.RESTORE) {
      skipped.removeIf(c -> !c.isRestorable());
    }
    return Collections.unmodifiableSet(skipped);
  }

  /**
   * Microsoft Graph app roles the app holds beyond the catalog and beyond the narrower roles that
   * stand in for a missing one: over-privilege, worth showing as a security finding.
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
    for (PermissionCheck c : checks.values()) {
      sb.append("  ").append(c.status()).append(' ').append(c.permission().scope());
      if (c.narrowerRoleHeld() != null) {
        sb.append(" (holds narrower ").append(c.narrowerRoleHeld().value()).append(')');
      }
      if (c.assignmentId() != null) {
        sb.append(" [assignment ").append(c.assignmentId());
        if (c.grantedAt() != null) {
          sb.append(" since ").append(c.grantedAt());
        }
        sb.append(']');
      }
      sb.append('\n');
    }
    sb.append("  excessRoles=").append(excessRoles).append('\n');
    sb.append("  skippedForBackup=").append(skippedCapabilities(BackupOperation.BACKUP));
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
        && checks.equals(r.checks)
        && excessRoles.equals(r.excessRoles)
        && strategy == r.strategy
        && checkedAt.equals(r.checkedAt)
        && Objects.equals(directoryRoleNeeded, r.directoryRoleNeeded)
        && Objects.equals(consentRequest, r.consentRequest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, tenantType, appPresence, checks, strategy, checkedAt);
  }

  /**
   * Builds a {@link VerificationReport}. Every catalog permission starts {@link
   * PermissionStatus#MISSING}; set the others with {@link #check(PermissionCheck)} or {@link
   * #granted(B2cBackupPermission...)}. Not thread-safe.
   */
  public static final class Builder {
    private final String tenantId;
    private @Nullable String tenantType = B2C_TENANT_TYPE;
    private AppPresence appPresence = AppPresence.ENABLED;
    private @Nullable String servicePrincipalId;
    private final EnumMap<B2cBackupPermission, PermissionCheck> checks =
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
      for (B2cBackupPermission p : B2cBackupPermission.values()) {
        checks.put(p, PermissionCheck.of(p, PermissionStatus.MISSING));
      }
    }

    /**
     * Sets the tenant type Graph reported, or null when it was not read. Defaults to {@value
     * #B2C_TENANT_TYPE}.
     *
     * @throws IllegalArgumentException if {@code tenantType} is blank
     */
    public Builder tenantType(@Nullable String tenantType) {
      if (tenantType != null && tenantType.isBlank()) {
        throw new IllegalArgumentException("tenantType must be null or non-blank");
      }
      this.tenantType = tenantType;
      return this;
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
     * Records the check of one permission, replacing any earlier one.
     *
     * @throws NullPointerException if {@code check} is null
     */
    public Builder check(PermissionCheck check) {
      Objects.requireNonNull(check, "check");
      checks.put(check.permission(), check);
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
     * Marks every catalog permission {@link PermissionStatus#GRANTED} without evidence.
     */
    public Builder allGranted() {
      return granted(B2cBackupPermission.values());
    }

    /**
     * Adds a Graph app role held beyond what the catalog needs.
     *
     * @throws NullPointerException if {@code role} is null
     * @throws IllegalArgumentException if {@code role} is a catalog permission
     */
    public Builder excessRole(GraphAppRole role) {
      Objects.requireNonNull(role, "role");
      if (B2cBackupPermission.fromAppRoleId(role.id()).isPresent()) {
        throw new IllegalArgumentException(
            role.value() + " is a catalog permission, not an excess role");
      }
      excessRoles.add(role);
      return this;
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
     * @throws IllegalStateException if the app is {@link AppPresence#NOT_FOUND} while a permission
     *     is granted or propagating (an absent app holds nothing); if the strategy is not {@link
     *     VerificationStrategy#DIRECTORY_AND_TOKEN} and a permission is {@link
     *     PermissionStatus#PROPAGATING} (only a token next to the directory can show propagation);
     *     or if the facts would make the report {@link VerificationOutcome#SATISFIED} without a
     *     confirmed {@value #B2C_TENANT_TYPE} tenant type and an {@link AppPresence#ENABLED} app
     */
    public VerificationReport build() {
      boolean anyHeld = checks.values().stream().anyMatch(c -> c.status() != PermissionStatus.MISSING);
      if (appPresence == AppPresence.NOT_FOUND && anyHeld) {
        throw new IllegalStateException(
            "an app with no service principal cannot hold permissions (tenant " + tenantId + ")");
      }
      boolean anyPropagating =
          checks.values().stream().anyMatch(c -> c.status() == PermissionStatus.PROPAGATING);
      if (anyPropagating && strategy != VerificationStrategy.DIRECTORY_AND_TOKEN) {
        throw new IllegalStateException(
            "PROPAGATING needs both the directory and a token; strategy is " + strategy);
      }
      if (derive(this) == VerificationOutcome.SATISFIED
          && (!B2C_TENANT_TYPE.equals(tenantType) || appPresence != AppPresence.ENABLED)) {
        throw new IllegalStateException("a report can only be SATISFIED for a confirmed "
            + B2C_TENANT_TYPE + " tenant with an ENABLED app; tenant " + tenantId + " has tenantType "
            + (tenantType == null ? "(not read)" : tenantType) + " and app " + appPresence);
      }
      return new VerificationReport(this);
    }
  }
}
