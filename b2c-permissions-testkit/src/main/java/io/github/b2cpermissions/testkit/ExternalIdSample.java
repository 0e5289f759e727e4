package io.github.b2cpermissions.testkit;

/**
 * The fixed ids of the External ID sample: the directory of {@link #directory()} and the
 * configuration of {@link ExternalIdData#sample()}, a small customer identity tenant for a web shop
 * and a partner portal, as a backup of an External ID tenant would find it.
 */
public final class ExternalIdSample {
  /** A local account that signs in with email and password. */
  public static final String ANA = "e1000000-0000-4000-8000-000000000001";
  /** A local account that signs in with an email one-time passcode. */
  public static final String BEN = "e1000000-0000-4000-8000-000000000002";
  /** A customer who signs in with Google. */
  public static final String CARLA = "e1000000-0000-4000-8000-000000000003";
  /** The tenant's administrator, a member account. */
  public static final String ADMIN = "e1000000-0000-4000-8000-000000000004";
  /** A security group of premium customers (Ana and Carla). */
  public static final String GROUP_PREMIUM = "e2000000-0000-4000-8000-000000000001";
  /** The Global Administrator directory role (the administrator is its member). */
  public static final String ROLE_GLOBAL_ADMIN = "e3000000-0000-4000-8000-000000000001";
  /** The object id of the web shop's app registration. */
  public static final String SHOP_APP = "e4000000-0000-4000-8000-000000000002";
  /** The appId of the web shop, linked to {@link #FLOW_SHOP_SIGN_UP}. */
  public static final String SHOP_APP_ID = "e5000000-0000-4000-8000-000000000002";
  /** The appId of the partner portal, linked to {@link #FLOW_PARTNER_SIGN_UP}. */
  public static final String PARTNER_APP_ID = "e5000000-0000-4000-8000-000000000003";
  /** The custom user flow attribute the shop's sign-up collects. */
  public static final String ATTRIBUTE_LOYALTY_NUMBER = "extension_e500000000004000800000000000000a_LoyaltyNumber";
  /** The built-in email with password identity provider. */
  public static final String PROVIDER_EMAIL_PASSWORD = "EmailPassword-OAUTH";
  /** The built-in email one-time passcode identity provider. */
  public static final String PROVIDER_EMAIL_OTP = "EmailOtpSignup-OAUTH";
  /** The Google identity provider. */
  public static final String PROVIDER_GOOGLE = "Google-OAUTH";
  /** The web shop's sign-up and sign-in user flow. */
  public static final String FLOW_SHOP_SIGN_UP = "e6000000-0000-4000-8000-000000000001";
  /** The partner portal's user flow (email one-time passcode, no sign-up page attributes but the name). */
  public static final String FLOW_PARTNER_SIGN_UP = "e6000000-0000-4000-8000-000000000002";
  /** A token issuance start extension that adds loyalty claims to the shop's tokens. */
  public static final String EXTENSION_TOKEN_CLAIMS = "e7000000-0000-4000-8000-000000000001";
  /** An attribute collection submit extension that validates the loyalty number. */
  public static final String EXTENSION_VALIDATE_LOYALTY = "e7000000-0000-4000-8000-000000000002";

  private static final String EXTENSIONS_APP = "e4000000-0000-4000-8000-000000000001";
  private static final String GLOBAL_ADMIN_TEMPLATE = "62e90394-69f5-4237-9190-012177145e10";

  private ExternalIdSample() {}

  /**
   * The directory of the sample External ID tenant, for {@link FakeGraphTenantBuilder#b2cData}: four
   * users (email with password, email one-time passcode, Google, the administrator), a group, the
   * b2c-extensions-app with the loyalty number extension, the web shop and partner portal apps, the
   * built-in email providers and Google, three user flow attributes (display name, city, loyalty
   * number), company branding, the Global Administrator role with its assignment and one audit
   * entry. It has no B2C user flows ({@code identity/b2cUserFlows} lists none).
   */
  public static B2cData directory() {
    return B2cData.builder().externalIdSample().build();
  }

