package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.delete;
import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static io.github.b2cpermissions.testkit.Http.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.Http;
import io.github.b2cpermissions.testkit.Sample;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code users/delta} and {@code groups/delta} in a workforce tenant (Graph tracks no changes in B2C
 * tenants: see {@code GraphFidelityTest}): a first round over everything, rounds from the deltaLink
 * with only what changed, {@code $select}, {@code $deltatoken=latest} and refused tokens.
 */
class DeltaRoutesTest {
  static final String DOMAIN = "fabrikam.onmicrosoft.com";

  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(
          FakeGraphTenant.builder()
              .b2c(DOMAIN)
              .tenantType("AAD")
              .grantedAll()
              .b2cData(B2cData.builder().sample().generatedUsers(7, 3).build()));

  /** One round: the items of every page, and the deltaLink that ends it. */
  record Round(List<JsonNode> items, String deltaLink, int pages) {
    Map<String, JsonNode> byId() {
      Map<String, JsonNode> out = new TreeMap<>();
      items.forEach(i -> out.put(i.path("id").asText(), i));
      return out;
    }
  }

  static Round round(FakeGraphTenant t, String token, String first) {
    List<JsonNode> items = new ArrayList<>();
    String next = first;
    for (int pages = 1; pages < 100; pages++) {
      HttpResponse<String> r = get(t, next, token);
      assertThat(r.statusCode()).as("GET " + next + ": " + r.body()).isEqualTo(200);
      JsonNode body = json(r);
      body.path("value").forEach(items::add);
      if (body.hasNonNull("@odata.deltaLink")) {
        assertThat(body.has("@odata.nextLink")).as("a page has a nextLink or a deltaLink, not both").isFalse();
        return new Round(items, body.get("@odata.deltaLink").asText(), pages);
      }
      assertThat(body.hasNonNull("@odata.nextLink")).as("a page without a deltaLink has a nextLink: " + body).isTrue();
      next = body.get("@odata.nextLink").asText();
    }
    throw new AssertionError("no deltaLink after 100 pages");
  }

  private static List<String> listedIds(FakeGraphTenant t, String token, String collection) {
    List<String> out = new ArrayList<>();
    String next = "/v1.0/" + collection;
    while (next != null) {
      JsonNode body = json(get(t, next, token));
      body.path("value").forEach(o -> out.add(o.path("id").asText()));
      next = body.hasNonNull("@odata.nextLink") ? body.get("@odata.nextLink").asText() : null;
    }
    return out;
  }

