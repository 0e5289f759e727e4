package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.delete;
import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static io.github.b2cpermissions.testkit.Http.post;
import static io.github.b2cpermissions.testkit.ExternalIdSample.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.testkit.ExternalIdData;
import io.github.b2cpermissions.testkit.ExternalIdSample;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The External ID routes over the External ID sample: user flows and their links, custom extensions, the methods policy. */
class ExternalIdRoutesTest {
  static final String FLOWS = "/v1.0/identity/authenticationEventsFlows";
  static final String EXTENSIONS = "/v1.0/identity/customAuthenticationExtensions";
  static final String POLICY = "/v1.0/policies/authenticationMethodsPolicy";
  static final String ATTRIBUTES =
      "/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAttributeCollection/microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp/attributes";
  static final String PROVIDERS =
      "/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAuthenticationMethodLoadStart/microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp/identityProviders";
  static final String UNKNOWN = "00000000-0000-4000-8000-0000000000ff";

  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(
          FakeGraphTenant.builder()
              .externalId("woodgrove.onmicrosoft.com")
              .grantedRoles("EventListener.ReadWrite.All", "CustomAuthenticationExtension.ReadWrite.All", "Policy.ReadWrite.AuthenticationMethod")
              .b2cData(ExternalIdSample.directory())
              .externalIdData(ExternalIdData.sample()));

  private static List<String> values(JsonNode page, String key) {
    List<String> out = new ArrayList<>();
    page.path("value").forEach(o -> out.add(o.path(key).asText()));
    return out;
  }

