package io.github.b2cpermissions.testkit;

/**
 * The fixed object ids of {@link B2cData#sample()}, so that tests can name the sample's users,
 * groups and directory roles: {@code GET /users/} + {@link #ALICE}.
 */
public final class Sample {
  /** Alice Berg: email sign-in, other mail, mobile phone, phone and email methods. */
  public static final String ALICE = "11111111-0000-4000-8000-000000000001";

  /** Bob Okafor: user name sign-in. */
  public static final String BOB = "11111111-0000-4000-8000-000000000002";

  /** Chloé Dubois: a Google account. */
  public static final String CHLOE = "11111111-0000-4000-8000-000000000003";

  /** Dan Ito: disabled, email sign-in, two phone methods. */
  public static final String DAN = "11111111-0000-4000-8000-000000000004";

  /** Tenant Admin: a business phone, member of Support agents and of Global Administrator. */
  public static final String ADMIN = "11111111-0000-4000-8000-000000000005";

  /** The group VIP customers (Alice and Chloé). */
  public static final String GROUP_VIP = "22222222-0000-4000-8000-000000000001";

  /** The group Support agents (the administrator and the VIP group). */
  public static final String GROUP_SUPPORT = "22222222-0000-4000-8000-000000000002";

  /** The Global Administrator directory role (member: the administrator). */
  public static final String ROLE_GLOBAL_ADMIN = "33333333-0000-4000-8000-000000000001";

  /** The User Administrator directory role (no members). */
  public static final String ROLE_USER_ADMIN = "33333333-0000-4000-8000-000000000002";

  /** Entra's role template id of Global Administrator. */
  public static final String GLOBAL_ADMIN_TEMPLATE = "62e90394-69f5-4237-9190-012177145e10";

  /** Entra's role template id of User Administrator. */
  public static final String USER_ADMIN_TEMPLATE = "fe930be7-5e62-47db-91af-98c3a49a38b1";

  /**
   * The custom user flow attribute "LoyaltyNumber", named as B2C names it after the
   * b2c-extensions-app's appId without dashes.
   */
  public static final String ATTRIBUTE_LOYALTY_NUMBER = "extension_55555555000040008000000000000001_LoyaltyNumber";

  /**
   * The id of the b2c-extensions-app's extension property behind the custom attribute {@link
   * #ATTRIBUTE_LOYALTY_NUMBER} (named like it).
   */
  public static final String EXTENSION_LOYALTY_NUMBER = "99999999-0000-4000-8000-000000000001";

  /** The b2c-extensions-app's object id. */
  public static final String B2C_EXTENSIONS_APP = "44444444-0000-4000-8000-000000000001";

  /** The tenant-wide consent of the web shop to Microsoft Graph's openid, offline_access and User.Read. */
  public static final String OAUTH2_GRANT_SHOP = "gZ1-Gg4mTEuIeRLxCOLwZwAAAAAAAAAAAAAAAAAAAAA";

  /** The web shop app's service principal id, the {@code clientId} of {@link #OAUTH2_GRANT_SHOP}. */
  public static final String SHOP_SERVICE_PRINCIPAL = "77777777-0000-4000-8000-000000000002";

  /** Erik Lund, a user in the deleted items (deleted on 2024-05-04), restorable. */
  public static final String DELETED_USER_ERIK = "11111111-0000-4000-8000-000000000006";

  /** "Contoso loyalty (retired)", an application registration in the deleted items. */
  public static final String DELETED_APPLICATION = "44444444-0000-4000-8000-000000000003";

  /** The sample's custom domain, verified, next to the tenant's initial domain. */
  public static final String CUSTOM_DOMAIN = "login.contoso.example";

  /** The API connector "Loyalty number check" (basic authentication, user name b2c-connector). */
  public static final String API_CONNECTOR_LOYALTY = "77777777-0000-4000-8000-000000000001";

  private Sample() {}

