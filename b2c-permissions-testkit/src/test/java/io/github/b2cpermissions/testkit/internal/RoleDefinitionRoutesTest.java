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

class RoleDefinitionRoutesTest {
  private static final String DEFINITIONS = "/v1.0/roleManagement/directory/roleDefinitions";
  private static final String TEMPLATES = "/v1.0/directoryRoleTemplates";

  @RegisterExtension
  static final FakeGraphExtension FAKE = FakeGraphExtension.of(FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll().b2cData(B2cData.sample()));

  private static List<JsonNode> all(FakeGraphTenant t, String path, String token) {
    List<JsonNode> out = new ArrayList<>();
    String next = path;
    while (next != null) {
      HttpResponse<String> r = get(t, next, token);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode page = json(r);
      page.path("value").forEach(out::add);
      String link = page.path("@odata.nextLink").asText(null);
      next = link == null ? null : link.substring(link.indexOf("/v1.0/"));
    }
    return out;
  }

  @Test
  void roleDefinitionsAreTheBuiltInRolesWithTheirTemplateIdsAndPermissions(FakeGraphTenant t) {
    List<JsonNode> defs = all(t, DEFINITIONS + "?$top=5", t.issueAccessToken());
    assertThat(defs).hasSize(BuiltInRoles.all().size()).hasSizeGreaterThan(5);
    JsonNode global = defs.stream().filter(d -> d.path("displayName").asText().equals("Global Administrator")).findFirst().orElseThrow();
    assertThat(global.path("id").asText()).isEqualTo(Sample.GLOBAL_ADMIN_TEMPLATE);
    assertThat(global.path("templateId").asText()).isEqualTo(Sample.GLOBAL_ADMIN_TEMPLATE);
    assertThat(global.path("isBuiltIn").asBoolean()).isTrue();
    assertThat(global.path("resourceScopes").get(0).asText()).isEqualTo("/");
    assertThat(global.path("rolePermissions").get(0).path("allowedResourceActions").size()).isPositive();
    assertThat(defs).extracting(d -> d.path("displayName").asText()).contains("External ID User Flow Administrator", "B2C IEF Policy Administrator");
  }

  @Test
  void theSampleRoleAssignmentAndDirectoryRolesResolveToADefinitionAndATemplate(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    JsonNode assignment = json(get(t, "/v1.0/roleManagement/directory/roleAssignments", token)).path("value").get(0);
    HttpResponse<String> def = get(t, DEFINITIONS + "/" + assignment.path("roleDefinitionId").asText(), token);
    assertThat(def.statusCode()).as(def.body()).isEqualTo(200);
    assertThat(json(def).path("displayName").asText()).isEqualTo("Global Administrator");
    for (JsonNode role : json(get(t, "/v1.0/directoryRoles", token)).path("value")) {
      HttpResponse<String> template = get(t, TEMPLATES + "/" + role.path("roleTemplateId").asText() + "?$select=displayName", token);
      assertThat(template.statusCode()).as(template.body()).isEqualTo(200);
      assertThat(json(template).path("displayName").asText()).isEqualTo(role.path("displayName").asText());
      assertThat(json(template).has("description")).as("not selected").isFalse();
    }
  }

  @Test
  void roleDefinitionsFilterByDisplayName(FakeGraphTenant t) {
    JsonNode page = json(get(t, DEFINITIONS + "?$filter=displayName%20eq%20'User%20Administrator'", t.issueAccessToken()));
    assertThat(page.path("value")).hasSize(1);
    assertThat(page.path("value").get(0).path("id").asText()).isEqualTo(Sample.USER_ADMIN_TEMPLATE);
  }

  @Test
  void unknownIdsAreNotFoundAndAMalformedTemplateIdIsABadRequest(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String unknown = "00000000-0000-4000-8000-0000000000ff";
    assertThat(get(t, DEFINITIONS + "/" + unknown, token).statusCode()).isEqualTo(404);
    assertThat(get(t, DEFINITIONS + "/not-a-guid", token).statusCode()).as("not a directory object").isEqualTo(404);
    assertThat(get(t, TEMPLATES + "/" + unknown, token).statusCode()).isEqualTo(404);
    HttpResponse<String> malformed = get(t, TEMPLATES + "/not-a-guid", token);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed).path("error").path("message").asText()).isEqualTo("Invalid object identifier 'not-a-guid'.");
  }

  @Test
  void roleManagementReadAllReadsDefinitionsButNotTemplatesAndOtherRolesReadNeither() {
    FakeGraphTenant t = FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedRoles("RoleManagement.Read.All").build().start();
    FakeGraphTenant none = FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedRoles("User.Read.All").build().start();
    try {
      assertThat(get(t, DEFINITIONS, t.issueAccessToken()).statusCode()).isEqualTo(200);
      assertThat(get(t, TEMPLATES, t.issueAccessToken()).statusCode()).isEqualTo(403);
      assertThat(get(none, DEFINITIONS, none.issueAccessToken()).statusCode()).isEqualTo(403);
      assertThat(get(none, TEMPLATES + "/" + Sample.GLOBAL_ADMIN_TEMPLATE, none.issueAccessToken()).statusCode()).isEqualTo(403);
    } finally {
      t.stop();
      none.stop();
    }
  }
}
