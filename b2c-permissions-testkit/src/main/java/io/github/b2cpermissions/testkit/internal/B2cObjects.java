package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Graph's JSON shapes for the B2C objects other than users: the default properties of each type,
 * filled in around what a seed or a create request gives, and the properties that may be filtered
 * on. Public because the facade's {@code B2cData} builder, in another package, normalizes what it is
 * given with it; users never need it.
 */
public final class B2cObjects {
  /** Navigation properties a user flow seed may carry; never returned as properties. */
  static final List<String> USER_FLOW_NAVIGATION = List.of("identityProviders", "userAttributeAssignments", "languages");
  /** The navigation an application seed may carry: its directory extensions; never returned as a property. */
  static final String EXTENSION_PROPERTIES = "extensionProperties";

  static final Map<String, List<String>> FILTERABLE =
      Map.ofEntries(
          Map.entry(B2cSeed.GROUPS, List.of("id", "displayName", "mailNickname", "securityEnabled", "mailEnabled")),
          Map.entry(B2cSeed.APPLICATIONS, List.of("id", "appId", "displayName", "signInAudience")),
          Map.entry(B2cSeed.USER_FLOWS, List.of("id", "userFlowType", "userFlowTypeVersion")),
          Map.entry(B2cSeed.IDENTITY_PROVIDERS, List.of("id", "displayName", "identityProviderType")),
          Map.entry(B2cSeed.DIRECTORY_ROLES, List.of("id", "displayName", "roleTemplateId")),
          Map.entry(B2cSeed.ROLE_ASSIGNMENTS, List.of("id", "principalId", "roleDefinitionId", "directoryScopeId")),
          Map.entry(
              B2cSeed.DIRECTORY_AUDITS,
              List.of("id", "activityDateTime", "activityDisplayName", "category", "correlationId", "loggedByService", "operationType", "result")),
          Map.entry(B2cSeed.USER_FLOW_ATTRIBUTES, List.of("id", "displayName", "dataType", "userFlowAttributeType")),
          Map.entry(B2cSeed.DOMAINS, List.of("id", "isDefault", "isInitial", "isVerified", "authenticationType")),
          Map.entry(B2cSeed.API_CONNECTORS, List.of("id", "displayName")),
          Map.entry(B2cSeed.BRANDING, List.of("id")),
          Map.entry(B2cSeed.OAUTH2_PERMISSION_GRANTS, List.of("id", "clientId", "consentType", "principalId", "resourceId")));

  /**
   * Properties an object keeps but Graph shows only when {@code $select} names them, by
   * collection (the v1.0 reference pages: "returned only on $select").
   */
  static final Map<String, Set<String>> SELECT_ONLY =
      Map.of(
          B2cSeed.GROUPS,
              Set.of(
                  "accessType", "allowExternalSenders", "assignedLabels", "assignedLicenses", "autoSubscribeNewMembers",
                  "hasMembersWithLicenseErrors", "hideFromAddressLists", "hideFromOutlookClients", "infoCatalogs",
                  "isArchived", "isFavorite", "isManagementRestricted", "isSubscribedByMail", "licenseProcessingState",
                  "onPremisesExtensionAttributes", "organizationId", "unseenConversationsCount", "unseenCount",
                  "unseenMessagesCount", "welcomeMessageEnabled"),
          B2cSeed.APPLICATIONS, Set.of("authenticationBehaviors"));