  static void addTo(B2cData.Builder b) {
    b.add(B2cData.Kind.DOMAINS, "{\"id\":\"" + CUSTOM_DOMAIN + "\",\"supportedServices\":[\"Email\"]}");
    b.add(
        B2cData.Kind.COMPANY_BRANDING,
        "{\"id\":\"0\",\"backgroundColor\":\"#1F4E79\",\"signInPageText\":\"Welcome to Contoso\",\"usernameHintText\":\"you@example.com\","
            + "\"loginPageTextVisibilitySettings\":{\"hideAccountResetCredentials\":false,\"hideCannotAccessYourAccount\":false,\"hideForgotMyPassword\":false,"
            + "\"hidePrivacyAndCookies\":false,\"hideResetItNow\":false,\"hideTermsOfUse\":true}}");
    b.add(B2cData.Kind.COMPANY_BRANDING, "{\"id\":\"fr-FR\",\"signInPageText\":\"Bienvenue chez Contoso\",\"usernameHintText\":\"vous@example.com\"}");
    b.user(
        FakeUser.builder("Alice Berg")
            .id(ALICE)
            .name("Alice", "Berg")
            .emailIdentity("alice.berg@example.com")
            .otherMails("alice.berg@example.com")
            .mobilePhone("+1 4255550101")
            .phoneMethod("mobile", "+1 4255550101")
            .emailMethod("alice.berg@example.com")
            .build());
    b.user(FakeUser.builder("Bob Okafor").id(BOB).name("Bob", "Okafor").userNameIdentity("bob.okafor").build());
    b.user(
        FakeUser.builder("Chloé Dubois")
            .id(CHLOE)
            .name("Chloé", "Dubois")
            .federatedIdentity("google.com", "108234567890123456789")
            .otherMails("chloe.dubois@example.org")
            .build());
    b.user(
        FakeUser.builder("Dan Ito")
            .id(DAN)
            .name("Dan", "Ito")
            .emailIdentity("dan.ito@example.net")
            .otherMails("dan.ito@example.net")
            .accountEnabled(false)
            .phoneMethod("mobile", "+81 9012345678")
            .phoneMethod("alternateMobile", "+81 8012345678")
            .build());
    b.user(
        FakeUser.builder("Tenant Admin")
            .id(ADMIN)
            .mail("admin@example.com")
            .emailIdentity("admin@example.com")
            .businessPhone("+1 2065550100")
            .build());
    b.deletedUser(
        FakeUser.builder("Erik Lund").id(DELETED_USER_ERIK).name("Erik", "Lund").emailIdentity("erik.lund@example.com").otherMails("erik.lund@example.com").build(),
        "2024-05-04T12:00:00Z");
    b.add(B2cData.Kind.GROUPS, "{\"id\":\"" + GROUP_VIP + "\",\"displayName\":\"VIP customers\",\"mailNickname\":\"vip\",\"description\":\"Customers with priority support\"}");
    b.add(B2cData.Kind.GROUPS, "{\"id\":\"" + GROUP_SUPPORT + "\",\"displayName\":\"Support agents\",\"mailNickname\":\"support\"}");
    b.groupMembers(GROUP_VIP, ALICE, CHLOE);
    b.groupMembers(GROUP_SUPPORT, ADMIN, GROUP_VIP);
    b.owners(GROUP_VIP, ADMIN);
    b.owners(GROUP_SUPPORT, ADMIN);
    b.add(
        B2cData.Kind.IDENTITY_PROVIDERS,
        "{\"@odata.type\":\"#microsoft.graph.socialIdentityProvider\",\"id\":\"Google-OAUTH\",\"displayName\":\"Google\",\"identityProviderType\":\"Google\",\"clientId\":\"123456789012-abc.apps.googleusercontent.com\",\"clientSecret\":\"*****\"}");
    b.add(
        B2cData.Kind.IDENTITY_PROVIDERS,
        "{\"@odata.type\":\"#microsoft.graph.socialIdentityProvider\",\"id\":\"Facebook-OAUTH\",\"displayName\":\"Facebook\",\"identityProviderType\":\"Facebook\",\"clientId\":\"1234567890123456\",\"clientSecret\":\"*****\"}");
    b.add(
        B2cData.Kind.USER_FLOWS,
        "{\"id\":\"B2C_1_signupsignin\",\"userFlowType\":\"signUpOrSignIn\",\"userFlowTypeVersion\":3,"
            + "\"identityProviders\":[{\"id\":\"Google-OAUTH\",\"type\":\"Google\",\"name\":\"Google\"},{\"id\":\"Facebook-OAUTH\",\"type\":\"Facebook\",\"name\":\"Facebook\"}],"
            + "\"userAttributeAssignments\":["
            + "{\"id\":\"email\",\"displayName\":\"Email Address\",\"isOptional\":false,\"requiresVerification\":true,\"userInputType\":\"emailBox\",\"userAttributeValues\":[]},"
            + "{\"id\":\"displayName\",\"displayName\":\"Display Name\",\"isOptional\":false,\"requiresVerification\":false,\"userInputType\":\"textBox\",\"userAttributeValues\":[]},"
            + "{\"id\":\"city\",\"displayName\":\"City\",\"isOptional\":true,\"requiresVerification\":false,\"userInputType\":\"textBox\",\"userAttributeValues\":[]}],"
            + "\"isLanguageCustomizationEnabled\":true,\"defaultLanguageTag\":\"en\","
            + "\"languages\":["
            + "{\"id\":\"en\",\"displayName\":\"English\",\"isEnabled\":true,\"defaultPages\":[{\"id\":\"api.signuporsignin\"},{\"id\":\"api.selfasserted\"}],\"overridesPages\":[]},"
            + "{\"id\":\"fr\",\"displayName\":\"French\",\"isEnabled\":true,\"defaultPages\":[{\"id\":\"api.signuporsignin\"},{\"id\":\"api.selfasserted\"}],"
            + "\"overridesPages\":[{\"id\":\"api.selfasserted\"}]}]}");
    b.add(B2cData.Kind.USER_FLOWS, "{\"id\":\"B2C_1_passwordreset\",\"userFlowType\":\"passwordReset\",\"userFlowTypeVersion\":3}");
    b.add(B2cData.Kind.USER_FLOWS, "{\"id\":\"B2C_1_profileedit\",\"userFlowType\":\"profileUpdate\",\"userFlowTypeVersion\":3,\"identityProviders\":[{\"id\":\"Google-OAUTH\",\"type\":\"Google\",\"name\":\"Google\"}]}");
    b.add(
        B2cData.Kind.API_CONNECTORS,
        "{\"id\":\"" + API_CONNECTOR_LOYALTY + "\",\"displayName\":\"Loyalty number check\",\"targetUrl\":\"https://api.example.com/b2c/validate-loyalty\","
            + "\"authenticationConfiguration\":{\"@odata.type\":\"#microsoft.graph.basicAuthentication\",\"username\":\"b2c-connector\",\"password\":\"sample-connector-secret\"}}");
    b.add(
        B2cData.Kind.APPLICATIONS,
        "{\"id\":\"44444444-0000-4000-8000-000000000001\",\"appId\":\"55555555-0000-4000-8000-000000000001\",\"displayName\":\"b2c-extensions-app. Do not modify. Used by AADB2C for storing user data.\",\"signInAudience\":\"AzureADMyOrg\","
            + "\"extensionProperties\":[{\"id\":\"" + EXTENSION_LOYALTY_NUMBER + "\",\"name\":\"LoyaltyNumber\",\"dataType\":\"LargeInteger\",\"targetObjects\":[\"User\"]}]}");
    b.add(
        B2cData.Kind.APPLICATIONS,
        "{\"id\":\"44444444-0000-4000-8000-000000000002\",\"appId\":\"55555555-0000-4000-8000-000000000002\",\"displayName\":\"Contoso web shop\","
            + "\"signInAudience\":\"AzureADandPersonalMicrosoftAccount\",\"web\":{\"homePageUrl\":null,\"logoutUrl\":null,\"redirectUris\":[\"https://shop.example.com/signin-oidc\"],"
            + "\"implicitGrantSettings\":{\"enableAccessTokenIssuance\":false,\"enableIdTokenIssuance\":true}}}");
    b.owners("44444444-0000-4000-8000-000000000002", ADMIN);
    b.deletedApplication(
        "{\"id\":\"" + DELETED_APPLICATION + "\",\"appId\":\"55555555-0000-4000-8000-000000000003\",\"displayName\":\"Contoso loyalty (retired)\",\"signInAudience\":\"AzureADandPersonalMicrosoftAccount\"}",
        "2024-04-20T16:30:00Z");
    b.add(
        B2cData.Kind.OAUTH2_PERMISSION_GRANTS,
        "{\"id\":\"" + OAUTH2_GRANT_SHOP + "\",\"clientId\":\"" + SHOP_SERVICE_PRINCIPAL + "\",\"consentType\":\"AllPrincipals\",\"principalId\":null,"
            + "\"resourceId\":\"77777777-0000-4000-8000-000000000003\",\"scope\":\"openid offline_access User.Read\"}");
    b.add(
        B2cData.Kind.DIRECTORY_ROLES,
        "{\"id\":\"" + ROLE_GLOBAL_ADMIN + "\",\"displayName\":\"Global Administrator\",\"description\":\"Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.\",\"roleTemplateId\":\"" + GLOBAL_ADMIN_TEMPLATE + "\"}");
    b.add(
        B2cData.Kind.DIRECTORY_ROLES,
        "{\"id\":\"" + ROLE_USER_ADMIN + "\",\"displayName\":\"User Administrator\",\"description\":\"Can manage all aspects of users and groups, including resetting passwords for limited admins.\",\"roleTemplateId\":\"" + USER_ADMIN_TEMPLATE + "\"}");
    b.directoryRoleMembers(ROLE_GLOBAL_ADMIN, ADMIN);
    b.add(
        B2cData.Kind.ROLE_ASSIGNMENTS,
        "{\"id\":\"lAPpYvVpN0KRkAEhdxReEJC2sEqbR_9Hr48lds9SGHI-1\",\"principalId\":\"" + ADMIN + "\",\"roleDefinitionId\":\"" + GLOBAL_ADMIN_TEMPLATE + "\",\"directoryScopeId\":\"/\"}");
    b.add(B2cData.Kind.DIRECTORY_AUDITS, audit("Directory_A1", "2024-05-03T10:15:00Z", "Update user", "UserManagement", "Update", DAN, "Dan Ito"));
    b.add(B2cData.Kind.DIRECTORY_AUDITS, audit("Directory_A2", "2024-05-02T09:00:00Z", "Add member to group", "GroupManagement", "Assign", ALICE, "Alice Berg"));
    b.add(B2cData.Kind.DIRECTORY_AUDITS, audit("Directory_A3", "2024-05-01T08:30:00Z", "Add user", "UserManagement", "Add", ALICE, "Alice Berg"));
    b.add(
        B2cData.Kind.USER_FLOW_ATTRIBUTES,
        "{\"@odata.type\":\"#microsoft.graph.identityBuiltInUserFlowAttribute\",\"id\":\"city\",\"displayName\":\"City\","
            + "\"description\":\"The city in which the user is located.\",\"userFlowAttributeType\":\"builtIn\",\"dataType\":\"string\"}");
    b.add(
        B2cData.Kind.USER_FLOW_ATTRIBUTES,
        "{\"@odata.type\":\"#microsoft.graph.identityBuiltInUserFlowAttribute\",\"id\":\"displayName\",\"displayName\":\"Display Name\","
            + "\"description\":\"Display Name of the User.\",\"userFlowAttributeType\":\"builtIn\",\"dataType\":\"string\"}");
    b.add(
        B2cData.Kind.USER_FLOW_ATTRIBUTES,
        "{\"id\":\"" + ATTRIBUTE_LOYALTY_NUMBER + "\",\"displayName\":\"LoyaltyNumber\",\"description\":\"The member's loyalty card number.\",\"dataType\":\"int64\"}");
  }

  private static String audit(String id, String when, String activity, String category, String operation, String targetId, String targetName) {
    return "{\"id\":\"" + id + "\",\"category\":\"" + category + "\",\"correlationId\":\"66666666-0000-4000-8000-0000000000" + id.substring(id.length() - 2).replace("A", "0") + "\","
        + "\"result\":\"success\",\"resultReason\":\"\",\"activityDisplayName\":\"" + activity + "\",\"activityDateTime\":\"" + when + "\","
        + "\"loggedByService\":\"Core Directory\",\"operationType\":\"" + operation + "\","
        + "\"initiatedBy\":{\"app\":null,\"user\":{\"id\":\"" + ADMIN + "\",\"displayName\":null,\"userPrincipalName\":\"admin@example.com\",\"ipAddress\":\"203.0.113.7\"}},"
        + "\"targetResources\":[{\"id\":\"" + targetId + "\",\"displayName\":\"" + targetName + "\",\"type\":\"User\",\"userPrincipalName\":null,\"groupType\":null,\"modifiedProperties\":[]}],"
        + "\"additionalDetails\":[]}";
  }
}
