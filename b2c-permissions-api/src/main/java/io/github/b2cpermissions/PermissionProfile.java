package io.github.b2cpermissions;


import java.util.Collection;
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
 * A named, versioned set of Microsoft Graph application permissions that one kind of tenant must
 * grant for one use, with the parts of the tenant ({@link BackupCapability}) each role unlocks.
 * Immutable; the four shipped profiles are constants, derived from Microsoft's permission table
 * ({@code permissions.json} of {@code microsoftgraph/microsoft-graph-devx-content}, commit 6cbd6bbd):
 * for every part, the Graph roles that allow the reads a backup makes and the writes a restore
 * makes.
 *
 * <p>Each part has two role sets: what a {@linkplain #requires(BackupCapability, BackupOperation)
 * backup} of it needs and what a restore of it needs. A {@link ProfileUse#BACKUP_AND_RESTORE} profile
 * {@linkplain #requiredRoles() requires} both; a {@link ProfileUse#BACKUP} profile requires only the
 * backup roles, and still knows the restore roles so a report can say what a restore would need
 * (for a second, elevated app registration).
 *
 * <p>A role is held for a profile when the tenant granted it. In a {@link ProfileUse#BACKUP} profile
 * a read role is also held through its {@linkplain GraphPermission#broaderCounterpart() read-write
 * counterpart} (Graph lets a read-write role make every read of its read role); a report then says
 * that the narrower role would do. A {@link ProfileUse#BACKUP_AND_RESTORE} profile counts exact
 * grants only, as the B2C catalog always has.
 *
 * <p>Where the table has no application permission for a write, a restore of that detail cannot run
 * app-only whatever is granted: {@code DELETE /organization/{id}/branding} is delegated only (a
 * restore can overwrite branding, not remove it), and the table lists no application role for
 * {@code POST /groups/{id}/members/$ref} (Graph's documentation names {@code
 * GroupMember.ReadWrite.All}, which the profiles keep). External ID user flows ({@code
 * identity/authenticationEventsFlows}) are not available in the US Government clouds (L4 and L5):
 * there, Graph defines no {@code EventListener.*} role a tenant could grant, so a check against an
 * External ID profile reports them missing and user flows cannot be backed up.
 */
public final class PermissionProfile {

  /**
   * The fourteen permissions of {@link B2cBackupPermission} for a full B2C backup and restore: the
   * default profile, identical to the catalog and its {@link BackupCapability} requirements. Seven
   * of its roles are tier 0 in the Azure tiering model; see {@link #tierZeroRoles()}.
   */
  public static final PermissionProfile B2C_BACKUP_AND_RESTORE = ShippedProfiles.b2cBackupAndRestore();

  /**
   * The read-only roles a B2C backup needs, nine in all: {@code IdentityUserFlow.Read.All} (lists
   * {@code identity/b2cUserFlows}), {@code IdentityProvider.Read.All} ({@code
   * identity/identityProviders}), {@code Application.Read.All} (applications, service principals and
   * their {@code appRoleAssignedTo}, which is how the app role assignments are read:
   * {@code AppRoleAssignment.ReadWrite.All} has no read role and is only needed to write), {@code
   * User.Read.All} (the users' full profiles with identities, mails, phones and {@code
   * accountEnabled}: the four user write roles of the catalog only widen what a restore may write),
   * {@code UserAuthenticationMethod.Read.All} (each user's {@code authentication/methods}), {@code
   * GroupMember.Read.All} and {@code Directory.Read.All} (groups and their members), {@code
   * RoleManagement.Read.Directory} (role definitions and assignments), {@code AuditLog.Read.All}
   * (the directory audit log) and {@code Directory.Read.All} (the organization). None is tier 0.
   */
  public static final PermissionProfile B2C_BACKUP_ONLY = ShippedProfiles.b2cBackupOnly(B2C_BACKUP_AND_RESTORE);

  /**
   * The roles for a full backup and restore of a Microsoft Entra External ID ({@code CIAM}) tenant:
   * the B2C set with {@code EventListener.ReadWrite.All} for user flows (External ID's {@code
   * identity/authenticationEventsFlows} replace B2C user flows), and, for the parts only External
   * ID has, {@code IdentityUserFlow.ReadWrite.All} (the {@code identity/userFlowAttributes} the flows
   * collect), {@code CustomAuthenticationExtension.ReadWrite.All}, {@code
   * OrganizationalBranding.ReadWrite.All} (company branding of the sign-in pages) and {@code
   * Policy.ReadWrite.AuthenticationMethod} (which sign-in methods, such as email one-time passcode,
   * are on).
   */
  public static final PermissionProfile EXTERNAL_ID_BACKUP_AND_RESTORE = ShippedProfiles.externalIdBackupAndRestore(B2C_BACKUP_AND_RESTORE);

  /**
   * The read-only roles of an External ID backup: the read counterpart of every role of {@link
   * #EXTERNAL_ID_BACKUP_AND_RESTORE} that a backup reads with ({@code EventListener.Read.All},
   * {@code IdentityUserFlow.Read.All}, {@code CustomAuthenticationExtension.Read.All}, {@code
   * OrganizationalBranding.Read.All}, {@code Policy.Read.AuthenticationMethod} and the B2C
   * backup-only roles), for the same reasons as {@link #B2C_BACKUP_ONLY}.
   */
  public static final PermissionProfile EXTERNAL_ID_BACKUP_ONLY = ShippedProfiles.externalIdBackupOnly(EXTERNAL_ID_BACKUP_AND_RESTORE);

  private static final List<PermissionProfile> ALL = List.of(
      B2C_BACKUP_AND_RESTORE, B2C_BACKUP_ONLY, EXTERNAL_ID_BACKUP_AND_RESTORE, EXTERNAL_ID_BACKUP_ONLY);

  private final String name;
  private final int version;
  private final TenantKind tenantKind;
  private final ProfileUse use;
  private final Map<BackupCapability, Set<GraphPermission>> backupNeeds;
  private final Map<BackupCapability, Set<GraphPermission>> restoreNeeds;
  private final Set<GraphPermission> requiredRoles;

  PermissionProfile(String name, int version, TenantKind tenantKind, ProfileUse use,
      Map<BackupCapability, Set<GraphPermission>> backupNeeds,
      Map<BackupCapability, Set<GraphPermission>> restoreNeeds) {
    this.name = name;
    this.version = version;
    this.tenantKind = tenantKind;
    this.use = use;
    this.backupNeeds = Collections.unmodifiableMap(new EnumMap<>(backupNeeds));
    this.restoreNeeds = Collections.unmodifiableMap(new EnumMap<>(restoreNeeds));
    EnumSet<GraphPermission> required = EnumSet.noneOf(GraphPermission.class);
    backupNeeds.values().forEach(required::addAll);
    if (use == ProfileUse.BACKUP_AND_RESTORE) {
      restoreNeeds.values().forEach(required::addAll);
    }
    this.requiredRoles = Collections.unmodifiableSet(required);
  }

  /** The profile's name, the same as its constant's, for example {@code B2C_BACKUP_ONLY}. */
  public String name() {
    return name;
  }

  /** The profile's version: it grows whenever its required roles change. Every profile is 1 today. */
  public int version() {
    return version;
  }

  /** The kind of tenant this profile is for. */
  public TenantKind tenantKind() {
    return tenantKind;
  }

  /** Whether this profile covers a backup only or a backup and a restore. */
  public ProfileUse use() {
    return use;
  }

  /** The roles a tenant must grant for this profile, in {@link GraphPermission} order. */
  public Set<GraphPermission> requiredRoles() {
    return requiredRoles;
  }

  /** Whether {@code role} is one of the {@linkplain #requiredRoles() required roles}. */
  public boolean isRequired(GraphPermission role) {
    return requiredRoles.contains(Objects.requireNonNull(role, "role"));
  }

  /** The parts of the tenant this profile covers, in {@link BackupCapability} order. */
  public Set<BackupCapability> capabilities() {
    return backupNeeds.keySet();
  }

  /**
   * The roles that {@code operation} of one part needs. For a {@link ProfileUse#BACKUP} profile the
   * restore roles are not {@linkplain #requiredRoles() required}: they are what an elevated restore
   * app would need.
   *
   * @return an unmodifiable set; empty for a part this profile does not cover, and for the restore
   *     of a part that cannot be restored
   * @throws NullPointerException if an argument is null
   */
  public Set<GraphPermission> requires(BackupCapability capability, BackupOperation operation) {
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(operation, "operation");
    Set<GraphPermission> roles =
        (operation == BackupOperation.BACKUP ? backupNeeds : restoreNeeds).get(capability);
    return roles == null ? Collections.emptySet() : roles;
  }

  /**
   * The parts whose backup, or (for a {@link ProfileUse#BACKUP_AND_RESTORE} profile) restore, needs
   * {@code role}: why the profile requires it. Empty for a role the profile does not require.
   *
   * @throws NullPointerException if {@code role} is null
   */
  public Set<BackupCapability> unlockedBy(GraphPermission role) {
    Objects.requireNonNull(role, "role");
    EnumSet<BackupCapability> parts = EnumSet.noneOf(BackupCapability.class);
    backupNeeds.forEach((c, roles) -> {
      if (roles.contains(role)) {
        parts.add(c);
      }
    });
    if (use == ProfileUse.BACKUP_AND_RESTORE) {
      restoreNeeds.forEach((c, roles) -> {
        if (roles.contains(role)) {
          parts.add(c);
        }
      });
    }
    return Collections.unmodifiableSet(parts);
  }

  /**
   * Whether the {@code granted} roles hold {@code role} for this profile: granted exactly, or, in a
   * {@link ProfileUse#BACKUP} profile, through its broader read-write counterpart.
   *
   * @throws NullPointerException if an argument or an element of {@code granted} is null
   */
  public boolean holds(Collection<GraphPermission> granted, GraphPermission role) {
    return heldAs(granted, role).isPresent();
  }

  /**
   * The granted role through which {@code role} is held: {@code role} itself, or its broader
   * counterpart in a {@link ProfileUse#BACKUP} profile; empty when it is not held.
   *
   * @throws NullPointerException if an argument or an element of {@code granted} is null
   */
  public Optional<GraphPermission> heldAs(Collection<GraphPermission> granted, GraphPermission role) {
    Objects.requireNonNull(role, "role");
    Set<GraphPermission> set = copyOf(granted);
    if (set.contains(role)) {
      return Optional.of(role);
    }
    if (use == ProfileUse.BACKUP) {
      Optional<GraphPermission> broader = role.broaderCounterpart();
      if (broader.isPresent() && set.contains(broader.get())) {
        return broader;
      }
    }
    return Optional.empty();
  }

  /**
   * The roles one part still needs for {@code operation}, given what is {@code granted}.
   *
   * @return an unmodifiable set in {@link GraphPermission} order
   * @throws NullPointerException if an argument or an element of {@code granted} is null
   */
  public Set<GraphPermission> missingFor(
      BackupCapability capability, BackupOperation operation, Collection<GraphPermission> granted) {
    Set<GraphPermission> set = copyOf(granted);
    EnumSet<GraphPermission> missing = EnumSet.noneOf(GraphPermission.class);
    for (GraphPermission role : requires(capability, operation)) {
      if (!holds(set, role)) {
        missing.add(role);
      }
    }
    return Collections.unmodifiableSet(missing);
  }

  /**
   * The parts {@code operation} can cover with the {@code granted} roles. A part that cannot be
   * restored never works for {@link BackupOperation#RESTORE}.
   *
   * @return an unmodifiable set in {@link BackupCapability} order
   * @throws NullPointerException if an argument or an element of {@code granted} is null
   */
  public Set<BackupCapability> available(
      Collection<GraphPermission> granted, BackupOperation operation) {
    Objects.requireNonNull(operation, "operation");
    Set<GraphPermission> set = copyOf(granted);
    EnumSet<BackupCapability> working = EnumSet.noneOf(BackupCapability.class);
    for (BackupCapability c : capabilities()) {
      if (operation == BackupOperation.RESTORE && requires(c, operation).isEmpty()) {
        continue;
      }
      if (missingFor(c, operation, set).isEmpty()) {
        working.add(c);
      }
    }
    return Collections.unmodifiableSet(working);
  }

  /**
   * The parts of this profile that {@code operation} could cover: every part for a backup, the
   * restorable ones for a restore.
   *
   * @throws NullPointerException if {@code operation} is null
   */
  public Set<BackupCapability> coverable(BackupOperation operation) {
    Objects.requireNonNull(operation, "operation");
    EnumSet<BackupCapability> parts = EnumSet.noneOf(BackupCapability.class);
    for (BackupCapability c : capabilities()) {
      if (operation == BackupOperation.BACKUP || !requires(c, operation).isEmpty()) {
        parts.add(c);
      }
    }
    return Collections.unmodifiableSet(parts);
  }

  /** The required roles the Azure tiering model puts in tier 0 (a path to Global Administrator). */
  public Set<GraphPermission> tierZeroRoles() {
    EnumSet<GraphPermission> zero = EnumSet.noneOf(GraphPermission.class);
    requiredRoles.stream().filter(r -> r.privilege().isTierZero()).forEach(zero::add);
    return Collections.unmodifiableSet(zero);
  }

  /** The four shipped profiles, B2C first, the default first of all. */
  public static List<PermissionProfile> all() {
    return ALL;
  }

  /**
   * Finds a shipped profile by its exact name, such as {@code EXTERNAL_ID_BACKUP_ONLY}.
   *
   * @param name a profile name; may be null
   * @return the profile, or empty for an unknown, blank or null name
   */
  public static Optional<PermissionProfile> byName(@Nullable String name) {
    return ALL.stream().filter(p -> p.name.equals(name)).findFirst();
  }

  /** Returns {@code NAME v<version>}, for example {@code B2C_BACKUP_ONLY v1}. */
  @Override
  public String toString() {
    return name + " v" + version;
  }

  private static Set<GraphPermission> copyOf(Collection<GraphPermission> granted) {
    Objects.requireNonNull(granted, "granted");
    EnumSet<GraphPermission> set = EnumSet.noneOf(GraphPermission.class);
    for (GraphPermission p : granted) {
      set.add(Objects.requireNonNull(p, "granted must not contain null"));
    }
    return set;
  }
}
