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
 * The parts of an Azure AD B2C tenant a backup covers, each with the catalog permissions it needs
 * to be backed up and to be restored. A product that cannot get every permission can still run a
 * partial backup: {@link #available(Collection, BackupOperation)} says which parts work with what a
 * tenant granted, and {@link #missingFor(BackupOperation, Collection)} says what is missing for one
 * part.
 */
public enum BackupCapability {
  /** B2C user flows with their identity providers, attributes and languages. */
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
      EnumSet.of(AUDIT_LOG_READ_ALL, DIRECTORY_READ_ALL), EnumSet.noneOf(B2cBackupPermission.class));

  private final Set<B2cBackupPermission> backupRequires;
  private final Set<B2cBackupPermission> restoreRequires;

  BackupCapability(
      EnumSet<B2cBackupPermission> backupRequires, EnumSet<B2cBackupPermission> restoreRequires) {
    this.backupRequires = Collections.unmodifiableSet(backupRequires);
    this.restoreRequires = Collections.unmodifiableSet(restoreRequires);
  }

  /** Whether this part can be written back at all. Audit logs and tenant details cannot. */
  public boolean isRestorable() {
    return !restoreRequires.isEmpty();
  }

  /**
   * Every permission this part needs for {@code operation}.
   *
   * @return an unmodifiable set; empty for {@link BackupOperation#RESTORE} of a part that is not
   *     {@linkplain #isRestorable() restorable}
   * @throws NullPointerException if {@code operation} is null
   */
  public Set<B2cBackupPermission> requires(BackupOperation operation) {
    Objects.requireNonNull(operation, "operation");
    return operation == BackupOperation.BACKUP ? backupRequires : restoreRequires;
  }

  /**
   * Whether this part works for {@code operation} with the {@code granted} permissions. A part that
   * is not restorable never works for {@link BackupOperation#RESTORE}.
   *
   * @throws NullPointerException if an argument or an element of {@code granted} is null
   */
  public boolean worksWith(BackupOperation operation, Collection<B2cBackupPermission> granted) {
    if (operation == BackupOperation.RESTORE && !isRestorable()) {
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
   * The parts that do <em>not</em> work for {@code operation} with the {@code granted} permissions:
   * what a partial backup will skip.
   *
   * @throws NullPointerException if an argument or an element of {@code granted} is null
   */
  public static Set<BackupCapability> unavailable(
      Collection<B2cBackupPermission> granted, BackupOperation operation) {
    EnumSet<BackupCapability> skipped = EnumSet.allOf(BackupCapability.class);
    skipped.removeAll(available(granted, operation));
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
