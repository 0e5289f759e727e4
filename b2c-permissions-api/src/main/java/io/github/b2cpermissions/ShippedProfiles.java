package io.github.b2cpermissions;

import static io.github.b2cpermissions.BackupCapability.ACCOUNT_STATE;
import static io.github.b2cpermissions.BackupCapability.APPLICATIONS;
import static io.github.b2cpermissions.BackupCapability.APP_ROLE_ASSIGNMENTS;
import static io.github.b2cpermissions.BackupCapability.AUDIT_LOGS;
import static io.github.b2cpermissions.BackupCapability.AUTHENTICATION_METHODS;
import static io.github.b2cpermissions.BackupCapability.AUTHENTICATION_METHOD_POLICIES;
import static io.github.b2cpermissions.BackupCapability.COMPANY_BRANDING;
import static io.github.b2cpermissions.BackupCapability.CUSTOM_AUTHENTICATION_EXTENSIONS;
import static io.github.b2cpermissions.BackupCapability.DIRECTORY_ROLES;
import static io.github.b2cpermissions.BackupCapability.GROUP_MEMBERSHIPS;
import static io.github.b2cpermissions.BackupCapability.IDENTITY_PROVIDERS;
import static io.github.b2cpermissions.BackupCapability.PHONES;
import static io.github.b2cpermissions.BackupCapability.SECONDARY_MAILS;
import static io.github.b2cpermissions.BackupCapability.TENANT_DETAILS;
import static io.github.b2cpermissions.BackupCapability.USERS;
import static io.github.b2cpermissions.BackupCapability.USER_FLOWS;
import static io.github.b2cpermissions.BackupCapability.USER_FLOW_ATTRIBUTES;
import static io.github.b2cpermissions.BackupCapability.USER_IDENTITIES;
import static io.github.b2cpermissions.GraphPermission.APPLICATION_READ_ALL;
import static io.github.b2cpermissions.GraphPermission.AUDIT_LOG_READ_ALL;
import static io.github.b2cpermissions.GraphPermission.CUSTOM_AUTHENTICATION_EXTENSION_READ_ALL;
import static io.github.b2cpermissions.GraphPermission.CUSTOM_AUTHENTICATION_EXTENSION_READ_WRITE_ALL;
import static io.github.b2cpermissions.GraphPermission.DIRECTORY_READ_ALL;
import static io.github.b2cpermissions.GraphPermission.EVENT_LISTENER_READ_ALL;
import static io.github.b2cpermissions.GraphPermission.EVENT_LISTENER_READ_WRITE_ALL;
import static io.github.b2cpermissions.GraphPermission.GROUP_MEMBER_READ_ALL;
import static io.github.b2cpermissions.GraphPermission.IDENTITY_PROVIDER_READ_ALL;
import static io.github.b2cpermissions.GraphPermission.IDENTITY_USER_FLOW_READ_ALL;
import static io.github.b2cpermissions.GraphPermission.IDENTITY_USER_FLOW_READ_WRITE_ALL;
import static io.github.b2cpermissions.GraphPermission.ORGANIZATIONAL_BRANDING_READ_ALL;
import static io.github.b2cpermissions.GraphPermission.ORGANIZATIONAL_BRANDING_READ_WRITE_ALL;
import static io.github.b2cpermissions.GraphPermission.POLICY_READ_AUTHENTICATION_METHOD;
import static io.github.b2cpermissions.GraphPermission.POLICY_READ_WRITE_AUTHENTICATION_METHOD;
import static io.github.b2cpermissions.GraphPermission.ROLE_MANAGEMENT_READ_DIRECTORY;
import static io.github.b2cpermissions.GraphPermission.USER_AUTHENTICATION_METHOD_READ_ALL;
import static io.github.b2cpermissions.GraphPermission.USER_READ_ALL;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the shipped {@link PermissionProfile}s are put together: which Graph roles each part of a
 * backup needs to be read and to be restored, per tenant kind and use. Runs once, while {@code
 * PermissionProfile}'s constants are built; a backup-only profile takes its restore roles from the
 * full profile it is passed.
 */
