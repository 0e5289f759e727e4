package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.testkit.internal.Route;
import io.github.b2cpermissions.testkit.internal.Routes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every route the fake serves, and for each Microsoft Graph route the application permissions that
 * allow it. This enum is the fake's single authorization table: a Graph request is allowed when the
 * token's {@code roles} contain every role of at least one entry of {@link #allowedBy()}. Entries
 * are listed as the Graph API reference page named by {@link #docsPage()} lists them, least
 * privileged first.
 *
 * <p>Roles the reference pages list that cannot apply to the fake are left out and say so in a
 * comment: {@code Application.ReadWrite.OwnedBy} only reaches objects the caller owns, and the fake
 * does not authorize by ownership. Where a page omits a role that contains a listed one (a {@code ReadWrite} role
 * next to its {@code Read} role), the containing role is added and marked "implied".
 */
public enum FakeRoute {
  // ---- Microsoft Graph v1.0 -------------------------------------------------------------------

  /** {@code GET /v1.0/organization}. */
  LIST_ORGANIZATION(
      "GET",
      "/v1.0/organization",
      "organization-list",
      false,
      // Application: Organization.Read.All; higher: Directory.Read.All, Organization.ReadWrite.All,
      // Directory.ReadWrite.All; Microsoft's permission table also lists User.Read.All.
      Ladders.ORGANIZATION_READ),

  /** {@code GET /v1.0/organization/{id}}. */
  GET_ORGANIZATION(
      "GET",
      "/v1.0/organization/{id}",
      "organization-get",
      false,
      // Same table as the list (permissions.json lists only User.Read.All for this path: a gap of
      // the table, see PermissionConformanceTest).
      Ladders.ORGANIZATION_READ),

  /**
   * {@code GET /v1.0/organization/{id}/branding}: the default company branding (404 when the tenant
   * has none), or the localization the {@code Accept-Language} header names.
   */
  GET_ORGANIZATION_BRANDING(
      "GET",
      "/v1.0/organization/{id}/branding",
      "organizationalbranding-get",
      false,
      // Application: OrganizationalBranding.Read.All; higher: Organization.Read.All,
      // OrganizationalBranding.ReadWrite.All, Organization.ReadWrite.All.
      Ladders.BRANDING_READ),

  /** {@code GET /v1.0/organization/{id}/branding/localizations}: the default (id {@code 0}) and each locale. */
  LIST_ORGANIZATION_BRANDING_LOCALIZATIONS(
      "GET",
      "/v1.0/organization/{id}/branding/localizations",
      "organizationalbranding-list-localizations",
      false,
      Ladders.BRANDING_READ),

  /** {@code GET /v1.0/organization/{id}/branding/localizations/{localeId}}. */
  GET_ORGANIZATION_BRANDING_LOCALIZATION(
      "GET",
      "/v1.0/organization/{id}/branding/localizations/{localeId}",
      "organizationalbrandinglocalization-get",
      false,
      Ladders.BRANDING_READ),

  /** {@code GET /v1.0/domains}: the tenant's domains, the initial {@code onmicrosoft.com} one first. */
  LIST_DOMAINS(
      "GET",
      "/v1.0/domains",
      "domain-list",
      false,
      // Application: Domain.Read.All; higher: Directory.Read.All, Domain.ReadWrite.All;
      // Directory.ReadWrite.All implied.
      Ladders.DOMAIN_READ),

  /** {@code GET /v1.0/domains/{id}}: by the domain name. */
  GET_DOMAIN("GET", "/v1.0/domains/{id}", "domain-get", false, Ladders.DOMAIN_READ),

  /**
   * {@code GET /v1.0/servicePrincipals(appId='{appId}')}: a service principal by its alternate key.
   * A caller may read its own service principal without any role.
   */
  GET_SERVICE_PRINCIPAL_BY_APP_ID(
      "GET",
      "/v1.0/servicePrincipals(appId='{appId}')",
      "serviceprincipal-get",
      true,
      // Application: Application.Read.All; higher: Application.ReadWrite.OwnedBy (owners only, not
      // modelled), Application.ReadWrite.All, Directory.Read.All; Directory.ReadWrite.All implied.
      Ladders.APPLICATION_READ),

  /** {@code GET /v1.0/servicePrincipals/{id}}. A caller may read itself without any role. */
  GET_SERVICE_PRINCIPAL(
      "GET",
      "/v1.0/servicePrincipals/{id}",
      "serviceprincipal-get",
      true,
      // As above.
      Ladders.APPLICATION_READ),

  /** {@code GET /v1.0/servicePrincipals}, with {@code $filter=appId eq '…'} or without. */
  LIST_SERVICE_PRINCIPALS(
      "GET",
      "/v1.0/servicePrincipals",
      "serviceprincipal-list",
      false,
      // Application: Application.Read.All; higher: Application.ReadWrite.OwnedBy (not modelled),
      // Application.ReadWrite.All, Directory.Read.All; Directory.ReadWrite.All implied.
      Ladders.APPLICATION_READ),

  /** {@code GET /v1.0/servicePrincipals/{id}/appRoleAssignments}: what the principal was granted. */
  LIST_APP_ROLE_ASSIGNMENTS(
      "GET",
      "/v1.0/servicePrincipals/{id}/appRoleAssignments",
      "serviceprincipal-list-approleassignments",
      false,
      // Application: Application.Read.All; higher: Application.ReadWrite.All,
      // Application.ReadWrite.OwnedBy (not modelled), Directory.Read.All, Directory.ReadWrite.All.
      Ladders.APPLICATION_READ),

  /** {@code GET /v1.0/servicePrincipals/{id}/appRoleAssignments/{assignmentId}}. */
  GET_APP_ROLE_ASSIGNMENT(
      "GET",
      "/v1.0/servicePrincipals/{id}/appRoleAssignments/{assignmentId}",
      "serviceprincipal-list-approleassignments",
      false,
      // Read like the list.
      Ladders.APPLICATION_READ),

  /** {@code POST /v1.0/servicePrincipals/{id}/appRoleAssignments}: grants an app role. */
  CREATE_APP_ROLE_ASSIGNMENT(
      "POST",
      "/v1.0/servicePrincipals/{id}/appRoleAssignments",
      "serviceprincipal-post-approleassignments",
      false,
      // Application: AppRoleAssignment.ReadWrite.All and Application.Read.All; higher:
      // AppRoleAssignment.ReadWrite.All and Directory.Read.All; the ReadWrite forms of the second
      // role implied.
      Ladders.APP_ROLE_ASSIGNMENT_CREATE),

  /** {@code DELETE /v1.0/servicePrincipals/{id}/appRoleAssignments/{assignmentId}}: revokes. */
  DELETE_APP_ROLE_ASSIGNMENT(
      "DELETE",
      "/v1.0/servicePrincipals/{id}/appRoleAssignments/{assignmentId}",
      "serviceprincipal-delete-approleassignments",
      false,
      // Application: AppRoleAssignment.ReadWrite.All; some revisions of the page add
      // Application.ReadWrite.All as the higher privileged permission.
      Ladders.APP_ROLE_ASSIGNMENT_DELETE),

  /** {@code GET /v1.0/servicePrincipals/{id}/appRoleAssignedTo}: grants of this resource's roles. */
  LIST_APP_ROLE_ASSIGNED_TO(
      "GET",
      "/v1.0/servicePrincipals/{id}/appRoleAssignedTo",
      "serviceprincipal-list-approleassignedto",
      false,
      // Application: Application.Read.All; higher: Application.ReadWrite.OwnedBy (not modelled),
      // Directory.Read.All, Application.ReadWrite.All, Directory.ReadWrite.All.
      Ladders.APPLICATION_READ_DIRECTORY_FIRST),

  /**
   * {@code POST /v1.0/servicePrincipals/{id}/appRoleAssignedTo}: grants one of this resource's
   * roles to the principal the body names (the resource-side form of the create above).
   */
  CREATE_APP_ROLE_ASSIGNED_TO(
      "POST",
      "/v1.0/servicePrincipals/{id}/appRoleAssignedTo",
      "serviceprincipal-post-approleassignedto",
      false,
      // Application: AppRoleAssignment.ReadWrite.All and Application.Read.All; higher:
      // AppRoleAssignment.ReadWrite.All and Directory.Read.All (permissions.json, like the create
      // from the principal's side).
      Ladders.APP_ROLE_ASSIGNMENT_CREATE),

  // ---- B2C data: users ------------------------------------------------------------------------

  /** {@code GET /v1.0/users}. */
  LIST_USERS(
      "GET",
      "/v1.0/users",
      "user-list",
      false,
      // Application: User.ReadBasic.All (the basic profile only: the reply holds the basic
      // properties, and $select of another one is refused with 403); User.Read.All; higher:
      // User.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All.
      Ladders.USER_READ),

  /** {@code GET /v1.0/users/{id}}: by object id or userPrincipalName; basic profile as for the list. */
  GET_USER("GET", "/v1.0/users/{id}", "user-get", false, Ladders.USER_READ),

  /**
   * {@code GET /v1.0/users/delta}: Graph's change tracking of users, a first round over every user and
   * later rounds from its {@code @odata.deltaLink}. Graph refuses it in B2C and External ID tenants.
   */
  USERS_DELTA(
      "GET",
      "/v1.0/users/delta",
      "user-delta",
      false,
      // Application: User.Read.All; higher: Directory.Read.All, Directory.ReadWrite.All,
      // User.ReadWrite.All. User.ReadBasic.All is not listed for delta.
      Ladders.USER_READ_BEYOND_BASIC),

  /** {@code POST /v1.0/users}: creates a user, identities, phones and other mails included. */
  CREATE_USER(
      "POST",
      "/v1.0/users",
      "user-post-users",
      false,
      // Application: User.ReadWrite.All; higher: Directory.ReadWrite.All.
      Ladders.USER_WRITE),

  /**
   * {@code PATCH /v1.0/users/{id}}: the properties without a finer permission of their own. A PATCH
   * is allowed when every property it sets is allowed, by this entry or by the property's own
   * entry ({@link #UPDATE_USER_IDENTITIES}, {@link #UPDATE_USER_ACCOUNT_ENABLED}, {@link
   * #UPDATE_USER_OTHER_MAILS}, {@link #UPDATE_USER_PHONES}); the router only ever reports this
   * entry.
   */
  UPDATE_USER(
      "PATCH",
      "/v1.0/users/{id}",
      "user-update",
      false,
      // Application: User.ReadWrite.All; higher: Directory.ReadWrite.All. The page lists the
      // fine-grained roles below as least privileged, each for its own properties only.
      Ladders.USER_WRITE),

  /** The {@code identities} property of {@code PATCH /v1.0/users/{id}}. */
  UPDATE_USER_IDENTITIES(
      "PATCH",
      "/v1.0/users/{id}",
      "user-update",
      false,
      // "Updating the identities property requires the User.ManageIdentities.All permission": the
      // fake takes the sentence literally, User.ReadWrite.All does not do.
      Ladders.USER_IDENTITIES_WRITE),

  /** The {@code accountEnabled} property of {@code PATCH /v1.0/users/{id}}. */
  UPDATE_USER_ACCOUNT_ENABLED(
      "PATCH",
      "/v1.0/users/{id}",
      "user-update",
      false,
      // User.EnableDisableAccount.All with User.Read.All is the least privileged combination
      // (with Directory.Read.All, which contains User.Read.All: implied); higher:
      // User.ReadWrite.All, Directory.ReadWrite.All.
      Ladders.USER_ACCOUNT_ENABLED_WRITE),

  /** The {@code otherMails} property of {@code PATCH /v1.0/users/{id}}. */
  UPDATE_USER_OTHER_MAILS(
      "PATCH",
      "/v1.0/users/{id}",
      "user-update",
      false,
      // User-Mail.ReadWrite.All; higher: User.ReadWrite.All, Directory.ReadWrite.All.
      Ladders.USER_MAIL_WRITE),

  /** The {@code mobilePhone} and {@code businessPhones} properties of {@code PATCH /v1.0/users/{id}}. */
  UPDATE_USER_PHONES(
      "PATCH",
      "/v1.0/users/{id}",
      "user-update",
      false,
      // User-Phone.ReadWrite.All; higher: User.ReadWrite.All, Directory.ReadWrite.All.
      Ladders.USER_PHONE_WRITE),

  /** {@code DELETE /v1.0/users/{id}}. */
  DELETE_USER(
      "DELETE",
      "/v1.0/users/{id}",
      "user-delete",
      false,
      // Application: User.DeleteRestore.All or User.ReadWrite.All. Directory.ReadWrite.All does not
      // allow deleting users.
      Ladders.USER_DELETE),

  /**
   * {@code GET /v1.0/users/{id}/memberOf}: the groups and directory roles the user is a direct member
   * of, as directory objects.
   */
  LIST_USER_MEMBER_OF(
      "GET",
      "/v1.0/users/{id}/memberOf",
      "user-list-memberof",
      false,
      // Application: Directory.Read.All; Microsoft's table also lists Group.ReadBasic.All and
      // GroupMember.ReadBasic.All; higher: Directory.ReadWrite.All.
      Ladders.USER_MEMBER_OF_READ),

  /**
   * {@code GET /v1.0/users/{id}/appRoleAssignments}: the app roles granted to the user (the fake
   * grants app roles to service principals only, so a user's list is empty).
   */
  LIST_USER_APP_ROLE_ASSIGNMENTS(
      "GET",
      "/v1.0/users/{id}/appRoleAssignments",
      "user-list-approleassignments",
      false,
      // permissions.json, application scheme: Directory.Read.All (least privileged),
      // AppRoleAssignment.ReadWrite.All; Directory.ReadWrite.All implied.
      Ladders.USER_APP_ROLE_ASSIGNMENTS_READ),

  // ---- B2C data: authentication methods -------------------------------------------------------

  /** {@code GET /v1.0/users/{id}/authentication/methods}: every method of the user. */
  LIST_AUTHENTICATION_METHODS(
      "GET", "/v1.0/users/{id}/authentication/methods", "authentication-list-methods", false, Ladders.METHOD_READ),

  /** {@code GET /v1.0/users/{id}/authentication/phoneMethods}. */
  LIST_PHONE_METHODS(
      "GET", "/v1.0/users/{id}/authentication/phoneMethods", "authentication-list-phonemethods", false, Ladders.PHONE_METHOD_READ),

  /** {@code GET /v1.0/users/{id}/authentication/phoneMethods/{methodId}}. */
  GET_PHONE_METHOD(
      "GET",
      "/v1.0/users/{id}/authentication/phoneMethods/{methodId}",
      "phoneauthenticationmethod-get",
      false,
      Ladders.PHONE_METHOD_READ),

  /** {@code POST /v1.0/users/{id}/authentication/phoneMethods}. */
  CREATE_PHONE_METHOD(
      "POST",
      "/v1.0/users/{id}/authentication/phoneMethods",
      "authentication-post-phonemethods",
      false,
      // Application: UserAuthMethod-Phone.ReadWrite.All; higher: UserAuthenticationMethod.ReadWrite.All.
      Ladders.PHONE_METHOD_WRITE),

  /** {@code DELETE /v1.0/users/{id}/authentication/phoneMethods/{methodId}}. */
  DELETE_PHONE_METHOD(
      "DELETE",
      "/v1.0/users/{id}/authentication/phoneMethods/{methodId}",
      "phoneauthenticationmethod-delete",
      false,
      Ladders.PHONE_METHOD_WRITE),

  /** {@code GET /v1.0/users/{id}/authentication/emailMethods}. */
  LIST_EMAIL_METHODS(
      "GET", "/v1.0/users/{id}/authentication/emailMethods", "authentication-list-emailmethods", false, Ladders.EMAIL_METHOD_READ),

  /** {@code GET /v1.0/users/{id}/authentication/emailMethods/{methodId}}. */
  GET_EMAIL_METHOD(
      "GET",
      "/v1.0/users/{id}/authentication/emailMethods/{methodId}",
      "emailauthenticationmethod-get",
      false,
      Ladders.EMAIL_METHOD_READ),

  /** {@code POST /v1.0/users/{id}/authentication/emailMethods}. */
  CREATE_EMAIL_METHOD(
      "POST",
      "/v1.0/users/{id}/authentication/emailMethods",
      "authentication-post-emailmethods",
      false,
      Ladders.EMAIL_METHOD_WRITE),

  /** {@code DELETE /v1.0/users/{id}/authentication/emailMethods/{methodId}}. */
  DELETE_EMAIL_METHOD(
      "DELETE",
      "/v1.0/users/{id}/authentication/emailMethods/{methodId}",
      "emailauthenticationmethod-delete",
      false,
      Ladders.EMAIL_METHOD_WRITE),

  /**
   * {@code GET /v1.0/users/{id}/authentication/passwordMethods}: the password method of a local
   * account (Graph never returns the password itself: {@code password} is null).
   */
  LIST_PASSWORD_METHODS(
      "GET",
      "/v1.0/users/{id}/authentication/passwordMethods",
      "authentication-list-passwordmethods",
      false,
      // Application: UserAuthMethod-Password.Read.All (least; with its ReadWrite form not published
      // by the fake's Graph service principal, so left out); higher:
      // UserAuthenticationMethod.Read.All, UserAuthenticationMethod.ReadWrite.All.
      Ladders.METHOD_READ),

  /** {@code GET /v1.0/users/{id}/authentication/passwordMethods/{methodId}}. */
  GET_PASSWORD_METHOD(
      "GET",
      "/v1.0/users/{id}/authentication/passwordMethods/{methodId}",
      "passwordauthenticationmethod-get",
      false,
      Ladders.METHOD_READ),

  // ---- B2C data: groups -----------------------------------------------------------------------

  /** {@code GET /v1.0/groups}. */
  LIST_GROUPS(
      "GET",
      "/v1.0/groups",
      "group-list",
      false,
      // Application: Group.ReadBasic.All; higher: GroupMember.Read.All, Group.Read.All,
      // Directory.Read.All, Group.ReadWrite.All, Directory.ReadWrite.All; GroupMember.ReadWrite.All
      // implied.
      Ladders.GROUP_READ),

  /** {@code GET /v1.0/groups/{id}}. */
  GET_GROUP("GET", "/v1.0/groups/{id}", "group-get", false, Ladders.GROUP_READ),

  /** {@code GET /v1.0/groups/delta}: change tracking of groups, as {@link #USERS_DELTA} for users. */
  GROUPS_DELTA(
      "GET",
      "/v1.0/groups/delta",
      "group-delta",
      false,
      // Application: Group.ReadBasic.All; higher: GroupMember.Read.All, Group.Read.All,
      // Directory.Read.All, Group.ReadWrite.All, Directory.ReadWrite.All; GroupMember.ReadWrite.All
      // implied (Group-NestingSupport.ReadWrite.All is not published by the fake's Graph).
      Ladders.GROUP_READ),

  /** {@code POST /v1.0/groups}: creates a security group. */
  CREATE_GROUP(
      "POST",
      "/v1.0/groups",
      "group-post-groups",
      false,
      // Application: Group.Create; higher: Directory.ReadWrite.All, Group.ReadWrite.All. The fake's
      // Graph service principal does not publish Group.Create (it is not in the reference role
      // table), so only the higher roles can be granted here.
      Ladders.GROUP_CREATE),

  /** {@code DELETE /v1.0/groups/{id}}. */
  DELETE_GROUP(
      "DELETE",
      "/v1.0/groups/{id}",
      "group-delete",
      false,
      // Application: Group.ReadWrite.All only: Directory.ReadWrite.All does not allow deleting groups.
      Ladders.GROUP_DELETE),

  /** {@code GET /v1.0/groups/{id}/members}. */
  LIST_GROUP_MEMBERS(
      "GET",
      "/v1.0/groups/{id}/members",
      "group-list-members",
      false,
      // Application: GroupMember.ReadBasic.All; higher: GroupMember.Read.All, Group.ReadBasic.All,
      // Group.Read.All, Directory.Read.All, GroupMember.ReadWrite.All, Group.ReadWrite.All;
      // Directory.ReadWrite.All implied.
      Ladders.GROUP_MEMBERS_READ),

  /** {@code GET /v1.0/groups/{id}/owners}: the users who own the group, as directory objects. */
  LIST_GROUP_OWNERS(
      "GET",
      "/v1.0/groups/{id}/owners",
      "group-list-owners",
      false,
      // permissions.json, application scheme: GroupMember.Read.All (least privileged), Group.Read.All,
      // GroupMember.ReadWrite.All, Group.ReadWrite.All, Directory.Read.All; Directory.ReadWrite.All implied.
      Ladders.GROUP_OWNERS_READ),

  /** {@code POST /v1.0/groups/{id}/owners/$ref}: adds a user as an owner. */
  ADD_GROUP_OWNER(
      "POST",
      "/v1.0/groups/{id}/owners/$ref",
      "group-post-owners",
      false,
      // permissions.json, application scheme: Group.ReadWrite.All (least privileged), Directory.ReadWrite.All.
      Ladders.GROUP_OWNERS_WRITE),

  /** {@code DELETE /v1.0/groups/{id}/owners/{ownerId}/$ref}: removes an owner. */
  REMOVE_GROUP_OWNER(
      "DELETE", "/v1.0/groups/{id}/owners/{ownerId}/$ref", "group-delete-owners", false, Ladders.GROUP_OWNERS_WRITE),

  /** {@code POST /v1.0/groups/{id}/members/$ref}: adds a member by {@code @odata.id}. */
  ADD_GROUP_MEMBER(
      "POST",
      "/v1.0/groups/{id}/members/$ref",
      "group-post-members",
      false,
      // Application: GroupMember.ReadWrite.All; higher: Group.ReadWrite.All, Directory.ReadWrite.All.
      Ladders.GROUP_WRITE),

  /** {@code DELETE /v1.0/groups/{id}/members/{memberId}/$ref}: removes a member. */
  REMOVE_GROUP_MEMBER(
      "DELETE", "/v1.0/groups/{id}/members/{memberId}/$ref", "group-delete-members", false, Ladders.GROUP_WRITE),

  // ---- B2C data: user flows (beta only in Graph) and identity providers -----------------------

  /** {@code GET /beta/identity/b2cUserFlows}. */
  LIST_B2C_USER_FLOWS(
      "GET",
      "/beta/identity/b2cUserFlows",
      "identitycontainer-list-b2cuserflows",
      false,
      // Application: IdentityUserFlow.Read.All; higher: IdentityUserFlow.ReadWrite.All.
      Ladders.USER_FLOW_READ),

  /** {@code GET /beta/identity/b2cUserFlows/{id}}. */
  GET_B2C_USER_FLOW("GET", "/beta/identity/b2cUserFlows/{id}", "b2cidentityuserflow-get", false, Ladders.USER_FLOW_READ),

  /** {@code GET /beta/identity/b2cUserFlows/{id}/identityProviders}: the flow's sign-in providers. */
  LIST_B2C_USER_FLOW_IDENTITY_PROVIDERS(
      "GET",
      "/beta/identity/b2cUserFlows/{id}/identityProviders",
      "b2cidentityuserflow-list-identityproviders",
      false,
      // Application: IdentityUserFlow.ReadWrite.All; the Read role does not allow this navigation.
      Ladders.USER_FLOW_WRITE),

  /** {@code GET /beta/identity/b2cUserFlows/{id}/userAttributeAssignments}. */
  LIST_B2C_USER_FLOW_ATTRIBUTE_ASSIGNMENTS(
      "GET",
      "/beta/identity/b2cUserFlows/{id}/userAttributeAssignments",
      "b2cidentityuserflow-list-userattributeassignments",
      false,
      Ladders.USER_FLOW_READ),

  /** {@code GET /beta/identity/b2cUserFlows/{id}/languages}: the languages a flow can be customized in. */
  LIST_B2C_USER_FLOW_LANGUAGES(
      "GET",
      "/beta/identity/b2cUserFlows/{id}/languages",
      "b2cidentityuserflow-list-languages",
      false,
      // Application: IdentityUserFlow.Read.All; higher: IdentityUserFlow.ReadWrite.All.
      Ladders.USER_FLOW_READ),

  /** {@code GET /beta/identity/b2cUserFlows/{id}/languages/{languageId}}. */
  GET_B2C_USER_FLOW_LANGUAGE(
      "GET",
      "/beta/identity/b2cUserFlows/{id}/languages/{languageId}",
      "userflowlanguageconfiguration-get",
      false,
      Ladders.USER_FLOW_READ),

  /** {@code GET /beta/identity/b2cUserFlows/{id}/languages/{languageId}/defaultPages}: the pages Graph ships. */
  LIST_B2C_USER_FLOW_LANGUAGE_DEFAULT_PAGES(
      "GET",
      "/beta/identity/b2cUserFlows/{id}/languages/{languageId}/defaultPages",
      "userflowlanguageconfiguration-list-defaultpages",
      false,
      Ladders.USER_FLOW_READ),

  /** {@code GET /beta/identity/b2cUserFlows/{id}/languages/{languageId}/overridesPages}: the tenant's overrides. */
  LIST_B2C_USER_FLOW_LANGUAGE_OVERRIDES_PAGES(
      "GET",
      "/beta/identity/b2cUserFlows/{id}/languages/{languageId}/overridesPages",
      "userflowlanguageconfiguration-list-overridespages",
      false,
      Ladders.USER_FLOW_READ),

  /** {@code POST /beta/identity/b2cUserFlows}. */
  CREATE_B2C_USER_FLOW(
      "POST",
      "/beta/identity/b2cUserFlows",
      "identitycontainer-post-b2cuserflows",
      false,
      // Application: IdentityUserFlow.ReadWrite.All.
      Ladders.USER_FLOW_WRITE),

  /**
   * {@code PATCH /beta/identity/b2cUserFlows/{id}}: Graph lets {@code isLanguageCustomizationEnabled}
   * and {@code defaultLanguageTag} change after creation.
   */
  UPDATE_B2C_USER_FLOW(
      "PATCH",
      "/beta/identity/b2cUserFlows/{id}",
      "b2cidentityuserflow-update",
      false,
      // Application: IdentityUserFlow.ReadWrite.All.
      Ladders.USER_FLOW_WRITE),

  /**
   * {@code POST /beta/identity/b2cUserFlows/{id}/identityProviders/$ref}: adds an identity provider
   * to a flow by {@code @odata.id}.
   */
  ADD_B2C_USER_FLOW_IDENTITY_PROVIDER(
      "POST",
      "/beta/identity/b2cUserFlows/{id}/identityProviders/$ref",
      "b2cidentityuserflow-post-identityproviders",
      false,
      // Application: IdentityUserFlow.ReadWrite.All.
      Ladders.USER_FLOW_WRITE),

  /**
   * {@code DELETE /beta/identity/b2cUserFlows/{id}/identityProviders/{providerId}/$ref}: removes an
   * identity provider from a flow.
   */
  REMOVE_B2C_USER_FLOW_IDENTITY_PROVIDER(
      "DELETE",
      "/beta/identity/b2cUserFlows/{id}/identityProviders/{providerId}/$ref",
      "b2cidentityuserflow-delete-identityproviders",
      false,
      Ladders.USER_FLOW_WRITE),

  /**
   * {@code POST /beta/identity/b2cUserFlows/{id}/userAttributeAssignments}: assigns a user attribute
   * to a flow.
   */
  CREATE_B2C_USER_FLOW_ATTRIBUTE_ASSIGNMENT(
      "POST",
      "/beta/identity/b2cUserFlows/{id}/userAttributeAssignments",
      "b2cidentityuserflow-post-userattributeassignments",
      false,
      // Application: IdentityUserFlow.ReadWrite.All.
      Ladders.USER_FLOW_WRITE),

  /**
   * {@code DELETE /beta/identity/b2cUserFlows/{id}/userAttributeAssignments/{attributeId}}: removes
   * a user attribute from a flow.
   */
  DELETE_B2C_USER_FLOW_ATTRIBUTE_ASSIGNMENT(
      "DELETE",
      "/beta/identity/b2cUserFlows/{id}/userAttributeAssignments/{attributeId}",
      "identityuserflowattributeassignment-delete",
      false,
      Ladders.USER_FLOW_WRITE),

  /** {@code DELETE /beta/identity/b2cUserFlows/{id}}. */
  DELETE_B2C_USER_FLOW(
      "DELETE",
      "/beta/identity/b2cUserFlows/{id}",
      "b2cidentityuserflow-delete",
      false,
      Ladders.USER_FLOW_WRITE),

  /** {@code GET /v1.0/identity/identityProviders}. */
  LIST_IDENTITY_PROVIDERS(
      "GET",
      "/v1.0/identity/identityProviders",
      "identitycontainer-list-identityproviders",
      false,
      // Application: IdentityProvider.Read.All; higher: IdentityProvider.ReadWrite.All.
      Ladders.IDENTITY_PROVIDER_READ),

  /** {@code GET /v1.0/identity/identityProviders/{id}}. */
  GET_IDENTITY_PROVIDER(
      "GET", "/v1.0/identity/identityProviders/{id}", "identityproviderbase-get", false, Ladders.IDENTITY_PROVIDER_READ),

  /** {@code POST /v1.0/identity/identityProviders}. */
  CREATE_IDENTITY_PROVIDER(
      "POST",
      "/v1.0/identity/identityProviders",
      "identitycontainer-post-identityproviders",
      false,
      // Application: IdentityProvider.ReadWrite.All.
      Ladders.IDENTITY_PROVIDER_WRITE),

  /** {@code PATCH /v1.0/identity/identityProviders/{id}}. */
  UPDATE_IDENTITY_PROVIDER(
      "PATCH",
      "/v1.0/identity/identityProviders/{id}",
      "identityproviderbase-update",
      false,
      Ladders.IDENTITY_PROVIDER_WRITE),

  /** {@code DELETE /v1.0/identity/identityProviders/{id}}. */
  DELETE_IDENTITY_PROVIDER(
      "DELETE",
      "/v1.0/identity/identityProviders/{id}",
      "identityproviderbase-delete",
      false,
      Ladders.IDENTITY_PROVIDER_WRITE),

  /** {@code GET /v1.0/identity/userFlowAttributes}: the built-in and custom (extension) attributes. */
  LIST_USER_FLOW_ATTRIBUTES(
      "GET",
      "/v1.0/identity/userFlowAttributes",
      "identitycontainer-list-userflowattributes",
      false,
      // Application: IdentityUserFlow.Read.All; higher: IdentityUserFlow.ReadWrite.All.
      Ladders.USER_FLOW_READ),

  /** {@code GET /v1.0/identity/userFlowAttributes/{id}}: by the attribute's id. */
  GET_USER_FLOW_ATTRIBUTE(
      "GET",
      "/v1.0/identity/userFlowAttributes/{id}",
      "identityuserflowattribute-get",
      false,
      Ladders.USER_FLOW_READ),

  /** {@code GET /v1.0/identity/apiConnectors}: the REST APIs user flows call; secrets never returned. */
  LIST_API_CONNECTORS(
      "GET",
      "/v1.0/identity/apiConnectors",
      "identityapiconnector-list",
      false,
      // Application: APIConnectors.ReadWrite.All, for reads too (no higher role).
      Ladders.API_CONNECTOR),

  /** {@code GET /v1.0/identity/apiConnectors/{id}}. */
  GET_API_CONNECTOR("GET", "/v1.0/identity/apiConnectors/{id}", "identityapiconnector-get", false, Ladders.API_CONNECTOR),

  /** {@code POST /v1.0/identity/apiConnectors}: with basic or client certificate authentication. */
  CREATE_API_CONNECTOR("POST", "/v1.0/identity/apiConnectors", "identityapiconnector-create", false, Ladders.API_CONNECTOR),

  /** {@code PATCH /v1.0/identity/apiConnectors/{id}}. */
  UPDATE_API_CONNECTOR("PATCH", "/v1.0/identity/apiConnectors/{id}", "identityapiconnector-update", false, Ladders.API_CONNECTOR),

  /** {@code DELETE /v1.0/identity/apiConnectors/{id}}. */
  DELETE_API_CONNECTOR("DELETE", "/v1.0/identity/apiConnectors/{id}", "identityapiconnector-delete", false, Ladders.API_CONNECTOR),

  // ---- External ID data: user flows, custom authentication extensions, sign-in methods --------

  /** {@code GET /v1.0/identity/authenticationEventsFlows}: the tenant's user flows ({@code externalUsersSelfServiceSignUpEventsFlow}). */
  LIST_AUTHENTICATION_EVENTS_FLOWS(
      "GET",
      "/v1.0/identity/authenticationEventsFlows",
      "identitycontainer-list-authenticationeventsflows",
      false,
      // permissions.json, application scheme: EventListener.Read.All (least privileged), EventListener.ReadWrite.All.
      Ladders.EVENT_LISTENER_READ),

  /** {@code GET /v1.0/identity/authenticationEventsFlows/{id}}. */
  GET_AUTHENTICATION_EVENTS_FLOW(
      "GET", "/v1.0/identity/authenticationEventsFlows/{id}", "authenticationeventsflow-get", false, Ladders.EVENT_LISTENER_READ),

  /** {@code POST /v1.0/identity/authenticationEventsFlows}: creates a sign-up and sign-in flow. */
  CREATE_AUTHENTICATION_EVENTS_FLOW(
      "POST",
      "/v1.0/identity/authenticationEventsFlows",
      "identitycontainer-post-authenticationeventsflows",
      false,
      // permissions.json, application scheme: EventListener.ReadWrite.All.
      Ladders.EVENT_LISTENER_WRITE),

  /** {@code PATCH /v1.0/identity/authenticationEventsFlows/{id}}: the flow's name, description and event handlers. */
  UPDATE_AUTHENTICATION_EVENTS_FLOW(
      "PATCH", "/v1.0/identity/authenticationEventsFlows/{id}", "authenticationeventsflow-update", false, Ladders.EVENT_LISTENER_WRITE),

  /** {@code DELETE /v1.0/identity/authenticationEventsFlows/{id}}. */
  DELETE_AUTHENTICATION_EVENTS_FLOW(
      "DELETE", "/v1.0/identity/authenticationEventsFlows/{id}", "authenticationeventsflow-delete", false, Ladders.EVENT_LISTENER_WRITE),

  /** {@code GET …/{id}/conditions/applications/includeApplications}: the apps whose sign-in runs the flow. */
  LIST_AUTHENTICATION_EVENTS_FLOW_APPLICATIONS(
      "GET",
      "/v1.0/identity/authenticationEventsFlows/{id}/conditions/applications/includeApplications",
      "authenticationconditionsapplications-list-includeapplications",
      false,
      Ladders.EVENT_LISTENER_READ),

  /** {@code POST …/{id}/conditions/applications/includeApplications}: links an app by its {@code appId}. */
  ADD_AUTHENTICATION_EVENTS_FLOW_APPLICATION(
      "POST",
      "/v1.0/identity/authenticationEventsFlows/{id}/conditions/applications/includeApplications",
      "authenticationconditionsapplications-post-includeapplications",
      false,
      Ladders.EVENT_LISTENER_WRITE),

  /** {@code DELETE …/{id}/conditions/applications/includeApplications/{appId}}: unlinks an app. */
  REMOVE_AUTHENTICATION_EVENTS_FLOW_APPLICATION(
      "DELETE",
      "/v1.0/identity/authenticationEventsFlows/{id}/conditions/applications/includeApplications/{appId}",
      "authenticationconditionapplication-delete",
      false,
      Ladders.EVENT_LISTENER_WRITE),

  /** {@code GET …/onAttributeCollection/…/attributes}: the user flow attributes the flow collects at sign-up. */
  LIST_AUTHENTICATION_EVENTS_FLOW_ATTRIBUTES(
      "GET",
      "/v1.0/identity/authenticationEventsFlows/{id}/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAttributeCollection/microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp/attributes",
      "onattributecollectionexternalusersselfservicesignup-list-attributes",
      false,
      // permissions.json, application scheme: EventListener.Read.All (least privileged), EventListener.ReadWrite.All.
      Ladders.EVENT_LISTENER_READ),

  /** {@code POST …/attributes/$ref}: adds a user flow attribute by {@code @odata.id}. */
  ADD_AUTHENTICATION_EVENTS_FLOW_ATTRIBUTE(
      "POST",
      "/v1.0/identity/authenticationEventsFlows/{id}/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAttributeCollection/microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp/attributes/$ref",
      "onattributecollectionexternalusersselfservicesignup-post-attributes",
      false,
      Ladders.EVENT_LISTENER_WRITE),

  /** {@code DELETE …/attributes/{attributeId}/$ref}: removes a user flow attribute from the flow. */
  REMOVE_AUTHENTICATION_EVENTS_FLOW_ATTRIBUTE(
      "DELETE",
      "/v1.0/identity/authenticationEventsFlows/{id}/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAttributeCollection/microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp/attributes/{attributeId}/$ref",
      "onattributecollectionexternalusersselfservicesignup-delete-attributes",
      false,
      Ladders.EVENT_LISTENER_WRITE),

  /** {@code GET …/onAuthenticationMethodLoadStart/…/identityProviders}: the sign-in options the flow offers. */
  LIST_AUTHENTICATION_EVENTS_FLOW_IDENTITY_PROVIDERS(
      "GET",
      "/v1.0/identity/authenticationEventsFlows/{id}/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAuthenticationMethodLoadStart/microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp/identityProviders",
      "onauthenticationmethodloadstartexternalusersselfservicesignup-list-identityproviders",
      false,
      Ladders.EVENT_LISTENER_READ),

  /** {@code POST …/identityProviders/$ref}: adds an identity provider by {@code @odata.id}. */
  ADD_AUTHENTICATION_EVENTS_FLOW_IDENTITY_PROVIDER(
      "POST",
      "/v1.0/identity/authenticationEventsFlows/{id}/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAuthenticationMethodLoadStart/microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp/identityProviders/$ref",
      "onauthenticationmethodloadstartexternalusersselfservicesignup-post-identityproviders",
      false,
      Ladders.EVENT_LISTENER_WRITE),

  /** {@code DELETE …/identityProviders/{providerId}/$ref}: removes an identity provider from the flow. */
  REMOVE_AUTHENTICATION_EVENTS_FLOW_IDENTITY_PROVIDER(
      "DELETE",
      "/v1.0/identity/authenticationEventsFlows/{id}/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAuthenticationMethodLoadStart/microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp/identityProviders/{providerId}/$ref",
      "onauthenticationmethodloadstartexternalusersselfservicesignup-delete-identityproviders",
      false,
      Ladders.EVENT_LISTENER_WRITE),

  /** {@code GET /v1.0/identity/customAuthenticationExtensions}: the REST APIs the tenant calls during sign-in and sign-up. */
  LIST_CUSTOM_AUTHENTICATION_EXTENSIONS(
      "GET",
      "/v1.0/identity/customAuthenticationExtensions",
      "identitycontainer-list-customauthenticationextensions",
      false,
      // permissions.json, application scheme: CustomAuthenticationExtension.Read.All (least privileged),
      // CustomAuthenticationExtension.ReadWrite.All.
      Ladders.CUSTOM_EXTENSION_READ),

  /** {@code GET /v1.0/identity/customAuthenticationExtensions/{id}}. */
  GET_CUSTOM_AUTHENTICATION_EXTENSION(
      "GET", "/v1.0/identity/customAuthenticationExtensions/{id}", "customauthenticationextension-get", false, Ladders.CUSTOM_EXTENSION_READ),

  /** {@code POST /v1.0/identity/customAuthenticationExtensions}. */
  CREATE_CUSTOM_AUTHENTICATION_EXTENSION(
      "POST",
      "/v1.0/identity/customAuthenticationExtensions",
      "identitycontainer-post-customauthenticationextensions",
      false,
      // permissions.json, application scheme: CustomAuthenticationExtension.ReadWrite.All.
      Ladders.CUSTOM_EXTENSION_WRITE),

  /** {@code PATCH /v1.0/identity/customAuthenticationExtensions/{id}}. */
  UPDATE_CUSTOM_AUTHENTICATION_EXTENSION(
      "PATCH", "/v1.0/identity/customAuthenticationExtensions/{id}", "customauthenticationextension-update", false, Ladders.CUSTOM_EXTENSION_WRITE),

  /** {@code DELETE /v1.0/identity/customAuthenticationExtensions/{id}}. */
  DELETE_CUSTOM_AUTHENTICATION_EXTENSION(
      "DELETE", "/v1.0/identity/customAuthenticationExtensions/{id}", "customauthenticationextension-delete", false, Ladders.CUSTOM_EXTENSION_WRITE),

  /** {@code GET /v1.0/policies/authenticationMethodsPolicy}: which sign-in methods the tenant allows, without the method configurations. */
  GET_AUTHENTICATION_METHODS_POLICY(
      "GET",
      "/v1.0/policies/authenticationMethodsPolicy",
      "authenticationmethodspolicy-get",
      false,
      // permissions.json, application scheme: Policy.Read.AuthenticationMethod (least privileged),
      // Policy.Read.All, Policy.ReadWrite.AuthenticationMethod.
      Ladders.METHOD_POLICY_READ),

  /** {@code PATCH /v1.0/policies/authenticationMethodsPolicy}. */
  UPDATE_AUTHENTICATION_METHODS_POLICY(
      "PATCH",
      "/v1.0/policies/authenticationMethodsPolicy",
      "authenticationmethodspolicy-update",
      false,
      // permissions.json, application scheme: Policy.ReadWrite.AuthenticationMethod.
      Ladders.METHOD_POLICY_WRITE),

  /** {@code GET /v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/{id}}: one method, such as {@code Email} (email one-time passcode). */
  GET_AUTHENTICATION_METHOD_CONFIGURATION(
      "GET",
      "/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/{id}",
      "authenticationmethodconfiguration-get",
      false,
      Ladders.METHOD_POLICY_READ),

  /** {@code PATCH /v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/{id}}. */
  UPDATE_AUTHENTICATION_METHOD_CONFIGURATION(
      "PATCH",
      "/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/{id}",
      "authenticationmethodconfiguration-update",
      false,
      Ladders.METHOD_POLICY_WRITE),

  // ---- B2C data: directory roles and role assignments -----------------------------------------

  /** {@code GET /v1.0/directoryRoles}: the activated directory roles. */
  LIST_DIRECTORY_ROLES(
      "GET",
      "/v1.0/directoryRoles",
      "directoryrole-list",
      false,
      // Application: RoleManagement.Read.Directory; higher: Directory.Read.All,
      // RoleManagement.ReadWrite.Directory, Directory.ReadWrite.All.
      Ladders.ROLE_READ),

  /** {@code GET /v1.0/directoryRoles/{id}}. */
  GET_DIRECTORY_ROLE("GET", "/v1.0/directoryRoles/{id}", "directoryrole-get", false, Ladders.ROLE_READ),

  /** {@code GET /v1.0/directoryRoles/{id}/members}. */
  LIST_DIRECTORY_ROLE_MEMBERS(
      "GET", "/v1.0/directoryRoles/{id}/members", "directoryrole-list-members", false, Ladders.ROLE_READ),

  /** {@code GET /v1.0/roleManagement/directory/roleAssignments}. */
  LIST_ROLE_ASSIGNMENTS(
      "GET",
      "/v1.0/roleManagement/directory/roleAssignments",
      "rbacapplication-list-roleassignments",
      false,
      // Application: RoleManagement.Read.Directory; higher: Directory.Read.All,
      // RoleManagement.ReadWrite.Directory, Directory.ReadWrite.All. RoleManagement.Read.All
      // allows it only with a signed-in user (delegated), not to an application.
      Ladders.ROLE_READ),

  /** {@code GET /v1.0/roleManagement/directory/roleAssignments/{id}}. */
  GET_ROLE_ASSIGNMENT(
      "GET",
      "/v1.0/roleManagement/directory/roleAssignments/{id}",
      "unifiedroleassignment-get",
      false,
      Ladders.ROLE_READ),

  /** {@code POST /v1.0/roleManagement/directory/roleAssignments}. */
  CREATE_ROLE_ASSIGNMENT(
      "POST",
      "/v1.0/roleManagement/directory/roleAssignments",
      "rbacapplication-post-roleassignments",
      false,
      // Application: RoleManagement.ReadWrite.Directory.
      Ladders.ROLE_WRITE),

  /** {@code DELETE /v1.0/roleManagement/directory/roleAssignments/{id}}. */
  DELETE_ROLE_ASSIGNMENT(
      "DELETE",
      "/v1.0/roleManagement/directory/roleAssignments/{id}",
      "unifiedroleassignment-delete",
      false,
      Ladders.ROLE_WRITE),

  /** {@code GET /v1.0/roleManagement/directory/roleDefinitions}: the built-in roles (B2C has no custom ones). */
  LIST_ROLE_DEFINITIONS(
      "GET",
      "/v1.0/roleManagement/directory/roleDefinitions",
      "rbacapplication-list-roledefinitions",
      false,
      // Application: RoleManagement.Read.Directory; higher: Directory.Read.All,
      // RoleManagement.ReadWrite.Directory, Directory.ReadWrite.All; Microsoft's permission table
      // also lists RoleManagement.Read.All for applications here (unlike role assignments).
      Ladders.ROLE_DEFINITION_READ),

  /** {@code GET /v1.0/roleManagement/directory/roleDefinitions/{id}}: by id (the template id of a built-in role). */
  GET_ROLE_DEFINITION(
      "GET",
      "/v1.0/roleManagement/directory/roleDefinitions/{id}",
      "unifiedroledefinition-get",
      false,
      Ladders.ROLE_DEFINITION_READ),

  /** {@code GET /v1.0/directoryRoleTemplates}: the templates directory roles are activated from. */
  LIST_DIRECTORY_ROLE_TEMPLATES(
      "GET",
      "/v1.0/directoryRoleTemplates",
      "directoryroletemplate-list",
      false,
      // Application: RoleManagement.Read.Directory; higher: Directory.Read.All,
      // RoleManagement.ReadWrite.Directory, Directory.ReadWrite.All.
      Ladders.ROLE_READ),

  /** {@code GET /v1.0/directoryRoleTemplates/{id}}. */
  GET_DIRECTORY_ROLE_TEMPLATE(
      "GET", "/v1.0/directoryRoleTemplates/{id}", "directoryroletemplate-get", false, Ladders.ROLE_READ),

  // ---- B2C data: audit log --------------------------------------------------------------------

  /** {@code GET /v1.0/auditLogs/directoryAudits}. */
  LIST_DIRECTORY_AUDITS(
      "GET",
      "/v1.0/auditLogs/directoryAudits",
      "directoryaudit-list",
      false,
      // Application: AuditLog.Read.All; higher: Directory.Read.All.
      Ladders.AUDIT_LOG_READ),

  /** {@code GET /v1.0/auditLogs/directoryAudits/{id}}. */
  GET_DIRECTORY_AUDIT(
      "GET",
      "/v1.0/auditLogs/directoryAudits/{id}",
      "directoryaudit-get",
      false,
      Ladders.AUDIT_LOG_READ),

  // ---- B2C data: applications -----------------------------------------------------------------

  /** {@code GET /v1.0/applications}. */
  LIST_APPLICATIONS(
      "GET",
      "/v1.0/applications",
      "application-list",
      false,
      // Application: Application.Read.All; higher: Application.ReadWrite.OwnedBy (not modelled),
      // Application.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All.
      Ladders.APPLICATION_READ),

  /** {@code GET /v1.0/applications/{id}}. */
  GET_APPLICATION("GET", "/v1.0/applications/{id}", "application-get", false, Ladders.APPLICATION_READ),

  /** {@code GET /v1.0/applications/{id}/owners}: the users who own the app registration. */
  LIST_APPLICATION_OWNERS(
      "GET",
      "/v1.0/applications/{id}/owners",
      "application-list-owners",
      false,
      // permissions.json, application scheme: Application.Read.All (least privileged),
      // Application.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All;
      // Application.ReadWrite.OwnedBy not modelled.
      Ladders.APPLICATION_READ),

  /** {@code POST /v1.0/applications/{id}/owners/$ref}: adds a user as an owner. */
  ADD_APPLICATION_OWNER(
      "POST",
      "/v1.0/applications/{id}/owners/$ref",
      "application-post-owners",
      false,
      // permissions.json, application scheme: Application.ReadWrite.All together with
      // Directory.Read.All (least privileged), or Directory.ReadWrite.All; OwnedBy not modelled.
      Ladders.APPLICATION_OWNERS_ADD),

  /** {@code DELETE /v1.0/applications/{id}/owners/{ownerId}/$ref}: removes an owner. */
  REMOVE_APPLICATION_OWNER(
      "DELETE",
      "/v1.0/applications/{id}/owners/{ownerId}/$ref",
      "application-delete-owners",
      false,
      // permissions.json, application scheme: Application.ReadWrite.All, Directory.ReadWrite.All.
      Ladders.APPLICATION_OWNERS_REMOVE),

  /** {@code POST /v1.0/applications}. */
  CREATE_APPLICATION(
      "POST",
      "/v1.0/applications",
      "application-post-applications",
      false,
      // Application: AppRegistration.Create, Application.ReadWrite.OwnedBy (not modelled); higher:
      // Application.ReadWrite.All. Microsoft publishes no Graph app role id for AppRegistration.Create
      // (provisioningInfo.json), so the fake's Graph service principal cannot grant it.
      Ladders.APPLICATION_CREATE),

  /** {@code PATCH /v1.0/applications/{id}}. */
  UPDATE_APPLICATION(
      "PATCH",
      "/v1.0/applications/{id}",
      "application-update",
      false,
      // Application: Application.ReadWrite.OwnedBy (not modelled); higher: Application.ReadWrite.All.
      Ladders.APPLICATION_WRITE),

  /** {@code DELETE /v1.0/applications/{id}}. */
  DELETE_APPLICATION(
      "DELETE",
      "/v1.0/applications/{id}",
      "application-delete",
      false,
      Ladders.APPLICATION_WRITE),

  /**
   * {@code GET /v1.0/applications/{id}/extensionProperties}: the directory extensions an app defines;
   * on the b2c-extensions-app, the B2C custom attributes ({@code extension_{appId without dashes}_{name}}).
   */
  LIST_EXTENSION_PROPERTIES(
      "GET",
      "/v1.0/applications/{id}/extensionProperties",
      "application-list-extensionproperty",
      false,
      // Application: Application.Read.All; higher: Application.ReadWrite.OwnedBy (not modelled),
      // Application.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All.
      Ladders.APPLICATION_READ),

  /** {@code GET /v1.0/applications/{id}/extensionProperties/{extensionId}}. */
  GET_EXTENSION_PROPERTY(
      "GET",
      "/v1.0/applications/{id}/extensionProperties/{extensionId}",
      "extensionproperty-get",
      false,
      // Application: Application.Read.All; higher: Application.ReadWrite.All (Microsoft's table
      // lists no Directory.* role for one extension property).
      Ladders.APPLICATION_ROLES_READ),

  /** {@code POST /v1.0/applications/{id}/extensionProperties}: defines a directory extension. */
  CREATE_EXTENSION_PROPERTY(
      "POST",
      "/v1.0/applications/{id}/extensionProperties",
      "application-post-extensionproperty",
      false,
      // Application: Application.ReadWrite.OwnedBy (not modelled); higher: Application.ReadWrite.All,
      // Directory.ReadWrite.All.
      Ladders.EXTENSION_PROPERTY_WRITE),

  /** {@code DELETE /v1.0/applications/{id}/extensionProperties/{extensionId}}. */
  DELETE_EXTENSION_PROPERTY(
      "DELETE",
      "/v1.0/applications/{id}/extensionProperties/{extensionId}",
      "extensionproperty-delete",
      false,
      Ladders.EXTENSION_PROPERTY_WRITE),

  /**
   * {@code GET /v1.0/oauth2PermissionGrants}: the delegated permissions consented to client apps,
   * with {@code $filter=clientId eq '…'} (also {@code consentType}, {@code principalId},
   * {@code resourceId}).
   */
  LIST_OAUTH2_PERMISSION_GRANTS(
      "GET",
      "/v1.0/oauth2PermissionGrants",
      "oauth2permissiongrant-list",
      false,
      // Application: Directory.Read.All; higher: DelegatedPermissionGrant.ReadWrite.All (not
      // published by the fake's Graph service principal, left out), Directory.ReadWrite.All.
      Ladders.DIRECTORY_ONLY_READ),

  /** {@code GET /v1.0/oauth2PermissionGrants/{id}}. */
  GET_OAUTH2_PERMISSION_GRANT(
      "GET",
      "/v1.0/oauth2PermissionGrants/{id}",
      "oauth2permissiongrant-get",
      false,
      Ladders.DIRECTORY_ONLY_READ),

  // ---- B2C data: deleted items (soft-deleted users and applications) --------------------------

  /** {@code GET /v1.0/directory/deletedItems/microsoft.graph.user}: the users in the deleted items. */
  LIST_DELETED_USERS(
      "GET",
      "/v1.0/directory/deletedItems/microsoft.graph.user",
      "directory-deleteditems-list",
      false,
      // The page's table per resource, Application: user User.Read.All; higher: User.ReadWrite.All,
      // Directory.Read.All, Directory.ReadWrite.All.
      Ladders.USER_READ_BEYOND_BASIC),

  /**
   * {@code GET /v1.0/directory/deletedItems/microsoft.graph.group}: always empty in the fake, as in a
   * B2C tenant: security groups are deleted for good, only Microsoft 365 groups are soft-deleted.
   */
  LIST_DELETED_GROUPS(
      "GET",
      "/v1.0/directory/deletedItems/microsoft.graph.group",
      "directory-deleteditems-list",
      false,
      // group: Group.Read.All; higher: Group.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All.
      Ladders.DELETED_GROUP_READ),

  /** {@code GET /v1.0/directory/deletedItems/microsoft.graph.application}. */
  LIST_DELETED_APPLICATIONS(
      "GET",
      "/v1.0/directory/deletedItems/microsoft.graph.application",
      "directory-deleteditems-list",
      false,
      // application: Application.Read.All; higher: Application.ReadWrite.All, Directory.Read.All,
      // Directory.ReadWrite.All.
      Ladders.APPLICATION_READ),

  /**
   * {@code GET /v1.0/directory/deletedItems/{id}} of a deleted user. The rows of one path are told
   * apart by the deleted item's type: the router reports this one, the handler authorizes by the
   * row of the item's type ({@link #GET_DELETED_APPLICATION} for an application).
   */
  GET_DELETED_USER(
      "GET", "/v1.0/directory/deletedItems/{id}", "directory-deleteditems-get", false, Ladders.USER_READ_BEYOND_BASIC),

  /** {@code GET /v1.0/directory/deletedItems/{id}} of a deleted application. */
  GET_DELETED_APPLICATION(
      "GET", "/v1.0/directory/deletedItems/{id}", "directory-deleteditems-get", false, Ladders.APPLICATION_READ),

  /** {@code POST /v1.0/directory/deletedItems/{id}/restore} of a deleted user: back with its group memberships. */
  RESTORE_DELETED_USER(
      "POST",
      "/v1.0/directory/deletedItems/{id}/restore",
      "directory-deleteditems-restore",
      false,
      // user: User.DeleteRestore.All; higher: User.ReadWrite.All.
      Ladders.USER_DELETE),

  /** {@code POST /v1.0/directory/deletedItems/{id}/restore} of a deleted application. */
  RESTORE_DELETED_APPLICATION(
      "POST",
      "/v1.0/directory/deletedItems/{id}/restore",
      "directory-deleteditems-restore",
      false,
      // application: Application.ReadWrite.OwnedBy (not modelled); higher: Application.ReadWrite.All.
      Ladders.APPLICATION_WRITE),

  /** {@code DELETE /v1.0/directory/deletedItems/{id}} of a deleted user: gone for good. */
  PERMANENTLY_DELETE_USER(
      "DELETE",
      "/v1.0/directory/deletedItems/{id}",
      "directory-deleteditems-delete",
      false,
      // user: User.DeleteRestore.All; higher: User.ReadWrite.All.
      Ladders.USER_DELETE),

  /** {@code DELETE /v1.0/directory/deletedItems/{id}} of a deleted application. */
  PERMANENTLY_DELETE_APPLICATION(
      "DELETE",
      "/v1.0/directory/deletedItems/{id}",
      "directory-deleteditems-delete",
      false,
      // application: Application.ReadWrite.OwnedBy (not modelled); higher: Application.ReadWrite.All.
      Ladders.APPLICATION_WRITE),

  /**
   * {@code POST /v1.0/$batch}: needs only a valid token; each request inside is authorized, routed
   * and faulted on its own.
   */
  BATCH("POST", "/v1.0/$batch", "json-batching", false, Ladders.NONE),

  // ---- Microsoft identity platform ------------------------------------------------------------

  /** {@code POST /{tenant}/oauth2/v2.0/token}: the client credentials grant. */
  TOKEN("POST", "/{tenant}/oauth2/v2.0/token", "", false, Ladders.NONE),

  /** {@code GET /{tenant}/adminconsent}: the v1 admin consent endpoint. */
  ADMIN_CONSENT("GET", "/{tenant}/adminconsent", "", false, Ladders.NONE),

  /** {@code GET /{tenant}/v2.0/adminconsent}: the v2 admin consent endpoint. */
  ADMIN_CONSENT_V2("GET", "/{tenant}/v2.0/adminconsent", "", false, Ladders.NONE),

  /** {@code GET /{tenant}/v2.0/.well-known/openid-configuration}. */
  OPENID_CONFIGURATION(
      "GET", "/{tenant}/v2.0/.well-known/openid-configuration", "", false, Ladders.NONE),

  /** {@code GET /{tenant}/discovery/v2.0/keys}: the keys that sign the fake's tokens. */
  SIGNING_KEYS("GET", "/{tenant}/discovery/v2.0/keys", "", false, Ladders.NONE),

  /** {@code GET /common/discovery/instance}: instance discovery, for clients that ask. */
  INSTANCE_DISCOVERY("GET", "/common/discovery/instance", "", false, Ladders.NONE);

  private static final String DOCS = "https://learn.microsoft.com/graph/api/";

  private final String docsPage;
  private final Route row;

  FakeRoute(
      String method,
      String pathTemplate,
      String docsSlug,
      boolean allowsSelf,
      List<Set<String>> allowedBy) {
    this.docsPage = docsSlug.isEmpty() ? "" : DOCS + docsSlug;
    this.row = new Route(name(), method, pathTemplate, allowsSelf, allowedBy);
  }

  /** The table as the server reads it: one row per constant, in declaration order. */
  static Routes table() {
    return Table.ROUTES;
  }

  /** Holds the server's copy of the table, built once on first use. */
  private static final class Table {
    static final Routes ROUTES = build();

    private Table() {}

    private static Routes build() {
      List<Route> rows = new ArrayList<>();
      for (FakeRoute r : values()) {
        rows.add(r.row);
      }
      return new Routes(rows);
    }
  }

  /**
   * The permission ladders of the table, each written once: a ladder is the list of role sets that
   * allow a family of routes, in the order the reference page lists them. A nested class because an
   * enum's constants cannot read the enum's own static fields while they are built.
   */
  private static final class Ladders {
    private static final String DIRECTORY_READ = "Directory.Read.All";
    private static final String DIRECTORY_WRITE = "Directory.ReadWrite.All";

    static final List<Set<String>> NONE = List.of();
    static final List<Set<String>> DIRECTORY_ONLY_READ = anyOf(DIRECTORY_READ, DIRECTORY_WRITE);

    static final List<Set<String>> ORGANIZATION_READ =
        anyOf("Organization.Read.All", DIRECTORY_READ, "Organization.ReadWrite.All", DIRECTORY_WRITE, "User.Read.All");
    static final List<Set<String>> BRANDING_READ =
        anyOf("OrganizationalBranding.Read.All", "Organization.Read.All", "OrganizationalBranding.ReadWrite.All", "Organization.ReadWrite.All");
    static final List<Set<String>> DOMAIN_READ = anyOf("Domain.Read.All", DIRECTORY_READ, "Domain.ReadWrite.All", DIRECTORY_WRITE);

    static final List<Set<String>> APPLICATION_READ =
        anyOf("Application.Read.All", "Application.ReadWrite.All", DIRECTORY_READ, DIRECTORY_WRITE);
    /** The same roles as {@link #APPLICATION_READ}, in the order the assignment pages list them. */
    static final List<Set<String>> APPLICATION_READ_DIRECTORY_FIRST =
        anyOf("Application.Read.All", DIRECTORY_READ, "Application.ReadWrite.All", DIRECTORY_WRITE);
    static final List<Set<String>> APPLICATION_WRITE = anyOf("Application.ReadWrite.All");
    static final List<Set<String>> APPLICATION_ROLES_READ = anyOf("Application.Read.All", "Application.ReadWrite.All");
    static final List<Set<String>> EXTENSION_PROPERTY_WRITE = anyOf("Application.ReadWrite.All", DIRECTORY_WRITE);
    static final List<Set<String>> APPLICATION_CREATE = anyOf("AppRegistration.Create", "Application.ReadWrite.All");

    static final List<Set<String>> APP_ROLE_ASSIGNMENT_CREATE =
        each("AppRoleAssignment.ReadWrite.All", APPLICATION_READ_DIRECTORY_FIRST);
    static final List<Set<String>> APP_ROLE_ASSIGNMENT_DELETE =
        anyOf("AppRoleAssignment.ReadWrite.All", "Application.ReadWrite.All");

    static final List<Set<String>> USER_READ =
        anyOf("User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", DIRECTORY_READ, DIRECTORY_WRITE);
    static final List<Set<String>> USER_READ_BEYOND_BASIC = anyOf("User.Read.All", "User.ReadWrite.All", DIRECTORY_READ, DIRECTORY_WRITE);
    static final List<Set<String>> USER_WRITE = anyOf("User.ReadWrite.All", DIRECTORY_WRITE);
    static final List<Set<String>> USER_MEMBER_OF_READ = anyOf(DIRECTORY_READ, "Group.ReadBasic.All", "GroupMember.ReadBasic.All", DIRECTORY_WRITE);
    static final List<Set<String>> GROUP_OWNERS_READ =
        anyOf("GroupMember.Read.All", "Group.Read.All", "GroupMember.ReadWrite.All", "Group.ReadWrite.All", DIRECTORY_READ, DIRECTORY_WRITE);
    static final List<Set<String>> GROUP_OWNERS_WRITE = anyOf("Group.ReadWrite.All", DIRECTORY_WRITE);
    static final List<Set<String>> APPLICATION_OWNERS_ADD = then(each("Application.ReadWrite.All", anyOf(DIRECTORY_READ)), anyOf(DIRECTORY_WRITE));
    static final List<Set<String>> APPLICATION_OWNERS_REMOVE = anyOf("Application.ReadWrite.All", DIRECTORY_WRITE);
    static final List<Set<String>> USER_APP_ROLE_ASSIGNMENTS_READ = anyOf(DIRECTORY_READ, "AppRoleAssignment.ReadWrite.All", DIRECTORY_WRITE);
    static final List<Set<String>> USER_DELETE = anyOf("User.DeleteRestore.All", "User.ReadWrite.All");
    static final List<Set<String>> USER_IDENTITIES_WRITE = anyOf("User.ManageIdentities.All");
    static final List<Set<String>> USER_ACCOUNT_ENABLED_WRITE =
        then(each("User.EnableDisableAccount.All", anyOf("User.Read.All", DIRECTORY_READ)), USER_WRITE);
    static final List<Set<String>> USER_MAIL_WRITE = then(anyOf("User-Mail.ReadWrite.All"), USER_WRITE);
    static final List<Set<String>> USER_PHONE_WRITE = then(anyOf("User-Phone.ReadWrite.All"), USER_WRITE);

    // Application: UserAuthenticationMethod.Read.All; higher: UserAuthenticationMethod.ReadWrite.All.
    static final List<Set<String>> METHOD_READ =
        anyOf("UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All");
    static final List<Set<String>> METHOD_WRITE = anyOf("UserAuthenticationMethod.ReadWrite.All");
    // The granular roles of one method type, least privileged, then the roles of every method.
    static final List<Set<String>> PHONE_METHOD_READ =
        then(anyOf("UserAuthMethod-Phone.Read.All", "UserAuthMethod-Phone.ReadWrite.All"), METHOD_READ);
    static final List<Set<String>> PHONE_METHOD_WRITE = then(anyOf("UserAuthMethod-Phone.ReadWrite.All"), METHOD_WRITE);
    static final List<Set<String>> EMAIL_METHOD_READ =
        then(anyOf("UserAuthMethod-Email.Read.All", "UserAuthMethod-Email.ReadWrite.All"), METHOD_READ);
    static final List<Set<String>> EMAIL_METHOD_WRITE = then(anyOf("UserAuthMethod-Email.ReadWrite.All"), METHOD_WRITE);

    static final List<Set<String>> GROUP_READ =
        anyOf("Group.ReadBasic.All", "GroupMember.Read.All", "Group.Read.All", DIRECTORY_READ, "GroupMember.ReadWrite.All", "Group.ReadWrite.All", DIRECTORY_WRITE);
    static final List<Set<String>> GROUP_MEMBERS_READ =
        anyOf(
            "GroupMember.ReadBasic.All",
            "GroupMember.Read.All",
            "Group.ReadBasic.All",
            "Group.Read.All",
            DIRECTORY_READ,
            "GroupMember.ReadWrite.All",
            "Group.ReadWrite.All",
            DIRECTORY_WRITE);
    static final List<Set<String>> GROUP_WRITE = anyOf("GroupMember.ReadWrite.All", "Group.ReadWrite.All", DIRECTORY_WRITE);
    static final List<Set<String>> GROUP_CREATE = anyOf("Group.Create", DIRECTORY_WRITE, "Group.ReadWrite.All");
    static final List<Set<String>> GROUP_DELETE = anyOf("Group.ReadWrite.All");
    static final List<Set<String>> DELETED_GROUP_READ = anyOf("Group.Read.All", "Group.ReadWrite.All", DIRECTORY_READ, DIRECTORY_WRITE);

    static final List<Set<String>> USER_FLOW_READ = anyOf("IdentityUserFlow.Read.All", "IdentityUserFlow.ReadWrite.All");
    static final List<Set<String>> USER_FLOW_WRITE = anyOf("IdentityUserFlow.ReadWrite.All");
    static final List<Set<String>> API_CONNECTOR = anyOf("APIConnectors.ReadWrite.All");
    static final List<Set<String>> EVENT_LISTENER_READ = anyOf("EventListener.Read.All", "EventListener.ReadWrite.All");
    static final List<Set<String>> EVENT_LISTENER_WRITE = anyOf("EventListener.ReadWrite.All");
    static final List<Set<String>> CUSTOM_EXTENSION_READ =
        anyOf("CustomAuthenticationExtension.Read.All", "CustomAuthenticationExtension.ReadWrite.All");
    static final List<Set<String>> CUSTOM_EXTENSION_WRITE = anyOf("CustomAuthenticationExtension.ReadWrite.All");
    static final List<Set<String>> METHOD_POLICY_READ =
        anyOf("Policy.Read.AuthenticationMethod", "Policy.Read.All", "Policy.ReadWrite.AuthenticationMethod");
    static final List<Set<String>> METHOD_POLICY_WRITE = anyOf("Policy.ReadWrite.AuthenticationMethod");

    static final List<Set<String>> IDENTITY_PROVIDER_READ = anyOf("IdentityProvider.Read.All", "IdentityProvider.ReadWrite.All");
    static final List<Set<String>> IDENTITY_PROVIDER_WRITE = anyOf("IdentityProvider.ReadWrite.All");

    static final List<Set<String>> ROLE_READ =
        anyOf("RoleManagement.Read.Directory", DIRECTORY_READ, "RoleManagement.ReadWrite.Directory", DIRECTORY_WRITE);
    static final List<Set<String>> ROLE_WRITE = anyOf("RoleManagement.ReadWrite.Directory");
    static final List<Set<String>> ROLE_DEFINITION_READ =
        anyOf("RoleManagement.Read.Directory", DIRECTORY_READ, "RoleManagement.ReadWrite.Directory", DIRECTORY_WRITE, "RoleManagement.Read.All");

    static final List<Set<String>> AUDIT_LOG_READ = anyOf("AuditLog.Read.All", DIRECTORY_READ);

    private Ladders() {}

    /** One alternative per role: any one of them allows the route. */
    private static List<Set<String>> anyOf(String... roles) {
      List<Set<String>> out = new ArrayList<>(roles.length);
      for (String role : roles) {
        out.add(Set.of(role));
      }
      return Collections.unmodifiableList(out);
    }

    /** {@code role} together with each alternative of {@code ladder}. */
    private static List<Set<String>> each(String role, List<Set<String>> ladder) {
      List<Set<String>> out = new ArrayList<>(ladder.size());
      for (Set<String> option : ladder) {
        Set<String> both = new LinkedHashSet<>();
        both.add(role);
        both.addAll(option);
        out.add(Collections.unmodifiableSet(both));
      }
      return Collections.unmodifiableList(out);
    }

    /** The alternatives of {@code first}, then those of {@code higher}. */
    private static List<Set<String>> then(List<Set<String>> first, List<Set<String>> higher) {
      List<Set<String>> out = new ArrayList<>(first);
      out.addAll(higher);
      return Collections.unmodifiableList(out);
    }
  }

  /** The HTTP method, such as {@code GET}. */
  public String method() {
    return row.method();
  }

  /** The path with placeholders in braces, such as {@code /v1.0/servicePrincipals/{id}}. */
  public String pathTemplate() {
    return row.pathTemplate();
  }

  /**
   * Whether this is a Microsoft Graph route (under {@code /v1.0} or {@code /beta}) rather than a
   * sign-in one.
   */
  public boolean isGraph() {
    return row.isGraph();
  }

  /**
   * The Graph API version the route lives in: {@code v1.0}, or {@code beta} for what Graph serves
   * only in beta (the B2C user flows); an empty string for the sign-in routes.
   */
  public String apiVersion() {
    return row.apiVersion();
  }

  /**
   * The Graph API reference page the permissions come from, or an empty string for routes that
   * need no Graph permission.
   */
  public String docsPage() {
    return docsPage;
  }

  /**
   * The sets of application permissions that allow this route: a token is allowed when its roles
   * contain every member of at least one set. Least privileged first. Empty when the route needs
   * no permission ({@link #BATCH} and the sign-in routes).
   */
  public List<Set<String>> allowedBy() {
    return row.allowedBy();
  }

  /** Whether a service principal may call this route on itself without any permission. */
  public boolean allowsSelf() {
    return row.allowsSelf();
  }

  /**
   * Whether a token carrying {@code roles} may call this route (ignoring the self exception).
   *
   * @param roles the values of a token's {@code roles} claim
   * @return true when the route needs no permission or one set of {@link #allowedBy()} is covered
   * @throws NullPointerException if {@code roles} is null
   */
  public boolean isAllowedBy(Set<String> roles) {
    return row.isAllowedBy(roles);
  }
}
