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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /directory/deletedItems}: a DELETE of a user or an application moves it there, where it is
 * listed by type, read, restored with its group memberships or deleted for good; security groups
 * are deleted for good and never listed.
 */
class DeletedItemsRoutesTest {
  /** The {@code @removed} reason of a user delta reports for a user in the deleted items. */
  static final String SOFT_DELETE_REASON = "changed";

  static final String USERS = "/v1.0/directory/deletedItems/microsoft.graph.user";
  static final String APPLICATIONS = "/v1.0/directory/deletedItems/microsoft.graph.application";
  static final String GROUPS = "/v1.0/directory/deletedItems/microsoft.graph.group";
  static final String UNKNOWN = "00000000-0000-4000-8000-0000000000ff";

  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll().b2cData(B2cData.sample()));

  private static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("value").forEach(o -> out.add(o.path("id").asText()));
    return out;
  }

  private static List<String> memberIds(FakeGraphTenant t, String token, String group) {
    return ids(json(get(t, "/v1.0/groups/" + group + "/members", token)));
  }


  @Test
  void deletingAUserMovesItToTheDeletedItemsWithItsDeletionTime(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    assertThat(ids(json(get(t, USERS, token)))).containsExactly(Sample.DELETED_USER_ERIK);
    assertThat(delete(t, "/v1.0/users/" + Sample.ALICE, token).statusCode()).isEqualTo(204);
    assertThat(get(t, "/v1.0/users/" + Sample.ALICE, token).statusCode()).isEqualTo(404);

    HttpResponse<String> list = get(t, USERS, token);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode page = json(list);
    assertThat(page.path("@odata.context").asText()).isEqualTo(t.graphHost() + "/v1.0/$metadata#directory/deletedItems/microsoft.graph.user");
    assertThat(ids(page)).containsExactly(Sample.DELETED_USER_ERIK, Sample.ALICE);
    JsonNode alice = page.path("value").get(1);
    assertThat(alice.path("displayName").asText()).isEqualTo("Alice Berg");
    assertThat(alice.path("deletedDateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(alice.has("identities")).as("the user's default property set, as in /users").isFalse();

    JsonNode one = json(get(t, "/v1.0/directory/deletedItems/" + Sample.ALICE, token));
    assertThat(one.path("@odata.type").asText()).isEqualTo("#microsoft.graph.user");
    assertThat(one.path("@odata.context").asText()).endsWith("/$metadata#directoryObjects/$entity");
    assertThat(one.path("deletedDateTime")).isEqualTo(alice.path("deletedDateTime"));
  }

  @Test
  void restoringAUserBringsItBackWithItsGroupMemberships(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    assertThat(memberIds(t, token, Sample.GROUP_VIP)).contains(Sample.ALICE);
    assertThat(delete(t, "/v1.0/users/" + Sample.ALICE, token).statusCode()).isEqualTo(204);
    assertThat(memberIds(t, token, Sample.GROUP_VIP)).doesNotContain(Sample.ALICE);

    HttpResponse<String> restored = post(t, "/v1.0/directory/deletedItems/" + Sample.ALICE + "/restore", token, "");
    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    assertThat(json(restored).path("@odata.type").asText()).isEqualTo("#microsoft.graph.user");
    assertThat(json(restored).path("id").asText()).isEqualTo(Sample.ALICE);
    assertThat(json(restored).path("deletedDateTime").isNull()).isTrue();

    JsonNode back = json(get(t, "/v1.0/users/" + Sample.ALICE + "?$select=id,identities,otherMails", token));
    assertThat(back.path("identities").findValuesAsText("issuerAssignedId")).contains("alice.berg@example.com");
    assertThat(memberIds(t, token, Sample.GROUP_VIP)).contains(Sample.ALICE);
    assertThat(ids(json(get(t, USERS, token)))).containsExactly(Sample.DELETED_USER_ERIK);
    assertThat(post(t, "/v1.0/directory/deletedItems/" + Sample.ALICE + "/restore", token, "").statusCode()).as("restored already").isEqualTo(404);
  }

  @Test
  void aSeededDeletedUserIsRestoredAsALiveUser(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    int before = t.b2cUserCount();
    JsonNode erik = json(get(t, "/v1.0/directory/deletedItems/" + Sample.DELETED_USER_ERIK, token));
    assertThat(erik.path("deletedDateTime").asText()).isEqualTo("2024-05-04T12:00:00Z");
    assertThat(get(t, "/v1.0/users/" + Sample.DELETED_USER_ERIK, token).statusCode()).isEqualTo(404);
    assertThat(post(t, "/v1.0/directory/deletedItems/" + Sample.DELETED_USER_ERIK + "/restore", token, "").statusCode()).isEqualTo(200);
    assertThat(json(get(t, "/v1.0/users/" + Sample.DELETED_USER_ERIK, token)).path("displayName").asText()).isEqualTo("Erik Lund");
    assertThat(t.b2cUserCount()).isEqualTo(before + 1);
    t.reset();
    assertThat(t.b2cUserCount()).isEqualTo(before);
  }

  @Test
  void aRestoreThatWouldDuplicateASignInNameIsRefused(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String body =
        "{\"displayName\":\"Erik again\",\"identities\":[{\"signInType\":\"emailAddress\",\"issuer\":\"contoso.onmicrosoft.com\",\"issuerAssignedId\":\"erik.lund@example.com\"}],"
            + "\"passwordProfile\":{\"password\":\"Again-Passw0rd!\",\"forceChangePasswordNextSignIn\":false}}";
    assertThat(post(t, "/v1.0/users", token, body).statusCode()).isEqualTo(201);
    HttpResponse<String> r = post(t, "/v1.0/directory/deletedItems/" + Sample.DELETED_USER_ERIK + "/restore", token, "");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json(r).path("error").path("message").asText()).contains("already exists");
    assertThat(ids(json(get(t, USERS, token)))).containsExactly(Sample.DELETED_USER_ERIK);
  }

  @Test
  void applicationsAreSoftDeletedAndRestored(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String shop = "44444444-0000-4000-8000-000000000002";
    assertThat(delete(t, "/v1.0/applications/" + shop, token).statusCode()).isEqualTo(204);
    assertThat(get(t, "/v1.0/applications/" + shop, token).statusCode()).isEqualTo(404);
    JsonNode page = json(get(t, APPLICATIONS, token));
    assertThat(ids(page)).containsExactly(Sample.DELETED_APPLICATION, shop);
    assertThat(page.path("value").get(1).path("web").path("redirectUris").get(0).asText()).isEqualTo("https://shop.example.com/signin-oidc");
    assertThat(page.path("value").get(1).path("deletedDateTime").isTextual()).isTrue();

    HttpResponse<String> restored = post(t, "/v1.0/directory/deletedItems/" + shop + "/restore", token, "");
    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    assertThat(json(restored).path("@odata.type").asText()).isEqualTo("#microsoft.graph.application");
    JsonNode back = json(get(t, "/v1.0/applications/" + shop, token));
    assertThat(back.path("deletedDateTime").isNull()).isTrue();
    assertThat(back.path("web").path("redirectUris").get(0).asText()).isEqualTo("https://shop.example.com/signin-oidc");
    assertThat(ids(json(get(t, APPLICATIONS, token)))).containsExactly(Sample.DELETED_APPLICATION);
  }

  @Test
  void aPermanentDeleteRemovesTheItemForGood(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String item = "/v1.0/directory/deletedItems/" + Sample.DELETED_APPLICATION;
    assertThat(delete(t, item, token).statusCode()).isEqualTo(204);
    assertThat(get(t, item, token).statusCode()).isEqualTo(404);
    assertThat(post(t, item + "/restore", token, "").statusCode()).isEqualTo(404);
    assertThat(delete(t, item, token).statusCode()).isEqualTo(404);
    assertThat(ids(json(get(t, APPLICATIONS, token)))).isEmpty();
  }

  @Test
  void securityGroupsAreDeletedForGoodAndNeverListed(FakeGraphTenant t) {
    t.app().grantRole("Group.ReadWrite.All");
    String token = t.issueAccessToken();
    assertThat(delete(t, "/v1.0/groups/" + Sample.GROUP_SUPPORT, token).statusCode()).isEqualTo(204);
    HttpResponse<String> groups = get(t, GROUPS, token);
    assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
    assertThat(json(groups).path("value").size()).isZero();
    assertThat(get(t, "/v1.0/directory/deletedItems/" + Sample.GROUP_SUPPORT, token).statusCode()).isEqualTo(404);
  }

  @Test
  void unknownIdsAreNotFoundAndMalformedOnesABadRequest(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    assertThat(get(t, "/v1.0/directory/deletedItems/" + UNKNOWN, token).statusCode()).isEqualTo(404);
    assertThat(json(get(t, "/v1.0/directory/deletedItems/" + UNKNOWN, token)).path("error").path("code").asText()).isEqualTo("Request_ResourceNotFound");
    assertThat(post(t, "/v1.0/directory/deletedItems/" + UNKNOWN + "/restore", token, "").statusCode()).isEqualTo(404);
    HttpResponse<String> malformed = get(t, "/v1.0/directory/deletedItems/not-an-id", token);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed).path("error").path("message").asText()).isEqualTo("Invalid object identifier 'not-an-id'.");
  }

  @Test
  void listsPageAndSelect(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    assertThat(delete(t, "/v1.0/users/" + Sample.BOB, token).statusCode()).isEqualTo(204);
    JsonNode first = json(get(t, USERS + "?$top=1&$select=id,deletedDateTime", token));
    assertThat(ids(first)).containsExactly(Sample.DELETED_USER_ERIK);
    assertThat(first.path("value").get(0).properties()).extracting(java.util.Map.Entry::getKey).containsExactly("id", "deletedDateTime");
    JsonNode second = json(get(t, first.path("@odata.nextLink").asText(), token));
    assertThat(ids(second)).containsExactly(Sample.BOB);
    assertThat(second.has("@odata.nextLink")).isFalse();
    assertThat(ids(json(get(t, USERS + "?$filter=displayName%20eq%20'Bob%20Okafor'", token)))).containsExactly(Sample.BOB);
  }

  @Test
  void eachTypeTakesItsOwnRoles(FakeGraphTenant t) {
    OnlyRoles.grant(t, "User.Read.All");
    String userRead = t.issueAccessToken();
    assertThat(get(t, USERS, userRead).statusCode()).isEqualTo(200);
    assertThat(get(t, "/v1.0/directory/deletedItems/" + Sample.DELETED_USER_ERIK, userRead).statusCode()).isEqualTo(200);
    assertThat(get(t, APPLICATIONS, userRead).statusCode()).isEqualTo(403);
    assertThat(get(t, "/v1.0/directory/deletedItems/" + Sample.DELETED_APPLICATION, userRead).statusCode()).isEqualTo(403);
    assertThat(get(t, GROUPS, userRead).statusCode()).isEqualTo(403);
    assertThat(post(t, "/v1.0/directory/deletedItems/" + Sample.DELETED_USER_ERIK + "/restore", userRead, "").statusCode()).isEqualTo(403);

    OnlyRoles.grant(t, "User.DeleteRestore.All");
    String restorer = t.issueAccessToken();
    assertThat(post(t, "/v1.0/directory/deletedItems/" + Sample.DELETED_APPLICATION + "/restore", restorer, "").statusCode()).isEqualTo(403);
    assertThat(post(t, "/v1.0/directory/deletedItems/" + Sample.DELETED_USER_ERIK + "/restore", restorer, "").statusCode()).isEqualTo(200);

    OnlyRoles.grant(t, "Application.ReadWrite.All");
    String apps = t.issueAccessToken();
    assertThat(delete(t, "/v1.0/directory/deletedItems/" + Sample.DELETED_APPLICATION, apps).statusCode()).isEqualTo(204);
  }

  @Test
  void deletedItemsRoundTripThroughTheJsonSeed() {
    String seed =
        "{\"domain\":\"contoso.onmicrosoft.com\",\"granted\":\"all\",\"b2cData\":{\"deletedItems\":{"
            + "\"users\":[{\"id\":\"aaaaaaaa-0000-4000-8000-000000000009\",\"displayName\":\"Gone Girl\",\"identities\":[{\"signInType\":\"emailAddress\",\"issuerAssignedId\":\"gone@example.com\"}],"
            + "\"deletedDateTime\":\"2024-06-01T00:00:00Z\"}],"
            + "\"applications\":[{\"id\":\"cccccccc-0000-4000-8000-000000000009\",\"displayName\":\"Old app\",\"deletedDateTime\":\"2024-06-02T00:00:00Z\"}]}}}";
    try (FakeGraph graph = FakeGraphSeed.load(seed).start()) {
      FakeGraphTenant t = graph.tenants().get(0);
      String token = t.issueAccessToken();
      JsonNode users = json(get(t, USERS, token));
      assertThat(ids(users)).containsExactly("aaaaaaaa-0000-4000-8000-000000000009");
      assertThat(users.path("value").get(0).path("deletedDateTime").asText()).isEqualTo("2024-06-01T00:00:00Z");
      JsonNode apps = json(get(t, APPLICATIONS, token));
      assertThat(ids(apps)).containsExactly("cccccccc-0000-4000-8000-000000000009");
      assertThat(apps.path("value").get(0).path("deletedDateTime").asText()).isEqualTo("2024-06-02T00:00:00Z");
      assertThat(post(t, "/v1.0/directory/deletedItems/aaaaaaaa-0000-4000-8000-000000000009/restore", token, "").statusCode()).isEqualTo(200);
      JsonNode back = json(get(t, "/v1.0/users/aaaaaaaa-0000-4000-8000-000000000009?$select=identities", token));
      assertThat(back.path("identities").get(0).path("issuer").asText()).isEqualTo("contoso.onmicrosoft.com");
    }
  }
}
