package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The properties Graph returns for each B2C object type other than users, with the values a new
 * object has before a seed or a create request sets its own: v1.0 types in the CSDL's property order
 * where the fake returns them all, and Graph's "returned by default" sets elsewhere. {@link
 * B2cObjects} lays what was given over these and checks the result.
 */
final class ObjectDefaults {
  private ObjectDefaults() {}

  /**
   * A new object of a collection with Graph's defaults and fresh ids.
   *
   * @param created the ISO 8601 creation time of objects that carry one
   * @throws IllegalArgumentException for a collection the fake does not model
   */
  static ObjectNode of(String collection, String created) {
    ObjectNode o = Json.object();
    switch (collection) {
      case B2cSeed.GROUPS:
        // Graph's v1.0 group properties, in the CSDL's order; those of SELECT_ONLY are kept but
        // shown only when $select names them.
        o.put("id", UUID.randomUUID().toString());
        o.putNull("deletedDateTime");
        o.putNull("accessType");
        o.putNull("allowExternalSenders");
        o.putArray("assignedLabels");
        o.putArray("assignedLicenses");
        o.putNull("autoSubscribeNewMembers");
        o.putNull("classification");
        o.put("createdDateTime", created);
        o.putNull("description");
        o.put("displayName", "");
        o.putNull("expirationDateTime");
        o.putArray("groupTypes");
        o.putNull("hasMembersWithLicenseErrors");
        o.putNull("hideFromAddressLists");
        o.putNull("hideFromOutlookClients");
        o.putArray("infoCatalogs");
        o.putNull("isArchived");
        o.putNull("isAssignableToRole");
        o.putNull("isFavorite");
        o.putNull("isManagementRestricted");
        o.putNull("isSubscribedByMail");
        o.putNull("licenseProcessingState");
        o.putNull("mail");
        o.put("mailEnabled", false);
        o.put("mailNickname", "");
        o.putNull("membershipRule");
        o.putNull("membershipRuleProcessingState");
        o.putNull("onPremisesDomainName");
        o.putNull("onPremisesExtensionAttributes");
        o.putNull("onPremisesLastSyncDateTime");
        o.putNull("onPremisesNetBiosName");
        o.putArray("onPremisesProvisioningErrors");
        o.putNull("onPremisesSamAccountName");
        o.putNull("onPremisesSecurityIdentifier");
        o.putNull("onPremisesSyncEnabled");
        o.putNull("organizationId");
        o.putNull("preferredDataLocation");
        o.putNull("preferredLanguage");
        o.putArray("proxyAddresses");
        o.put("renewedDateTime", created);
        o.putArray("resourceBehaviorOptions");
        o.putArray("resourceProvisioningOptions");
        o.put("securityEnabled", true);
        o.putNull("securityIdentifier");
        o.putArray("serviceProvisioningErrors");
        o.putNull("theme");
        o.putNull("uniqueName");
        o.putNull("unseenConversationsCount");
        o.putNull("unseenCount");
        o.putNull("unseenMessagesCount");
        o.putNull("visibility");
        o.putNull("welcomeMessageEnabled");
        break;
      case B2cSeed.APPLICATIONS:
        // Graph's v1.0 application properties (the logo stream is read at its own URL).
        o.put("id", UUID.randomUUID().toString());
        o.putNull("deletedDateTime");
        o.put("appId", UUID.randomUUID().toString());
        o.putNull("applicationTemplateId");
        o.putNull("createdByAppId");
        o.put("createdDateTime", created);
        o.putNull("defaultRedirectUri");
        o.putNull("description");
        o.putNull("disabledByMicrosoftStatus");
        o.put("displayName", "");
        o.putNull("groupMembershipClaims");
        o.putArray("identifierUris");
        o.putNull("isDeviceOnlyAuthSupported");
        o.putNull("isDisabled");
        o.putNull("isFallbackPublicClient");
        o.putArray("managerApplications");
        o.putNull("nativeAuthenticationApisEnabled");
        o.putNull("notes");
        o.put("oauth2RequirePostResponse", false);
        o.putNull("publisherDomain");
        o.putNull("samlMetadataUrl");
        o.putNull("serviceManagementReference");
        o.put("signInAudience", "AzureADandPersonalMicrosoftAccount");
        o.putArray("tags");
        o.putNull("tokenEncryptionKeyId");
        o.putNull("uniqueName");
        o.putArray("addIns");
        ObjectNode behaviors = o.putObject("authenticationBehaviors");
        behaviors.putNull("blockAzureADGraphAccess");
        behaviors.putNull("removeUnverifiedEmailClaim");
        behaviors.putNull("requireClientServicePrincipal");
        o.putNull("certification");
        ObjectNode info = o.putObject("info");
        info.putNull("logoUrl");
        info.putNull("marketingUrl");
        info.putNull("privacyStatementUrl");
        info.putNull("supportUrl");
        info.putNull("termsOfServiceUrl");
        o.putNull("optionalClaims");
        ObjectNode parental = o.putObject("parentalControlSettings");
        parental.putArray("countriesBlockedForMinors");
        parental.put("legalAgeGroupRule", "Allow");
        o.putNull("requestSignatureVerification");
        o.putNull("servicePrincipalLockConfiguration");
        ObjectNode publisher = o.putObject("verifiedPublisher");
        publisher.putNull("displayName");
        publisher.putNull("verifiedPublisherId");
        publisher.putNull("addedDateTime");
        o.putArray("appRoles");
        o.putArray("keyCredentials");
        o.putArray("passwordCredentials");
        o.putArray("requiredResourceAccess");
        ObjectNode web = o.putObject("web");
        web.putNull("homePageUrl");
        web.putNull("logoutUrl");
        web.putArray("redirectUris");
        ObjectNode grant = web.putObject("implicitGrantSettings");
        grant.put("enableAccessTokenIssuance", false);
        grant.put("enableIdTokenIssuance", false);
        web.putArray("redirectUriSettings");
        o.putObject("spa").putArray("redirectUris");
        o.putObject("publicClient").putArray("redirectUris");
        ObjectNode api = o.putObject("api");
        api.putNull("acceptMappedClaims");
        api.putArray("knownClientApplications");
        api.putArray("oauth2PermissionScopes");
        api.putArray("preAuthorizedApplications");
        api.put("requestedAccessTokenVersion", 2);
        break;
      case B2cSeed.USER_FLOWS:
        o.put("id", "B2C_1_flow" + Ids.fastRandom().toString().substring(0, 8));
        o.put("userFlowType", "signUpOrSignIn");
        o.put("userFlowTypeVersion", 3);
        o.put("isLanguageCustomizationEnabled", false);
        o.put("defaultLanguageTag", "en");
        break;
      case B2cSeed.IDENTITY_PROVIDERS:
        o.put("@odata.type", "#microsoft.graph.socialIdentityProvider");
        o.put("id", "");
        o.put("displayName", "");
        break;
      case B2cSeed.DIRECTORY_ROLES:
        o.put("id", UUID.randomUUID().toString());
        o.putNull("deletedDateTime");
        o.putNull("description");
        o.put("displayName", "");
        o.put("roleTemplateId", UUID.randomUUID().toString());
        break;
      case B2cSeed.ROLE_ASSIGNMENTS:
        o.put("id", roleAssignmentId());
        o.put("principalId", "");
        o.put("roleDefinitionId", "");
        o.put("directoryScopeId", "/");
        o.putNull("appScopeId");
        o.putNull("condition");
        o.putNull("principalOrganizationId");
        break;
      case B2cSeed.DIRECTORY_AUDITS:
        o.put("id", "Directory_" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT).replace("-", "_").substring(0, 20));
        o.put("category", "UserManagement");
        o.put("correlationId", UUID.randomUUID().toString());
        o.put("result", "success");
        o.putNull("resultReason");
        o.put("activityDisplayName", "");
        o.put("activityDateTime", created);
        o.put("loggedByService", "Core Directory");
        o.put("operationType", "Add");
        ObjectNode by = o.putObject("initiatedBy");
        by.putNull("app");
        by.putNull("user");
        o.putArray("targetResources");
        o.putArray("additionalDetails");
        break;
      case B2cSeed.USER_FLOW_ATTRIBUTES:
        // Graph's v1.0 identityUserFlowAttribute; a custom attribute (the default here) carries the
        // derived type, a built-in one says so in @odata.type and userFlowAttributeType.
        o.put("@odata.type", "#microsoft.graph.identityCustomUserFlowAttribute");
        o.put("id", "");
        o.put("displayName", "");
        o.putNull("description");
        o.put("userFlowAttributeType", "custom");
        o.put("dataType", "string");
        break;
      case B2cSeed.OAUTH2_PERMISSION_GRANTS:
        // v1.0 oAuth2PermissionGrant: a tenant-wide consent (AllPrincipals) unless a principal is given.
        o.put("id", grantId());
        o.put("clientId", "");
        o.put("consentType", "AllPrincipals");
        o.putNull("principalId");
        o.put("resourceId", "");
        o.put("scope", "");
        break;
      case B2cSeed.DOMAINS:
        // Graph's v1.0 domain, as a verified custom domain; the tenant's initial domain is added by
        // the domains route itself (DomainHandler).
        o.put("id", "");
        o.put("authenticationType", "Managed");
        o.putNull("availabilityStatus");
        o.put("isAdminManaged", true);
        o.put("isDefault", false);
        o.put("isInitial", false);
        o.put("isRoot", true);
        o.put("isVerified", true);
        o.putNull("manufacturer");
        o.putNull("model");
        o.putNull("passwordNotificationWindowInDays");
        o.putNull("passwordValidityPeriodInDays");
        o.putNull("state");
        o.putArray("supportedServices");
        break;
      case B2cSeed.API_CONNECTORS:
        // Graph's v1.0 identityApiConnector; the secrets of authenticationConfiguration are masked
        // below, as Graph never returns them.
        o.put("id", UUID.randomUUID().toString());
        o.put("displayName", "");
        o.putNull("targetUrl");
        o.putNull("authenticationConfiguration");
        break;
      case B2cSeed.BRANDING:
        // Graph's v1.0 organizationalBrandingProperties without the streams (read at their own URLs):
        // id 0 is the default branding, any other id a locale such as fr-FR.
        o.put("id", "0");
        o.putNull("backgroundColor");
        o.putNull("backgroundImageRelativeUrl");
        o.putNull("bannerLogoRelativeUrl");
        o.putArray("cdnList");
        o.putNull("contentCustomization");
        o.putNull("customAccountResetCredentialsUrl");
        o.putNull("customCannotAccessYourAccountText");
        o.putNull("customCannotAccessYourAccountUrl");
        o.putNull("customCSSRelativeUrl");
        o.putNull("customForgotMyPasswordText");
        o.putNull("customPrivacyAndCookiesText");
        o.putNull("customPrivacyAndCookiesUrl");
        o.putNull("customResetItNowText");
        o.putNull("customTermsOfUseText");
        o.putNull("customTermsOfUseUrl");
        o.putNull("faviconRelativeUrl");
        o.putNull("headerBackgroundColor");
        o.putNull("headerLogoRelativeUrl");
        o.putNull("loginPageLayoutConfiguration");
        o.putNull("loginPageTextVisibilitySettings");
        o.putNull("signInPageText");
        o.putNull("squareLogoDarkRelativeUrl");
        o.putNull("squareLogoRelativeUrl");
        o.putNull("usernameHintText");
        break;
      default:
        throw new IllegalArgumentException("unknown B2C collection " + collection);
    }
    return o;
  }

  /** A grant id shaped like Graph's: 32 random bytes, base64url without padding (43 characters). */
  private static String grantId() {
    byte[] b = new byte[32];
    ThreadLocalRandom.current().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** An id in the shape Graph gives role assignments (base64url, 43 characters, then "-1"). */
  static String roleAssignmentId() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    ByteBuffer buf = ByteBuffer.allocate(32);
    buf.putLong(a.getMostSignificantBits()).putLong(a.getLeastSignificantBits());
    buf.putLong(b.getMostSignificantBits()).putLong(b.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array()) + "-1";
  }
}
