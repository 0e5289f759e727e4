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
import io.github.b2cpermissions.testkit.FakeRoute;
import io.github.b2cpermissions.testkit.FakeUser;
import io.github.b2cpermissions.testkit.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class B2cRoutesTest {
  static final String ALICE = "11111111-0000-4000-8000-000000000001";
  static final String BOB = "11111111-0000-4000-8000-000000000002";
  static final String DAN = "11111111-0000-4000-8000-000000000004";
  static final String ADMIN = "11111111-0000-4000-8000-000000000005";
  static final String VIP = "22222222-0000-4000-8000-000000000001";
  static final String DOMAIN = "contoso.onmicrosoft.com";

  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(
          FakeGraphTenant.builder()
              .b2c(DOMAIN)
              .grantedAll()
              .pageSize(3)
              .b2cData(B2cData.builder().sample().generatedUsers(10, 7).build()));

  static HttpResponse<String> patch(FakeGraphTenant t, String path, String token, String body) {
    return Http.send(
        t,
        HttpRequest.newBuilder(Http.uri(t, path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static List<JsonNode> all(FakeGraphTenant t, String path, String token) {
    List<JsonNode> out = new ArrayList<>();
    String next = path;
    int pages = 0;
    while (next != null) {
      HttpResponse<String> r = get(t, next, token);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode body = json(r);
      body.path("value").forEach(out::add);
      next = body.hasNonNull("@odata.nextLink") ? body.path("@odata.nextLink").asText() : null;
      assertThat(++pages).isLessThan(1000);
    }
    return out;
  }

  // ---- reads ----------------------------------------------------------------------------------

  @Test
  void usersPageThroughGeneratedAndSeededUsersWithGraphsDefaultProperties(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> first = get(t, "/v1.0/users", token);
    JsonNode body = json(first);
    assertThat(body.path("@odata.context").asText()).endsWith("/$metadata#users");
    assertThat(body.path("value")).hasSize(3);
    assertThat(body.path("@odata.nextLink").asText()).startsWith(t.graphHost() + "/v1.0/users?").contains("$skiptoken=");
    JsonNode u = body.path("value").get(0);
    assertThat(u.has("identities")).as("identities only with $select, as on Graph").isFalse();
    assertThat(u.has("businessPhones")).isTrue();
    assertThat(u.has("userPrincipalName")).isTrue();
    List<JsonNode> users = all(t, "/v1.0/users", token);
    assertThat(users).hasSize(15);
    Set<String> ids = new HashSet<>();
    users.forEach(x -> ids.add(x.path("id").asText()));
    assertThat(ids).hasSize(15).contains(ALICE, ADMIN);
    assertThat(t.b2cUserCount()).isEqualTo(15);
  }

  @Test
  void selectReturnsIdentitiesAndOtherMailsWithTheirGraphShape(FakeGraphTenant t) {
    JsonNode alice = json(get(t, "/v1.0/users/" + ALICE + "?$select=id,identities,otherMails,accountEnabled,mobilePhone", t.issueAccessToken()));
    assertThat(alice.path("@odata.context").asText()).endsWith("#users(id,identities,otherMails,accountEnabled,mobilePhone)/$entity");
    assertThat(alice.path("accountEnabled").asBoolean()).isTrue();
    assertThat(alice.path("otherMails").get(0).asText()).isEqualTo("alice.berg@example.com");
    assertThat(alice.path("identities").get(0).path("signInType").asText()).isEqualTo("emailAddress");
    assertThat(alice.path("identities").get(0).path("issuer").asText()).isEqualTo(DOMAIN);
    assertThat(alice.path("identities").get(0).path("issuerAssignedId").asText()).isEqualTo("alice.berg@example.com");
    assertThat(alice.path("identities").get(1).path("signInType").asText()).isEqualTo("userPrincipalName");
    assertThat(alice.has("displayName")).isFalse();
    HttpResponse<String> bad = get(t, "/v1.0/users/" + ALICE + "?$select=shoeSize", t.issueAccessToken());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).path("error").path("message").asText()).contains("shoeSize");
  }

  @Test
  void filtersOnIdentitiesAccountEnabledAndDisplayName(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    List<JsonNode> byIdentity =
        all(t, "/v1.0/users?$filter=identities/any(c:c/issuerAssignedId eq 'alice.berg@example.com' and c/issuer eq '" + DOMAIN + "')&$select=id", token);
    assertThat(byIdentity).extracting(n -> n.path("id").asText()).containsExactly(ALICE);
    List<JsonNode> disabled = all(t, "/v1.0/users?$filter=accountEnabled eq false&$select=id,accountEnabled", token);
    assertThat(disabled).extracting(n -> n.path("id").asText()).contains(DAN);
    assertThat(disabled).allSatisfy(n -> assertThat(n.path("accountEnabled").asBoolean()).isFalse());
    assertThat(all(t, "/v1.0/users?$filter=displayName eq 'bob okafor'", token)).extracting(n -> n.path("id").asText()).containsExactly(BOB);
    assertThat(all(t, "/v1.0/users?$filter=startswith(displayName,'Tenant')", token)).extracting(n -> n.path("id").asText()).containsExactly(ADMIN);
    assertThat(all(t, "/v1.0/users?$filter=otherMails/any(m:m eq 'dan.ito@example.net')", token)).hasSize(1);
  }

  @Test
  void signInNameLookupsFindGeneratedAndChangedUsersInEitherClauseOrder(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    JsonNode generated = all(t, "/v1.0/users?$top=1&$select=id,identities", token).get(0);
    JsonNode identity = generated.path("identities").get(0);
    String assigned = identity.path("issuerAssignedId").asText();
    String issuer = identity.path("issuer").asText();
    String id = generated.path("id").asText();
    assertThat(all(t, "/v1.0/users?$filter=identities/any(c:c/issuerAssignedId eq '" + assigned + "' and c/issuer eq '" + issuer + "')", token))
        .extracting(u -> u.path("id").asText()).containsExactly(id);
    assertThat(all(t, "/v1.0/users?$filter=identities/any(x:x/issuer eq '" + issuer + "' and x/issuerAssignedId eq '" + assigned.toUpperCase(java.util.Locale.ROOT) + "')", token))
        .extracting(u -> u.path("id").asText()).containsExactly(id);
    assertThat(all(t, "/v1.0/users?$filter=identities/any(c:c/issuerAssignedId eq '" + assigned + "' and c/issuer eq 'someone.else')", token)).isEmpty();
    assertThat(patch(t, "/v1.0/users/" + id, token,
        "{\"identities\":[{\"signInType\":\"emailAddress\",\"issuer\":\"" + DOMAIN + "\",\"issuerAssignedId\":\"moved@example.com\"}]}").statusCode()).isEqualTo(204);
    assertThat(all(t, "/v1.0/users?$filter=identities/any(c:c/issuerAssignedId eq '" + assigned + "' and c/issuer eq '" + issuer + "')", token)).isEmpty();
    assertThat(all(t, "/v1.0/users?$filter=identities/any(c:c/issuerAssignedId eq 'moved@example.com')", token))
        .extracting(u -> u.path("id").asText()).containsExactly(id);
    assertThat(delete(t, "/v1.0/users/" + id, token).statusCode()).isEqualTo(204);
    assertThat(all(t, "/v1.0/users?$filter=identities/any(c:c/issuerAssignedId eq 'moved@example.com')", token)).isEmpty();
    assertThat(json(get(t, "/v1.0/directoryRoles/33333333-0000-4000-8000-000000000002", token)).path("displayName").asText()).isEqualTo("User Administrator");
  }

  @Test
  void batchedRequestsReachTheB2cRoutesAndAreAuthorizedOneByOne(FakeGraphTenant t) {
    t.app().revoke(B2cBackupPermission.USER_AUTHENTICATION_METHOD_READ_WRITE_ALL);
    String batch = "{\"requests\":["
        + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/" + ALICE + "?$select=id,identities\"},"
        + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/users/" + ALICE + "/authentication/methods\"},"
        + "{\"id\":\"3\",\"method\":\"PATCH\",\"url\":\"/users/" + ALICE + "\",\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"displayName\":\"Alice B.\"}}]}";
    JsonNode responses = json(post(t, "/v1.0/$batch", t.issueAccessToken(), batch)).path("responses");
    assertThat(responses.get(0).path("status").asInt()).isEqualTo(200);
    assertThat(responses.get(0).path("body").path("identities")).hasSize(2);
    assertThat(responses.get(1).path("status").asInt()).isEqualTo(403);
    assertThat(responses.get(1).path("body").path("error").path("code").asText()).isEqualTo("Authorization_RequestDenied");
    assertThat(responses.get(2).path("status").asInt()).isEqualTo(204);
    assertThat(t.journal().count(FakeRoute.UPDATE_USER)).isEqualTo(1);
  }

  @Test
  void anUnsupportedFilterGetsGraphsBadRequestAndIsFlaggedInStrictMode(FakeGraphTenant t) {
    HttpResponse<String> r = get(t, "/v1.0/users?$filter=jobTitle eq 'x'", t.issueAccessToken());
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode err = json(r).path("error");
    assertThat(err.path("code").asText()).isEqualTo("Request_UnsupportedQuery");
    assertThat(err.path("message").asText()).isEqualTo("Unsupported or invalid query filter clause specified for property 'jobTitle' of resource 'User'.");
    assertThat(err.path("innerError").has("request-id")).isTrue();
    assertThat(t.journal().unmatched()).hasSize(1);
    t.journal().clear();
  }

  @Test
  void topCountAndAuthenticationMethodsWithWellKnownIds(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    assertThat(get(t, "/v1.0/users?$top=2&$count=true", token).statusCode()).as("$count is an advanced query").isEqualTo(400);
    JsonNode page = json(Http.send(t, HttpRequest.newBuilder(Http.uri(t, "/v1.0/users?$top=2&$count=true"))
        .header("Authorization", "Bearer " + token).header("ConsistencyLevel", "eventual").GET().build()));
    assertThat(page.path("value")).hasSize(2);
    assertThat(page.path("@odata.count").asInt()).isEqualTo(15);
    List<JsonNode> methods = all(t, "/v1.0/users/" + DAN + "/authentication/methods", token);
    assertThat(methods).extracting(m -> m.path("@odata.type").asText())
        .containsExactly("#microsoft.graph.passwordAuthenticationMethod", "#microsoft.graph.phoneAuthenticationMethod", "#microsoft.graph.phoneAuthenticationMethod");
    JsonNode phone = json(get(t, "/v1.0/users/" + DAN + "/authentication/phoneMethods/3179e48a-750b-4051-897c-87b9720928f7", token));
    assertThat(phone.path("phoneType").asText()).isEqualTo("mobile");
    assertThat(phone.path("phoneNumber").asText()).isEqualTo("+81 9012345678");
    List<JsonNode> emails = all(t, "/v1.0/users/" + ALICE + "/authentication/emailMethods", token);
    assertThat(emails).extracting(m -> m.path("id").asText()).containsExactly("3ddfcfc8-9383-446f-83cc-3ab9be4be18f");
    assertThat(get(t, "/v1.0/users/00000000-0000-4000-8000-000000000000/authentication/methods", token).statusCode()).isEqualTo(404);
  }

  @Test
  void groupsUserFlowsProvidersRolesAuditsAndApplicationsAreServed(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    assertThat(all(t, "/v1.0/groups", token)).hasSize(2);
    assertThat(all(t, "/v1.0/groups/" + VIP + "/members", token))
        .extracting(m -> m.path("@odata.type").asText()).containsOnly("#microsoft.graph.user").hasSize(2);
    List<JsonNode> flows = all(t, "/beta/identity/b2cUserFlows", token);
    assertThat(flows).extracting(f -> f.path("id").asText()).containsExactly("B2C_1_signupsignin", "B2C_1_passwordreset", "B2C_1_profileedit");
    assertThat(flows.get(0).has("identityProviders")).as("navigation, not a property").isFalse();
    assertThat(all(t, "/beta/identity/b2cUserFlows/B2C_1_signupsignin/identityProviders", token)).hasSize(2);
    assertThat(all(t, "/beta/identity/b2cUserFlows/B2C_1_signupsignin/userAttributeAssignments", token)).hasSize(3);
    List<JsonNode> idps = all(t, "/v1.0/identity/identityProviders", token);
    assertThat(idps).extracting(p -> p.path("clientSecret").asText()).containsOnly("*****");
    assertThat(all(t, "/v1.0/directoryRoles", token)).hasSize(2);
    assertThat(all(t, "/v1.0/directoryRoles/33333333-0000-4000-8000-000000000001/members", token)).extracting(m -> m.path("id").asText()).containsExactly(ADMIN);
    assertThat(all(t, "/v1.0/roleManagement/directory/roleAssignments?$filter=principalId eq '" + ADMIN + "'", token)).hasSize(1);
    assertThat(all(t, "/v1.0/auditLogs/directoryAudits?$filter=activityDateTime ge 2024-05-02T00:00:00Z", token)).hasSize(2);
    assertThat(all(t, "/v1.0/applications?$filter=startswith(displayName,'b2c-extensions-app')", token)).hasSize(1);
    assertThat(json(get(t, "/v1.0/applications(appId='55555555-0000-4000-8000-000000000002')", token)).path("displayName").asText()).isEqualTo("Contoso web shop");
  }

  @Test
  void aMissingPermissionGetsGraphsForbiddenBody(FakeGraphTenant t) {
    // Microsoft's table lets Directory.Read.All read the audit log too.
    t.app().revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL, B2cBackupPermission.DIRECTORY_READ_ALL);
    HttpResponse<String> r = get(t, "/v1.0/auditLogs/directoryAudits", t.issueAccessToken());
    assertThat(r.statusCode()).isEqualTo(403);
    JsonNode err = json(r).path("error");
    assertThat(err.path("code").asText()).isEqualTo("Authorization_RequestDenied");
    assertThat(err.path("message").asText()).isEqualTo("Insufficient privileges to complete the operation.");
    assertThat(err.path("innerError").path("request-id").asText()).isNotBlank();
  }

  // ---- restore round trips --------------------------------------------------------------------

  @Test
  void userRoundTripRestoresIdentitiesPhonesMailsAndAccountState(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String select = "?$select=id,displayName,identities,otherMails,mobilePhone,businessPhones,accountEnabled";
    JsonNode backup = json(get(t, "/v1.0/users/" + DAN + select, token));
    assertThat(delete(t, "/v1.0/users/" + DAN, token).statusCode()).isEqualTo(204);
    assertThat(get(t, "/v1.0/users/" + DAN, token).statusCode()).isEqualTo(404);
    assertThat(t.b2cUserCount()).isEqualTo(14);
    com.fasterxml.jackson.databind.node.ObjectNode create = Http.JSON.createObjectNode();
    create.put("displayName", backup.path("displayName").asText());
    create.put("accountEnabled", backup.path("accountEnabled").asBoolean());
    create.set("otherMails", backup.path("otherMails"));
    create.set("businessPhones", backup.path("businessPhones"));
    create.set("mobilePhone", backup.path("mobilePhone"));
    com.fasterxml.jackson.databind.node.ArrayNode ids = create.putArray("identities");
    backup.path("identities").forEach(i -> {
      if (!i.path("signInType").asText().equals("userPrincipalName")) {
        ids.add(i);
      }
    });
    create.putObject("passwordProfile").put("password", "Restored-Passw0rd!").put("forceChangePasswordNextSignIn", false);
    HttpResponse<String> created = post(t, "/v1.0/users", token, create.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).isPresent();
    assertThat(created.body()).doesNotContain("Restored-Passw0rd!");
    String newId = json(created).path("id").asText();
    JsonNode restored = json(get(t, "/v1.0/users/" + newId + select, token));
    assertThat(restored.path("displayName")).isEqualTo(backup.path("displayName"));
    assertThat(restored.path("accountEnabled").asBoolean()).isFalse();
    assertThat(restored.path("otherMails")).isEqualTo(backup.path("otherMails"));
    assertThat(restored.path("identities").get(0)).isEqualTo(backup.path("identities").get(0));
    assertThat(restored.path("identities").get(1).path("issuerAssignedId").asText()).isEqualTo(newId + "@" + DOMAIN);
    // The same sign-in name again is a conflict, as on Graph.
    HttpResponse<String> again = post(t, "/v1.0/users", token, create.toString());
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(json(again).path("error").path("message").asText()).isEqualTo("Another object with the same value for property identities already exists.");
    // PATCH: each property class, then read back.
    HttpResponse<String> patched =
        patch(t, "/v1.0/users/" + newId, token,
            "{\"accountEnabled\":true,\"otherMails\":[\"dan@example.org\"],\"mobilePhone\":\"+1 4255550111\",\"businessPhones\":[\"+1 2065550111\"],"
                + "\"identities\":[{\"signInType\":\"emailAddress\",\"issuer\":\"" + DOMAIN + "\",\"issuerAssignedId\":\"dan.new@example.org\"}]}");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
    JsonNode after = json(get(t, "/v1.0/users/" + newId + select, token));
    assertThat(after.path("accountEnabled").asBoolean()).isTrue();
    assertThat(after.path("otherMails").get(0).asText()).isEqualTo("dan@example.org");
    assertThat(after.path("mobilePhone").asText()).isEqualTo("+1 4255550111");
    assertThat(after.path("businessPhones").get(0).asText()).isEqualTo("+1 2065550111");
    assertThat(after.path("identities")).hasSize(2);
    assertThat(after.path("identities").get(0).path("issuerAssignedId").asText()).isEqualTo("dan.new@example.org");
    assertThat(all(t, "/v1.0/users?$filter=identities/any(c:c/issuerAssignedId eq 'dan.new@example.org' and c/issuer eq '" + DOMAIN + "')", token)).hasSize(1);
    HttpResponse<String> badIssuer =
        patch(t, "/v1.0/users/" + newId, token, "{\"identities\":[{\"signInType\":\"emailAddress\",\"issuer\":\"other.example\",\"issuerAssignedId\":\"x@example.org\"}]}");
    assertThat(badIssuer.statusCode()).isEqualTo(400);
    t.reset();
    assertThat(t.b2cUserCount()).isEqualTo(15);
    assertThat(get(t, "/v1.0/users/" + DAN, t.issueAccessToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void generatedUsersCanBeChangedAndDeletedLikeOthers(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String id = all(t, "/v1.0/users?$top=1", token).get(0).path("id").asText();
    assertThat(patch(t, "/v1.0/users/" + id, token, "{\"displayName\":\"Changed\"}").statusCode()).isEqualTo(204);
    assertThat(json(get(t, "/v1.0/users/" + id, token)).path("displayName").asText()).isEqualTo("Changed");
    assertThat(delete(t, "/v1.0/users/" + id, token).statusCode()).isEqualTo(204);
    assertThat(get(t, "/v1.0/users/" + id, token).statusCode()).isEqualTo(404);
    assertThat(all(t, "/v1.0/users", token)).hasSize(14);
  }

  @Test
  void authenticationMethodRoundTrip(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    List<JsonNode> phones = all(t, "/v1.0/users/" + DAN + "/authentication/phoneMethods", token);
    assertThat(phones).hasSize(2);
    for (JsonNode p : phones) {
      assertThat(delete(t, "/v1.0/users/" + DAN + "/authentication/phoneMethods/" + p.path("id").asText(), token).statusCode()).isEqualTo(204);
    }
    assertThat(all(t, "/v1.0/users/" + DAN + "/authentication/phoneMethods", token)).isEmpty();
    for (JsonNode p : phones) {
      HttpResponse<String> r = post(t, "/v1.0/users/" + DAN + "/authentication/phoneMethods", token,
          "{\"phoneNumber\":\"" + p.path("phoneNumber").asText() + "\",\"phoneType\":\"" + p.path("phoneType").asText() + "\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      assertThat(json(r).path("id").asText()).isEqualTo(p.path("id").asText());
    }
    assertThat(all(t, "/v1.0/users/" + DAN + "/authentication/phoneMethods", token)).isEqualTo(phones);
    assertThat(post(t, "/v1.0/users/" + DAN + "/authentication/phoneMethods", token, "{\"phoneNumber\":\"+1 4255550100\",\"phoneType\":\"mobile\"}").statusCode()).isEqualTo(400);
    assertThat(post(t, "/v1.0/users/" + DAN + "/authentication/phoneMethods", token, "{\"phoneNumber\":\"4255550100\",\"phoneType\":\"office\"}").statusCode()).isEqualTo(400);
    JsonNode email = all(t, "/v1.0/users/" + ALICE + "/authentication/emailMethods", token).get(0);
    assertThat(delete(t, "/v1.0/users/" + ALICE + "/authentication/emailMethods/" + email.path("id").asText(), token).statusCode()).isEqualTo(204);
    assertThat(post(t, "/v1.0/users/" + ALICE + "/authentication/emailMethods", token, "{\"emailAddress\":\"" + email.path("emailAddress").asText() + "\"}").statusCode()).isEqualTo(201);
    assertThat(all(t, "/v1.0/users/" + ALICE + "/authentication/emailMethods", token)).containsExactly(email);
  }

  @Test
  void groupMembershipRoundTrip(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    List<JsonNode> before = all(t, "/v1.0/groups/" + VIP + "/members?$select=id", token);
    assertThat(delete(t, "/v1.0/groups/" + VIP + "/members/" + ALICE + "/$ref", token).statusCode()).isEqualTo(204);
    assertThat(delete(t, "/v1.0/groups/" + VIP + "/members/" + ALICE + "/$ref", token).statusCode()).isEqualTo(404);
    assertThat(all(t, "/v1.0/groups/" + VIP + "/members?$select=id", token)).hasSize(before.size() - 1);
    String ref = "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + ALICE + "\"}";
    assertThat(post(t, "/v1.0/groups/" + VIP + "/members/$ref", token, ref).statusCode()).isEqualTo(204);
    HttpResponse<String> twice = post(t, "/v1.0/groups/" + VIP + "/members/$ref", token, ref);
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(json(twice).path("error").path("message").asText()).contains("already exist");
    assertThat(all(t, "/v1.0/groups/" + VIP + "/members?$select=id", token)).containsExactlyInAnyOrderElementsOf(before);
    assertThat(post(t, "/v1.0/groups/" + VIP + "/members/$ref", token, "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/00000000-0000-4000-8000-00000000dead\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void userFlowRoundTrip(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    JsonNode flow = json(get(t, "/beta/identity/b2cUserFlows/B2C_1_signupsignin", token));
    List<JsonNode> idps = all(t, "/beta/identity/b2cUserFlows/B2C_1_signupsignin/identityProviders", token);
    assertThat(delete(t, "/beta/identity/b2cUserFlows/B2C_1_signupsignin", token).statusCode()).isEqualTo(204);
    assertThat(get(t, "/beta/identity/b2cUserFlows/B2C_1_signupsignin", token).statusCode()).isEqualTo(404);
    StringBuilder providers = new StringBuilder();
    for (JsonNode p : idps) {
      providers.append(providers.length() == 0 ? "" : ",").append("{\"id\":\"").append(p.path("id").asText()).append("\"}");
    }
    HttpResponse<String> created = post(t, "/beta/identity/b2cUserFlows", token,
        "{\"id\":\"signupsignin\",\"userFlowType\":\"" + flow.path("userFlowType").asText() + "\",\"userFlowTypeVersion\":3,\"identityProviders\":[" + providers + "]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created).path("id").asText()).isEqualTo("B2C_1_signupsignin");
    JsonNode restored = json(get(t, "/beta/identity/b2cUserFlows/B2C_1_signupsignin", token));
    assertThat(restored.path("userFlowType")).isEqualTo(flow.path("userFlowType"));
    assertThat(all(t, "/beta/identity/b2cUserFlows/B2C_1_signupsignin/identityProviders", token)).extracting(p -> p.path("id").asText())
        .containsExactly("Google-OAUTH", "Facebook-OAUTH");
    assertThat(post(t, "/beta/identity/b2cUserFlows", token, "{\"id\":\"signupsignin\",\"userFlowType\":\"signUpOrSignIn\",\"userFlowTypeVersion\":3}").statusCode()).isEqualTo(409);
    assertThat(post(t, "/beta/identity/b2cUserFlows", token, "{\"id\":\"x\",\"userFlowType\":\"bogus\",\"userFlowTypeVersion\":3}").statusCode()).isEqualTo(400);
  }

  @Test
  void userFlowSettingsProvidersAndAttributesCanBeRestoredAfterCreation(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String flow = "/beta/identity/b2cUserFlows/B2C_1_signupsignin";
    JsonNode before = json(get(t, flow, token));
    List<JsonNode> idps = all(t, flow + "/identityProviders", token);
    List<JsonNode> attributes = all(t, flow + "/userAttributeAssignments", token);
    assertThat(idps).isNotEmpty();
    // the backup: recreate the flow bare, then restore its settings and navigations one by one
    assertThat(delete(t, flow, token).statusCode()).isEqualTo(204);
    assertThat(post(t, "/beta/identity/b2cUserFlows", token,
        "{\"id\":\"signupsignin\",\"userFlowType\":\"" + before.path("userFlowType").asText() + "\",\"userFlowTypeVersion\":3}").statusCode()).isEqualTo(201);
    assertThat(all(t, flow + "/identityProviders", token)).isEmpty();
    HttpResponse<String> patched = patch(t, flow, token, "{\"isLanguageCustomizationEnabled\":true,\"defaultLanguageTag\":\"de\"}");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
    JsonNode updated = json(get(t, flow, token));
    assertThat(updated.path("isLanguageCustomizationEnabled").asBoolean()).isTrue();
    assertThat(updated.path("defaultLanguageTag").asText()).isEqualTo("de");
    for (JsonNode p : idps) {
      HttpResponse<String> r = post(t, flow + "/identityProviders/$ref", token,
          "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/identity/identityProviders/" + p.path("id").asText() + "\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }
    for (JsonNode a : attributes) {
      JsonNode body = a.deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("id");
      ((com.fasterxml.jackson.databind.node.ObjectNode) body).putObject("userAttribute").put("id", a.path("id").asText());
      HttpResponse<String> r = post(t, flow + "/userAttributeAssignments", token, body.toString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      assertThat(json(r).path("id").asText()).isEqualTo(a.path("id").asText());
    }
    assertThat(all(t, flow + "/identityProviders", token)).extracting(p -> p.path("id").asText())
        .containsExactlyElementsOf(idps.stream().map(p -> p.path("id").asText()).toList());
    assertThat(all(t, flow + "/userAttributeAssignments", token)).containsExactlyElementsOf(attributes);
    // and back out again
    String first = idps.get(0).path("id").asText();
    assertThat(delete(t, flow + "/identityProviders/" + first + "/$ref", token).statusCode()).isEqualTo(204);
    assertThat(delete(t, flow + "/identityProviders/" + first + "/$ref", token).statusCode()).isEqualTo(404);
    assertThat(all(t, flow + "/identityProviders", token)).extracting(p -> p.path("id").asText()).doesNotContain(first);
    assertThat(post(t, flow + "/userAttributeAssignments", token, "{\"userAttribute\":{\"id\":\"postalCode\"},\"userInputType\":\"textBox\"}").statusCode()).isEqualTo(201);
    assertThat(post(t, flow + "/userAttributeAssignments", token, "{\"userAttribute\":{\"id\":\"postalCode\"}}").statusCode()).isEqualTo(409);
    assertThat(delete(t, flow + "/userAttributeAssignments/postalCode", token).statusCode()).isEqualTo(204);
    assertThat(all(t, flow + "/userAttributeAssignments", token)).extracting(a -> a.path("id").asText()).doesNotContain("postalCode");
    // what Graph refuses
    assertThat(patch(t, flow, token, "{\"userFlowType\":\"signIn\"}").statusCode()).isEqualTo(400);
    assertThat(post(t, flow + "/identityProviders/$ref", token, "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/identity/identityProviders/Nope-OAUTH\"}").statusCode()).isEqualTo(404);
    assertThat(patch(t, "/beta/identity/b2cUserFlows/B2C_1_nope", token, "{\"defaultLanguageTag\":\"de\"}").statusCode()).isEqualTo(404);
  }

  @Test
  void groupRoundTripRecreatesTheGroupAndItsMembers(FakeGraphTenant t) {
    t.app().grantRole("Group.ReadWrite.All"); // none of the 14 creates or deletes groups
    String token = t.issueAccessToken();
    int groups = all(t, "/v1.0/groups", token).size();
    HttpResponse<String> created = post(t, "/v1.0/groups", token,
        "{\"displayName\":\"Gold\",\"description\":\"Gold customers\",\"mailEnabled\":false,\"mailNickname\":\"gold\",\"securityEnabled\":true}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).path("id").asText();
    JsonNode read = json(get(t, "/v1.0/groups/" + id, token));
    assertThat(read.path("displayName").asText()).isEqualTo("Gold");
    assertThat(read.path("description").asText()).isEqualTo("Gold customers");
    assertThat(read.path("securityEnabled").asBoolean()).isTrue();
    assertThat(all(t, "/v1.0/groups", token)).hasSize(groups + 1);
    assertThat(post(t, "/v1.0/groups/" + id + "/members/$ref", token,
        "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + ALICE + "\"}").statusCode()).isEqualTo(204);
    assertThat(all(t, "/v1.0/groups/" + id + "/members?$select=id", token)).extracting(m -> m.path("id").asText()).containsExactly(ALICE);
    assertThat(delete(t, "/v1.0/groups/" + id, token).statusCode()).isEqualTo(204);
    assertThat(get(t, "/v1.0/groups/" + id, token).statusCode()).isEqualTo(404);
    assertThat(delete(t, "/v1.0/groups/" + id, token).statusCode()).isEqualTo(404);
    assertThat(all(t, "/v1.0/groups", token)).hasSize(groups);
    assertThat(post(t, "/v1.0/groups", token, "{\"displayName\":\"x\",\"mailEnabled\":false,\"securityEnabled\":true}").statusCode()).isEqualTo(400);
    assertThat(post(t, "/v1.0/groups", token, "{\"displayName\":\"x\",\"mailEnabled\":true,\"mailNickname\":\"x\",\"securityEnabled\":false,\"groupTypes\":[\"Unified\"]}").statusCode()).isEqualTo(400);
  }

  @Test
  void groupAndUserFlowWritesAreDeniedWithoutTheirPermission(FakeGraphTenant t) {
    revokeAll(t);
    t.app().grant(B2cBackupPermission.values());
    // the 14 include GroupMember.ReadWrite.All and Directory.Read.All, neither of which creates or deletes groups
    String fourteen = t.issueAccessToken();
    HttpResponse<String> denied = post(t, "/v1.0/groups", fourteen, "{\"displayName\":\"G\",\"mailEnabled\":false,\"mailNickname\":\"g\",\"securityEnabled\":true}");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(json(denied).path("error").path("code").asText()).isEqualTo("Authorization_RequestDenied");
    assertThat(delete(t, "/v1.0/groups/" + VIP, fourteen).statusCode()).isEqualTo(403);
    t.app().grantRole("Group.ReadWrite.All");
    String withGroupWrite = t.issueAccessToken();
    assertThat(post(t, "/v1.0/groups", withGroupWrite, "{\"displayName\":\"G\",\"mailEnabled\":false,\"mailNickname\":\"g\",\"securityEnabled\":true}").statusCode()).isEqualTo(201);
    t.app().revoke(B2cBackupPermission.IDENTITY_USER_FLOW_READ_WRITE_ALL);
    String noFlows = t.issueAccessToken();
    String flow = "/beta/identity/b2cUserFlows/B2C_1_signupsignin";
    assertThat(patch(t, flow, noFlows, "{\"defaultLanguageTag\":\"de\"}").statusCode()).isEqualTo(403);
    assertThat(post(t, flow + "/identityProviders/$ref", noFlows, "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/identity/identityProviders/Google-OAUTH\"}").statusCode()).isEqualTo(403);
    assertThat(delete(t, flow + "/identityProviders/Google-OAUTH/$ref", noFlows).statusCode()).isEqualTo(403);
    assertThat(post(t, flow + "/userAttributeAssignments", noFlows, "{\"userAttribute\":{\"id\":\"city\"}}").statusCode()).isEqualTo(403);
    assertThat(delete(t, flow + "/userAttributeAssignments/email", noFlows).statusCode()).isEqualTo(403);
    t.app().grantRole("IdentityUserFlow.Read.All");
    String readOnly = t.issueAccessToken();
    assertThat(patch(t, flow, readOnly, "{\"defaultLanguageTag\":\"de\"}").statusCode()).isEqualTo(403);
    assertThat(get(t, flow, readOnly).statusCode()).isEqualTo(200);
    assertThat(json(get(t, flow, readOnly)).path("defaultLanguageTag").asText()).isNotEqualTo("de");
  }

  @Test
  void identityProviderRoundTripNeverReturnsTheSecret(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    JsonNode google = json(get(t, "/v1.0/identity/identityProviders/Google-OAUTH", token));
    assertThat(delete(t, "/v1.0/identity/identityProviders/Google-OAUTH", token).statusCode()).isEqualTo(204);
    HttpResponse<String> created = post(t, "/v1.0/identity/identityProviders", token,
        "{\"@odata.type\":\"#microsoft.graph.socialIdentityProvider\",\"displayName\":\"Google\",\"identityProviderType\":\"Google\",\"clientId\":\""
            + google.path("clientId").asText() + "\",\"clientSecret\":\"re-entered-secret\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("re-entered-secret");
    JsonNode restored = json(get(t, "/v1.0/identity/identityProviders/Google-OAUTH", token));
    assertThat(restored.path("clientId")).isEqualTo(google.path("clientId"));
    assertThat(restored.path("clientSecret").asText()).isEqualTo("*****");
    assertThat(patch(t, "/v1.0/identity/identityProviders/Google-OAUTH", token, "{\"displayName\":\"Google accounts\"}").statusCode()).isEqualTo(204);
    assertThat(json(get(t, "/v1.0/identity/identityProviders/Google-OAUTH", token)).path("displayName").asText()).isEqualTo("Google accounts");
    assertThat(post(t, "/v1.0/identity/identityProviders", token, "{\"@odata.type\":\"#microsoft.graph.socialIdentityProvider\",\"displayName\":\"G\",\"identityProviderType\":\"Google\",\"clientId\":\"a\",\"clientSecret\":\"b\"}").statusCode()).isEqualTo(409);
  }

  @Test
  void applicationRoundTrip(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String id = "44444444-0000-4000-8000-000000000002";
    JsonNode app = json(get(t, "/v1.0/applications/" + id, token));
    assertThat(delete(t, "/v1.0/applications/" + id, token).statusCode()).isEqualTo(204);
    assertThat(get(t, "/v1.0/applications/" + id, token).statusCode()).isEqualTo(404);
    HttpResponse<String> created = post(t, "/v1.0/applications", token,
        "{\"displayName\":\"" + app.path("displayName").asText() + "\",\"signInAudience\":\"" + app.path("signInAudience").asText() + "\",\"web\":" + app.path("web") + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String newId = json(created).path("id").asText();
    JsonNode restored = json(get(t, "/v1.0/applications/" + newId, token));
    assertThat(restored.path("web")).isEqualTo(app.path("web"));
    assertThat(restored.path("publisherDomain").asText()).isEqualTo(DOMAIN);
    assertThat(patch(t, "/v1.0/applications/" + newId, token, "{\"displayName\":\"Renamed\"}").statusCode()).isEqualTo(204);
    assertThat(json(get(t, "/v1.0/applications/" + newId, token)).path("displayName").asText()).isEqualTo("Renamed");
    assertThat(patch(t, "/v1.0/applications/" + newId, token, "{\"colour\":\"red\"}").statusCode()).isEqualTo(400);
    t.journal().clear();
  }

  @Test
  void roleAssignmentRoundTripKeepsTheDirectoryRoleMembersInStep(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    JsonNode a = all(t, "/v1.0/roleManagement/directory/roleAssignments", token).get(0);
    String members = "/v1.0/directoryRoles/33333333-0000-4000-8000-000000000001/members";
    assertThat(delete(t, "/v1.0/roleManagement/directory/roleAssignments/" + a.path("id").asText(), token).statusCode()).isEqualTo(204);
    assertThat(all(t, members, token)).isEmpty();
    HttpResponse<String> created = post(t, "/v1.0/roleManagement/directory/roleAssignments", token,
        "{\"principalId\":\"" + a.path("principalId").asText() + "\",\"roleDefinitionId\":\"" + a.path("roleDefinitionId").asText() + "\",\"directoryScopeId\":\"/\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created).path("id").asText()).hasSize(45).endsWith("-1");
    assertThat(all(t, members, token)).extracting(m -> m.path("id").asText()).containsExactly(ADMIN);
    assertThat(post(t, "/v1.0/roleManagement/directory/roleAssignments", token,
        "{\"principalId\":\"" + a.path("principalId").asText() + "\",\"roleDefinitionId\":\"" + a.path("roleDefinitionId").asText() + "\",\"directoryScopeId\":\"/\"}").statusCode()).isEqualTo(400);
  }

  // ---- the 14 permissions ---------------------------------------------------------------------

  /** A request that needs the permission: method, path, body, the other roles it also needs. */
  static Stream<Arguments> permissions() {
    String user = "{\"accountEnabled\":true,\"displayName\":\"New\",\"passwordProfile\":{\"password\":\"x-Long-Pass1\"},"
        + "\"identities\":[{\"signInType\":\"emailAddress\",\"issuer\":\"" + DOMAIN + "\",\"issuerAssignedId\":\"new@example.com\"}]}";
    return Stream.of(
        row(B2cBackupPermission.IDENTITY_USER_FLOW_READ_WRITE_ALL, true, "POST", "/beta/identity/b2cUserFlows", "{\"id\":\"new\",\"userFlowType\":\"signIn\",\"userFlowTypeVersion\":3}"),
        row(B2cBackupPermission.IDENTITY_PROVIDER_READ_WRITE_ALL, true, "POST", "/v1.0/identity/identityProviders",
            "{\"@odata.type\":\"#microsoft.graph.socialIdentityProvider\",\"displayName\":\"Amazon\",\"identityProviderType\":\"Amazon\",\"clientId\":\"a\",\"clientSecret\":\"b\"}"),
        row(B2cBackupPermission.APPLICATION_READ_WRITE_ALL, true, "POST", "/v1.0/applications", "{\"displayName\":\"Restored app\"}"),
        // Directory.Read.All (one of the 14) also reads the audit log, per Microsoft's table.
        row(B2cBackupPermission.AUDIT_LOG_READ_ALL, false, "GET", "/v1.0/auditLogs/directoryAudits", ""),
        row(B2cBackupPermission.DIRECTORY_READ_ALL, true, "GET", "/v1.0/organization", ""),
        row(B2cBackupPermission.APP_ROLE_ASSIGNMENT_READ_WRITE_ALL, true, "CREATE-ASSIGNMENT", "", "", "Application.Read.All"),
        row(B2cBackupPermission.ROLE_MANAGEMENT_READ_WRITE_DIRECTORY, true, "POST", "/v1.0/roleManagement/directory/roleAssignments",
            "{\"principalId\":\"" + BOB + "\",\"roleDefinitionId\":\"fe930be7-5e62-47db-91af-98c3a49a38b1\",\"directoryScopeId\":\"/\"}"),
        row(B2cBackupPermission.USER_READ_WRITE_ALL, true, "POST", "/v1.0/users", user),
        row(B2cBackupPermission.USER_AUTHENTICATION_METHOD_READ_WRITE_ALL, true, "POST", "/v1.0/users/" + BOB + "/authentication/phoneMethods",
            "{\"phoneNumber\":\"+1 4255550123\",\"phoneType\":\"mobile\"}"),
        row(B2cBackupPermission.GROUP_MEMBER_READ_WRITE_ALL, true, "POST", "/v1.0/groups/" + VIP + "/members/$ref",
            "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + BOB + "\"}"),
        row(B2cBackupPermission.USER_MANAGE_IDENTITIES_ALL, true, "PATCH", "/v1.0/users/" + BOB,
            "{\"identities\":[{\"signInType\":\"userName\",\"issuer\":\"" + DOMAIN + "\",\"issuerAssignedId\":\"bob.o\"}]}"),
        // User.ReadWrite.All (one of the 14) also allows these three: Graph lists it as the higher
        // privileged alternative, so the other thirteen together do not deny them.
        row(B2cBackupPermission.USER_MAIL_READ_WRITE_ALL, false, "PATCH", "/v1.0/users/" + BOB, "{\"otherMails\":[\"bob@example.com\"]}"),
        row(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL, false, "PATCH", "/v1.0/users/" + BOB, "{\"mobilePhone\":\"+1 4255550199\",\"businessPhones\":[]}"),
        row(B2cBackupPermission.USER_ENABLE_DISABLE_ACCOUNT_ALL, false, "PATCH", "/v1.0/users/" + BOB, "{\"accountEnabled\":false}", "User.Read.All"));
  }

  private static Arguments row(B2cBackupPermission p, boolean deniedByTheOtherThirteen, String method, String path, String body, String... alsoNeeded) {
    return Arguments.of(p, deniedByTheOtherThirteen, method, path, body, List.of(alsoNeeded));
  }

  @Test
  void everyOneOfTheFourteenPermissionsHasARow() {
    assertThat(permissions().map(a -> a.get()[0])).containsExactlyInAnyOrder((Object[]) B2cBackupPermission.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("permissions")
  void aRouteThatNeedsThePermissionIsDeniedWithoutItAndAllowedWithIt(
      B2cBackupPermission permission, boolean deniedByTheOtherThirteen, String method, String path, String body, List<String> alsoNeeded, FakeGraphTenant t) {
    revokeAll(t);
    alsoNeeded.forEach(t.app()::grantRole);
    HttpResponse<String> denied = send(t, method, path, body, t.issueAccessToken());
    assertThat(denied.statusCode()).as(denied.body()).isEqualTo(403);
    assertThat(json(denied).path("error").path("code").asText()).isEqualTo("Authorization_RequestDenied");
    if (deniedByTheOtherThirteen) {
      t.app().grant(B2cBackupPermission.values());
      t.app().revoke(permission);
      HttpResponse<String> stillDenied = send(t, method, path, body, t.issueAccessToken());
      assertThat(stillDenied.statusCode()).as("with the other thirteen: " + stillDenied.body()).isEqualTo(403);
      revokeAll(t);
      alsoNeeded.forEach(t.app()::grantRole);
    }
    t.app().grant(permission);
    HttpResponse<String> allowed = send(t, method, path, body, t.issueAccessToken());
    assertThat(allowed.statusCode()).as(allowed.body()).isBetween(200, 204);
  }

  private static void revokeAll(FakeGraphTenant t) {
    t.app().revoke(B2cBackupPermission.values());
    for (String r : t.app().grantedRoles()) {
      t.app().revokeRole(r);
    }
    assertThat(t.app().grantedRoles()).isEmpty();
  }

  private static HttpResponse<String> send(FakeGraphTenant t, String method, String path, String body, String token) {
    switch (method) {
      case "GET":
        return get(t, path, token);
      case "POST":
        return post(t, path, token, body);
      case "PATCH":
        return patch(t, path, token, body);
      case "CREATE-ASSIGNMENT":
        return post(
            t,
            "/v1.0/servicePrincipals/" + t.servicePrincipalId() + "/appRoleAssignments",
            token,
            "{\"principalId\":\"" + t.servicePrincipalId() + "\",\"resourceId\":\"" + t.graphServicePrincipalId()
                + "\",\"appRoleId\":\"" + B2cBackupPermission.AUDIT_LOG_READ_ALL.appRoleId() + "\"}");
      default:
        return delete(t, path, token);
    }
  }
}