  static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry(B2cSeed.GROUPS, "group"),
          Map.entry(B2cSeed.APPLICATIONS, "application"),
          Map.entry(B2cSeed.USER_FLOWS, "b2cIdentityUserFlow"),
          Map.entry(B2cSeed.IDENTITY_PROVIDERS, "identityProviderBase"),
          Map.entry(B2cSeed.DIRECTORY_ROLES, "directoryRole"),
          Map.entry(B2cSeed.ROLE_ASSIGNMENTS, "unifiedRoleAssignment"),
          Map.entry(B2cSeed.DIRECTORY_AUDITS, "directoryAudit"),
          Map.entry(B2cSeed.USER_FLOW_ATTRIBUTES, "identityUserFlowAttribute"),
          Map.entry(B2cSeed.DOMAINS, "domain"),
          Map.entry(B2cSeed.API_CONNECTORS, "identityApiConnector"),
          Map.entry(B2cSeed.BRANDING, "organizationalBrandingLocalization"),
          Map.entry(B2cSeed.OAUTH2_PERMISSION_GRANTS, "oAuth2PermissionGrant"));

  private B2cObjects() {}

  /**
   * An object of a collection with Graph's default properties around the given ones; an id is
   * drawn when absent.
   *
   * @throws IllegalArgumentException when the JSON is not an object or the collection is unknown
   */
  public static ObjectNode normalize(String collection, String json) {
    JsonNode n = Json.parseOrThrow(json, collection + " object");
    if (!n.isObject()) {
      throw new IllegalArgumentException(collection + " object must be a JSON object, was " + n.getNodeType());
    }
    return withDefaults(collection, (ObjectNode) n, "2023-03-01T08:00:00Z");
  }

  static ObjectNode withDefaults(String collection, ObjectNode given, String created) {
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
    o.setAll(given);
    if (collection.equals(B2cSeed.GROUPS) && o.path("securityIdentifier").isNull()) {
      o.put("securityIdentifier", securityIdentifier(o.path("id").asText()));
    }
    if (collection.equals(B2cSeed.APPLICATIONS) && o.has(EXTENSION_PROPERTIES)) {
      JsonNode given2 = o.get(EXTENSION_PROPERTIES);
      if (!given2.isArray()) {
        throw new IllegalArgumentException("an application's extensionProperties must be an array");
      }
      com.fasterxml.jackson.databind.node.ArrayNode out = Json.MAPPER.createArrayNode();
      for (JsonNode e : given2) {
        if (!e.isObject()) {
          throw new IllegalArgumentException("an extension property must be a JSON object");
        }
        out.add(extensionProperty(o, (ObjectNode) e));
      }
      o.set(EXTENSION_PROPERTIES, out);
    }
    if (collection.equals(B2cSeed.IDENTITY_PROVIDERS)) {
      if (o.path("id").asText().isEmpty() && o.hasNonNull("identityProviderType")) {
        o.put("id", o.path("identityProviderType").asText() + "-OAUTH");
      }
      if (o.has("clientSecret")) {
        o.put("clientSecret", "*****");
      }
    }
    if (collection.equals(B2cSeed.USER_FLOWS)) {
      for (JsonNode l : o.path("languages")) {
        if (l.isObject()) {
          // Graph's userFlowLanguageConfiguration: a language is enabled unless it says otherwise.
          ObjectNode language = (ObjectNode) l;
          if (!language.has("displayName")) {
            language.putNull("displayName");
          }
          if (!language.has("isEnabled")) {
            language.put("isEnabled", true);
          }
        }
      }
    }
    if (collection.equals(B2cSeed.API_CONNECTORS)) {
      ApiConnectorSecrets.mask(o, java.time.Instant.parse(created));
    }
    if (collection.equals(B2cSeed.USER_FLOW_ATTRIBUTES) && o.path("id").asText().isEmpty() && !o.path("displayName").asText().isEmpty()) {
      // Custom attributes are named after the b2c-extensions-app; the fake keeps the plain name.
      o.put("id", "extension_" + o.path("displayName").asText());
    }
    if (o.path("id").asText().isEmpty()) {
      throw new IllegalArgumentException(collection + " object needs an id");
    }
    return o;
  }

  /**
   * A v1.0 extensionProperty of an application with Graph's defaults around the given properties; a
   * bare {@code name} becomes {@code extension_{appId without dashes}_{name}}, as Graph names it.
   */
  static ObjectNode extensionProperty(ObjectNode app, ObjectNode given) {
    ObjectNode o = Json.object();
    o.put("id", UUID.randomUUID().toString());
    o.putNull("deletedDateTime");
    o.put("appDisplayName", app.path("displayName").asText(""));
    o.put("dataType", "String");
    o.put("isMultiValued", false);
    o.put("isSyncedFromOnPremises", false);
    o.put("name", "");
    o.putArray("targetObjects").add("User");
    o.setAll(given);
    String name = o.path("name").asText();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an extension property needs a name");
    }
    String prefix = "extension_" + app.path("appId").asText().replace("-", "") + "_";
    if (!name.startsWith("extension_")) {
      o.put("name", prefix + name);
    }
    return o;
  }

  /** A grant id shaped like Graph's: 32 random bytes, base64url without padding (43 characters). */
  private static String grantId() {
    byte[] b = new byte[32];
    java.util.concurrent.ThreadLocalRandom.current().nextBytes(b);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * The security identifier Entra ID derives from an object id ({@code S-1-12-1-} and the GUID's
   * 16 bytes, in .NET order, as four unsigned 32-bit numbers), or null when the id is no GUID.
   */
  static @Nullable String securityIdentifier(String id) {
    UUID u;
    try {
      u = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
    long msb = u.getMostSignificantBits();
    long lsb = u.getLeastSignificantBits();
    long a = msb >>> 32;
    long b = ((msb >>> 16) & 0xFFFFL) | ((msb & 0xFFFFL) << 16);
    long c = Integer.toUnsignedLong(Integer.reverseBytes((int) (lsb >>> 32)));
    long d = Integer.toUnsignedLong(Integer.reverseBytes((int) lsb));
    return "S-1-12-1-" + a + "-" + b + "-" + c + "-" + d;
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
