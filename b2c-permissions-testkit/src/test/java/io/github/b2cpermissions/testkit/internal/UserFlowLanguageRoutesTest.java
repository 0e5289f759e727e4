package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserFlowLanguageRoutesTest {
  private static final String FLOW = "/beta/identity/b2cUserFlows/B2C_1_signupsignin";

  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll().pageSize(1).b2cData(B2cData.sample()));

  @Test
  void aFlowListsItsLanguagesPageByPageWithoutTheirPageNavigations(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> r = get(t, FLOW + "/languages", token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode first = json(r);
    assertThat(first.path("@odata.context").asText()).endsWith("/beta/$metadata#identity/b2cUserFlows('B2C_1_signupsignin')/languages");
    JsonNode en = first.path("value").get(0);
    assertThat(en.path("id").asText()).isEqualTo("en");
    assertThat(en.path("displayName").asText()).isEqualTo("English");
    assertThat(en.path("isEnabled").asBoolean()).isTrue();
    assertThat(en.has("defaultPages") || en.has("overridesPages")).as("navigations, not properties").isFalse();
    String next = first.path("@odata.nextLink").asText();
    JsonNode second = json(get(t, next.substring(next.indexOf("/beta/")), token));
    assertThat(second.path("value").findValuesAsText("id")).containsExactly("fr");
  }

  @Test
  void aLanguageIsReadByIdWithItsDefaultAndOverriddenPages(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> fr = get(t, FLOW + "/languages/FR?$select=id,displayName", token);
    assertThat(fr.statusCode()).as(fr.body()).isEqualTo(200);
    assertThat(json(fr).path("displayName").asText()).isEqualTo("French");
    assertThat(json(fr).has("isEnabled")).as("not selected").isFalse();
    JsonNode overrides = json(get(t, FLOW + "/languages/fr/overridesPages", token));
    assertThat(overrides.path("@odata.context").asText()).endsWith("/languages('fr')/overridesPages");
    assertThat(overrides.path("value").findValuesAsText("id")).containsExactly("api.selfasserted");
    JsonNode defaults = json(get(t, FLOW + "/languages/fr/defaultPages?$top=5", token));
    assertThat(defaults.path("value").findValuesAsText("id")).containsExactly("api.signuporsignin", "api.selfasserted");
    assertThat(json(get(t, FLOW + "/languages/en/overridesPages", token)).path("value")).isEmpty();
  }

  @Test
  void unknownFlowsAndLanguagesAreNotFoundAndAFlowWithoutLanguagesHasNone(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    assertThat(json(get(t, "/beta/identity/b2cUserFlows/B2C_1_passwordreset/languages", token)).path("value")).isEmpty();
    assertThat(get(t, FLOW + "/languages/de", token).statusCode()).isEqualTo(404);
    assertThat(get(t, FLOW + "/languages/de/overridesPages", token).statusCode()).isEqualTo(404);
    assertThat(get(t, "/beta/identity/b2cUserFlows/B2C_1_nope/languages", token).statusCode()).isEqualTo(404);
  }

  @Test
  void theV1AddressIsRefusedAsGraphRefusesASegmentItsV1SchemaLacks(FakeGraphTenant t) {
    HttpResponse<String> r = get(t, "/v1.0/identity/b2cUserFlows/B2C_1_signupsignin/languages", t.issueAccessToken());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("error").path("message").asText()).isEqualTo("Resource not found for the segment 'b2cUserFlows'.");
    assertThat(t.journal().unmatched()).as("recorded, naming the beta address").hasSize(1);
    t.journal().clear();
  }

  @Test
  void languagesNeedAnIdentityUserFlowRoleAndTheReadRoleIsEnough() {
    FakeGraphTenant reader = FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedRoles("IdentityUserFlow.Read.All").b2cData(B2cData.sample()).build().start();
    FakeGraphTenant other = FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedRoles("Directory.Read.All").b2cData(B2cData.sample()).build().start();
    try {
      assertThat(get(reader, FLOW + "/languages/fr/defaultPages", reader.issueAccessToken()).statusCode()).isEqualTo(200);
      assertThat(get(other, FLOW + "/languages", other.issueAccessToken()).statusCode()).isEqualTo(403);
      assertThat(get(other, FLOW + "/languages/fr", other.issueAccessToken()).statusCode()).isEqualTo(403);
    } finally {
      reader.stop();
      other.stop();
    }
  }

  @Test
  void aFlowsIdentityProvidersCarryTheProvidersClientIdAndAMaskedSecret(FakeGraphTenant t) {
    JsonNode page = json(get(t, FLOW + "/identityProviders?$top=5", t.issueAccessToken()));
    JsonNode google = page.path("value").get(0);
    assertThat(google.path("id").asText()).isEqualTo("Google-OAUTH");
    assertThat(google.path("type").asText()).isEqualTo("Google");
    assertThat(google.path("name").asText()).isEqualTo("Google");
    assertThat(google.path("clientId").asText()).isEqualTo("123456789012-abc.apps.googleusercontent.com");
    assertThat(google.path("clientSecret").asText()).isEqualTo("*****");
    assertThat(google.has("displayName") || google.has("@odata.type")).as("beta identityProvider shape, not identityProviderBase").isFalse();
  }
}