  static void addDirectoryTo(B2cData.Builder b) {
    b.user(FakeUser.builder("Ana Silva").id(ANA).name("Ana", "Silva").emailIdentity("ana.silva@example.com").otherMails("ana.silva@example.com")
        .emailMethod("ana.silva@example.com").build());
    b.user(FakeUser.builder("Ben Novak").id(BEN).name("Ben", "Novak").emailIdentity("ben.novak@example.org").otherMails("ben.novak@example.org")
        .emailMethod("ben.novak@example.org").build());
    b.user(FakeUser.builder("Carla Rossi").id(CARLA).name("Carla", "Rossi").federatedIdentity("google.com", "118234567890123456789")
        .mobilePhone("+39 3123456789").phoneMethod("mobile", "+39 3123456789").build());
    b.user(FakeUser.builder("Woodgrove Admin").id(ADMIN).mail("admin@example.com").emailIdentity("admin@example.com").build());
    b.add(B2cData.Kind.GROUPS, "{\"id\":\"" + GROUP_PREMIUM + "\",\"displayName\":\"Premium members\",\"mailNickname\":\"premium\"}");
    b.groupMembers(GROUP_PREMIUM, ANA, CARLA);
    b.add(B2cData.Kind.APPLICATIONS,
        "{\"id\":\"" + EXTENSIONS_APP + "\",\"appId\":\"e5000000-0000-4000-8000-00000000000a\",\"displayName\":\"b2c-extensions-app. Do not modify. Used by AADB2C for storing user data.\","
            + "\"signInAudience\":\"AzureADMyOrg\",\"extensionProperties\":[{\"id\":\"e8000000-0000-4000-8000-000000000001\",\"name\":\"LoyaltyNumber\",\"dataType\":\"String\",\"targetObjects\":[\"User\"]}]}");
    b.add(B2cData.Kind.APPLICATIONS,
        "{\"id\":\"" + SHOP_APP + "\",\"appId\":\"" + SHOP_APP_ID + "\",\"displayName\":\"Woodgrove web shop\",\"signInAudience\":\"AzureADMyOrg\","
            + "\"web\":{\"homePageUrl\":null,\"logoutUrl\":null,\"redirectUris\":[\"https://shop.woodgrove.example/signin-oidc\"],"
            + "\"implicitGrantSettings\":{\"enableAccessTokenIssuance\":false,\"enableIdTokenIssuance\":true}}}");
    b.add(B2cData.Kind.APPLICATIONS,
        "{\"id\":\"e4000000-0000-4000-8000-000000000003\",\"appId\":\"" + PARTNER_APP_ID + "\",\"displayName\":\"Woodgrove partner portal\",\"signInAudience\":\"AzureADMyOrg\"}");
    b.add(B2cData.Kind.IDENTITY_PROVIDERS,
        "{\"@odata.type\":\"#microsoft.graph.builtInIdentityProvider\",\"id\":\"" + PROVIDER_EMAIL_PASSWORD + "\",\"displayName\":\"Email with password\",\"identityProviderType\":\"EmailPassword\"}");
    b.add(B2cData.Kind.IDENTITY_PROVIDERS,
        "{\"@odata.type\":\"#microsoft.graph.builtInIdentityProvider\",\"id\":\"" + PROVIDER_EMAIL_OTP + "\",\"displayName\":\"Email one-time passcode\",\"identityProviderType\":\"EmailOTP\"}");
    b.add(B2cData.Kind.IDENTITY_PROVIDERS,
        "{\"@odata.type\":\"#microsoft.graph.socialIdentityProvider\",\"id\":\"" + PROVIDER_GOOGLE + "\",\"displayName\":\"Google\",\"identityProviderType\":\"Google\","
            + "\"clientId\":\"223456789012-woodgrove.apps.googleusercontent.com\",\"clientSecret\":\"*****\"}");
    b.add(B2cData.Kind.USER_FLOW_ATTRIBUTES,
        "{\"@odata.type\":\"#microsoft.graph.identityBuiltInUserFlowAttribute\",\"id\":\"displayName\",\"displayName\":\"Display Name\",\"description\":\"Display Name of the User.\",\"userFlowAttributeType\":\"builtIn\",\"dataType\":\"string\"}");
    b.add(B2cData.Kind.USER_FLOW_ATTRIBUTES,
        "{\"@odata.type\":\"#microsoft.graph.identityBuiltInUserFlowAttribute\",\"id\":\"city\",\"displayName\":\"City\",\"description\":\"The city in which the user is located.\",\"userFlowAttributeType\":\"builtIn\",\"dataType\":\"string\"}");
    b.add(B2cData.Kind.USER_FLOW_ATTRIBUTES,
        "{\"id\":\"" + ATTRIBUTE_LOYALTY_NUMBER + "\",\"displayName\":\"LoyaltyNumber\",\"description\":\"The member's loyalty card number.\",\"dataType\":\"string\"}");
    b.add(B2cData.Kind.COMPANY_BRANDING, "{\"id\":\"0\",\"backgroundColor\":\"#0F6CBD\",\"signInPageText\":\"Welcome to Woodgrove\",\"usernameHintText\":\"you@example.com\"}");
    b.add(B2cData.Kind.DIRECTORY_ROLES,
        "{\"id\":\"" + ROLE_GLOBAL_ADMIN + "\",\"displayName\":\"Global Administrator\",\"description\":\"Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.\",\"roleTemplateId\":\"" + GLOBAL_ADMIN_TEMPLATE + "\"}");
    b.directoryRoleMembers(ROLE_GLOBAL_ADMIN, ADMIN);
    b.add(B2cData.Kind.ROLE_ASSIGNMENTS,
        "{\"id\":\"lAPpYvVpN0KRkAEhdxReEOBAAAAAAABAgAAAAAAAAAQ-1\",\"principalId\":\"" + ADMIN + "\",\"roleDefinitionId\":\"" + GLOBAL_ADMIN_TEMPLATE + "\",\"directoryScopeId\":\"/\"}");
    b.add(B2cData.Kind.DIRECTORY_AUDITS,
        "{\"id\":\"Directory_E1\",\"category\":\"UserManagement\",\"activityDisplayName\":\"Add user\",\"activityDateTime\":\"2026-03-02T10:00:00Z\","
            + "\"loggedByService\":\"Core Directory\",\"operationType\":\"Add\",\"result\":\"success\",\"resultReason\":\"\","
            + "\"correlationId\":\"e9000000-0000-4000-8000-000000000001\",\"initiatedBy\":{\"app\":null,\"user\":{\"id\":\"" + ADMIN + "\",\"displayName\":null,"
            + "\"userPrincipalName\":\"admin@example.com\",\"ipAddress\":\"203.0.113.9\"}},\"targetResources\":[{\"id\":\"" + ANA + "\",\"displayName\":\"Ana Silva\","
            + "\"type\":\"User\",\"userPrincipalName\":null,\"groupType\":null,\"modifiedProperties\":[]}],\"additionalDetails\":[]}");
  }