  private static HttpResponse<String> patch(FakeGraphTenant t, String path, String token, String body) {
    return Http.send(t, HttpRequest.newBuilder(Http.uri(t, path)).method("PATCH", HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").build());
  }

  private static FakeGraphTenant withRoles(String... roles) {
    return FakeGraphTenant.builder().externalId("woodgrove.onmicrosoft.com").grantedRoles(roles)
        .b2cData(ExternalIdSample.directory()).externalIdData(ExternalIdData.sample()).build().start();
  }

  @Test
  void flowsListWithTheirDerivedTypeAndPageWithTop(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    JsonNode page = json(get(t, FLOWS, token));
    assertThat(page.path("@odata.context").asText()).endsWith("/v1.0/$metadata#identity/authenticationEventsFlows");
    assertThat(values(page, "id")).containsExactly(FLOW_SHOP_SIGN_UP, FLOW_PARTNER_SIGN_UP);
    JsonNode shop = page.path("value").get(0);
    assertThat(shop.path("@odata.type").asText()).isEqualTo("#microsoft.graph.externalUsersSelfServiceSignUpEventsFlow");
    assertThat(shop.path("onInteractiveAuthFlowStart").path("isSignUpAllowed").asBoolean()).isTrue();
    assertThat(shop.has("includeApplications")).as("links are navigations, not properties").isFalse();
    assertThat(shop.path("onAttributeCollection").has("attributes")).isFalse();
    JsonNode first = json(get(t, FLOWS + "?$top=1", token));
    assertThat(values(first, "id")).containsExactly(FLOW_SHOP_SIGN_UP);
    JsonNode second = json(Http.send(t, HttpRequest.newBuilder(java.net.URI.create(first.path("@odata.nextLink").asText())).header("Authorization", "Bearer " + token).build()));
    assertThat(values(second, "id")).containsExactly(FLOW_PARTNER_SIGN_UP);
    JsonNode selected = json(get(t, FLOWS + "/" + FLOW_PARTNER_SIGN_UP + "?$select=displayName", token));
    assertThat(selected.path("displayName").asText()).isEqualTo("Partner portal sign-in");
    assertThat(selected.has("conditions")).isFalse();
    assertThat(values(json(get(t, FLOWS + "?$filter=displayName%20eq%20'Partner%20portal%20sign-in'", token)), "id")).containsExactly(FLOW_PARTNER_SIGN_UP);
  }

  @Test
  void aFlowsApplicationsAttributesAndProvidersAreItsNavigations(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String flow = FLOWS + "/" + FLOW_SHOP_SIGN_UP;
    assertThat(values(json(get(t, flow + "/conditions/applications/includeApplications", token)), "appId")).containsExactly(SHOP_APP_ID);
    assertThat(values(json(get(t, flow + ATTRIBUTES, token)), "id")).containsExactly("displayName", "city", ATTRIBUTE_LOYALTY_NUMBER);
    JsonNode providers = json(get(t, flow + PROVIDERS, token));
    assertThat(values(providers, "id")).containsExactly(PROVIDER_EMAIL_PASSWORD, PROVIDER_GOOGLE);
    assertThat(providers.path("value").get(1).path("clientSecret").asText()).isEqualTo("*****");
    assertThat(get(t, FLOWS + "/" + UNKNOWN + "/conditions/applications/includeApplications", token).statusCode()).isEqualTo(404);
  }

  @Test
  void aRestoreRecreatesAFlowWithItsLinksAndResetBringsTheSampleBack(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    assertThat(delete(t, FLOWS + "/" + FLOW_SHOP_SIGN_UP, token).statusCode()).isEqualTo(204);
    assertThat(get(t, FLOWS + "/" + FLOW_SHOP_SIGN_UP, token).statusCode()).isEqualTo(404);
    HttpResponse<String> created = post(t, FLOWS, token,
        "{\"@odata.type\":\"#microsoft.graph.externalUsersSelfServiceSignUpEventsFlow\",\"displayName\":\"Web shop sign-up and sign-in\","
            + "\"conditions\":{\"applications\":{\"includeApplications\":[{\"appId\":\"" + SHOP_APP_ID + "\"}]}},"
            + "\"onAuthenticationMethodLoadStart\":{\"@odata.type\":\"#microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp\",\"identityProviders\":[{\"id\":\"" + PROVIDER_EMAIL_PASSWORD + "\"}]}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).path("id").asText();
    String flow = FLOWS + "/" + id;
    assertThat(values(json(get(t, flow + "/conditions/applications/includeApplications", token)), "appId")).containsExactly(SHOP_APP_ID);
    assertThat(post(t, flow + ATTRIBUTES + "/$ref", token, "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/identity/userFlowAttributes/city\"}").statusCode()).isEqualTo(204);
    assertThat(post(t, flow + ATTRIBUTES + "/$ref", token, "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/identity/userFlowAttributes/city\"}").statusCode()).isEqualTo(400);
    assertThat(post(t, flow + ATTRIBUTES + "/$ref", token, "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/identity/userFlowAttributes/nope\"}").statusCode()).isEqualTo(404);
    assertThat(post(t, flow + PROVIDERS + "/$ref", token, "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/identity/identityProviders/" + PROVIDER_GOOGLE + "\"}").statusCode()).isEqualTo(204);
    assertThat(values(json(get(t, flow + PROVIDERS, token)), "id")).containsExactly(PROVIDER_EMAIL_PASSWORD, PROVIDER_GOOGLE);
    assertThat(post(t, flow + "/conditions/applications/includeApplications", token, "{\"appId\":\"" + PARTNER_APP_ID + "\"}").statusCode()).isEqualTo(201);
    assertThat(delete(t, flow + "/conditions/applications/includeApplications/" + SHOP_APP_ID, token).statusCode()).isEqualTo(204);
    assertThat(delete(t, flow + "/conditions/applications/includeApplications/" + SHOP_APP_ID, token).statusCode()).isEqualTo(404);
    assertThat(delete(t, flow + ATTRIBUTES + "/city/$ref", token).statusCode()).isEqualTo(204);
    assertThat(delete(t, flow + PROVIDERS + "/" + PROVIDER_GOOGLE + "/$ref", token).statusCode()).isEqualTo(204);
    assertThat(patch(t, flow, token, "{\"description\":\"restored\"}").statusCode()).isEqualTo(204);
    assertThat(json(get(t, flow, token)).path("description").asText()).isEqualTo("restored");
    t.reset();
    assertThat(values(json(get(t, FLOWS, t.issueAccessToken())), "id")).containsExactly(FLOW_SHOP_SIGN_UP, FLOW_PARTNER_SIGN_UP);
  }

  @Test
  void aFlowWriteIsCheckedAsGraphChecksIt(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String type = "\"@odata.type\":\"#microsoft.graph.externalUsersSelfServiceSignUpEventsFlow\"";
    assertThat(post(t, FLOWS, token, "{\"displayName\":\"No type\"}").statusCode()).isEqualTo(400);
    assertThat(post(t, FLOWS, token, "{" + type + "}").statusCode()).as("displayName is required").isEqualTo(400);
    assertThat(post(t, FLOWS, token, "{" + type + ",\"displayName\":\"Partner portal sign-in\"}").statusCode()).as("names are unique").isEqualTo(400);
    assertThat(post(t, FLOWS, token, "{" + type + ",\"displayName\":\"X\",\"colour\":\"red\"}").statusCode()).isEqualTo(400);
    assertThat(post(t, FLOWS, token, "{" + type + ",\"displayName\":\"X\",\"onAttributeCollection\":{\"attributes\":[{\"id\":\"nope\"}]}}").statusCode()).isEqualTo(404);
    assertThat(patch(t, FLOWS + "/" + UNKNOWN, token, "{\"description\":\"x\"}").statusCode()).isEqualTo(404);
    assertThat(post(t, FLOWS + "/" + FLOW_SHOP_SIGN_UP + "/conditions/applications/includeApplications", token, "{\"appId\":\"not-a-guid\"}").statusCode()).isEqualTo(400);
    assertThat(t.journal().unmatched()).as("an unknown property is a gap in strict mode").hasSize(1);
    t.journal().clear();
  }

  @Test
  void customExtensionsAreListedCreatedAndCheckedByType(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    JsonNode page = json(get(t, EXTENSIONS, token));
    assertThat(values(page, "id")).containsExactly(EXTENSION_TOKEN_CLAIMS, EXTENSION_VALIDATE_LOYALTY);
    assertThat(page.path("value").get(0).path("@odata.type").asText()).isEqualTo("#microsoft.graph.onTokenIssuanceStartCustomExtension");
    assertThat(json(get(t, EXTENSIONS + "/" + EXTENSION_TOKEN_CLAIMS, token)).path("claimsForTokenConfiguration").get(0).path("claimIdInApiResponse").asText()).isEqualTo("loyaltyTier");
    String body = "\"displayName\":\"OTP sender\",\"endpointConfiguration\":{\"@odata.type\":\"#microsoft.graph.httpRequestEndpoint\",\"targetUrl\":\"https://otp.example.com/send\"},"
        + "\"authenticationConfiguration\":{\"@odata.type\":\"#microsoft.graph.azureAdTokenAuthentication\",\"resourceId\":\"api://otp.example.com\"}";
    HttpResponse<String> created = post(t, EXTENSIONS, token, "{\"@odata.type\":\"#microsoft.graph.onOtpSendCustomExtension\"," + body + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).path("id").asText();
    assertThat(post(t, EXTENSIONS, token, "{" + body + "}").statusCode()).as("the type is required").isEqualTo(400);
    assertThat(post(t, EXTENSIONS, token, "{\"@odata.type\":\"#microsoft.graph.onOtpSendCustomExtension\"," + body.replace("https://", "http://") + "}").statusCode()).isEqualTo(400);
    assertThat(patch(t, EXTENSIONS + "/" + id, token, "{\"@odata.type\":\"#microsoft.graph.onTokenIssuanceStartCustomExtension\"}").statusCode()).isEqualTo(400);
    assertThat(patch(t, EXTENSIONS + "/" + id, token, "{\"description\":\"sends codes\"}").statusCode()).isEqualTo(204);
    assertThat(delete(t, EXTENSIONS + "/" + id, token).statusCode()).isEqualTo(204);
    assertThat(get(t, EXTENSIONS + "/" + id, token).statusCode()).isEqualTo(404);
  }

  @Test
  void thePolicyAndItsMethodConfigurationsAreReadAndChanged(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    JsonNode policy = json(get(t, POLICY, token));
    assertThat(policy.path("id").asText()).isEqualTo("authenticationMethodsPolicy");
    assertThat(policy.has("authenticationMethodConfigurations")).isFalse();
    JsonNode email = json(get(t, POLICY + "/authenticationMethodConfigurations/email", token));
    assertThat(email.path("@odata.type").asText()).isEqualTo("#microsoft.graph.emailAuthenticationMethodConfiguration");
    assertThat(email.path("allowExternalIdToUseEmailOtp").asText()).isEqualTo("enabled");
    assertThat(get(t, POLICY + "/authenticationMethodConfigurations/Fido2", token).statusCode()).isEqualTo(404);
    assertThat(patch(t, POLICY + "/authenticationMethodConfigurations/Sms", token, "{\"state\":\"enabled\"}").statusCode()).isEqualTo(204);
    assertThat(json(get(t, POLICY + "/authenticationMethodConfigurations/Sms", token)).path("state").asText()).isEqualTo("enabled");
    assertThat(patch(t, POLICY + "/authenticationMethodConfigurations/Sms", token, "{\"state\":\"on\"}").statusCode()).isEqualTo(400);
    assertThat(patch(t, POLICY + "/authenticationMethodConfigurations/Sms", token, "{\"allowExternalIdToUseEmailOtp\":\"enabled\"}").statusCode()).as("not an SMS property").isEqualTo(400);
    assertThat(t.journal().unmatched()).as("an unknown property is a gap in strict mode").hasSize(1);
    t.journal().clear();
    assertThat(patch(t, POLICY, token, "{\"reconfirmationInDays\":30}").statusCode()).isEqualTo(204);
    assertThat(json(get(t, POLICY, token)).path("reconfirmationInDays").asInt()).isEqualTo(30);
  }

  @Test
  void readRolesReadButDoNotWriteAndOtherRolesAreRefused() {
    FakeGraphTenant t = withRoles("EventListener.Read.All", "CustomAuthenticationExtension.Read.All", "Policy.Read.AuthenticationMethod");
    try {
      String token = t.issueAccessToken();
      assertThat(get(t, FLOWS, token).statusCode()).isEqualTo(200);
      assertThat(get(t, FLOWS + "/" + FLOW_SHOP_SIGN_UP + ATTRIBUTES, token).statusCode()).isEqualTo(200);
      assertThat(get(t, EXTENSIONS, token).statusCode()).isEqualTo(200);
      assertThat(get(t, POLICY + "/authenticationMethodConfigurations/Email", token).statusCode()).isEqualTo(200);
      assertThat(delete(t, FLOWS + "/" + FLOW_SHOP_SIGN_UP, token).statusCode()).isEqualTo(403);
      assertThat(patch(t, POLICY, token, "{\"reconfirmationInDays\":1}").statusCode()).isEqualTo(403);
    } finally {
      t.stop();
    }
    FakeGraphTenant other = withRoles("IdentityUserFlow.ReadWrite.All", "Policy.Read.All");
    try {
      String token = other.issueAccessToken();
      assertThat(json(get(other, FLOWS, token)).path("error").path("code").asText()).isEqualTo("Authorization_RequestDenied");
      assertThat(get(other, EXTENSIONS, token).statusCode()).isEqualTo(403);
      assertThat(get(other, POLICY, token).statusCode()).as("Policy.Read.All reads the policy").isEqualTo(200);
    } finally {
      other.stop();
    }
  }
}
