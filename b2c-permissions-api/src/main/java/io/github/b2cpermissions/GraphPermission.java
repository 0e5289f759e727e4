package io.github.b2cpermissions;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Microsoft Graph application permissions (app roles of Microsoft Graph) that the shipped
 * {@link PermissionProfile}s require, their narrower read roles, and the broader neighbours a
 * tenant may grant instead. It is the typed role type both tenant kinds share: the B2C catalog
 * {@link B2cBackupPermission} names its constant here through {@link
 * B2cBackupPermission#graphPermission()}, and the External ID profiles are built from it directly.
 *
 * <p>Each constant carries the Graph value, the Application app role id of the public cloud (from
 * Microsoft's {@code provisioningInfo.json} in {@code microsoftgraph/microsoft-graph-devx-content},
 * commit 6cbd6bbd), the display name Graph publishes and its {@link PrivilegeClassification}: the
 * {@code privilegeLevel} Microsoft gives it and its tier in two public tiering models (sources
 * named on that class). Lookups are exact and never throw; they return {@link Optional#empty()}.
 */
public enum GraphPermission {
  /** {@code IdentityUserFlow.ReadWrite.All}. */
  IDENTITY_USER_FLOW_READ_WRITE_ALL(
      "IdentityUserFlow.ReadWrite.All",
      "65319a09-a2be-469d-8782-f6b07debf789",
      "Read and write all identity user flows",
      3, 1, null, EamTier.CONTROL_PLANE),
  /** {@code IdentityProvider.ReadWrite.All}. */
  IDENTITY_PROVIDER_READ_WRITE_ALL(
      "IdentityProvider.ReadWrite.All",
      "90db2b9a-d928-4d33-a4dd-8442ae3d41e4",
      "Read and write identity providers",
      4, 1, null, EamTier.CONTROL_PLANE),
  /** {@code Application.ReadWrite.All}. */
  APPLICATION_READ_WRITE_ALL(
      "Application.ReadWrite.All",
      "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9",
      "Read and write all applications",
      4, 0, TieringPath.INDIRECT, EamTier.CONTROL_PLANE),
  /** {@code AuditLog.Read.All}. */
  AUDIT_LOG_READ_ALL(
      "AuditLog.Read.All",
      "b0afded3-3588-46d8-8b3d-9842eff778da",
      "Read all audit log data",
      3, 1, null, EamTier.MANAGEMENT_PLANE),
  /** {@code Directory.Read.All}. */
  DIRECTORY_READ_ALL(
      "Directory.Read.All",
      "7ab1d382-f21e-4acd-a863-ba3e13f7da61",
      "Read directory data",
      3, 2, null, EamTier.USER_ACCESS),
  /** {@code AppRoleAssignment.ReadWrite.All}. */
  APP_ROLE_ASSIGNMENT_READ_WRITE_ALL(
      "AppRoleAssignment.ReadWrite.All",
      "06b708a9-e830-4db3-a914-8e69da51d44f",
      "Manage app permission grants and app role assignments",
      4, 0, TieringPath.INDIRECT, EamTier.CONTROL_PLANE),
  /** {@code RoleManagement.ReadWrite.Directory}. */
  ROLE_MANAGEMENT_READ_WRITE_DIRECTORY(
      "RoleManagement.ReadWrite.Directory",
      "9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8",
      "Read and write all directory RBAC settings",
      4, 0, TieringPath.DIRECT, EamTier.CONTROL_PLANE),
  /** {@code User.ReadWrite.All}. */
  USER_READ_WRITE_ALL(
      "User.ReadWrite.All",
      "741f803b-c850-494e-b5df-cde7c675a1ca",
      "Read and write all users' full profiles",
      4, 0, TieringPath.INDIRECT, EamTier.CONTROL_PLANE),
  /** {@code UserAuthenticationMethod.ReadWrite.All}. */
  USER_AUTHENTICATION_METHOD_READ_WRITE_ALL(
      "UserAuthenticationMethod.ReadWrite.All",
      "50483e42-d915-4231-9639-7fdb7fd190e5",
      "Read and write all users' authentication methods",
      4, 0, TieringPath.DIRECT, EamTier.CONTROL_PLANE),
  /** {@code GroupMember.ReadWrite.All}. */
  GROUP_MEMBER_READ_WRITE_ALL(
      "GroupMember.ReadWrite.All",
      "dbaae8cf-10b5-4b86-a4a1-f871c94c6695",
      "Read and write all group memberships",
      4, 0, TieringPath.INDIRECT, EamTier.CONTROL_PLANE),
  /** {@code User.ManageIdentities.All}. */
  USER_MANAGE_IDENTITIES_ALL(
      "User.ManageIdentities.All",
      "c529cfca-c91b-489c-af2b-d92990b66ce6",
      "Manage all users' identities",
      3, 1, null, EamTier.CONTROL_PLANE),
  /** {@code User-Mail.ReadWrite.All}. */
  USER_MAIL_READ_WRITE_ALL(
      "User-Mail.ReadWrite.All",
      "280d0935-0796-47d1-8d26-273470a3f17a",
      "Read and write all secondary mail addresses for users",
      3, 1, null, EamTier.CONTROL_PLANE),
  /** {@code User-Phone.ReadWrite.All}. */
  USER_PHONE_READ_WRITE_ALL(
      "User-Phone.ReadWrite.All",
      "86ceff06-c822-49ff-989a-d912845ffe69",
      "Read and write all user mobile phone and business phones",
      3, 1, null, EamTier.CONTROL_PLANE),
  /** {@code User.EnableDisableAccount.All}. */
  USER_ENABLE_DISABLE_ACCOUNT_ALL(
      "User.EnableDisableAccount.All",
      "3011c876-62b7-4ada-afa2-506cbbecc68c",
      "Enable and disable user accounts",
      4, 0, TieringPath.DIRECT, EamTier.CONTROL_PLANE),
  /** {@code IdentityUserFlow.Read.All}. */
  IDENTITY_USER_FLOW_READ_ALL(
      "IdentityUserFlow.Read.All",
      "1b0c317f-dd31-4305-9932-259a8b6e8099",
      "Read all identity user flows",
      3, 2, null, EamTier.MANAGEMENT_PLANE),
  /** {@code IdentityProvider.Read.All}. */
  IDENTITY_PROVIDER_READ_ALL(
      "IdentityProvider.Read.All",
      "e321f0bb-e7f7-481e-bb28-e3b0b32d4bd0",
      "Read identity providers",
      3, 2, null, EamTier.MANAGEMENT_PLANE),
  /** {@code Application.Read.All}. */
  APPLICATION_READ_ALL(
      "Application.Read.All",
      "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30",
      "Read all applications",
      3, 2, null, EamTier.USER_ACCESS),
  /** {@code RoleManagement.Read.Directory}. */
  ROLE_MANAGEMENT_READ_DIRECTORY(
      "RoleManagement.Read.Directory",
      "483bed4a-2ad3-4361-a73b-c83ccdbdc53c",
      "Read all directory RBAC settings",
      3, 1, null, EamTier.USER_ACCESS),
  /** {@code User.Read.All}. */
  USER_READ_ALL(
      "User.Read.All",
      "df021288-bdef-4463-88db-98f22de89214",
      "Read all users' full profiles",
      3, 2, null, EamTier.USER_ACCESS),
  /** {@code UserAuthenticationMethod.Read.All}. */
  USER_AUTHENTICATION_METHOD_READ_ALL(
      "UserAuthenticationMethod.Read.All",
      "38d9df27-64da-44fd-b7c5-a6fbac20248f",
      "Read all users' authentication methods",
      3, 2, null, EamTier.USER_ACCESS),
  /** {@code GroupMember.Read.All}. */
  GROUP_MEMBER_READ_ALL(
      "GroupMember.Read.All",
      "98830695-27a2-44f7-8c18-0c3ebc9698f6",
      "Read all group memberships",
      3, 2, null, EamTier.USER_ACCESS),
  /** {@code UserAuthMethod-Phone.Read.All}. */
  USER_AUTH_METHOD_PHONE_READ_ALL(
      "UserAuthMethod-Phone.Read.All",
      "f529a223-ea70-43ec-b268-5012de2fbaa2",
      "Read all users' phone authentication methods",
      3, 2, null, EamTier.USER_ACCESS),
  /** {@code UserAuthMethod-Phone.ReadWrite.All}. */
  USER_AUTH_METHOD_PHONE_READ_WRITE_ALL(
      "UserAuthMethod-Phone.ReadWrite.All",
      "6e85d483-7092-4375-babe-0a94a8213a58",
      "Read and write all users' phone methods",
      3, 0, TieringPath.DIRECT, EamTier.CONTROL_PLANE),
  /** {@code UserAuthMethod-Email.Read.All}. */
  USER_AUTH_METHOD_EMAIL_READ_ALL(
      "UserAuthMethod-Email.Read.All",
      "a1e58be0-1095-422b-b067-73434bd7d40f",
      "Read all users' email methods",
      3, 2, null, EamTier.USER_ACCESS),
  /** {@code UserAuthMethod-Email.ReadWrite.All}. */
  USER_AUTH_METHOD_EMAIL_READ_WRITE_ALL(
      "UserAuthMethod-Email.ReadWrite.All",
      "e8ecb853-1435-4a49-95ba-ec5b31b11672",
      "Read and write all users' email methods",
      3, 1, null, EamTier.CONTROL_PLANE),
  /** {@code UserAuthMethod-Password.Read.All}. */
  USER_AUTH_METHOD_PASSWORD_READ_ALL(
      "UserAuthMethod-Password.Read.All",
      "8d2c17ff-b93d-40d5-9def-d843680509cb",
      "Read all users' password authentication methods",
      3, 2, null, EamTier.USER_ACCESS),
  /** {@code UserAuthMethod-Password.ReadWrite.All}. */
  USER_AUTH_METHOD_PASSWORD_READ_WRITE_ALL(
      "UserAuthMethod-Password.ReadWrite.All",
      "f6d38dfd-ec08-4995-8f07-23e929df0936",
      "Read and write all users' password authentication methods",
      3, -1, null, EamTier.CONTROL_PLANE),
  /** {@code User.ReadBasic.All}. */
  USER_READ_BASIC_ALL(
      "User.ReadBasic.All",
      "97235f07-e226-4f63-ace3-39588e11d3a1",
      "Read all users' basic profiles",
      3, 2, null, EamTier.USER_ACCESS),
  /** {@code Group.Read.All}. */
  GROUP_READ_ALL(
      "Group.Read.All",
      "5b567255-7703-4780-807c-7be8301ae99b",
      "Read all groups",
      3, 1, null, EamTier.USER_ACCESS),
  /** {@code Group.ReadWrite.All}. */
  GROUP_READ_WRITE_ALL(
      "Group.ReadWrite.All",
      "62a82d76-70ea-41e2-9197-370581804d09",
      "Read and write all groups",
      4, 0, TieringPath.INDIRECT, EamTier.CONTROL_PLANE),
  /** {@code GroupMember.ReadBasic.All}. */
  GROUP_MEMBER_READ_BASIC_ALL(
      "GroupMember.ReadBasic.All",
      "8222c640-cae5-4860-8d11-b32cfad95e03",
      "Read all group memberships",
      3, -1, null, null),
  /** {@code Directory.ReadWrite.All}. */
  DIRECTORY_READ_WRITE_ALL(
      "Directory.ReadWrite.All",
      "19dbc75e-c2e2-444c-a770-ec69d8559fc7",
      "Read and write directory data",
      4, 0, TieringPath.INDIRECT, EamTier.CONTROL_PLANE),
  /** {@code User.DeleteRestore.All}. */
  USER_DELETE_RESTORE_ALL(
      "User.DeleteRestore.All",
      "eccc023d-eccf-4e7b-9683-8813ab36cecc",
      "Delete and restore user accounts",
      4, 0, TieringPath.DIRECT, EamTier.CONTROL_PLANE),
  /** {@code Organization.Read.All}. */
  ORGANIZATION_READ_ALL(
      "Organization.Read.All",
      "498476ce-e0fe-48b0-b801-37ba7e2685c6",
      "Read organization information",
      3, 2, null, EamTier.USER_ACCESS),
  /** {@code RoleManagement.Read.All}. */
  ROLE_MANAGEMENT_READ_ALL(
      "RoleManagement.Read.All",
      "c7fbd983-d9aa-4fa7-84b8-17382c103bc4",
      "Read role management data for all RBAC providers",
      3, 1, null, EamTier.USER_ACCESS),
  /** {@code EventListener.Read.All}. */
  EVENT_LISTENER_READ_ALL(
      "EventListener.Read.All",
      "b7f6385c-6ce6-4639-a480-e23c42ed9784",
      "Read all identity authentication event listeners",
      3, 2, null, EamTier.MANAGEMENT_PLANE),
  /** {@code EventListener.ReadWrite.All}. */
  EVENT_LISTENER_READ_WRITE_ALL(
      "EventListener.ReadWrite.All",
      "0edf5e9e-4ce8-468a-8432-d08631d18c43",
      "Read and write all identity authentication event listeners",
      3, 1, null, EamTier.MANAGEMENT_PLANE),
  /** {@code CustomAuthenticationExtension.Read.All}. */
  CUSTOM_AUTHENTICATION_EXTENSION_READ_ALL(
      "CustomAuthenticationExtension.Read.All",
      "88bb2658-5d9e-454f-aacd-a3933e079526",
      "Read all identity custom authentication extensions",
      3, 2, null, EamTier.MANAGEMENT_PLANE),
  /** {@code CustomAuthenticationExtension.ReadWrite.All}. */
  CUSTOM_AUTHENTICATION_EXTENSION_READ_WRITE_ALL(
      "CustomAuthenticationExtension.ReadWrite.All",
      "c2667967-7050-4e7e-b059-4cbbb3811d03",
      "Read and write all identity custom authentication extensions",
      3, 1, null, EamTier.CONTROL_PLANE),
  /** {@code OrganizationalBranding.Read.All}. */
  ORGANIZATIONAL_BRANDING_READ_ALL(
      "OrganizationalBranding.Read.All",
      "eb76ac34-0d62-4454-b97c-185e4250dc20",
      "Read organizational branding information",
      3, 2, null, EamTier.MANAGEMENT_PLANE),
  /** {@code OrganizationalBranding.ReadWrite.All}. */
  ORGANIZATIONAL_BRANDING_READ_WRITE_ALL(
      "OrganizationalBranding.ReadWrite.All",
      "d2ebfbc1-a5f8-424b-83a6-56ab5927a73c",
      "Read and write organizational branding information",
      3, 1, null, EamTier.CONTROL_PLANE),
  /** {@code Policy.Read.AuthenticationMethod}. */
  POLICY_READ_AUTHENTICATION_METHOD(
      "Policy.Read.AuthenticationMethod",
      "8e3bc81b-d2f3-4b7b-838c-32c88218d2f0",
      "Read authentication method policies",
      3, 2, null, EamTier.MANAGEMENT_PLANE),
  /** {@code Policy.ReadWrite.AuthenticationMethod}. */
  POLICY_READ_WRITE_AUTHENTICATION_METHOD(
      "Policy.ReadWrite.AuthenticationMethod",
      "29c18626-4985-4dcd-85c0-193eef327366",
      "Read and write all authentication method policies",
      4, 0, TieringPath.INDIRECT, EamTier.CONTROL_PLANE),
  /** {@code Policy.Read.All}. */
  POLICY_READ_ALL(
      "Policy.Read.All",
      "246dd0d5-5bd0-4def-940b-0421030a5b68",
      "Read your organization's policies",
      3, 1, null, EamTier.MANAGEMENT_PLANE),
  /** {@code Policy.ReadWrite.ConditionalAccess}. */
  POLICY_READ_WRITE_CONDITIONAL_ACCESS(
      "Policy.ReadWrite.ConditionalAccess",
      "01c0a623-fc9b-48e9-b794-0756f8e8f067",
      "Read and write your organization's conditional access policies",
      4, 0, TieringPath.DIRECT, EamTier.CONTROL_PLANE),
  /** {@code Policy.ReadWrite.TrustFramework}. */
  POLICY_READ_WRITE_TRUST_FRAMEWORK(
      "Policy.ReadWrite.TrustFramework",
      "79a677f7-b79d-40d0-a36a-3e6f8688dd7a",
      "Read and write your organization's trust framework policies",
      3, 1, null, EamTier.CONTROL_PLANE),
  /** {@code TrustFrameworkKeySet.Read.All}. */
  TRUST_FRAMEWORK_KEY_SET_READ_ALL(
      "TrustFrameworkKeySet.Read.All",
      "fff194f1-7dce-4428-8301-1badb5518201",
      "Read trust framework key sets",
      3, 2, null, EamTier.CONTROL_PLANE),
  /** {@code TrustFrameworkKeySet.ReadWrite.All}. */
  TRUST_FRAMEWORK_KEY_SET_READ_WRITE_ALL(
      "TrustFrameworkKeySet.ReadWrite.All",
      "4a771c9a-1cf2-4609-b88e-3d3e02d539cd",
      "Read and write trust framework key sets",
      3, 1, null, EamTier.CONTROL_PLANE);

  private static final Map<String, GraphPermission> BY_VALUE = new HashMap<>();
  private static final Map<UUID, GraphPermission> BY_ID = new HashMap<>();
  private static final Map<GraphPermission, GraphPermission> READ_COUNTERPART =
      new EnumMap<>(GraphPermission.class);

  static {
    for (GraphPermission p : values()) {
      BY_VALUE.put(p.value, p);
      BY_ID.put(p.appRoleId, p);
    }
    pair(IDENTITY_USER_FLOW_READ_WRITE_ALL, IDENTITY_USER_FLOW_READ_ALL);
    pair(IDENTITY_PROVIDER_READ_WRITE_ALL, IDENTITY_PROVIDER_READ_ALL);
    pair(APPLICATION_READ_WRITE_ALL, APPLICATION_READ_ALL);
    pair(ROLE_MANAGEMENT_READ_WRITE_DIRECTORY, ROLE_MANAGEMENT_READ_DIRECTORY);
    pair(USER_READ_WRITE_ALL, USER_READ_ALL);
    pair(USER_AUTHENTICATION_METHOD_READ_WRITE_ALL, USER_AUTHENTICATION_METHOD_READ_ALL);
    pair(GROUP_MEMBER_READ_WRITE_ALL, GROUP_MEMBER_READ_ALL);
    pair(USER_AUTH_METHOD_PHONE_READ_WRITE_ALL, USER_AUTH_METHOD_PHONE_READ_ALL);
    pair(USER_AUTH_METHOD_EMAIL_READ_WRITE_ALL, USER_AUTH_METHOD_EMAIL_READ_ALL);
    pair(USER_AUTH_METHOD_PASSWORD_READ_WRITE_ALL, USER_AUTH_METHOD_PASSWORD_READ_ALL);
    pair(GROUP_READ_WRITE_ALL, GROUP_READ_ALL);
    pair(EVENT_LISTENER_READ_WRITE_ALL, EVENT_LISTENER_READ_ALL);
    pair(CUSTOM_AUTHENTICATION_EXTENSION_READ_WRITE_ALL, CUSTOM_AUTHENTICATION_EXTENSION_READ_ALL);
    pair(ORGANIZATIONAL_BRANDING_READ_WRITE_ALL, ORGANIZATIONAL_BRANDING_READ_ALL);
    pair(POLICY_READ_WRITE_AUTHENTICATION_METHOD, POLICY_READ_AUTHENTICATION_METHOD);
    pair(TRUST_FRAMEWORK_KEY_SET_READ_WRITE_ALL, TRUST_FRAMEWORK_KEY_SET_READ_ALL);
  }

  private final String value;
  private final UUID appRoleId;
  private final String displayName;
  private final PrivilegeClassification privilege;

  GraphPermission(
      String value,
      String appRoleId,
      String displayName,
      int microsoftPrivilegeLevel,
      int tieringTier,
      @Nullable TieringPath tieringPath,
      @Nullable EamTier eamTier) {
    this.value = value;
    this.appRoleId = UUID.fromString(appRoleId);
    this.displayName = displayName;
    this.privilege = PrivilegeClassification.of(
        microsoftPrivilegeLevel, tieringTier < 0 ? null : tieringTier, tieringPath, eamTier);
  }

  private static void pair(GraphPermission readWrite, GraphPermission read) {
    READ_COUNTERPART.put(readWrite, read);
  }

  /** The permission value as Graph spells it, for example {@code EventListener.Read.All}. */
  public String value() {
    return value;
  }

  /** The id of the Microsoft Graph app role (Application scheme, public cloud). */
  public UUID appRoleId() {
    return appRoleId;
  }

  /** The display name Graph publishes for this app role. */
  public String displayName() {
    return displayName;
  }

  /** How privileged this permission is, by Microsoft and by two public tiering models. */
  public PrivilegeClassification privilege() {
    return privilege;
  }

  /** This permission as a plain {@link GraphAppRole}. */
  public GraphAppRole asAppRole() {
    return new GraphAppRole(value, appRoleId, displayName);
  }

  /**
   * The narrower read-only role Graph offers for the same data, where this is a read-write role
   * that has one (for example {@code User.Read.All} for {@code User.ReadWrite.All}). Only pairs
   * where Microsoft's permission table lets the read-write role make the read role's reads are
   * linked: {@code Directory.ReadWrite.All} is not, because the table does not let it read the
   * audit log that {@code Directory.Read.All} reads.
   */
  public Optional<GraphPermission> readCounterpart() {
    return Optional.ofNullable(READ_COUNTERPART.get(this));
  }

  /**
   * The read-write role whose {@linkplain #readCounterpart() read counterpart} this is, if any: a
   * role that reads what this one reads, and writes it too.
   */
  public Optional<GraphPermission> broaderCounterpart() {
    for (Map.Entry<GraphPermission, GraphPermission> e : READ_COUNTERPART.entrySet()) {
      if (e.getValue() == this) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  /**
   * Finds a permission by its exact, case-sensitive Graph value.
   *
   * @param value a value such as {@code User.Read.All}; may be null
   * @return the permission, or empty when unknown, blank or null
   */
  public static Optional<GraphPermission> fromValue(@Nullable String value) {
    return Optional.ofNullable(value).map(BY_VALUE::get);
  }

  /**
   * Finds a permission by its app role id.
   *
   * @param appRoleId an app role id; may be null
   * @return the permission, or empty when unknown or null
   */
  public static Optional<GraphPermission> fromAppRoleId(@Nullable UUID appRoleId) {
    return Optional.ofNullable(appRoleId).map(BY_ID::get);
  }

  /** Every read counterpart, keyed by its read-write role; unmodifiable. */
  static Map<GraphPermission, GraphPermission> readCounterparts() {
    return Collections.unmodifiableMap(READ_COUNTERPART);
  }
}