  private static HttpResponse<String> patch(FakeGraphTenant t, String path, String token, String json) {
    return Http.send(
        t,
        HttpRequest.newBuilder(Http.uri(t, path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static String createUser(FakeGraphTenant t, String token, String name) {
    String body =
        "{\"displayName\":\"" + name + "\",\"identities\":[{\"signInType\":\"emailAddress\",\"issuer\":\"" + DOMAIN + "\",\"issuerAssignedId\":\""
            + name.toLowerCase() + "@example.com\"}],\"passwordProfile\":{\"password\":\"Delta-Passw0rd!\",\"forceChangePasswordNextSignIn\":false}}";
    HttpResponse<String> r = post(t, "/v1.0/users", token, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).path("id").asText();
  }

  @Test
  void aFirstRoundPagesOverEveryUserAndEndsWithADeltaLink(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    Round first = round(t, token, "/v1.0/users/delta?$top=4");
    assertThat(first.pages()).isEqualTo(3); // 7 generated and 5 seeded users, 4 a page
    assertThat(first.items()).extracting(i -> i.path("id").asText()).containsExactlyElementsOf(listedIds(t, token, "users"));
    assertThat(first.items()).allSatisfy(i -> assertThat(i.has("@removed")).isFalse());
    assertThat(first.items().get(0).has("userPrincipalName")).as("the default property set of a user").isTrue();
    assertThat(first.deltaLink()).startsWith(t.graphHost() + "/v1.0/users/delta?").contains("$deltatoken=");
  }

  @Test
  void aRoundFromTheDeltaLinkReturnsOnlyChangedCreatedAndRemovedUsers(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    Round first = round(t, token, "/v1.0/users/delta");
    String erin = createUser(t, token, "Erin");
    assertThat(patch(t, "/v1.0/users/" + Sample.BOB, token, "{\"displayName\":\"Bob O.\"}").statusCode()).isEqualTo(204);
    assertThat(delete(t, "/v1.0/users/" + Sample.CHLOE, token).statusCode()).isEqualTo(204);

    Round second = round(t, token, first.deltaLink());
    Map<String, JsonNode> changed = second.byId();
    assertThat(changed).containsOnlyKeys(erin, Sample.BOB, Sample.CHLOE);
    assertThat(changed.get(erin).path("displayName").asText()).isEqualTo("Erin");
    assertThat(changed.get(Sample.BOB).path("displayName").asText()).isEqualTo("Bob O.");
    JsonNode removed = changed.get(Sample.CHLOE);
    assertThat(removed.path("@removed").path("reason").asText()).as("in the deleted items").isEqualTo(DeletedItemsRoutesTest.SOFT_DELETE_REASON);
    assertThat(removed.size()).as("a removed user carries only its id and @removed: " + removed).isEqualTo(2);

    Round third = round(t, token, second.deltaLink());
    assertThat(third.items()).as("nothing changed since the second round").isEmpty();

    assertThat(delete(t, "/v1.0/directory/deletedItems/" + Sample.CHLOE, token).statusCode()).isEqualTo(204);
    JsonNode purged = round(t, token, third.deltaLink()).byId().get(Sample.CHLOE);
    assertThat(purged.path("@removed").path("reason").asText()).as("deleted for good").isEqualTo("deleted");
  }

  @Test
  void aChangeRoundPagesToo(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    Round first = round(t, token, "/v1.0/users/delta?$top=2");
    List<String> created = new ArrayList<>();
    for (String name : List.of("Finn", "Gail", "Hugo", "Ines", "Jon")) {
      created.add(createUser(t, token, name));
    }
    Round second = round(t, token, first.deltaLink());
    assertThat(second.pages()).isEqualTo(3);
    assertThat(second.items()).extracting(i -> i.path("id").asText()).containsExactlyElementsOf(created);
  }

  @Test
  void selectIsHonouredInEveryRoundAndCarriedByTheLinks(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    Round first = round(t, token, "/v1.0/users/delta?$select=displayName,accountEnabled&$top=5");
    assertThat(first.items()).allSatisfy(i -> assertThat(i.properties()).extracting(Map.Entry::getKey).containsExactly("id", "displayName", "accountEnabled"));
    assertThat(first.deltaLink()).contains("$select=displayName%2CaccountEnabled");
    assertThat(patch(t, "/v1.0/users/" + Sample.ALICE, token, "{\"accountEnabled\":false}").statusCode()).isEqualTo(204);
    Round second = round(t, token, first.deltaLink());
    assertThat(second.items()).hasSize(1);
    assertThat(second.items().get(0).path("accountEnabled").asBoolean(true)).isFalse();
    assertThat(second.items().get(0).has("mail")).isFalse();
    HttpResponse<String> unknown = get(t, "/v1.0/users/delta?$select=shoeSize", token);
    assertThat(unknown.statusCode()).isEqualTo(400);
  }

  @Test
  void theLatestTokenReadsNothingAndTracksFromNow(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    Round latest = round(t, token, "/v1.0/users/delta?$deltatoken=latest");
    assertThat(latest.items()).isEmpty();
    assertThat(latest.pages()).isEqualTo(1);
    String kai = createUser(t, token, "Kai");
    assertThat(round(t, token, latest.deltaLink()).byId()).containsOnlyKeys(kai);
  }

  @Test
  void aGarbledForeignOrPreResetTokenIsAnExpiredSyncState(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String deltaLink = round(t, token, "/v1.0/users/delta").deltaLink();
    FakeGraphTenant other = FakeGraphTenant.builder().b2c("other.onmicrosoft.com").tenantType("AAD").grantedAll().b2cData(B2cData.sample()).build().start();
    List<String> refused = new ArrayList<>();
    try {
      String foreign = round(other, other.issueAccessToken(), "/v1.0/users/delta").deltaLink();
      refused.add(foreign.substring(foreign.indexOf("/v1.0/")));
    } finally {
      other.stop();
    }
    refused.add("/v1.0/users/delta?$deltatoken=not-a-token");
    refused.add("/v1.0/users/delta?$skiptoken=bm9wZQ");
    refused.add("/v1.0/groups/delta?" + deltaLink.substring(deltaLink.indexOf('?') + 1)); // a users token on groups
    t.reset();
    refused.add(deltaLink.substring(deltaLink.indexOf("/v1.0/")));
    String fresh = t.issueAccessToken();
    for (String path : refused) {
      HttpResponse<String> r = get(t, path, fresh);
      assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
      assertThat(json(r).path("error").path("code").asText()).isEqualTo("syncStateNotFound");
    }
  }

  @Test
  void groupsDeltaTracksCreatedAndDeletedGroups(FakeGraphTenant t) {
    t.app().grantRole("Group.ReadWrite.All"); // creates and deletes groups: none of the 14 does
    String token = t.issueAccessToken();
    Round first = round(t, token, "/v1.0/groups/delta");
    assertThat(first.items()).extracting(i -> i.path("id").asText()).containsExactlyElementsOf(listedIds(t, token, "groups"));
    assertThat(first.items().get(0).has("isAssignableToRole")).as("the default property set of a group").isTrue();
    HttpResponse<String> created =
        post(t, "/v1.0/groups", token, "{\"displayName\":\"Beta testers\",\"mailNickname\":\"beta\",\"mailEnabled\":false,\"securityEnabled\":true}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String beta = json(created).path("id").asText();
    assertThat(delete(t, "/v1.0/groups/" + Sample.GROUP_SUPPORT, token).statusCode()).isEqualTo(204);
    Map<String, JsonNode> changed = round(t, token, first.deltaLink()).byId();
    assertThat(changed).containsOnlyKeys(beta, Sample.GROUP_SUPPORT);
    assertThat(changed.get(beta).path("displayName").asText()).isEqualTo("Beta testers");
    // Security groups are deleted for good (only Microsoft 365 groups go to the deleted items).
    assertThat(changed.get(Sample.GROUP_SUPPORT).path("@removed").path("reason").asText()).isEqualTo("deleted");
  }

  @Test
  void deltaNeedsTheRolesMicrosoftListsForIt(FakeGraphTenant t) {
    t.app().revoke(B2cBackupPermission.values());
    t.app().grantRole("User.ReadBasic.All");
    t.app().grantRole("GroupMember.ReadWrite.All");
    String token = t.issueAccessToken();
    assertThat(get(t, "/v1.0/users", token).statusCode()).as("the basic profile role lists users").isEqualTo(200);
    assertThat(get(t, "/v1.0/users/delta", token).statusCode()).as("but Microsoft lists no basic role for users/delta").isEqualTo(403);
    assertThat(get(t, "/v1.0/groups/delta", token).statusCode()).isEqualTo(200);
    t.app().grantRole("User.Read.All");
    assertThat(get(t, "/v1.0/users/delta", t.issueAccessToken()).statusCode()).isEqualTo(200);
  }
}