final class ShippedProfiles {
  private ShippedProfiles() {}


  static PermissionProfile b2cBackupAndRestore() {
    Table t = new Table();
    for (BackupCapability c : BackupCapability.values()) {
      if (c.inB2cCatalog()) {
        t.part(c, graph(c.requires(BackupOperation.BACKUP)), graph(c.requires(BackupOperation.RESTORE)));
      }
    }
    return t.build("B2C_BACKUP_AND_RESTORE", TenantKind.B2C, ProfileUse.BACKUP_AND_RESTORE);
  }

  static PermissionProfile b2cBackupOnly(PermissionProfile full) {
    Table t = readOnly(new Table(), full);
    t.part(USER_FLOWS, EnumSet.of(IDENTITY_USER_FLOW_READ_ALL), restoreOf(full, USER_FLOWS));
    return t.build("B2C_BACKUP_ONLY", TenantKind.B2C, ProfileUse.BACKUP);
  }

  static PermissionProfile externalIdBackupAndRestore(PermissionProfile b2c) {
    Table t = new Table();
    t.part(USER_FLOWS, EnumSet.of(EVENT_LISTENER_READ_WRITE_ALL), EnumSet.of(EVENT_LISTENER_READ_WRITE_ALL));
    t.part(USER_FLOW_ATTRIBUTES,
        EnumSet.of(IDENTITY_USER_FLOW_READ_WRITE_ALL), EnumSet.of(IDENTITY_USER_FLOW_READ_WRITE_ALL));
    t.part(CUSTOM_AUTHENTICATION_EXTENSIONS, EnumSet.of(CUSTOM_AUTHENTICATION_EXTENSION_READ_WRITE_ALL),
        EnumSet.of(CUSTOM_AUTHENTICATION_EXTENSION_READ_WRITE_ALL));
    t.part(COMPANY_BRANDING, EnumSet.of(ORGANIZATIONAL_BRANDING_READ_WRITE_ALL),
        EnumSet.of(ORGANIZATIONAL_BRANDING_READ_WRITE_ALL));
    t.part(AUTHENTICATION_METHOD_POLICIES, EnumSet.of(POLICY_READ_WRITE_AUTHENTICATION_METHOD),
        EnumSet.of(POLICY_READ_WRITE_AUTHENTICATION_METHOD));
    for (BackupCapability c : List.of(IDENTITY_PROVIDERS, APPLICATIONS, APP_ROLE_ASSIGNMENTS, USERS,
        USER_IDENTITIES, AUTHENTICATION_METHODS, SECONDARY_MAILS, PHONES, ACCOUNT_STATE,
        GROUP_MEMBERSHIPS, DIRECTORY_ROLES, TENANT_DETAILS, AUDIT_LOGS)) {
      t.part(c, b2c.requires(c, BackupOperation.BACKUP), restoreOf(b2c, c));
    }
    return t.build("EXTERNAL_ID_BACKUP_AND_RESTORE", TenantKind.EXTERNAL_ID, ProfileUse.BACKUP_AND_RESTORE);
  }

  static PermissionProfile externalIdBackupOnly(PermissionProfile full) {
    Table t = readOnly(new Table(), full);
    t.part(USER_FLOWS, EnumSet.of(EVENT_LISTENER_READ_ALL), restoreOf(full, USER_FLOWS));
    t.part(USER_FLOW_ATTRIBUTES, EnumSet.of(IDENTITY_USER_FLOW_READ_ALL),
        restoreOf(full, USER_FLOW_ATTRIBUTES));
    t.part(CUSTOM_AUTHENTICATION_EXTENSIONS, EnumSet.of(CUSTOM_AUTHENTICATION_EXTENSION_READ_ALL),
        restoreOf(full, CUSTOM_AUTHENTICATION_EXTENSIONS));
    t.part(COMPANY_BRANDING, EnumSet.of(ORGANIZATIONAL_BRANDING_READ_ALL),
        restoreOf(full, COMPANY_BRANDING));
    t.part(AUTHENTICATION_METHOD_POLICIES, EnumSet.of(POLICY_READ_AUTHENTICATION_METHOD),
        restoreOf(full, AUTHENTICATION_METHOD_POLICIES));
    return t.build("EXTERNAL_ID_BACKUP_ONLY", TenantKind.EXTERNAL_ID, ProfileUse.BACKUP);
  }

