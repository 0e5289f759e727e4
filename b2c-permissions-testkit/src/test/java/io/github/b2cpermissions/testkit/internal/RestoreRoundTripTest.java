package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static io.github.b2cpermissions.testkit.Http.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A restore writes back what a backup read: the properties that matter survive POST/PATCH then GET. */
class RestoreRoundTripTest {
  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll().b2cData(B2cData.builder().sample().build()));

  private static String groupWriter(FakeGraphTenant t) {
    t.app().grantRole("Group.ReadWrite.All"); // none of the 14 backup permissions creates groups
    return t.issueAccessToken();
  }

  private static JsonNode created(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r);
  }

  @Test
  void roleAssignableGroupKeepsIsAssignableToRoleAndGetsASecurityIdentifier(FakeGraphTenant t) {
    String token = groupWriter(t);
    JsonNode g =
        created(
            post(t, "/v1.0/groups", token, "{\"displayName\":\"Helpdesk admins\",\"mailEnabled\":false,\"mailNickname\":\"helpdesk\",\"securityEnabled\":true,\"isAssignableToRole\":true,\"preferredDataLocation\":\"EUR\"}"));
    assertThat(g.has("unseenCount")).as("the created group shows the default set").isFalse();
    JsonNode read = json(get(t, "/v1.0/groups/" + g.path("id").asText(), token));
    assertThat(read.path("isAssignableToRole").asBoolean()).isTrue();
    assertThat(read.path("preferredDataLocation").asText()).isEqualTo("EUR");
    assertThat(read.path("securityIdentifier").asText()).startsWith("S-1-12-1-");
    assertThat(read.has("membershipRule")).isTrue();
    assertThat(read.has("unseenCount")).as("returned only on $select").isFalse();
    assertThat(json(get(t, "/v1.0/groups/" + g.path("id").asText() + "?$select=unseenCount", token)).has("unseenCount")).isTrue();
  }

  @Test
  void dynamicGroupKeepsItsMembershipRuleAndProcessingState(FakeGraphTenant t) {
    String token = groupWriter(t);
    String rule = "(user.accountEnabled -eq true)";
    JsonNode g =
        created(
            post(
                t,
                "/v1.0/groups",
                token,
                "{\"displayName\":\"Active\",\"mailEnabled\":false,\"mailNickname\":\"active\",\"securityEnabled\":true,\"groupTypes\":[\"DynamicMembership\"],\"membershipRule\":\"" + rule + "\"}"));
    JsonNode read = json(get(t, "/v1.0/groups/" + g.path("id").asText(), token));
    assertThat(read.path("groupTypes").get(0).asText()).isEqualTo("DynamicMembership");
    assertThat(read.path("membershipRule").asText()).isEqualTo(rule);
    assertThat(read.path("membershipRuleProcessingState").asText()).isEqualTo("On");
  }

  @Test
  void ruleWithoutDynamicMembershipAndRoleAssignableDynamicGroupAreRefused(FakeGraphTenant t) {
    String token = groupWriter(t);
    assertThat(post(t, "/v1.0/groups", token, "{\"displayName\":\"x\",\"mailEnabled\":false,\"mailNickname\":\"x\",\"securityEnabled\":true,\"membershipRule\":\"(user.city -eq \\\"Oslo\\\")\"}").statusCode())
        .isEqualTo(400);
    assertThat(
            post(
                    t,
                    "/v1.0/groups",
                    token,
                    "{\"displayName\":\"x\",\"mailEnabled\":false,\"mailNickname\":\"x\",\"securityEnabled\":true,\"isAssignableToRole\":true,\"groupTypes\":[\"DynamicMembership\"],\"membershipRule\":\"(user.city -eq \\\"Oslo\\\")\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(post(t, "/v1.0/groups", token, "{\"displayName\":\"x\",\"mailEnabled\":false,\"mailNickname\":\"x\",\"securityEnabled\":true,\"isAssignableToRole\":\"yes\"}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void applicationKeepsOptionalClaimsGroupClaimsAndInfoThroughCreateAndUpdate(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    JsonNode app =
        created(
            post(
                t,
                "/v1.0/applications",
                token,
                "{\"displayName\":\"Shop\",\"groupMembershipClaims\":\"SecurityGroup\",\"optionalClaims\":{\"idToken\":[{\"name\":\"email\",\"source\":null,\"essential\":false,\"additionalProperties\":[]}],\"accessToken\":[],\"saml2Token\":[]}}"));
    String id = app.path("id").asText();
    HttpResponse<String> patched =
        Http.send(
            t,
            HttpRequest.newBuilder(Http.uri(t, "/v1.0/applications/" + id))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"info\":{\"privacyStatementUrl\":\"https://shop.example.com/privacy\"}}"))
                .build());
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
    JsonNode read = json(get(t, "/v1.0/applications/" + id, token));
    assertThat(read.path("groupMembershipClaims").asText()).isEqualTo("SecurityGroup");
    assertThat(read.path("optionalClaims").path("idToken").get(0).path("name").asText()).isEqualTo("email");
    assertThat(read.path("info").path("privacyStatementUrl").asText()).isEqualTo("https://shop.example.com/privacy");
    assertThat(read.path("parentalControlSettings").path("legalAgeGroupRule").asText()).isEqualTo("Allow");
    assertThat(read.has("authenticationBehaviors")).as("returned only on $select").isFalse();
  }

  @Test
  void servicePrincipalCarriesInfoAndShowsCustomSecurityAttributesOnlyOnSelect(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    JsonNode sp = json(get(t, "/v1.0/servicePrincipals/" + t.servicePrincipalId(), token));
    assertThat(sp.path("info").isObject()).isTrue();
    assertThat(sp.has("customSecurityAttributes")).isFalse();
    JsonNode selected = json(get(t, "/v1.0/servicePrincipals/" + t.servicePrincipalId() + "?$select=id,customSecurityAttributes", token));
    assertThat(selected.has("customSecurityAttributes")).isTrue();
  }
}
