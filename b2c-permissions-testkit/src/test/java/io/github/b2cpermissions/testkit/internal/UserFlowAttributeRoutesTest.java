package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.Sample;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserFlowAttributeRoutesTest {
  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(
          FakeGraphTenant.builder()
              .b2c("contoso.onmicrosoft.com")
              .grantedAll()
              .b2cData(
                  B2cData.builder()
                      .sample()
                      .add(B2cData.Kind.USER_FLOW_ATTRIBUTES, "{\"displayName\":\"FavouriteColour\"}")
                      .build()));

  private static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("value").forEach(o -> out.add(o.path("id").asText()));
    return out;
  }

  @Test
  void attributeCatalogListsBuiltInAndCustomAttributesWithTheirDerivedTypes(FakeGraphTenant t) {
    HttpResponse<String> r = get(t, "/v1.0/identity/userFlowAttributes", t.issueAccessToken());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.path("@odata.context").asText()).endsWith("/$metadata#identity/userFlowAttributes");
    assertThat(ids(body)).containsExactly("city", "displayName", Sample.ATTRIBUTE_LOYALTY_NUMBER, "extension_FavouriteColour");
    JsonNode loyalty = body.path("value").get(2);
    assertThat(loyalty.path("@odata.type").asText()).isEqualTo("#microsoft.graph.identityCustomUserFlowAttribute");
    assertThat(loyalty.path("userFlowAttributeType").asText()).isEqualTo("custom");
    assertThat(loyalty.path("dataType").asText()).isEqualTo("int64");
    assertThat(body.path("value").get(0).path("@odata.type").asText()).isEqualTo("#microsoft.graph.identityBuiltInUserFlowAttribute");
  }

  @Test
  void customAttributesAreFoundByFilterOnTheirAttributeType(FakeGraphTenant t) {
    HttpResponse<String> r = get(t, "/v1.0/identity/userFlowAttributes?$filter=userFlowAttributeType%20eq%20'custom'", t.issueAccessToken());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(ids(json(r))).containsExactly(Sample.ATTRIBUTE_LOYALTY_NUMBER, "extension_FavouriteColour");
  }

  @Test
  void oneAttributeIsReadByIdAndAnUnknownIdIsNotFound(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> r = get(t, "/v1.0/identity/userFlowAttributes/" + Sample.ATTRIBUTE_LOYALTY_NUMBER, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).path("displayName").asText()).isEqualTo("LoyaltyNumber");
    assertThat(get(t, "/v1.0/identity/userFlowAttributes/extension_nope", token).statusCode()).isEqualTo(404);
  }

  @Test
  void attributeCatalogIsRefusedWithoutAnIdentityUserFlowRole() {
    FakeGraphTenant t = FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedRoles("User.Read.All").b2cData(B2cData.sample()).build().start();
    try {
      assertThat(get(t, "/v1.0/identity/userFlowAttributes", t.issueAccessToken()).statusCode()).isEqualTo(403);
    } finally {
      t.stop();
    }
  }
}
