package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.Sample;
import io.github.b2cpermissions.testkit.seed.FakeGraphSeed;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The relations a B2C backup reads besides the objects: a user's {@code memberOf}, its app role
 * assignments, the owners of groups and apps, its password method, and the delegated permission grants of the tenant's apps.
 */
class RelationRoutesTest {
  static final String UNKNOWN = "00000000-0000-4000-8000-0000000000ff";

  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll().b2cData(B2cData.sample()));

  private static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("value").forEach(o -> out.add(o.path("id").asText()));
    return out;
  }


  // ---- users/{id}/memberOf ------------------------------------------------------------------

  @Test
  void memberOfListsTheUsersGroupsAndDirectoryRolesWithTheirTypes(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> r = get(t, "/v1.0/users/" + Sample.ADMIN + "/memberOf", token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode page = json(r);
    assertThat(page.path("@odata.context").asText()).endsWith("/$metadata#directoryObjects");
    assertThat(ids(page)).containsExactly(Sample.GROUP_SUPPORT, Sample.ROLE_GLOBAL_ADMIN);
    assertThat(page.path("value").findValuesAsText("@odata.type")).containsExactly("#microsoft.graph.group", "#microsoft.graph.directoryRole");
    assertThat(page.path("value").get(0).path("displayName").asText()).isEqualTo("Support agents");
    assertThat(ids(json(get(t, "/v1.0/users/" + Sample.BOB + "/memberOf", token)))).isEmpty();
  }

  @Test
  void memberOfPagesFiltersAndFollowsMembershipChanges(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String ref = "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + Sample.CHLOE + "\"}";
    assertThat(io.github.b2cpermissions.testkit.Http.post(t, "/v1.0/groups/" + Sample.GROUP_SUPPORT + "/members/$ref", token, ref).statusCode()).isEqualTo(204);
    JsonNode first = json(get(t, "/v1.0/users/" + Sample.CHLOE + "/memberOf?$top=1", token));
    assertThat(ids(first)).containsExactly(Sample.GROUP_VIP);
    assertThat(ids(json(get(t, first.path("@odata.nextLink").asText(), token)))).containsExactly(Sample.GROUP_SUPPORT);
    assertThat(ids(json(get(t, "/v1.0/users/" + Sample.CHLOE + "/memberOf?$filter=displayName%20eq%20'VIP%20customers'", token)))).containsExactly(Sample.GROUP_VIP);
  }

  @Test
  void memberOfAnswersGraphsErrorsForUnknownAndMalformedUsersAndMissingRoles(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    assertThat(get(t, "/v1.0/users/" + UNKNOWN + "/memberOf", token).statusCode()).isEqualTo(404);
    assertThat(get(t, "/v1.0/users/not-an-id/memberOf", token).statusCode()).isEqualTo(400);
    OnlyRoles.grant(t, "User.Read.All");
    assertThat(get(t, "/v1.0/users/" + Sample.ADMIN + "/memberOf", t.issueAccessToken()).statusCode()).as("User.Read.All is not in the table").isEqualTo(403);
    OnlyRoles.grant(t, "GroupMember.ReadBasic.All");
    assertThat(get(t, "/v1.0/users/" + Sample.ADMIN + "/memberOf", t.issueAccessToken()).statusCode()).isEqualTo(200);
  }

  // ---- users/{id}/appRoleAssignments ---------------------------------------------------------

  @Test
  void aUsersAppRoleAssignmentsAreAnEmptyAssignmentCollectionInTheSample(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> r = get(t, "/v1.0/users/" + Sample.ADMIN + "/appRoleAssignments", token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode page = json(r);
    assertThat(page.path("@odata.context").asText()).endsWith("/$metadata#users('" + Sample.ADMIN + "')/appRoleAssignments");
    assertThat(page.path("value").isArray()).isTrue();
    assertThat(ids(page)).isEmpty();
    assertThat(get(t, "/v1.0/users/" + Sample.ADMIN + "/appRoleAssignments?$top=1&$filter=resourceId%20eq%20'" + UNKNOWN + "'", token).statusCode())
        .isEqualTo(200);
  }

  @Test
  void userAppRoleAssignmentsAnswerGraphsErrorsForUnknownAndMalformedUsersAndMissingRoles(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    assertThat(get(t, "/v1.0/users/" + UNKNOWN + "/appRoleAssignments", token).statusCode()).isEqualTo(404);
    assertThat(get(t, "/v1.0/users/not-an-id/appRoleAssignments", token).statusCode()).isEqualTo(400);
    OnlyRoles.grant(t, "User.Read.All", "Application.Read.All");
    assertThat(get(t, "/v1.0/users/" + Sample.ADMIN + "/appRoleAssignments", t.issueAccessToken()).statusCode())
        .as("neither role is in the table for this path").isEqualTo(403);
    OnlyRoles.grant(t, "AppRoleAssignment.ReadWrite.All");
    assertThat(get(t, "/v1.0/users/" + Sample.ADMIN + "/appRoleAssignments", t.issueAccessToken()).statusCode()).isEqualTo(200);
    OnlyRoles.grant(t, "Directory.Read.All");
    assertThat(get(t, "/v1.0/users/" + Sample.ADMIN + "/appRoleAssignments", t.issueAccessToken()).statusCode()).isEqualTo(200);
  }

  // ---- groups/{id}/owners, applications/{id}/owners ----------------------------------------------

  static final String SHOP_APP = "44444444-0000-4000-8000-000000000002";
  static final String EXTENSIONS_APP = "44444444-0000-4000-8000-000000000001";

  @Test
  void groupAndApplicationOwnersAreListedAsTypedDirectoryObjects(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> r = get(t, "/v1.0/groups/" + Sample.GROUP_VIP + "/owners", token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode page = json(r);
    assertThat(page.path("@odata.context").asText()).endsWith("/$metadata#directoryObjects");
    assertThat(ids(page)).containsExactly(Sample.ADMIN);
    assertThat(page.path("value").get(0).path("@odata.type").asText()).isEqualTo("#microsoft.graph.user");
    assertThat(page.path("value").get(0).path("userPrincipalName").asText()).isNotEmpty();
    JsonNode app = json(get(t, "/v1.0/applications/" + SHOP_APP + "/owners?$select=id", token));
    assertThat(ids(app)).containsExactly(Sample.ADMIN);
    assertThat(app.path("value").get(0).has("displayName")).as("$select=id").isFalse();
    assertThat(ids(json(get(t, "/v1.0/applications/" + EXTENSIONS_APP + "/owners", token)))).isEmpty();
  }

  @Test
  void ownersAnswerGraphsErrorsForUnknownAndMalformedIdsAndMissingRoles(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    assertThat(get(t, "/v1.0/groups/" + UNKNOWN + "/owners", token).statusCode()).isEqualTo(404);
    assertThat(get(t, "/v1.0/applications/" + UNKNOWN + "/owners", token).statusCode()).isEqualTo(404);
    assertThat(get(t, "/v1.0/groups/" + Sample.ADMIN + "/owners", token).statusCode()).as("a user is no group").isEqualTo(404);
    OnlyRoles.grant(t, "Application.Read.All");
    String appOnly = t.issueAccessToken();
    assertThat(get(t, "/v1.0/groups/" + Sample.GROUP_VIP + "/owners", appOnly).statusCode()).isEqualTo(403);
    assertThat(get(t, "/v1.0/applications/" + SHOP_APP + "/owners", appOnly).statusCode()).isEqualTo(200);
    OnlyRoles.grant(t, "GroupMember.Read.All");
    String groupOnly = t.issueAccessToken();
    assertThat(get(t, "/v1.0/groups/" + Sample.GROUP_VIP + "/owners", groupOnly).statusCode()).isEqualTo(200);
    assertThat(get(t, "/v1.0/applications/" + SHOP_APP + "/owners", groupOnly).statusCode()).isEqualTo(403);
  }

  @Test
  void ownersAreAddedAndRemovedByReference(FakeGraphTenant t) {
    OnlyRoles.grant(t, "Group.ReadWrite.All", "Application.ReadWrite.All", "Directory.Read.All"); // beyond the 14
    String token = t.issueAccessToken();
    String bob = "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + Sample.BOB + "\"}";
    for (String owned : List.of("/v1.0/groups/" + Sample.GROUP_VIP, "/v1.0/applications/" + SHOP_APP)) {
      assertThat(io.github.b2cpermissions.testkit.Http.post(t, owned + "/owners/$ref", token, bob).statusCode()).isEqualTo(204);
      assertThat(ids(json(get(t, owned + "/owners", token)))).containsExactly(Sample.ADMIN, Sample.BOB);
      assertThat(io.github.b2cpermissions.testkit.Http.post(t, owned + "/owners/$ref", token, bob).statusCode()).as("already an owner").isEqualTo(400);
      assertThat(io.github.b2cpermissions.testkit.Http.delete(t, owned + "/owners/" + Sample.BOB + "/$ref", token).statusCode()).isEqualTo(204);
      assertThat(ids(json(get(t, owned + "/owners", token)))).containsExactly(Sample.ADMIN);
      assertThat(io.github.b2cpermissions.testkit.Http.delete(t, owned + "/owners/" + Sample.BOB + "/$ref", token).statusCode()).as("no longer an owner").isEqualTo(404);
    }
    String unknown = "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + UNKNOWN + "\"}";
    assertThat(io.github.b2cpermissions.testkit.Http.post(t, "/v1.0/groups/" + Sample.GROUP_VIP + "/owners/$ref", token, unknown).statusCode()).isEqualTo(404);
  }

  @Test
  void ownerWritesNeedTheWriteRolesOfTheTable(FakeGraphTenant t) {
    String bob = "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + Sample.BOB + "\"}";
    OnlyRoles.grant(t, "GroupMember.ReadWrite.All", "Application.ReadWrite.All");
    String token = t.issueAccessToken();
    assertThat(io.github.b2cpermissions.testkit.Http.post(t, "/v1.0/groups/" + Sample.GROUP_VIP + "/owners/$ref", token, bob).statusCode()).isEqualTo(403);
    assertThat(io.github.b2cpermissions.testkit.Http.post(t, "/v1.0/applications/" + SHOP_APP + "/owners/$ref", token, bob).statusCode())
        .as("Application.ReadWrite.All needs Directory.Read.All as well").isEqualTo(403);
    OnlyRoles.grant(t, "Application.ReadWrite.All", "Directory.Read.All", "Group.ReadWrite.All");
    token = t.issueAccessToken();
    assertThat(io.github.b2cpermissions.testkit.Http.post(t, "/v1.0/applications/" + SHOP_APP + "/owners/$ref", token, bob).statusCode()).isEqualTo(204);
    assertThat(io.github.b2cpermissions.testkit.Http.post(t, "/v1.0/groups/" + Sample.GROUP_VIP + "/owners/$ref", token, bob).statusCode()).isEqualTo(204);
  }

  @Test
  void ownersRoundTripThroughTheJsonSeed() {
    String seed =
        "{\"domain\":\"contoso.onmicrosoft.com\",\"granted\":\"all\",\"b2cData\":{"
            + "\"users\":[{\"id\":\"aaaaaaaa-0000-4000-8000-000000000001\",\"displayName\":\"Owner\"}],"
            + "\"groups\":[{\"id\":\"bbbbbbbb-0000-4000-8000-000000000001\",\"displayName\":\"VIP\",\"owners\":[\"aaaaaaaa-0000-4000-8000-000000000001\"]}],"
            + "\"applications\":[{\"id\":\"cccccccc-0000-4000-8000-000000000001\",\"appId\":\"dddddddd-0000-4000-8000-000000000001\",\"displayName\":\"Shop\","
            + "\"owners\":[\"aaaaaaaa-0000-4000-8000-000000000001\"]}]}}";
    try (FakeGraph graph = FakeGraphSeed.load(seed).start()) {
      FakeGraphTenant t = graph.tenants().get(0);
      String token = t.issueAccessToken();
      assertThat(ids(json(get(t, "/v1.0/groups/bbbbbbbb-0000-4000-8000-000000000001/owners", token)))).containsExactly("aaaaaaaa-0000-4000-8000-000000000001");
      assertThat(ids(json(get(t, "/v1.0/applications/cccccccc-0000-4000-8000-000000000001/owners", token)))).containsExactly("aaaaaaaa-0000-4000-8000-000000000001");
      JsonNode group = json(get(t, "/v1.0/groups/bbbbbbbb-0000-4000-8000-000000000001", token));
      assertThat(group.has("owners")).as("owners are a relation, not a property").isFalse();
    }
  }

  // ---- users/{id}/authentication/passwordMethods ---------------------------------------------

  @Test
  void aLocalAccountHasOnePasswordMethodWhosePasswordIsNeverReturned(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> r = get(t, "/v1.0/users/" + Sample.ALICE + "/authentication/passwordMethods", token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode method = json(r).path("value").get(0);
    assertThat(json(r).path("value").size()).isEqualTo(1);
    assertThat(method.path("id").asText()).isEqualTo(UserShapes.PASSWORD_METHOD_ID);
    assertThat(method.has("password")).isTrue();
    assertThat(method.path("password").isNull()).isTrue();
    JsonNode one = json(get(t, "/v1.0/users/" + Sample.ALICE + "/authentication/passwordMethods/" + UserShapes.PASSWORD_METHOD_ID, token));
    assertThat(one.path("createdDateTime")).isEqualTo(method.path("createdDateTime"));
    assertThat(one.path("@odata.context").asText()).endsWith("/authentication/passwordMethods/$entity");
  }

  @Test
  void aFederatedUserHasNoPasswordMethod(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    assertThat(json(get(t, "/v1.0/users/" + Sample.CHLOE + "/authentication/passwordMethods", token)).path("value").size()).isZero();
    assertThat(get(t, "/v1.0/users/" + Sample.CHLOE + "/authentication/passwordMethods/" + UserShapes.PASSWORD_METHOD_ID, token).statusCode()).isEqualTo(404);
    assertThat(get(t, "/v1.0/users/" + Sample.ALICE + "/authentication/passwordMethods/" + UNKNOWN, token).statusCode()).isEqualTo(404);
    assertThat(get(t, "/v1.0/users/" + UNKNOWN + "/authentication/passwordMethods", token).statusCode()).isEqualTo(404);
  }

  @Test
  void passwordMethodsNeedAnAuthenticationMethodRole(FakeGraphTenant t) {
    OnlyRoles.grant(t, "User.ReadWrite.All", "Directory.Read.All");
    assertThat(get(t, "/v1.0/users/" + Sample.ALICE + "/authentication/passwordMethods", t.issueAccessToken()).statusCode()).isEqualTo(403);
    OnlyRoles.grant(t, "UserAuthenticationMethod.Read.All");
    assertThat(get(t, "/v1.0/users/" + Sample.ALICE + "/authentication/passwordMethods", t.issueAccessToken()).statusCode()).isEqualTo(200);
  }

  // ---- oauth2PermissionGrants -----------------------------------------------------------------

  @Test
  void permissionGrantsAreListedFilteredByClientAndReadById(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> all = get(t, "/v1.0/oauth2PermissionGrants", token);
    assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
    assertThat(ids(json(all))).containsExactly(Sample.OAUTH2_GRANT_SHOP);
    JsonNode grant = json(all).path("value").get(0);
    assertThat(grant.path("scope").asText()).isEqualTo("openid offline_access User.Read");
    assertThat(grant.path("consentType").asText()).isEqualTo("AllPrincipals");
    assertThat(ids(json(get(t, "/v1.0/oauth2PermissionGrants?$filter=clientId%20eq%20'" + Sample.SHOP_SERVICE_PRINCIPAL + "'", token)))).containsExactly(Sample.OAUTH2_GRANT_SHOP);
    assertThat(ids(json(get(t, "/v1.0/oauth2PermissionGrants?$filter=clientId%20eq%20'" + UNKNOWN + "'", token)))).isEmpty();
    assertThat(json(get(t, "/v1.0/oauth2PermissionGrants/" + Sample.OAUTH2_GRANT_SHOP, token)).path("resourceId").asText()).isEqualTo("77777777-0000-4000-8000-000000000003");
    assertThat(get(t, "/v1.0/oauth2PermissionGrants/nope", token).statusCode()).isEqualTo(404);
    assertThat(get(t, "/v1.0/oauth2PermissionGrants?$filter=scope%20eq%20'openid'", token).statusCode()).isEqualTo(400);
    t.journal().clear(); // the refused filter is recorded as a gap of the fake in strict mode
  }

  @Test
  void permissionGrantsNeedADirectoryRole(FakeGraphTenant t) {
    OnlyRoles.grant(t, "Application.Read.All");
    assertThat(get(t, "/v1.0/oauth2PermissionGrants", t.issueAccessToken()).statusCode()).isEqualTo(403);
  }

  @Test
  void permissionGrantsRoundTripThroughTheJsonSeed() {
    String seed =
        "{\"domain\":\"contoso.onmicrosoft.com\",\"granted\":\"all\",\"b2cData\":{\"oauth2PermissionGrants\":["
            + "{\"clientId\":\"aaaaaaaa-0000-4000-8000-0000000000c1\",\"resourceId\":\"aaaaaaaa-0000-4000-8000-0000000000e1\",\"scope\":\"openid\"}]}}";
    try (FakeGraph graph = FakeGraphSeed.load(seed).start()) {
      FakeGraphTenant t = graph.tenants().get(0);
      JsonNode page = json(get(t, "/v1.0/oauth2PermissionGrants", t.issueAccessToken()));
      assertThat(page.path("value").size()).isEqualTo(1);
      JsonNode g = page.path("value").get(0);
      assertThat(g.path("clientId").asText()).isEqualTo("aaaaaaaa-0000-4000-8000-0000000000c1");
      assertThat(g.path("consentType").asText()).as("Graph's default").isEqualTo("AllPrincipals");
      assertThat(g.path("id").asText()).hasSize(43);
    }
  }
}
