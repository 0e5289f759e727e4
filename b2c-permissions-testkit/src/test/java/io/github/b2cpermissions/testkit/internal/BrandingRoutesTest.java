package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static io.github.b2cpermissions.testkit.Http.send;
import static io.github.b2cpermissions.testkit.Http.uri;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BrandingRoutesTest {
  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedRoles("OrganizationalBranding.Read.All").b2cData(B2cData.sample()));

  private static String branding(FakeGraphTenant t) {
    return "/v1.0/organization/" + t.tenantId() + "/branding";
  }

  private static HttpResponse<String> getIn(FakeGraphTenant t, String path, String language) {
    return send(t, HttpRequest.newBuilder(uri(t, path)).header("Authorization", "Bearer " + t.issueAccessToken()).header("Accept-Language", language).GET().build());
  }

  @Test
  void theDefaultBrandingIsReadWithoutStreamsAndWithSelect(FakeGraphTenant t) {
    HttpResponse<String> r = get(t, branding(t), t.issueAccessToken());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode b = json(r);
    assertThat(b.path("@odata.context").asText()).endsWith("/$metadata#organization('" + t.tenantId() + "')/branding/$entity");
    assertThat(b.path("id").asText()).isEqualTo("0");
    assertThat(b.path("signInPageText").asText()).isEqualTo("Welcome to Contoso");
    assertThat(b.path("loginPageTextVisibilitySettings").path("hideTermsOfUse").asBoolean()).isTrue();
    assertThat(b.has("bannerLogo")).as("a stream, read at its own URL").isFalse();
    JsonNode selected = json(get(t, branding(t) + "?$select=usernameHintText", t.issueAccessToken()));
    assertThat(selected.path("usernameHintText").asText()).isEqualTo("you@example.com");
    assertThat(selected.has("signInPageText")).isFalse();
  }

  @Test
  void acceptLanguageChoosesALocalizationAndFallsBackToTheDefault(FakeGraphTenant t) {
    assertThat(json(getIn(t, branding(t), "fr-FR")).path("signInPageText").asText()).isEqualTo("Bienvenue chez Contoso");
    assertThat(json(getIn(t, branding(t), "0")).path("id").asText()).isEqualTo("0");
    assertThat(json(getIn(t, branding(t), "de-DE")).path("id").asText()).isEqualTo("0");
  }

  @Test
  void localizationsListTheDefaultAndEachLocaleAndAnUnknownLocaleIsNotFound(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    JsonNode page = json(get(t, branding(t) + "/localizations", token));
    assertThat(page.path("value").findValuesAsText("id")).containsExactly("0", "fr-FR");
    HttpResponse<String> fr = get(t, branding(t) + "/localizations/fr-FR", token);
    assertThat(fr.statusCode()).as(fr.body()).isEqualTo(200);
    assertThat(json(fr).path("usernameHintText").asText()).isEqualTo("vous@example.com");
    assertThat(json(fr).path("backgroundColor").isNull()).as("a localization keeps its own values only").isTrue();
    assertThat(get(t, branding(t) + "/localizations/de-DE", token).statusCode()).isEqualTo(404);
  }

  @Test
  void aTenantWithoutBrandingAndAnotherOrganizationAnswerNotFound(FakeGraphTenant t) {
    assertThat(get(t, "/v1.0/organization/00000000-0000-4000-8000-0000000000aa/branding", t.issueAccessToken()).statusCode()).isEqualTo(404);
    FakeGraphTenant plain = FakeGraphTenant.builder().b2c("fabrikam.onmicrosoft.com").grantedRoles("Organization.Read.All").build().start();
    try {
      HttpResponse<String> r = get(plain, branding(plain), plain.issueAccessToken());
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(json(r).path("error").path("code").asText()).isEqualTo("Request_ResourceNotFound");
      assertThat(get(plain, branding(plain) + "/localizations", plain.issueAccessToken()).statusCode()).isEqualTo(404);
    } finally {
      plain.stop();
    }
  }

  @Test
  void brandingIsRefusedWithoutAnOrganizationOrBrandingRole() {
    FakeGraphTenant t = FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll().b2cData(B2cData.sample()).build().start();
    try {
      // Directory.Read.All, one of the 14, does not read branding.
      assertThat(get(t, branding(t), t.issueAccessToken()).statusCode()).isEqualTo(403);
      assertThat(get(t, branding(t) + "/localizations", t.issueAccessToken()).statusCode()).isEqualTo(403);
    } finally {
      t.stop();
    }
  }
}
