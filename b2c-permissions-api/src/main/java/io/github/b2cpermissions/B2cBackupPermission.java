package io.github.b2cpermissions;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Microsoft Graph application permissions a backup app for an Azure AD B2C tenant needs, in the
 * order of the published catalog. Each constant carries the Graph value ({@link #scope()}), the app
 * role id, the display name Graph publishes, why a backup or restore needs it ({@link #purpose()}),
 * its narrower read role where Graph has one, and the catalog version in which it became required.
 *
 * <p>All lookups are exact: Graph permission values are case-sensitive, so {@code user.readwrite.all}
 * is not {@code User.ReadWrite.All}. Lookups never throw on unknown, blank or {@code null} input;
 * they return {@link Optional#empty()}.
 */
public enum B2cBackupPermission {
  /** {@code IdentityUserFlow.ReadWrite.All}. */
  IDENTITY_USER_FLOW_READ_WRITE_ALL(
      "IdentityUserFlow.ReadWrite.All",
      "65319a09-a2be-469d-8782-f6b07debf789",
      "Read and write all identity user flows",
      "Backs up the B2C user flows (sign-up, sign-in, profile edit, password reset) with their"
          + " identity providers, user attributes and language customizations; a restore recreates"
          + " or updates them.",
      "IdentityUserFlow.Read.All",
      "1b0c317f-dd31-4305-9932-259a8b6e8099",
      "Read all identity user flows"),
  /** {@code IdentityProvider.ReadWrite.All}. */
  IDENTITY_PROVIDER_READ_WRITE_ALL(
      "IdentityProvider.ReadWrite.All",
      "90db2b9a-d928-4d33-a4dd-8442ae3d41e4",
      "Read and write identity providers",
      "Backs up the tenant's identity providers (social and federated sign-in: Google, Facebook,"
          + " OpenID Connect and others); a restore recreates their configuration.",
      "IdentityProvider.Read.All",
      "e321f0bb-e7f7-481e-bb28-e3b0b32d4bd0",
      "Read identity providers"),
  /** {@code Application.ReadWrite.All}. */
  APPLICATION_READ_WRITE_ALL(
      "Application.ReadWrite.All",
      "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9",
      "Read and write all applications",
      "Backs up app registrations and their service principals (redirect URIs, exposed APIs,"
          + " required permissions); a restore recreates or updates them.",
      "Application.Read.All",
      "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30",
      "Read all applications"),
  /** {@code AuditLog.Read.All}. */
  AUDIT_LOG_READ_ALL(
      "AuditLog.Read.All",
      "b0afded3-3588-46d8-8b3d-9842eff778da",
      "Read all audit log data",
      "Archives the directory audit log, the record of who changed what in the tenant. Audit"
          + " entries are read only; nothing is restored.",
      null,
      null,
      null),
  /** {@code Directory.Read.All}. */
  DIRECTORY_READ_ALL(
      "Directory.Read.All",
      "7ab1d382-f21e-4acd-a863-ba3e13f7da61",
      "Read directory data",
      "Reads the directory objects the other areas refer to: the organization and its domains,"
          + " groups, directory roles and the links between objects. Read only.",
      null,
      null,
      null),
  /** {@code AppRoleAssignment.ReadWrite.All}. */
  APP_ROLE_ASSIGNMENT_READ_WRITE_ALL(
      "AppRoleAssignment.ReadWrite.All",
      "06b708a9-e830-4db3-a914-8e69da51d44f",
      "Manage app permission grants and app role assignments",
      "Restores who holds which app role: the assignments of users, groups and service principals"
          + " to the tenant's applications.",
      null,
      null,
      null),
  /** {@code RoleManagement.ReadWrite.Directory}. */
  ROLE_MANAGEMENT_READ_WRITE_DIRECTORY(
      "RoleManagement.ReadWrite.Directory",
      "9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8",
      "Read and write all directory RBAC settings",
      "Backs up directory role definitions and role assignments (who administers the tenant); a"
          + " restore puts the assignments back.",
      "RoleManagement.Read.Directory",
      "483bed4a-2ad3-4361-a73b-c83ccdbdc53c",
      "Read all directory RBAC settings"),
  /** {@code User.ReadWrite.All}. */
  USER_READ_WRITE_ALL(
      "User.ReadWrite.All",
      "741f803b-c850-494e-b5df-cde7c675a1ca",
      "Read and write all users' full profiles",
      "Backs up every user's full profile, including sign-in identities, custom attributes,"
          + " secondary mails and phones; a restore recreates deleted users and rewrites profiles.",
      "User.Read.All",
      "df021288-bdef-4463-88db-98f22de89214",
      "Read all users' full profiles"),
  /** {@code UserAuthenticationMethod.ReadWrite.All}. */
  USER_AUTHENTICATION_METHOD_READ_WRITE_ALL(
      "UserAuthenticationMethod.ReadWrite.All",
      "50483e42-d915-4231-9639-7fdb7fd190e5",
      "Read and write all users' authentication methods",
      "Backs up users' registered authentication methods (phone and email MFA methods); a restore"
          + " registers them again so users are not locked out.",
      "UserAuthenticationMethod.Read.All",
      "38d9df27-64da-44fd-b7c5-a6fbac20248f",
      "Read all users' authentication methods"),
  /** {@code GroupMember.ReadWrite.All}. */
  GROUP_MEMBER_READ_WRITE_ALL(
      "GroupMember.ReadWrite.All",
      "dbaae8cf-10b5-4b86-a4a1-f871c94c6695",
      "Read and write all group memberships",
      "Backs up which users and service principals belong to which groups; a restore adds the"
          + " members back.",
      "GroupMember.Read.All",
      "98830695-27a2-44f7-8c18-0c3ebc9698f6",
      "Read all group memberships"),
  /** {@code User.ManageIdentities.All}. */
  USER_MANAGE_IDENTITIES_ALL(
      "User.ManageIdentities.All",
      "c529cfca-c91b-489c-af2b-d92990b66ce6",
      "Manage all users' identities",
      "Lets a restore write users' sign-in identities (email or user name local accounts and"
          + " federated identities), which a plain profile write may not change.",
      null,
      null,
      null),
  /** {@code User-Mail.ReadWrite.All}. */
  USER_MAIL_READ_WRITE_ALL(
      "User-Mail.ReadWrite.All",
      "280d0935-0796-47d1-8d26-273470a3f17a",
      "Read and write all secondary mail addresses for users",
      "Lets a restore write users' secondary mail addresses (otherMails), which B2C uses for"
          + " account recovery.",
      null,
      null,
      null),
  /** {@code User-Phone.ReadWrite.All}. */
  USER_PHONE_READ_WRITE_ALL(
      "User-Phone.ReadWrite.All",
      "86ceff06-c822-49ff-989a-d912845ffe69",
      "Read and write all user mobile phone and business phones",
      "Lets a restore write users' mobile and business phone numbers.",
      null,
      null,
      null),
  /** {@code User.EnableDisableAccount.All}. */
  USER_ENABLE_DISABLE_ACCOUNT_ALL(
      "User.EnableDisableAccount.All",
      "3011c876-62b7-4ada-afa2-506cbbecc68c",
      "Enable and disable user accounts",
      "Lets a restore set whether each account is enabled (accountEnabled), so blocked users stay"
          + " blocked after a restore.",
      null,
      null,
      null);

  /** The appId of Microsoft Graph, the same in every tenant; the resource of every catalog role. */
  public static final String MICROSOFT_GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

  /** The newest catalog version this library knows. Every permission today has version 1. */
  public static final int CURRENT_CATALOG_VERSION = 1;

  private static final Set<B2cBackupPermission> ALL =
      Collections.unmodifiableSet(EnumSet.allOf(B2cBackupPermission.class));
  private static final Map<String, B2cBackupPermission> BY_SCOPE = new HashMap<>();
  private static final Map<UUID, B2cBackupPermission> BY_ID = new HashMap<>();

  static {
    for (B2cBackupPermission p : values()) {
      BY_SCOPE.put(p.scope, p);
      BY_ID.put(p.appRoleId, p);
    }
  }

  private final String scope;
  private final UUID appRoleId;
  private final String displayName;
  private final String purpose;
  private final @Nullable GraphAppRole readCounterpart;
  private final int sinceCatalogVersion;

  B2cBackupPermission(
      String scope,
      String appRoleId,
      String displayName,
      String purpose,
      @Nullable String readValue,
      @Nullable String readId,
      @Nullable String readDisplayName) {
    this.scope = scope;
    this.appRoleId = UUID.fromString(appRoleId);
    this.displayName = displayName;
    this.purpose = purpose;
    this.readCounterpart =
        readValue == null || readId == null || readDisplayName == null
            ? null
            : new GraphAppRole(readValue, UUID.fromString(readId), readDisplayName);
    this.sinceCatalogVersion = 1;
  }

  /** The permission value as Graph spells it, for example {@code IdentityUserFlow.ReadWrite.All}. */
  public String scope() {
    return scope;
  }

  /** The id of the Microsoft Graph app role behind this permission. */
  public UUID appRoleId() {
    return appRoleId;
  }

  /** Always {@link PermissionType#APPLICATION}: a backup runs without a signed-in user. */
  public PermissionType type() {
    return PermissionType.APPLICATION;
  }

  /** The display name Graph publishes for this app role. */
  public String displayName() {
    return displayName;
  }

  /** Why a B2C backup or restore needs this permission: what it reads and what a restore writes. */
  public String purpose() {
    return purpose;
  }

  /** The appId of the resource that defines this role: always {@link #MICROSOFT_GRAPH_APP_ID}. */
  public String resourceAppId() {
    return MICROSOFT_GRAPH_APP_ID;
  }

  /**
   * The narrower read-only role Graph offers for the same data, where there is one (for example
   * {@code User.Read.All} for {@code User.ReadWrite.All}). Reports name it when a tenant granted it
   * instead of the required role, so the admin knows what to widen. {@link BackupCapability} counts
   * catalog permissions only: a narrower role does not make a capability available.
   */
  public Optional<GraphAppRole> readCounterpart() {
    return Optional.ofNullable(readCounterpart);
  }

  /** The same Graph app role as a constant of the shared role type, with its privilege tiers. */
  public GraphPermission graphPermission() {
    return GraphPermission.fromAppRoleId(appRoleId).orElseThrow();
  }

  /** This permission as a plain {@link GraphAppRole}. */
  public GraphAppRole asAppRole() {
    return new GraphAppRole(scope, appRoleId, displayName);
  }

  /** The catalog version in which this permission became required (1 for all today). */
  public int sinceCatalogVersion() {
    return sinceCatalogVersion;
  }

  /**
   * Finds a permission by its Graph value, exactly and case-sensitively.
   *
   * @param scope a Graph permission value such as {@code User.ReadWrite.All}; may be null or blank
   * @return the permission, or empty for an unknown, blank or null value
   */
  public static Optional<B2cBackupPermission> fromScope(@Nullable String scope) {
    return Optional.ofNullable(scope).map(BY_SCOPE::get);
  }

  /**
   * Finds a permission by its app role id.
   *
   * @param appRoleId an app role id; may be null
   * @return the permission, or empty for an unknown or null id
   */
  public static Optional<B2cBackupPermission> fromAppRoleId(@Nullable UUID appRoleId) {
    return Optional.ofNullable(appRoleId).map(BY_ID::get);
  }

  /**
   * Finds a permission by the text form of its app role id. Case does not matter here, since a UUID
   * is a number; malformed text is not an error, just not a known id.
   *
   * @param appRoleId an app role id such as {@code 741f803b-c850-494e-b5df-cde7c675a1ca}; may be null
   * @return the permission, or empty for unknown, malformed, blank or null text
   */
  public static Optional<B2cBackupPermission> fromAppRoleId(@Nullable String appRoleId) {
    if (appRoleId == null || appRoleId.length() != 36) {
      return Optional.empty();
    }
    try {
      return fromAppRoleId(UUID.fromString(appRoleId));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }

  /** All fourteen permissions, in catalog order, as an unmodifiable view of an {@link EnumSet}. */
  public static Set<B2cBackupPermission> all() {
    return ALL;
  }

  /**
   * The permissions that became required after catalog version {@code version}: what a tenant that
   * consented when the catalog was at {@code version} must consent to again. Empty when {@code
   * version} is the current one or newer.
   *
   * @param version a catalog version a tenant consented at; 0 means "never consented"
   * @return an unmodifiable set in catalog order
   * @throws IllegalArgumentException if {@code version} is negative
   */
  public static Set<B2cBackupPermission> newlyRequiredSince(int version) {
    if (version < 0) {
      throw new IllegalArgumentException("catalog version must be 0 or more, was " + version);
    }
    EnumSet<B2cBackupPermission> newer = EnumSet.noneOf(B2cBackupPermission.class);
    for (B2cBackupPermission p : values()) {
      if (p.sinceCatalogVersion > version) {
        newer.add(p);
      }
    }
    return Collections.unmodifiableSet(newer);
  }
}
