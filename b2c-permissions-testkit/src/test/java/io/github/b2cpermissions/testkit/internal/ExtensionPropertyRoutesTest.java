package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.delete;
import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static io.github.b2cpermissions.testkit.Http.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.Sample;
import io.github.b2cpermissions.testkit.seed.FakeGraphSeed;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /applications/{id}/extensionProperties}: where a B2C tenant defines its custom attributes
 * (on the b2c-extensions-app), listed, read, created and deleted.
 */
class ExtensionPropertyRoutesTest {
  static final String EXTENSIONS = "/v1.0/applications/" + Sample.B2C_EXTENSIONS_APP + "/extensionProperties";
  static final String UNKNOWN = "00000000-0000-4000-8000-0000000000ff";

  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll().b2cData(B2cData.sample()));


  @Test
  void theB2cExtensionsAppDefinesTheCustomAttributes(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> r = get(t, EXTENSIONS, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode page = json(r);
    assertThat(page.path("value").size()).isEqualTo(1);
    JsonNode loyalty = page.path("value").get(0);
    assertThat(loyalty.path("name").asText()).as("the custom attribute's name").isEqualTo(Sample.ATTRIBUTE_LOYALTY_NUMBER);
    assertThat(loyalty.path("dataType").asText()).isEqualTo("LargeInteger");
    assertThat(loyalty.path("targetObjects").get(0).asText()).isEqualTo("User");
    assertThat(loyalty.path("appDisplayName").asText()).startsWith("b2c-extensions-app");
    JsonNode one = json(get(t, EXTENSIONS + "/" + Sample.EXTENSION_LOYALTY_NUMBER, token));
    assertThat(one.path("name")).isEqualTo(loyalty.path("name"));
    assertThat(json(get(t, "/v1.0/applications/" + Sample.B2C_EXTENSIONS_APP, token)).has("extensionProperties")).as("a navigation, not a property").isFalse();
    assertThat(json(get(t, EXTENSIONS + "?$select=name", token)).path("value").get(0).size()).isEqualTo(1);
  }

  @Test
  void aCreatedPropertyIsNamedAfterTheAppAndCanBeDeleted(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String body = "{\"name\":\"FavouriteColour\",\"dataType\":\"String\",\"targetObjects\":[\"User\"]}";
    HttpResponse<String> created = post(t, EXTENSIONS, token, body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode p = json(created);
    assertThat(p.path("name").asText()).isEqualTo("extension_55555555000040008000000000000001_FavouriteColour");
    assertThat(p.path("isMultiValued").asBoolean(true)).isFalse();
    assertThat(json(get(t, EXTENSIONS, token)).path("value").size()).isEqualTo(2);
    HttpResponse<String> twice = post(t, EXTENSIONS, token, body);
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(json(twice).path("error").path("message").asText()).contains("already exists");
    String id = p.path("id").asText();
    assertThat(delete(t, EXTENSIONS + "/" + id, token).statusCode()).isEqualTo(204);
    assertThat(get(t, EXTENSIONS + "/" + id, token).statusCode()).isEqualTo(404);
    assertThat(delete(t, EXTENSIONS + "/" + id, token).statusCode()).isEqualTo(404);
  }

  @Test
  void aBodyWithABadTypeOrTargetIsRefused(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    assertThat(post(t, EXTENSIONS, token, "{\"name\":\"A\",\"dataType\":\"Text\",\"targetObjects\":[\"User\"]}").statusCode()).isEqualTo(400);
    assertThat(post(t, EXTENSIONS, token, "{\"name\":\"A\",\"dataType\":\"String\",\"targetObjects\":[\"Chair\"]}").statusCode()).isEqualTo(400);
    assertThat(post(t, EXTENSIONS, token, "{\"name\":\"no spaces\",\"dataType\":\"String\",\"targetObjects\":[\"User\"]}").statusCode()).isEqualTo(400);
    assertThat(post(t, EXTENSIONS, token, "{\"dataType\":\"String\",\"targetObjects\":[\"User\"]}").statusCode()).isEqualTo(400);
    assertThat(json(get(t, EXTENSIONS, token)).path("value").size()).isEqualTo(1);
  }

  @Test
  void unknownAndMalformedIdsAnswerAsGraph(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    assertThat(get(t, "/v1.0/applications/" + UNKNOWN + "/extensionProperties", token).statusCode()).isEqualTo(404);
    assertThat(get(t, "/v1.0/applications/not-an-id/extensionProperties", token).statusCode()).isEqualTo(400);
    assertThat(get(t, EXTENSIONS + "/" + UNKNOWN, token).statusCode()).isEqualTo(404);
  }

  @Test
  void readingAndWritingTakeMicrosoftsRoles(FakeGraphTenant t) {
    OnlyRoles.grant(t, "Directory.Read.All");
    String dir = t.issueAccessToken();
    assertThat(get(t, EXTENSIONS, dir).statusCode()).isEqualTo(200);
    assertThat(get(t, EXTENSIONS + "/" + Sample.EXTENSION_LOYALTY_NUMBER, dir).statusCode()).as("the table lists no Directory role for one property").isEqualTo(403);
    OnlyRoles.grant(t, "Application.Read.All");
    String read = t.issueAccessToken();
    assertThat(get(t, EXTENSIONS + "/" + Sample.EXTENSION_LOYALTY_NUMBER, read).statusCode()).isEqualTo(200);
    assertThat(post(t, EXTENSIONS, read, "{\"name\":\"A\",\"dataType\":\"String\",\"targetObjects\":[\"User\"]}").statusCode()).isEqualTo(403);
  }

  @Test
  void extensionPropertiesRoundTripThroughTheJsonSeed() {
    String seed =
        "{\"domain\":\"contoso.onmicrosoft.com\",\"granted\":\"all\",\"b2cData\":{\"applications\":[{\"id\":\"cccccccc-0000-4000-8000-000000000001\","
            + "\"appId\":\"dddddddd-0000-4000-8000-000000000001\",\"displayName\":\"b2c-extensions-app\",\"extensionProperties\":[{\"name\":\"Tier\"}]}]}}";
    try (FakeGraph graph = FakeGraphSeed.load(seed).start()) {
      FakeGraphTenant t = graph.tenants().get(0);
      JsonNode page = json(get(t, "/v1.0/applications/cccccccc-0000-4000-8000-000000000001/extensionProperties", t.issueAccessToken()));
      assertThat(page.path("value").get(0).path("name").asText()).isEqualTo("extension_dddddddd000040008000000000000001_Tier");
      assertThat(page.path("value").get(0).path("dataType").asText()).isEqualTo("String");
    }
  }
}