  /** The read-only backup roles of the parts both tenant kinds share, with the full profile's restore roles. */
  private static Table readOnly(Table t, PermissionProfile full) {
    t.part(IDENTITY_PROVIDERS, EnumSet.of(IDENTITY_PROVIDER_READ_ALL), restoreOf(full, IDENTITY_PROVIDERS));
    t.part(APPLICATIONS, EnumSet.of(APPLICATION_READ_ALL), restoreOf(full, APPLICATIONS));
    t.part(APP_ROLE_ASSIGNMENTS, EnumSet.of(APPLICATION_READ_ALL), restoreOf(full, APP_ROLE_ASSIGNMENTS));
    for (BackupCapability c : List.of(USERS, USER_IDENTITIES, SECONDARY_MAILS, PHONES, ACCOUNT_STATE)) {
      t.part(c, EnumSet.of(USER_READ_ALL), restoreOf(full, c));
    }
    t.part(AUTHENTICATION_METHODS, EnumSet.of(USER_AUTHENTICATION_METHOD_READ_ALL),
        restoreOf(full, AUTHENTICATION_METHODS));
    t.part(GROUP_MEMBERSHIPS, EnumSet.of(DIRECTORY_READ_ALL, GROUP_MEMBER_READ_ALL),
        restoreOf(full, GROUP_MEMBERSHIPS));
    t.part(DIRECTORY_ROLES, EnumSet.of(ROLE_MANAGEMENT_READ_DIRECTORY), restoreOf(full, DIRECTORY_ROLES));
    t.part(TENANT_DETAILS, EnumSet.of(DIRECTORY_READ_ALL), EnumSet.noneOf(GraphPermission.class));
    t.part(AUDIT_LOGS, EnumSet.of(AUDIT_LOG_READ_ALL, DIRECTORY_READ_ALL), EnumSet.noneOf(GraphPermission.class));
    return t;
  }

  private static Set<GraphPermission> restoreOf(PermissionProfile full, BackupCapability c) {
    return full.requires(c, BackupOperation.RESTORE);
  }

  private static EnumSet<GraphPermission> graph(Set<B2cBackupPermission> catalog) {
    EnumSet<GraphPermission> roles = EnumSet.noneOf(GraphPermission.class);
    catalog.forEach(p -> roles.add(p.graphPermission()));
    return roles;
  }

  /** Collects a profile's parts while the constants are built. */
  private static final class Table {
    private final Map<BackupCapability, Set<GraphPermission>> backup = new EnumMap<>(BackupCapability.class);
    private final Map<BackupCapability, Set<GraphPermission>> restore = new EnumMap<>(BackupCapability.class);

    void part(BackupCapability c, Set<GraphPermission> backupRoles, Set<GraphPermission> restoreRoles) {
      backup.put(c, Collections.unmodifiableSet(copy(backupRoles)));
      restore.put(c, Collections.unmodifiableSet(copy(restoreRoles)));
    }

    private static EnumSet<GraphPermission> copy(Set<GraphPermission> roles) {
      return roles.isEmpty() ? EnumSet.noneOf(GraphPermission.class) : EnumSet.copyOf(roles);
    }

    PermissionProfile build(String name, TenantKind kind, ProfileUse use) {
      return new PermissionProfile(name, 1, kind, use, backup, restore);
    }
  }
}
