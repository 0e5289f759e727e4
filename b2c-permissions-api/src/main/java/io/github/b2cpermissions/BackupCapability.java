package io.github.b2cpermissions;

import static io.github.b2cpermissions.B2cBackupPermission.APPLICATION_READ_WRITE_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.APP_ROLE_ASSIGNMENT_READ_WRITE_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.AUDIT_LOG_READ_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.DIRECTORY_READ_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.GROUP_MEMBER_READ_WRITE_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.IDENTITY_PROVIDER_READ_WRITE_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.IDENTITY_USER_FLOW_READ_WRITE_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.ROLE_MANAGEMENT_READ_WRITE_DIRECTORY;
import static io.github.b2cpermissions.B2cBackupPermission.USER_AUTHENTICATION_METHOD_READ_WRITE_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.USER_ENABLE_DISABLE_ACCOUNT_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.USER_MAIL_READ_WRITE_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.USER_MANAGE_IDENTITIES_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.USER_PHONE_READ_WRITE_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.USER_READ_WRITE_ALL;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The parts of a customer identity tenant a backup covers. The first fourteen are the parts of an
 * Azure AD B2C backup, each with the {@link B2cBackupPermission} catalog permissions it needs to be
 * backed up and to be restored. A product that cannot get every permission can still run a partial
 * backup: {@link #available(Collection, BackupOperation)} says which parts work with what a tenant
 * granted, and {@link #missingFor(BackupOperation, Collection)} says what is missing for one part.
 *
 * <p>The last four ({@link #USER_FLOW_ATTRIBUTES}, {@link #CUSTOM_AUTHENTICATION_EXTENSIONS}, {@link
 * #COMPANY_BRANDING}, {@link #AUTHENTICATION_METHOD_POLICIES}) are parts of a Microsoft Entra
 * External ID backup that the B2C catalog does not cover: they are not {@linkplain #inB2cCatalog()
 * in the catalog}, need no catalog permission, never work with catalog grants and are left out of
 * {@link #available} and {@link #unavailable}. Which Graph roles each part needs in a given tenant
 * kind is said by a {@link PermissionProfile}.
 */
public enum BackupCapability {
  /**
   * User flows: B2C user flows with their identity providers, attributes and languages; in an
   * External ID tenant, its authentication events flows.
   */
  USER_FLOWS(
      EnumSet.of(IDENTITY_USER_FLOW_READ_WRITE_ALL), EnumSet.of(IDENTITY_USER_FLOW_READ_WRITE_ALL)),
  /** Social and federated identity providers. */
  IDENTITY_PROVIDERS(
      EnumSet.of(IDENTITY_PROVIDER_READ_WRITE_ALL), EnumSet.of(IDENTITY_PROVIDER_READ_WRITE_ALL)),
  /** App registrations and their service principals. */
  APPLICATIONS(EnumSet.of(APPLICATION_READ_WRITE_ALL), EnumSet.of(APPLICATION_READ_WRITE_ALL)),
  /** Which users, groups and service principals hold which app roles of the tenant's apps. */
  APP_ROLE_ASSIGNMENTS(
      EnumSet.of(APPLICATION_READ_WRITE_ALL),
      EnumSet.of(APPLICATION_READ_WRITE_ALL, APP_ROLE_ASSIGNMENT_READ_WRITE_ALL)),
  /** Users' profiles, including custom attributes. */
  USERS(EnumSet.of(USER_READ_WRITE_ALL), EnumSet.of(USER_READ_WRITE_ALL)),
  /** Users' sign-in identities (local email or user name accounts and federated identities). */
  USER_IDENTITIES(
      EnumSet.of(USER_READ_WRITE_ALL), EnumSet.of(USER_READ_WRITE_ALL, USER_MANAGE_IDENTITIES_ALL)),
  /** Users' registered authentication methods. */
  AUTHENTICATION_METHODS(
      EnumSet.of(USER_AUTHENTICATION_METHOD_READ_WRITE_ALL),
      EnumSet.of(USER_AUTHENTICATION_METHOD_READ_WRITE_ALL)),
  /** Users' secondary mail addresses ({@code otherMails}). */
  SECONDARY_MAILS(EnumSet.of(USER_READ_WRITE_ALL), EnumSet.of(USER_MAIL_READ_WRITE_ALL)),
  /** Users' mobile and business phone numbers. */
  PHONES(EnumSet.of(USER_READ_WRITE_ALL), EnumSet.of(USER_PHONE_READ_WRITE_ALL)),
  /** Whether each account is enabled ({@code accountEnabled}). */
  ACCOUNT_STATE(EnumSet.of(USER_READ_WRITE_ALL), EnumSet.of(USER_ENABLE_DISABLE_ACCOUNT_ALL)),
  /** Groups and their members. */
  GROUP_MEMBERSHIPS(
      EnumSet.of(DIRECTORY_READ_ALL, GROUP_MEMBER_READ_WRITE_ALL),
      EnumSet.of(GROUP_MEMBER_READ_WRITE_ALL)),
  /** Directory roles, role definitions and role assignments. */
  DIRECTORY_ROLES(
      EnumSet.of(ROLE_MANAGEMENT_READ_WRITE_DIRECTORY),
      EnumSet.of(ROLE_MANAGEMENT_READ_WRITE_DIRECTORY)),
  /** The organization and its domains: read for context, never restored. */
  TENANT_DETAILS(EnumSet.of(DIRECTORY_READ_ALL), EnumSet.noneOf(B2cBackupPermission.class)),
  /** The directory audit log: archived, never restored. */
  AUDIT_LOGS(
      EnumSet.of(AUDIT_LOG_READ_ALL, DIRECTORY_READ_ALL), EnumSet.noneOf(B2cBackupPermission.class)),
  /** External ID only: the custom user attributes user flows collect ({@code identity/userFlowAttributes}). */
  USER_FLOW_ATTRIBUTES,
  /** External ID only: custom authentication extensions ({@code identity/customAuthenticationExtensions}). */
  CUSTOM_AUTHENTICATION_EXTENSIONS,
  /** External ID only: company branding of the sign-in pages ({@code organization/{id}/branding}). */
  COMPANY_BRANDING,
  /** External ID only: which sign-in methods are allowed ({@code policies/authenticationMethodsPolicy}). */
  AUTHENTICATION_METHOD_POLICIES;

  private final Set<B2cBackupPermission> backupRequires;
  private final Set<B2cBackupPermission> restoreRequires;
  private final boolean inB2cCatalog;
  private final boolean restorable;

  BackupCapability(
      EnumSet<B2cBackupPermission> backupRequires, EnumSet<B2cBackupPermission> restoreRequires) {
    this.backupRequires = Collections.unmodifiableSet(backupRequires);
    this.restoreRequires = Collections.unmodifiableSet(restoreRequires);
    this.inB2cCatalog = true;
    this.restorable = !restoreRequires.isEmpty();
  }

  /** A part outside the B2C catalog: restorable, with no catalog permission. */
  BackupCapability() {
    this.backupRequires = Collections.emptySet();
    this.restoreRequires = Collections.emptySet();
    this.inB2cCatalog = false;
    this.restorable = true;
  }

  /** Whether this part can be written back at all. Audit logs and tenant details cannot. */
  public boolean isRestorable() {
    return restorable;
  }

  /**
   * Whether the {@link B2cBackupPermission} catalog covers this part: true for the fourteen B2C
   * parts, false for the four External ID parts.
   */
  public boolean inB2cCatalog() {
    return inB2cCatalog;
  }

  /**
   * Every permission this part needs for {@code operation}.
   *
   * @return an unmodifiable set; empty for {@link BackupOperation#RESTORE} of a part that is not
   *     {@linkplain #isRestorable() restorable}, and for both operations of a part not {@linkplain
   *     #inB2cCatalog() in the catalog}
   * @throws NullPointerException if {@code operation} is null
   */
  public Set<B2cBackupPermission> requires(BackupOperation operation) {
    Objects.requireNonNull(operation, "operation");
    return operation == BackupOperation.BACKUP ? backupRequires : restoreRequires;
  }

  /**
   * Whether this part works for {@code operation} with the {@code granted} permissions. A part that
   * is not restorable never works for {@link BackupOperation#RESTORE}; a part not {@linkplain
   * #inB2cCatalog() in the catalog} never works with catalog permissions.
   *
   * @throws NullPointerException if an argument or an element of {@code granted} is null
   */
  public boolean worksWith(BackupOperation operation, Collection<B2cBackupPermission> granted) {
    Objects.requireNonNull(operation, "operation");
    if (!inB2cCatalog || operation == BackupOperation.RESTORE && !isRestorable()) {
      copyOf(granted);
      return false;
    }
    return missingFor(operation, granted).isEmpty();
  }

  /**
   * The permissions this part still needs for {@code operation}, given what is {@code granted}.
   *
   * @return an unmodifiable set in catalog order
   * @throws NullPointerException if an argument or an element of {@code granted} is null
   */
  public Set<B2cBackupPermission> missingFor(
      BackupOperation operation, Collection<B2cBackupPermission> granted) {
    Set<B2cBackupPermission> grantedSet = copyOf(granted);
    EnumSet<B2cBackupPermission> missing = EnumSet.noneOf(B2cBackupPermission.class);
    for (B2cBackupPermission p : requires(operation)) {
      if (!grantedSet.contains(p)) {
        missing.add(p);
      }
    }
    return Collections.unmodifiableSet(missing);
  }

  /**
   * The parts that work for {@code operation} with the {@code granted} permissions: what a partial
   * backup (or restore) can still cover.
   *
   * @param granted the permissions the tenant granted; may be empty
   * @param operation backup or restore
   * @return an unmodifiable set in declaration order
   * @throws NullPointerException if an argument or an element of {@code granted} is null
   */
  public static Set<BackupCapability> available(
      Collection<B2cBackupPermission> granted, BackupOperation operation) {
    Objects.requireNonNull(operation, "operation");
    Set<B2cBackupPermission> grantedSet = copyOf(granted);
    EnumSet<BackupCapability> working = EnumSet.noneOf(BackupCapability.class);
    for (BackupCapability c : values()) {
      if (c.worksWith(operation, grantedSet)) {
        working.add(c);
      }
    }
    return Collections.unmodifiableSet(working);
  }

  /**
   * The catalog parts that do <em>not</em> work for {@code operation} with the {@code granted}
   * permissions: what a partial B2C backup will skip. Parts not in the catalog are not listed.
   *
   * @throws NullPointerException if an argument or an element of {@code granted} is null
   */
  public static Set<BackupCapability> unavailable(
      Collection<B2cBackupPermission> granted, BackupOperation operation) {
    EnumSet<BackupCapability> skipped = EnumSet.allOf(BackupCapability.class);
    skipped.removeAll(available(granted, operation));
    skipped.removeIf(c -> !c.inB2cCatalog);
    if (operation == BackupOperation.RESTORE) {
      skipped.removeIf(c -> !c.isRestorable());
    }
    return Collections.unmodifiableSet(skipped);
  }

  private static Set<B2cBackupPermission> copyOf(Collection<B2cBackupPermission> granted) {
    Objects.requireNonNull(granted, "granted");
    EnumSet<B2cBackupPermission> set = EnumSet.noneOf(B2cBackupPermission.class);
    for (B2cBackupPermission p : granted) {
      set.add(Objects.requireNonNull(p, "granted must not contain null"));
    }
    return set;
  }
}