  static void addTo(ExternalIdData.Builder b) {
    b.add(ExternalIdData.Kind.AUTHENTICATION_EVENTS_FLOWS,
        "{\"id\":\"" + FLOW_SHOP_SIGN_UP + "\",\"displayName\":\"Web shop sign-up and sign-in\",\"description\":\"Customers of the web shop\","
            + "\"onAttributeCollection\":{\"@odata.type\":\"#microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp\","
            + "\"attributeCollectionPage\":{\"views\":[{\"title\":null,\"description\":null,\"inputs\":["
            + input("email", "Email Address", "email", true, false) + ","
            + input("displayName", "Display Name", "text", true, true) + ","
            + input("city", "City", "text", false, true) + ","
            + input(ATTRIBUTE_LOYALTY_NUMBER, "Loyalty number", "text", false, true) + "]}]}},"
            + "\"onAttributeCollectionSubmit\":{\"@odata.type\":\"#microsoft.graph.onAttributeCollectionSubmitCustomExtensionHandler\",\"configuration\":null},"
            + "\"includeApplications\":[\"" + SHOP_APP_ID + "\"],"
            + "\"attributes\":[\"displayName\",\"city\",\"" + ATTRIBUTE_LOYALTY_NUMBER + "\"],"
            + "\"identityProviders\":[\"" + PROVIDER_EMAIL_PASSWORD + "\",\"" + PROVIDER_GOOGLE + "\"]}");
    b.add(ExternalIdData.Kind.AUTHENTICATION_EVENTS_FLOWS,
        "{\"id\":\"" + FLOW_PARTNER_SIGN_UP + "\",\"displayName\":\"Partner portal sign-in\",\"onInteractiveAuthFlowStart\":"
            + "{\"@odata.type\":\"#microsoft.graph.onInteractiveAuthFlowStartExternalUsersSelfServiceSignUp\",\"isSignUpAllowed\":false},"
            + "\"includeApplications\":[{\"appId\":\"" + PARTNER_APP_ID + "\"}],\"attributes\":[\"displayName\"],\"identityProviders\":[\"" + PROVIDER_EMAIL_OTP + "\"]}");
    b.add(ExternalIdData.Kind.CUSTOM_AUTHENTICATION_EXTENSIONS,
        "{\"@odata.type\":\"#microsoft.graph.onTokenIssuanceStartCustomExtension\",\"id\":\"" + EXTENSION_TOKEN_CLAIMS + "\",\"displayName\":\"Loyalty claims\","
            + "\"description\":\"Adds the loyalty tier to the shop's tokens\",\"endpointConfiguration\":{\"@odata.type\":\"#microsoft.graph.httpRequestEndpoint\","
            + "\"targetUrl\":\"https://loyalty.woodgrove.example/api/claims\"},\"authenticationConfiguration\":{\"@odata.type\":\"#microsoft.graph.azureAdTokenAuthentication\","
            + "\"resourceId\":\"api://loyalty.woodgrove.example/e5000000-0000-4000-8000-000000000004\"},\"clientConfiguration\":{\"timeoutInMilliseconds\":2000,\"maximumRetries\":1},"
            + "\"claimsForTokenConfiguration\":[{\"claimIdInApiResponse\":\"loyaltyTier\"}]}");
    b.add(ExternalIdData.Kind.CUSTOM_AUTHENTICATION_EXTENSIONS,
        "{\"@odata.type\":\"#microsoft.graph.onAttributeCollectionSubmitCustomExtension\",\"id\":\"" + EXTENSION_VALIDATE_LOYALTY + "\",\"displayName\":\"Validate loyalty number\","
            + "\"endpointConfiguration\":{\"@odata.type\":\"#microsoft.graph.httpRequestEndpoint\",\"targetUrl\":\"https://loyalty.woodgrove.example/api/validate\"},"
            + "\"authenticationConfiguration\":{\"@odata.type\":\"#microsoft.graph.azureAdTokenAuthentication\",\"resourceId\":\"api://loyalty.woodgrove.example/e5000000-0000-4000-8000-000000000004\"},"
            + "\"behaviorOnError\":{\"@odata.type\":\"#microsoft.graph.fallbackToMicrosoftProviderOnError\"}}");
    b.add(ExternalIdData.Kind.AUTHENTICATION_METHOD_CONFIGURATIONS,
        "{\"id\":\"Email\",\"state\":\"enabled\",\"allowExternalIdToUseEmailOtp\":\"enabled\",\"excludeTargets\":[]}");
    b.add(ExternalIdData.Kind.AUTHENTICATION_METHOD_CONFIGURATIONS,
        "{\"id\":\"Sms\",\"state\":\"disabled\",\"excludeTargets\":[{\"id\":\"" + GROUP_PREMIUM + "\",\"targetType\":\"group\"}]}");
  }

  private static String input(String attribute, String label, String type, boolean required, boolean editable) {
    return "{\"attribute\":\"" + attribute + "\",\"label\":\"" + label + "\",\"inputType\":\"" + (type.equals("email") ? "text" : type) + "\",\"defaultValue\":null,"
        + "\"hidden\":false,\"editable\":" + editable + ",\"writeToDirectory\":true,\"required\":" + required + ",\"validationRegEx\":\"^.*\",\"options\":[]}";
  }
}
