package io.github.b2cpermissions.testkit.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.testkit.Http;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SeedsTest {

  @Test
  void aSingleTenantObjectSeedsOneTenant() {
    FakeGraph graph =
        FakeGraphSeed.load(
            "{\"domain\":\"contoso.onmicrosoft.com\",\"tenantId\":\"11111111-2222-4333-8444-555555555555\","
                + "\"granted\":\"all\",\"without\":[\"User-Phone.ReadWrite.All\"],\"grantedRoles\":[\"Directory.ReadWrite.All\"],"
                + "\"deletedAssignments\":[\"User-Phone.ReadWrite.All\"],"
                + "\"otherResourceRoles\":[{\"appRoleId\":\"" + B2cBackupPermission.USER_PHONE_READ_WRITE_ALL.appRoleId() + "\"}]}");
    assertThat(graph.tenants()).hasSize(1);
    FakeGraphTenant t = graph.tenants().get(0);
    assertThat(t.tenantId()).isEqualTo("11111111-2222-4333-8444-555555555555");
    assertThat(t.tenantType()).isEqualTo("AAD B2C");
    assertThat(t.app().grantedPermissions()).hasSize(13).doesNotContain(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
    assertThat(t.app().grantedRoles()).contains("Directory.ReadWrite.All");
  }

  @Test
  void serverAndSeveralTenantsWithTheirApp() {
    FakeGraph graph =
        FakeGraphSeed.load(
            "{\"server\":{\"pageSize\":7,\"strict\":false},\"tenants\":["
                + "{\"domain\":\"a.onmicrosoft.com\",\"tenantType\":\"CIAM\",\"backupApp\":{\"clientId\":\"0f0f0f0f-1111-2222-3333-444444444444\","
                + "\"clientSecret\":\"s\",\"displayName\":\"Acme Backup\",\"redirectUris\":[\"https://acme.example.com/cb\"],"
                + "\"requiredPermissions\":[\"User.ReadWrite.All\"]}},"
                + "{\"domain\":\"b.onmicrosoft.com\",\"servicePrincipal\":\"not_found\",\"backupApp\":{\"clientId\":\"0f0f0f0f-1111-2222-3333-444444444444\","
                + "\"clientSecret\":\"s\",\"displayName\":\"Acme Backup\",\"redirectUris\":[\"https://acme.example.com/cb\"],"
                + "\"requiredPermissions\":[\"User.ReadWrite.All\"]}}]}");
    assertThat(graph.isStrict()).isFalse();
    assertThat(graph.tenants()).extracting(FakeGraphTenant::domain).containsExactly("a.onmicrosoft.com", "b.onmicrosoft.com");
    FakeGraphTenant a = graph.tenant("a.onmicrosoft.com").orElseThrow();
    assertThat(a.tenantType()).isEqualTo("CIAM");
    assertThat(a.clientSecret()).isEqualTo("s");
    assertThat(a.redirectUris()).containsExactly(URI.create("https://acme.example.com/cb"));
    assertThat(graph.tenant("b.onmicrosoft.com").orElseThrow().app().servicePrincipalPresence()).isEqualTo(AppPresence.NOT_FOUND);
  }

  @Test
  void errorsNameTheJsonPath() {
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"tenants\":[{\"domian\":\"x.onmicrosoft.com\"}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.tenants[0]")
        .hasMessageContaining("domian");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"granted\":[\"user.readwrite.all\"]}"))
        .hasMessageContaining("$.granted")
        .hasMessageContaining("case-sensitive");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"server\":{\"pageSize\":\"ten\"},\"tenants\":[]}"))
        .hasMessageContaining("$.server.pageSize");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"servicePrincipal\":\"GONE\"}")).hasMessageContaining("ENABLED, DISABLED or NOT_FOUND");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"tenants\":[{\"domain\":\"a.onmicrosoft.com\"},{\"domain\":\"a.onmicrosoft.com\"}]}"))
        .hasMessageContaining("$.tenants[1]");
    assertThatThrownBy(() -> FakeGraphSeed.load("not json")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"servicePrincipal\":\"NOT_FOUND\",\"granted\":\"all\"}")).hasMessageContaining("cannot have grants");
  }

  static final String B2C_SEED =
      "{\"domain\":\"contoso.onmicrosoft.com\",\"granted\":\"all\",\"b2cData\":{"
          + "\"generatedUsers\":{\"count\":5,\"seed\":42},"
          + "\"users\":[{\"id\":\"aaaaaaaa-0000-4000-8000-000000000001\",\"displayName\":\"Alice Berg\",\"givenName\":\"Alice\",\"surname\":\"Berg\","
          + "\"mail\":\"alice@example.com\",\"accountEnabled\":false,\"otherMails\":[\"alice@example.com\"],\"mobilePhone\":\"+1 4255550101\","
          + "\"businessPhones\":[\"+1 4255550199\"],"
          + "\"identities\":[{\"signInType\":\"emailAddress\",\"issuer\":\"contoso.onmicrosoft.com\",\"issuerAssignedId\":\"alice@example.com\"},"
          + "{\"signInType\":\"federated\",\"issuer\":\"google.com\",\"issuerAssignedId\":\"1082345\"}],"
          + "\"authentication\":{\"phoneMethods\":[{\"phoneType\":\"mobile\",\"phoneNumber\":\"+1 4255550101\"}],"
          + "\"emailMethods\":[{\"emailAddress\":\"alice@example.com\"}]}}],"
          + "\"groups\":[{\"id\":\"bbbbbbbb-0000-4000-8000-000000000001\",\"displayName\":\"VIP\",\"members\":[\"aaaaaaaa-0000-4000-8000-000000000001\"]}],"
          + "\"applications\":[{\"displayName\":\"Shop\",\"appId\":\"cccccccc-0000-4000-8000-000000000001\"}],"
          + "\"identityProviders\":[{\"@odata.type\":\"#microsoft.graph.socialIdentityProvider\",\"displayName\":\"Google\",\"identityProviderType\":\"Google\",\"clientId\":\"g\",\"clientSecret\":\"s3cret\"}],"
          + "\"userFlows\":[{\"id\":\"B2C_1_susi\",\"userFlowType\":\"signUpOrSignIn\",\"userFlowTypeVersion\":3,\"identityProviders\":[{\"id\":\"Google-OAUTH\"}],"
          + "\"userAttributeAssignments\":[{\"id\":\"city\",\"displayName\":\"City\",\"isOptional\":true}]}],"
          + "\"directoryRoles\":[{\"id\":\"dddddddd-0000-4000-8000-000000000001\",\"displayName\":\"User Administrator\","
          + "\"roleTemplateId\":\"fe930be7-5e62-47db-91af-98c3a49a38b1\",\"members\":[\"aaaaaaaa-0000-4000-8000-000000000001\"]}],"
          + "\"roleAssignments\":[{\"principalId\":\"aaaaaaaa-0000-4000-8000-000000000001\",\"roleDefinitionId\":\"fe930be7-5e62-47db-91af-98c3a49a38b1\"}],"
          + "\"directoryAudits\":[{\"activityDisplayName\":\"Add user\"}]}}";

  @Test
  void b2cDataInTheSeedIsServedWithGraphsShapes() {
    try (FakeGraph graph = FakeGraphSeed.load(B2C_SEED).start()) {
      FakeGraphTenant t = graph.tenants().get(0);
      String token = t.issueAccessToken();
      assertThat(t.b2cUserCount()).isEqualTo(6);
      String alice = "/v1.0/users/aaaaaaaa-0000-4000-8000-000000000001";
      JsonNode u = Http.json(Http.get(t, alice + "?$select=id,displayName,givenName,surname,mail,accountEnabled,otherMails,mobilePhone,businessPhones,identities", token));
      assertThat(u.path("displayName").asText()).isEqualTo("Alice Berg");
      assertThat(u.path("surname").asText()).isEqualTo("Berg");
      assertThat(u.path("accountEnabled").asBoolean(true)).isFalse();
      assertThat(u.path("otherMails").get(0).asText()).isEqualTo("alice@example.com");
      assertThat(u.path("mobilePhone").asText()).isEqualTo("+1 4255550101");
      assertThat(u.path("businessPhones").get(0).asText()).isEqualTo("+1 4255550199");
      assertThat(u.path("identities").findValuesAsText("issuerAssignedId"))
          .containsExactly("alice@example.com", "1082345", "aaaaaaaa-0000-4000-8000-000000000001@contoso.onmicrosoft.com");
      assertThat(u.path("identities").get(0).path("issuer").asText()).isEqualTo("contoso.onmicrosoft.com");
      JsonNode methods = Http.json(Http.get(t, alice + "/authentication/methods", token));
      assertThat(methods.path("value").findValuesAsText("@odata.type"))
          .containsExactly("#microsoft.graph.passwordAuthenticationMethod", "#microsoft.graph.phoneAuthenticationMethod", "#microsoft.graph.emailAuthenticationMethod");
      assertThat(Http.json(Http.get(t, "/v1.0/groups/bbbbbbbb-0000-4000-8000-000000000001/members", token)).path("value").findValuesAsText("id"))
          .containsExactly("aaaaaaaa-0000-4000-8000-000000000001");
      assertThat(Http.json(Http.get(t, "/v1.0/directoryRoles/dddddddd-0000-4000-8000-000000000001/members", token)).path("value").findValuesAsText("id"))
          .containsExactly("aaaaaaaa-0000-4000-8000-000000000001");
      assertThat(Http.json(Http.get(t, "/v1.0/applications(appId='cccccccc-0000-4000-8000-000000000001')", token)).path("displayName").asText()).isEqualTo("Shop");
      JsonNode idp = Http.json(Http.get(t, "/v1.0/identity/identityProviders/Google-OAUTH", token));
      assertThat(idp.path("clientSecret").asText()).isEqualTo("*****");
      assertThat(Http.json(Http.get(t, "/beta/identity/b2cUserFlows/B2C_1_susi/identityProviders", token)).path("value").findValuesAsText("id"))
          .containsExactly("Google-OAUTH");
      assertThat(Http.json(Http.get(t, "/beta/identity/b2cUserFlows/B2C_1_susi/userAttributeAssignments", token)).path("value").findValuesAsText("id"))
          .containsExactly("city");
      assertThat(Http.json(Http.get(t, "/v1.0/roleManagement/directory/roleAssignments", token)).path("value").findValuesAsText("principalId"))
          .containsExactly("aaaaaaaa-0000-4000-8000-000000000001");
      assertThat(Http.json(Http.get(t, "/v1.0/auditLogs/directoryAudits", token)).path("value").findValuesAsText("activityDisplayName"))
          .containsExactly("Add user");
      // reset() goes back to the seed's B2C data
      assertThat(Http.delete(t, alice, token).statusCode()).isEqualTo(204);
      assertThat(t.b2cUserCount()).isEqualTo(5);
      t.reset();
      assertThat(t.b2cUserCount()).isEqualTo(6);
    }
  }

  private static final String REFERENCE_SEED =
      "{\"domain\":\"contoso.onmicrosoft.com\",\"grantedRoles\":[\"Domain.Read.All\",\"OrganizationalBranding.Read.All\",\"APIConnectors.ReadWrite.All\",\"IdentityUserFlow.Read.All\"],"
          + "\"b2cData\":{"
          + "\"domains\":[{\"id\":\"contoso.example\"}],"
          + "\"branding\":[{\"signInPageText\":\"Hello\"},{\"id\":\"de-DE\",\"signInPageText\":\"Hallo\"}],"
          + "\"apiConnectors\":[{\"id\":\"77777777-0000-4000-8000-0000000000aa\",\"displayName\":\"Check\",\"targetUrl\":\"https://api.example.com/check\","
          + "\"authenticationConfiguration\":{\"@odata.type\":\"#microsoft.graph.basicAuthentication\",\"username\":\"svc\",\"password\":\"seeded-secret\"}}],"
          + "\"userFlows\":[{\"id\":\"B2C_1_susi\",\"userFlowType\":\"signUpOrSignIn\",\"userFlowTypeVersion\":3,"
          + "\"languages\":[{\"id\":\"de\",\"displayName\":\"German\",\"overridesPages\":[{\"id\":\"api.selfasserted\"}]}]}]}}";

  @Test
  void domainsBrandingApiConnectorsAndLanguagesInTheSeedAreServedAndSurviveAReset() {
    try (FakeGraph graph = FakeGraphSeed.load(REFERENCE_SEED).start()) {
      FakeGraphTenant t = graph.tenants().get(0);
      String token = t.issueAccessToken();
      assertThat(Http.json(Http.get(t, "/v1.0/domains", token)).path("value").findValuesAsText("id")).containsExactly("contoso.onmicrosoft.com", "contoso.example");
      String branding = "/v1.0/organization/" + t.tenantId() + "/branding";
      assertThat(Http.json(Http.get(t, branding, token)).path("signInPageText").asText()).isEqualTo("Hello");
      assertThat(Http.json(Http.get(t, branding + "/localizations", token)).path("value").findValuesAsText("id")).containsExactly("0", "de-DE");
      String connectors = Http.get(t, "/v1.0/identity/apiConnectors", token).body();
      assertThat(connectors).contains("\"username\":\"svc\"").doesNotContain("seeded-secret");
      JsonNode de = Http.json(Http.get(t, "/beta/identity/b2cUserFlows/B2C_1_susi/languages/de", token));
      assertThat(de.path("displayName").asText()).isEqualTo("German");
      assertThat(de.path("isEnabled").asBoolean()).as("Graph's default").isTrue();
      assertThat(Http.json(Http.get(t, "/beta/identity/b2cUserFlows/B2C_1_susi/languages/de/overridesPages", token)).path("value").findValuesAsText("id"))
          .containsExactly("api.selfasserted");
      assertThat(Http.delete(t, "/v1.0/identity/apiConnectors/77777777-0000-4000-8000-0000000000aa", token).statusCode()).isEqualTo(204);
      t.reset();
      assertThat(Http.get(t, "/v1.0/identity/apiConnectors/77777777-0000-4000-8000-0000000000aa", t.issueAccessToken()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theSampleCanBeSeededFromJson() {
    FakeGraph graph = FakeGraphSeed.load("{\"domain\":\"contoso.onmicrosoft.com\",\"b2cData\":{\"sample\":true}}");
    assertThat(graph.tenants().get(0).b2cUserCount()).isEqualTo(5);
  }

  @Test
  void b2cDataErrorsNameTheJsonPath() {
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"b2cData\":{\"users\":[{\"displayName\":\"A\",\"phone\":\"x\"}]}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.b2cData.users[0]")
        .hasMessageContaining("phone");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"b2cData\":{\"users\":[{\"displayName\":\"A\",\"identities\":[{\"signInType\":\"federated\",\"issuerAssignedId\":\"1\"}]}]}}"))
        .hasMessageContaining("$.b2cData.users[0].identities[0].issuer");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"domain\":\"a.onmicrosoft.com\",\"b2cData\":{\"users\":[{\"displayName\":\"A\",\"identities\":[{\"signInType\":\"emailAddress\",\"issuer\":\"b.onmicrosoft.com\",\"issuerAssignedId\":\"a@x.com\"}]}]}}"))
        .hasMessageContaining("tenant's domain");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"b2cData\":{\"users\":[{\"displayName\":\"A\",\"authentication\":{\"phoneMethods\":[{\"phoneType\":\"pager\",\"phoneNumber\":\"+1 1\"}]}}]}}"))
        .hasMessageContaining("$.b2cData.users[0].authentication.phoneMethods[0]")
        .hasMessageContaining("phoneType");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"b2cData\":{\"generatedUsers\":{\"count\":-1}}}"))
        .hasMessageContaining("$.b2cData.generatedUsers");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"b2cData\":{\"groups\":[{\"displayName\":\"G\",\"members\":[\"x\"]}]}}"))
        .hasMessageContaining("$.b2cData.groups[0]")
        .hasMessageContaining("needs an id");
    assertThatThrownBy(() -> FakeGraphSeed.load("{\"b2cData\":{\"userFlow\":[]}}"))
        .hasMessageContaining("$.b2cData")
        .hasMessageContaining("userFlow");
  }
}
