package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static io.github.b2cpermissions.testkit.Http.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeRoute;
import io.github.b2cpermissions.testkit.Http;
import io.github.b2cpermissions.buildsupport.MutableClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphRoutesTest {
  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll());

  private static String sp(FakeGraphTenant t) {
    return "/v1.0/servicePrincipals/" + t.servicePrincipalId();
  }

  private static void assertGraphError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).isEqualTo(status);
    JsonNode err = json(r).path("error");
    assertThat(err.path("code").asText()).isEqualTo(code);
    assertThat(err.path("message").asText()).isNotBlank();
    JsonNode inner = err.path("innerError");
    assertThat(inner.path("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    assertThat(inner.path("request-id").asText()).isEqualTo(r.headers().firstValue("request-id").orElseThrow());
    assertThat(inner.path("client-request-id").asText()).isNotBlank();
  }

  @Test
  void organizationShowsTenantIdTypeAndVerifiedDomain(FakeGraphTenant t) {
    HttpResponse<String> r = get(t, "/v1.0/organization", token(t));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.path("@odata.context").asText()).isEqualTo(t.graphEndpoint() + "/$metadata#organization");
    JsonNode org = body.path("value").get(0);
    assertThat(org.path("id").asText()).isEqualTo(t.tenantId());
    assertThat(org.path("tenantType").asText()).isEqualTo("AAD B2C");
    assertThat(org.path("verifiedDomains").get(0).path("name").asText()).isEqualTo("contoso.onmicrosoft.com");
    assertThat(org.path("verifiedDomains").get(0).path("isInitial").asBoolean()).isTrue();
  }

  @Test
  void organizationByIdAndSelect(FakeGraphTenant t) {
    HttpResponse<String> r = get(t, "/v1.0/organization/" + t.tenantId() + "?$select=id,tenantType", token(t));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode org = json(r);
    assertThat(org.path("@odata.context").asText()).endsWith("$metadata#organization(id,tenantType)/$entity");
    assertThat(org.path("tenantType").asText()).isEqualTo("AAD B2C");
    assertThat(org.has("verifiedDomains")).isFalse();
  }

  @Test
  void servicePrincipalByAppIdHasGraphShape(FakeGraphTenant t) {
    HttpResponse<String> r = get(t, "/v1.0/servicePrincipals(appId='" + t.clientId() + "')", token(t));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json;odata.metadata=minimal");
    JsonNode sp = json(r);
    assertThat(sp.path("@odata.context").asText()).isEqualTo(t.graphEndpoint() + "/$metadata#servicePrincipals/$entity");
    assertThat(sp.path("id").asText()).isEqualTo(t.servicePrincipalId());
    assertThat(sp.path("appId").asText()).isEqualTo(t.clientId());
    assertThat(sp.path("accountEnabled").asBoolean()).isTrue();
    assertThat(sp.path("servicePrincipalType").asText()).isEqualTo("Application");
    assertThat(sp.path("replyUrls").get(0).asText()).isEqualTo(FakeGraphTenant.DEFAULT_REDIRECT_URI.toString());
  }

  @Test
  void servicePrincipalByAppIdAcceptsPercentEncodedKey(FakeGraphTenant t) {
    HttpResponse<String> r = get(t, "/v1.0/servicePrincipals(appId=%27" + t.clientId() + "%27)", token(t));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).path("id").asText()).isEqualTo(t.servicePrincipalId());
  }

  @Test
  void filterByAppIdReturnsACollectionThatIsEmptyWhenAbsent(FakeGraphTenant t) {
    String token = token(t);
    HttpResponse<String> found = get(t, "/v1.0/servicePrincipals?$filter=appId%20eq%20'" + t.clientId() + "'", token);
    assertThat(json(found).path("value")).hasSize(1);
    assertThat(json(found).path("value").get(0).path("id").asText()).isEqualTo(t.servicePrincipalId());
    t.app().removeServicePrincipal();
    HttpResponse<String> gone = get(t, "/v1.0/servicePrincipals?$filter=appId+eq+'" + t.clientId() + "'", token);
    assertThat(gone.statusCode()).isEqualTo(200);
    assertThat(json(gone).path("value")).isEmpty();
  }

  @Test
  void unknownServicePrincipalIs404WithGraphsErrorBody(FakeGraphTenant t) {
    String token = token(t);
    assertGraphError(get(t, "/v1.0/servicePrincipals/" + UUID.randomUUID(), token), 404, "Request_ResourceNotFound");
    t.app().removeServicePrincipal();
    assertGraphError(get(t, "/v1.0/servicePrincipals(appId='" + t.clientId() + "')", token), 404, "Request_ResourceNotFound");
  }

  @Test
  void malformedObjectIdIs400(FakeGraphTenant t) {
    assertGraphError(get(t, "/v1.0/servicePrincipals/not-a-guid", token(t)), 400, "Request_BadRequest");
  }

  @Test
  void clientRequestIdIsEchoed(FakeGraphTenant t) {
    HttpResponse<String> r =
        Http.send(
            t,
            java.net.http.HttpRequest.newBuilder(Http.uri(t, "/v1.0/servicePrincipals/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + token(t))
                .header("client-request-id", "my-correlation-id")
                .build());
    assertThat(r.headers().firstValue("client-request-id")).hasValue("my-correlation-id");
    assertThat(json(r).path("error").path("innerError").path("client-request-id").asText()).isEqualTo("my-correlation-id");
  }

  @Test
  void graphServicePrincipalPublishesEveryRoleOfTheReferenceTable(FakeGraphTenant t) throws Exception {
    HttpResponse<String> r = get(t, "/v1.0/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')", token(t));
    JsonNode sp = json(r);
    assertThat(sp.path("id").asText()).isEqualTo(t.graphServicePrincipalId());
    Set<String> published = new HashSet<>();
    for (JsonNode role : sp.path("appRoles")) {
      published.add(role.path("value").asText() + "=" + role.path("id").asText());
      assertThat(role.path("allowedMemberTypes").get(0).asText()).isEqualTo("Application");
      assertThat(role.path("isEnabled").asBoolean()).isTrue();
    }
    Set<String> expected = new HashSet<>();
    Path tsv = Path.of("..", "..", "shared", "reference", "graph-app-roles.tsv");
    List<String> lines = new ArrayList<>();
    if (Files.exists(tsv)) {
      lines.addAll(Files.readAllLines(tsv));
    } else {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(
                  RoleCatalog.class.getResourceAsStream("graph-app-roles.tsv"), StandardCharsets.UTF_8))) {
        in.lines().forEach(lines::add);
      }
    }
    boolean header = true;
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] cols = line.split("\t");
      expected.add(cols[0] + "=" + cols[1]);
    }
    assertThat(published).containsAll(expected);
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      assertThat(published).contains(p.scope() + "=" + p.appRoleId());
    }
  }

  @Test
  void missingTokenIs401WithAChallenge(FakeGraphTenant t) {
    HttpResponse<String> r = get(t, "/v1.0/organization");
    assertGraphError(r, 401, "InvalidAuthenticationToken");
    assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
  }

  @Test
  void tamperedTokenIs401(FakeGraphTenant t) {
    String token = token(t);
    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"roles\":[", "\"roles\":[\"Directory.ReadWrite.All\",")
                        .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertGraphError(get(t, "/v1.0/organization", forged), 401, "InvalidAuthenticationToken");
    assertGraphError(get(t, "/v1.0/organization", "not-a-jwt"), 401, "InvalidAuthenticationToken");
  }

  @Test
  void tokenFromAnotherFakeIs401(FakeGraphTenant t) {
    FakeGraphTenant other = FakeGraphTenant.builder().tenantId(t.tenantId()).grantedAll().build().start();
    try {
      String foreign = other.issueAccessToken();
      assertGraphError(get(t, "/v1.0/organization", foreign), 401, "InvalidAuthenticationToken");
    } finally {
      other.stop();
    }
  }

  @Test
  void expiredTokenIs401() {
    MutableClock clock = MutableClock.now();
    FakeGraphTenant t = FakeGraphTenant.builder().grantedAll().build(FakeGraph.builder().clock(clock).tokenLifetime(Duration.ofMinutes(10))).start();
    try {
      String token = t.issueAccessToken();
      assertThat(get(t, "/v1.0/organization", token).statusCode()).isEqualTo(200);
      clock.advance(Duration.ofMinutes(11));
      HttpResponse<String> r = get(t, "/v1.0/organization", token);
      assertGraphError(r, 401, "InvalidAuthenticationToken");
      assertThat(json(r).path("error").path("message").asText()).contains("expired");
    } finally {
      t.stop();
    }
  }

  @Test
  void listingAssignmentsWithoutARoleThatAllowsItIs403(FakeGraphTenant t) {
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      t.app().revoke(p);
    }
    t.app().grant(B2cBackupPermission.USER_READ_WRITE_ALL);
    String token = token(t);
    assertGraphError(get(t, sp(t) + "/appRoleAssignments", token), 403, "Authorization_RequestDenied");
    assertThat(json(get(t, sp(t) + "/appRoleAssignments", token)).path("error").path("message").asText())
        .isEqualTo("Insufficient privileges to complete the operation.");
    assertGraphError(get(t, "/v1.0/organization", token), 403, "Authorization_RequestDenied");
    assertGraphError(get(t, "/v1.0/servicePrincipals?$filter=appId eq '" + t.clientId() + "'", token), 403, "Authorization_RequestDenied");
    assertGraphError(get(t, "/v1.0/servicePrincipals/" + t.graphServicePrincipalId(), token), 403, "Authorization_RequestDenied");
  }

  @Test
  void aServicePrincipalMayReadItselfWithoutAnyRole(FakeGraphTenant t) {
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      t.app().revoke(p);
    }
    String token = token(t);
    assertThat(Http.claims(token).has("roles")).isFalse();
    assertThat(get(t, "/v1.0/servicePrincipals(appId='" + t.clientId() + "')", token).statusCode()).isEqualTo(200);
    assertThat(get(t, sp(t), token).statusCode()).isEqualTo(200);
    assertThat(get(t, sp(t) + "/appRoleAssignments", token).statusCode()).isEqualTo(403);
  }

  @Test
  void everyNarrowerRoleInTheTableAllowsItsRoute(FakeGraphTenant t) {
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      t.app().revoke(p);
    }
    t.app().grantRole("Application.Read.All");
    assertThat(get(t, sp(t) + "/appRoleAssignments", token(t)).statusCode()).isEqualTo(200);
    t.app().revokeRole("Application.Read.All");
    t.app().grantRole("Organization.Read.All");
    String token = token(t);
    assertThat(get(t, "/v1.0/organization", token).statusCode()).isEqualTo(200);
    assertThat(get(t, sp(t) + "/appRoleAssignments", token).statusCode()).isEqualTo(403);
  }

  @Test
  void pagingFollowsAbsoluteNextLinksOnTheSameHostAndKeepsTheQuery(FakeGraphTenant t) {
    String token = token(t);
    List<String> ids = new ArrayList<>();
    String url = sp(t) + "/appRoleAssignments?$top=5&$select=id,appRoleId";
    int pages = 0;
    while (url != null) {
      HttpResponse<String> r = get(t, url, token);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode body = json(r);
      for (JsonNode a : body.path("value")) {
        ids.add(a.path("id").asText());
        assertThat(a.has("resourceId")).isFalse();
      }
      pages++;
      String next = body.path("@odata.nextLink").asText(null);
      if (next != null) {
        assertThat(next).startsWith(t.graphEndpoint() + "/servicePrincipals/").contains("$top=5").contains("$select=id%2CappRoleId").contains("$skiptoken=");
      }
      url = next;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(ids).hasSize(14).doesNotHaveDuplicates();
  }

  @Test
  void configuredPageSizeApplies() {
    FakeGraphTenant t = FakeGraphTenant.builder().grantedAll().pageSize(4).build().start();
    try {
      JsonNode first = json(get(t, sp(t) + "/appRoleAssignments", t.issueAccessToken()));
      assertThat(first.path("value")).hasSize(4);
      assertThat(first.path("@odata.nextLink").asText()).contains("$skiptoken=");
    } finally {
      t.stop();
    }
  }

  @Test
  void badTopAndSkipTokenAre400(FakeGraphTenant t) {
    String token = token(t);
    assertGraphError(get(t, sp(t) + "/appRoleAssignments?$top=1000", token), 400, "Request_BadRequest");
    assertGraphError(get(t, sp(t) + "/appRoleAssignments?$top=0", token), 400, "Request_BadRequest");
    assertGraphError(get(t, sp(t) + "/appRoleAssignments?$skiptoken=garbage", token), 400, "Request_BadRequest");
  }

  @Test
  void selectOfAnUnknownPropertyIs400(FakeGraphTenant t) {
    assertGraphError(get(t, sp(t) + "?$select=id,noSuchThing", token(t)), 400, "Request_BadRequest");
  }

  @Test
  void filterOnResourceIdNarrowsAssignments(FakeGraphTenant t) {
    t.app().grantOtherResourceRole(UUID.randomUUID());
    JsonNode all = json(get(t, sp(t) + "/appRoleAssignments?$top=999", token(t)));
    assertThat(all.path("value")).hasSize(15);
    JsonNode graphOnly =
        json(get(t, sp(t) + "/appRoleAssignments?$top=999&$filter=resourceId eq " + t.graphServicePrincipalId(), token(t)));
    assertThat(graphOnly.path("value")).hasSize(14);
  }

  @Test
  void createdAssignmentAppearsAndDeletedOneGoes(FakeGraphTenant t) {
    t.app().revoke(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
    String token = token(t);
    String body =
        "{\"principalId\":\"" + t.servicePrincipalId() + "\",\"resourceId\":\"" + t.graphServicePrincipalId()
            + "\",\"appRoleId\":\"" + B2cBackupPermission.USER_PHONE_READ_WRITE_ALL.appRoleId() + "\"}";
    HttpResponse<String> created = Http.post(t, sp(t) + "/appRoleAssignments", token, body);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode a = json(created);
    assertThat(a.path("appRoleId").asText()).isEqualTo(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL.appRoleId().toString());
    assertThat(a.path("resourceDisplayName").asText()).isEqualTo("Microsoft Graph");
    assertThat(a.path("id").asText()).hasSize(43);
    assertThat(t.app().grantedPermissions()).contains(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);

    assertGraphError(Http.post(t, sp(t) + "/appRoleAssignments", token, body), 400, "Request_BadRequest");

    String id = a.path("id").asText();
    assertThat(get(t, sp(t) + "/appRoleAssignments/" + id, token).statusCode()).isEqualTo(200);
    assertThat(Http.delete(t, sp(t) + "/appRoleAssignments/" + id, token).statusCode()).isEqualTo(204);
    assertGraphError(Http.delete(t, sp(t) + "/appRoleAssignments/" + id, token), 404, "Request_ResourceNotFound");
    assertThat(t.app().grantedPermissions()).doesNotContain(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
  }

  @Test
  void grantingNeedsAppRoleAssignmentReadWriteAndARead(FakeGraphTenant t) {
    t.app().revoke(B2cBackupPermission.APP_ROLE_ASSIGNMENT_READ_WRITE_ALL);
    String body =
        "{\"principalId\":\"" + t.servicePrincipalId() + "\",\"resourceId\":\"" + t.graphServicePrincipalId()
            + "\",\"appRoleId\":\"" + UUID.fromString("19dbc75e-c2e2-444c-a770-ec69d8559fc7") + "\"}";
    assertGraphError(Http.post(t, sp(t) + "/appRoleAssignments", token(t), body), 403, "Authorization_RequestDenied");
  }

  @Test
  void unknownAppRoleOnGraphIsRefused(FakeGraphTenant t) {
    String body =
        "{\"principalId\":\"" + t.servicePrincipalId() + "\",\"resourceId\":\"" + t.graphServicePrincipalId()
            + "\",\"appRoleId\":\"" + UUID.randomUUID() + "\"}";
    assertGraphError(Http.post(t, sp(t) + "/appRoleAssignments", token(t), body), 400, "Request_BadRequest");
  }

  @Test
  void appRoleAssignedToOnGraphListsTheBackupAppsGrants(FakeGraphTenant t) {
    JsonNode body =
        json(get(t, "/v1.0/servicePrincipals/" + t.graphServicePrincipalId() + "/appRoleAssignedTo?$top=999", token(t)));
    assertThat(body.path("value")).hasSize(14);
    assertThat(body.path("value").get(0).path("principalId").asText()).isEqualTo(t.servicePrincipalId());
    assertThat(body.path("@odata.context").asText()).endsWith("/appRoleAssignedTo");
  }

  @Test
  void deletedAssignmentIsListedWithItsDateButNeverReachesATokenOrTheGrantedSet(FakeGraphTenant t) {
    t.app().revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL);
    t.app().addDeletedAssignment(B2cBackupPermission.AUDIT_LOG_READ_ALL);
    String token = token(t);
    JsonNode list = json(get(t, sp(t) + "/appRoleAssignments?$top=999", token));
    int deleted = 0;
    for (JsonNode a : list.path("value")) {
      if (!a.path("deletedDateTime").isNull()) {
        deleted++;
        assertThat(a.path("appRoleId").asText()).isEqualTo(B2cBackupPermission.AUDIT_LOG_READ_ALL.appRoleId().toString());
      }
    }
    assertThat(deleted).isEqualTo(1);
    assertThat(Http.claims(token).path("roles").toString()).doesNotContain("AuditLog.Read.All");
    assertThat(t.app().grantedPermissions()).doesNotContain(B2cBackupPermission.AUDIT_LOG_READ_ALL);
  }

  @Test
  void roleOnAnotherResourceCarriesThatResourcesId(FakeGraphTenant t) {
    UUID sameIdAsAGraphRole = B2cBackupPermission.USER_PHONE_READ_WRITE_ALL.appRoleId();
    t.app().revoke(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
    t.app().grantOtherResourceRole(sameIdAsAGraphRole);
    String token = token(t);
    JsonNode other = null;
    for (JsonNode a : json(get(t, sp(t) + "/appRoleAssignments?$top=999", token)).path("value")) {
      if (a.path("appRoleId").asText().equals(sameIdAsAGraphRole.toString())) {
        other = a;
      }
    }
    assertThat(other).isNotNull();
    assertThat(other.path("resourceId").asText()).isNotEqualTo(t.graphServicePrincipalId());
    assertThat(other.path("resourceDisplayName").asText()).isEqualTo("Office 365 Exchange Online");
    assertThat(get(t, "/v1.0/servicePrincipals/" + other.path("resourceId").asText(), token).statusCode()).isEqualTo(200);
    assertThat(Http.claims(token).path("roles").toString()).doesNotContain("User-Phone.ReadWrite.All");
    assertThat(t.app().grantedPermissions()).doesNotContain(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
  }

  @Test
  void batchRunsEachRequestOnItsOwn(FakeGraphTenant t) {
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      t.app().revoke(p);
    }
    t.app().grantRole("Application.Read.All");
    String batch =
        "{\"requests\":["
            + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/servicePrincipals(appId='" + t.clientId() + "')?$select=id\"},"
            + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"organization\"},"
            + "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"/servicePrincipals/" + UUID.randomUUID() + "\"},"
            + "{\"id\":\"4\",\"method\":\"GET\",\"url\":\"/servicePrincipals/" + t.servicePrincipalId() + "/appRoleAssignments\",\"dependsOn\":[\"3\"]}"
            + "]}";
    t.faults().on(FakeRoute.GET_SERVICE_PRINCIPAL_BY_APP_ID).throttleNext(1, Duration.ofSeconds(7));
    HttpResponse<String> r = Http.post(t, "/v1.0/$batch", token(t), batch);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode responses = json(r).path("responses");
    assertThat(responses).hasSize(4);
    assertThat(responses.get(0).path("status").asInt()).isEqualTo(429);
    assertThat(responses.get(0).path("headers").path("Retry-After").asText()).isEqualTo("7");
    assertThat(responses.get(0).path("body").path("error").path("code").asText()).isEqualTo("TooManyRequests");
    assertThat(responses.get(1).path("status").asInt()).isEqualTo(403);
    assertThat(responses.get(1).path("body").path("error").path("code").asText()).isEqualTo("Authorization_RequestDenied");
    assertThat(responses.get(2).path("status").asInt()).isEqualTo(404);
    assertThat(responses.get(3).path("status").asInt()).isEqualTo(424);
    assertThat(t.journal().count(FakeRoute.LIST_ORGANIZATION)).isEqualTo(1);
    assertThat(t.journal().count(FakeRoute.BATCH)).isEqualTo(1);
  }

  @Test
  void batchOfMoreThanTwentyIs400(FakeGraphTenant t) {
    StringBuilder b = new StringBuilder("{\"requests\":[");
    for (int i = 1; i <= 21; i++) {
      b.append(i > 1 ? "," : "").append("{\"id\":\"").append(i).append("\",\"method\":\"GET\",\"url\":\"/organization\"}");
    }
    b.append("]}");
    assertGraphError(Http.post(t, "/v1.0/$batch", token(t), b.toString()), 400, "BadRequest");
  }

  @Test
  void strictModeAnswersAnUnservedRoute501AndRecordsIt(FakeGraphTenant t) {
    HttpResponse<String> r = get(t, "/v1.0/devices", token(t));
    assertThat(r.statusCode()).isEqualTo(501);
    assertThat(t.journal().unmatched()).hasSize(1);
    HttpResponse<String> order = get(t, sp(t) + "/appRoleAssignments?$orderby=createdDateTime", token(t));
    assertThat(order.statusCode()).isEqualTo(501);
    assertThat(t.journal().unmatched()).hasSize(2);
    t.journal().clear();
  }

  @Test
  void lenientModeAnswersAsGraphDoesForAnUnknownSegment() {
    FakeGraphTenant t = FakeGraphTenant.builder().grantedAll().build(FakeGraph.builder().strict(false)).start();
    try {
      HttpResponse<String> r = get(t, "/v1.0/devices", t.issueAccessToken());
      assertGraphError(r, 400, "BadRequest");
      assertThat(json(r).path("error").path("message").asText()).isEqualTo("Resource not found for the segment 'devices'.");
      assertGraphError(Http.delete(t, "/v1.0/organization", t.issueAccessToken()), 405, "Request_BadRequest");
    } finally {
      t.stop();
    }
  }
}
