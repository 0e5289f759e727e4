package io.github.b2cpermissions.testkit.seed;

import static io.github.b2cpermissions.testkit.ExternalIdSample.FLOW_SHOP_SIGN_UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.testkit.ExternalIdSample;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code externalIdData} key of the JSON seed format, and a round trip through what Graph returns. */
class ExternalIdSeedJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FLOWS = "/v1.0/identity/authenticationEventsFlows";
  private static final String APPLICATIONS = "/conditions/applications/includeApplications";
  private static final String ATTRIBUTES =
      "/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAttributeCollection/microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp/attributes";
  private static final String PROVIDERS =
      "/microsoft.graph.externalUsersSelfServiceSignUpEventsFlow/onAuthenticationMethodLoadStart/microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp/identityProviders";
  private static final String EXTENSIONS = "/v1.0/identity/customAuthenticationExtensions";
  private static final String POLICY = "/v1.0/policies/authenticationMethodsPolicy";
  private static final List<String> METHODS = List.of("Email", "Sms");
  private static final String TENANT =
      "\"domain\":\"woodgrove.onmicrosoft.com\",\"tenantType\":\"CIAM\","
          + "\"grantedRoles\":[\"EventListener.Read.All\",\"CustomAuthenticationExtension.Read.All\",\"Policy.Read.AuthenticationMethod\",\"IdentityUserFlow.Read.All\",\"IdentityProvider.Read.All\",\"Organization.Read.All\"],"
          + "\"b2cData\":{\"externalIdSample\":true}";

  private static JsonNode read(FakeGraphTenant t, String token, String path) {
    var r = Http.get(t, path, token);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    ObjectNode o = (ObjectNode) Http.json(r);
    o.remove("@odata.context");
    return o;
  }

  /** Everything an External ID backup reads of the configuration, by path, as Graph returns it. */
  private static Map<String, JsonNode> backup(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    Map<String, JsonNode> out = new LinkedHashMap<>();
    JsonNode flows = read(t, token, FLOWS);
    out.put(FLOWS, flows);
    for (JsonNode f : flows.path("value")) {
      String flow = FLOWS + "/" + f.path("id").asText();
      for (String nav : List.of(APPLICATIONS, ATTRIBUTES, PROVIDERS)) {
        out.put(flow + nav, read(t, token, flow + nav));
      }
    }
    out.put(EXTENSIONS, read(t, token, EXTENSIONS));
    out.put(POLICY, read(t, token, POLICY));
    for (String m : METHODS) {
      out.put(POLICY + "/authenticationMethodConfigurations/" + m, read(t, token, POLICY + "/authenticationMethodConfigurations/" + m));
    }
    return out;
  }

  private static List<String> ids(JsonNode page, String key) {
    List<String> out = new ArrayList<>();
    page.path("value").forEach(o -> out.add(o.path(key).asText()));
    return out;
  }

  @Test
  void theSampleIsSeededFromJsonAsAnExternalIdTenant() {
    try (FakeGraph graph = FakeGraphSeed.load("{" + TENANT + ",\"externalIdData\":{\"sample\":true}}").start()) {
      FakeGraphTenant t = graph.tenants().get(0);
      String token = t.issueAccessToken();
      assertThat(ids(read(t, token, FLOWS), "id")).containsExactly(FLOW_SHOP_SIGN_UP, ExternalIdSample.FLOW_PARTNER_SIGN_UP);
      assertThat(ids(read(t, token, FLOWS + "/" + FLOW_SHOP_SIGN_UP + APPLICATIONS), "appId")).containsExactly(ExternalIdSample.SHOP_APP_ID);
      assertThat(read(t, token, "/v1.0/organization").path("value").get(0).path("tenantType").asText()).isEqualTo("CIAM");
      assertThat(t.b2cUserCount()).isEqualTo(4);
    }
  }

  @Test
  void whatABackupReadsSeedsATenantThatAnswersTheSame() {
    Map<String, JsonNode> before;
    try (FakeGraph graph = FakeGraphSeed.load("{" + TENANT + ",\"externalIdData\":{\"sample\":true}}").start()) {
      before = backup(graph.tenants().get(0));
    }
    ObjectNode data = MAPPER.createObjectNode();
    ArrayNode flows = data.putArray("authenticationEventsFlows");
    for (JsonNode f : before.get(FLOWS).path("value")) {
      ObjectNode flow = ((ObjectNode) f).deepCopy();
      String path = FLOWS + "/" + f.path("id").asText();
      ArrayNode apps = flow.putArray("includeApplications");
      ids(before.get(path + APPLICATIONS), "appId").forEach(apps::add);
      ArrayNode attributes = flow.putArray("attributes");
      ids(before.get(path + ATTRIBUTES), "id").forEach(attributes::add);
      ArrayNode providers = flow.putArray("identityProviders");
      ids(before.get(path + PROVIDERS), "id").forEach(providers::add);
      flows.add(flow);
    }
    data.set("customAuthenticationExtensions", before.get(EXTENSIONS).path("value"));
    data.set("authenticationMethodsPolicy", before.get(POLICY));
    ArrayNode configurations = data.putArray("authenticationMethodConfigurations");
    METHODS.forEach(m -> configurations.add(before.get(POLICY + "/authenticationMethodConfigurations/" + m)));
    String seed = "{" + TENANT + ",\"externalIdData\":" + data + "}";
    try (FakeGraph graph = FakeGraphSeed.load(seed).start()) {
      Map<String, JsonNode> after = backup(graph.tenants().get(0));
      assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
      after.forEach((path, body) -> assertThat(body).as(path).isEqualTo(before.get(path)));
      assertThat(after.get(FLOWS).path("value").size()).isEqualTo(2);
    }
  }

  @Test
  void errorsNameTheJsonPath() {
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"externalIdData\":{\"flows\":[]}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.externalIdData").hasMessageContaining("flows");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"externalIdData\":{\"authenticationMethodConfigurations\":[{\"id\":\"Fido2\"}]}}"))
        .hasMessageContaining("$.externalIdData.authenticationMethodConfigurations[0]").hasMessageContaining("@odata.type");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"externalIdData\":{\"customAuthenticationExtensions\":[{\"displayName\":\"x\",\"attributes\":[\"city\"]}]}}"))
        .hasMessageContaining("$.externalIdData.customAuthenticationExtensions[0]").hasMessageContaining("only a user flow");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"externalIdData\":{\"authenticationEventsFlows\":[{\"id\":\"a\"},{\"id\":\"A\"}]}}"))
        .hasMessageContaining("$.externalIdData.authenticationEventsFlows[1]").hasMessageContaining("two");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"externalIdData\":{\"sample\":\"yes\"}}")).hasMessageContaining("$.externalIdData.sample");
  }
}
