package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.delete;
import static io.github.b2cpermissions.testkit.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.ExternalIdData;
import io.github.b2cpermissions.testkit.ExternalIdSample;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeRoute;
import io.github.b2cpermissions.testkit.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where the fake follows Graph beyond its data: API versions (user flows only in beta), the query
 * rules every directory resource shares, the roles of Microsoft's permission table that grant part
 * of a route, and the error and header shapes of every handler.
 */
class GraphFidelityTest {
  static final String ALICE = B2cRoutesTest.ALICE;
  static final String VIP = B2cRoutesTest.VIP;
  static final String UNKNOWN = "00000000-0000-4000-8000-0000000000ff";

  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(
          FakeGraphTenant.builder()
              .b2c(B2cRoutesTest.DOMAIN)
              .grantedAll()
              .b2cData(B2cData.builder().sample().build()));

  /** An External ID tenant, for the routes of External ID configuration; reset before each test like {@link #FAKE}'s. */
  private static FakeGraphTenant externalId;

  @BeforeAll
  static void startExternalId() {
    externalId =
        FakeGraphTenant.builder()
            .externalId("woodgrove.onmicrosoft.com")
            .grantedAll()
            .grantedRoles("EventListener.Read.All", "CustomAuthenticationExtension.Read.All", "Policy.Read.AuthenticationMethod")
            .b2cData(ExternalIdSample.directory())
            .externalIdData(ExternalIdData.sample())
            .build()
            .start();
  }

  @AfterAll
  static void stopExternalId() {
    externalId.stop();
  }

  @BeforeEach
  void resetExternalId() {
    externalId.reset();
  }

  /** The tenant a route of {@link #everyHandler()} is driven over. */
  private static FakeGraphTenant tenantFor(FakeRoute route, FakeGraphTenant b2c) {
    return SchemaConformanceTest.EXTERNAL_ID.contains(route) ? externalId : b2c;
  }

  private static HttpResponse<String> getWith(FakeGraphTenant t, String path, String token, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(Http.uri(t, path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(b::header);
    return Http.send(t, b.build());
  }

  private static void revokeAll(FakeGraphTenant t) {
    t.app().revoke(B2cBackupPermission.values());
    for (String r : t.app().grantedRoles()) {
      t.app().revokeRole(r);
    }
  }

  // ---- API versions ---------------------------------------------------------------------------

  @Test
  void userFlowsAreServedAtBetaWithBetaContexts(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> flows = Http.get(t, "/beta/identity/b2cUserFlows", token);
    assertThat(flows.statusCode()).as(flows.body()).isEqualTo(200);
    assertThat(json(flows).path("@odata.context").asText()).isEqualTo(t.graphHost() + "/beta/$metadata#identity/b2cUserFlows");
    assertThat(json(flows).path("value").size()).isEqualTo(3);
    HttpResponse<String> one = Http.get(t, "/beta/identity/b2cUserFlows/B2C_1_signupsignin/identityProviders", token);
    assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
    assertThat(t.journal().unmatched()).isEmpty();
  }

  @Test
  void theV1AddressOfUserFlowsIsAnUnknownSegmentAsInGraph(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    for (String path : List.of("/v1.0/identity/b2cUserFlows", "/v1.0/identity/b2cUserFlows/B2C_1_signupsignin/userAttributeAssignments")) {
      HttpResponse<String> r = Http.get(t, path, token);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      JsonNode error = json(r).path("error");
      assertThat(error.path("code").asText()).isEqualTo("BadRequest");
      assertThat(error.path("message").asText()).isEqualTo("Resource not found for the segment 'b2cUserFlows'.");
    }
    assertThat(t.journal().unmatched()).hasSize(2);
    t.journal().clear();
  }

  @Test
  void anExternalIdTenantKeepsItsUserFlowsAtV1AndHasNoB2cUserFlows() {
    String token = externalId.issueAccessToken();
    HttpResponse<String> flows = Http.get(externalId, "/v1.0/identity/authenticationEventsFlows", token);
    assertThat(flows.statusCode()).as(flows.body()).isEqualTo(200);
    assertThat(json(flows).path("value").size()).isEqualTo(2);
    HttpResponse<String> b2cFlows = Http.get(externalId, "/beta/identity/b2cUserFlows", token);
    assertThat(b2cFlows.statusCode()).as(b2cFlows.body()).isEqualTo(200);
    assertThat(json(b2cFlows).path("value").size()).as("the External ID sample seeds no B2C user flows").isZero();
    assertThat(Http.get(externalId, "/beta/identity/authenticationEventsFlows", token).statusCode()).as("served at v1.0 only").isEqualTo(501);
    assertThat(externalId.journal().unmatched()).hasSize(1);
  }

  @Test
  void otherBetaAddressesAreUnmatchedGraphRoutes(FakeGraphTenant t) {
    HttpResponse<String> r = Http.get(t, "/beta/users", t.issueAccessToken());
    assertThat(r.statusCode()).isEqualTo(501);
    assertThat(json(r).path("error").path("code").asText()).isEqualTo("NotImplementedByFake");
    assertThat(t.journal().unmatched()).hasSize(1);
    t.journal().clear();
  }

  @Test
  void everyRouteNamesItsApiVersion() {
    for (FakeRoute r : FakeRoute.values()) {
      String expected = !r.isGraph() ? "" : r.name().contains("B2C_USER_FLOW") ? "beta" : "v1.0";
      assertThat(r.apiVersion()).as(r.name()).isEqualTo(expected);
    }
  }

  // ---- query rules ----------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("directoryCollections")
  void countOnADirectoryCollectionNeedsEventualConsistency(String path, FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> plain = Http.get(t, path + "?$count=true", token);
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(400);
    assertThat(json(plain).path("error").path("code").asText()).isEqualTo("Request_BadRequest");
    assertThat(json(plain).path("error").path("message").asText()).isEqualTo("$count is not currently supported.");
    HttpResponse<String> eventual = getWith(t, path + "?$count=true", token, Map.of("ConsistencyLevel", "eventual"));
    assertThat(eventual.statusCode()).as(eventual.body()).isEqualTo(200);
    assertThat(json(eventual).path("@odata.count").isInt()).isTrue();
  }

  static Stream<String> directoryCollections() {
    return Stream.of("/v1.0/users", "/v1.0/groups", "/v1.0/groups/" + VIP + "/members", "/v1.0/applications", "/v1.0/servicePrincipals", "/v1.0/directoryRoles");
  }

  @Test
  void countOnOtherCollectionsNeedsNoHeader(FakeGraphTenant t) {
    HttpResponse<String> r = Http.get(t, "/beta/identity/b2cUserFlows?$count=true", t.issueAccessToken());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).path("@odata.count").asInt()).isEqualTo(3);
  }

  @ParameterizedTest
  @MethodSource("directoryObjects")
  void aMalformedIdIs400AndAnUnknownGuid404OnEveryDirectoryResource(String collection, FakeGraphTenant t) {
    String token = t.issueAccessToken();
    HttpResponse<String> malformed = Http.get(t, "/v1.0/" + collection + "/not-a-guid", token);
    assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
    assertThat(json(malformed).path("error").path("code").asText()).isEqualTo("Request_BadRequest");
    assertThat(json(malformed).path("error").path("message").asText()).isEqualTo("Invalid object identifier 'not-a-guid'.");
    HttpResponse<String> unknown = Http.get(t, "/v1.0/" + collection + "/" + UNKNOWN, token);
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    assertThat(json(unknown).path("error").path("code").asText()).isEqualTo("Request_ResourceNotFound");
  }

  static Stream<String> directoryObjects() {
    return Stream.of("users", "groups", "applications", "servicePrincipals", "directoryRoles");
  }

  @Test
  void aUserIsStillFoundByUserPrincipalName(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    String upn = json(Http.get(t, "/v1.0/users/" + ALICE, token)).path("userPrincipalName").asText();
    HttpResponse<String> r = Http.get(t, "/v1.0/users/" + upn, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).path("id").asText()).isEqualTo(ALICE);
  }

  @ParameterizedTest
  @MethodSource("deltaPaths")
  void deltaIsGraphsFunctionWhichAB2cTenantRefusesAsGraphDoes(String path, FakeGraphTenant t) {
    HttpResponse<String> r = Http.get(t, path, t.issueAccessToken());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json(r).path("error").path("code").asText()).isEqualTo("Request_UnsupportedQuery");
    assertThat(json(r).path("error").path("message").asText()).isEqualTo("Change enumeration is not supported for requested tenant.");
    assertThat(t.journal().unmatched()).isEmpty();
  }

  static Stream<String> deltaPaths() {
    return Stream.of("/v1.0/users/delta", "/v1.0/groups/delta");
  }

  // ---- roles that grant part of a route -------------------------------------------------------

  @Test
  void theBasicProfileRoleReadsOnlyTheBasicProfile(FakeGraphTenant t) {
    revokeAll(t);
    t.app().grantRole("User.ReadBasic.All");
    String token = t.issueAccessToken();
    JsonNode alice = json(Http.get(t, "/v1.0/users/" + ALICE, token));
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = alice.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    assertThat(names).containsExactly("@odata.context", "displayName", "givenName", "mail", "surname", "id");
    JsonNode page = json(Http.get(t, "/v1.0/users", token));
    assertThat(page.path("value").get(0).has("userPrincipalName")).isFalse();
    assertThat(Http.get(t, "/v1.0/users?$select=id,displayName", token).statusCode()).isEqualTo(200);
    HttpResponse<String> more = Http.get(t, "/v1.0/users/" + ALICE + "?$select=id,identities", token);
    assertThat(more.statusCode()).isEqualTo(403);
    assertThat(json(more).path("error").path("code").asText()).isEqualTo("Authorization_RequestDenied");
  }

  @Test
  void aFullReadRoleNextToTheBasicOneReadsEverything(FakeGraphTenant t) {
    revokeAll(t);
    t.app().grantRole("User.ReadBasic.All");
    t.app().grantRole("User.Read.All");
    JsonNode alice = json(Http.get(t, "/v1.0/users/" + ALICE + "?$select=identities", t.issueAccessToken()));
    assertThat(alice.has("identities")).isTrue();
  }

  @Test
  void thePhoneMethodRoleReadsPhoneMethodsButNotEmailMethods(FakeGraphTenant t) {
    revokeAll(t);
    t.app().grantRole("UserAuthMethod-Phone.Read.All");
    String token = t.issueAccessToken();
    assertThat(Http.get(t, "/v1.0/users/" + B2cRoutesTest.DAN + "/authentication/phoneMethods", token).statusCode()).isEqualTo(200);
    assertThat(Http.get(t, "/v1.0/users/" + ALICE + "/authentication/emailMethods", token).statusCode()).isEqualTo(403);
    assertThat(Http.get(t, "/v1.0/users/" + ALICE + "/authentication/methods", token).statusCode()).isEqualTo(403);
  }

  @Test
  void directoryWriteDoesNotDeleteUsersButDeleteRestoreDoes(FakeGraphTenant t) {
    revokeAll(t);
    t.app().grantRole("Directory.ReadWrite.All");
    assertThat(delete(t, "/v1.0/users/" + ALICE, t.issueAccessToken()).statusCode()).isEqualTo(403);
    assertThat(delete(t, "/v1.0/groups/" + VIP, t.issueAccessToken()).statusCode()).isEqualTo(403);
    t.app().grantRole("User.DeleteRestore.All");
    assertThat(delete(t, "/v1.0/users/" + ALICE, t.issueAccessToken()).statusCode()).isEqualTo(204);
  }

  @Test
  void roleManagementReadAllDoesNotReadRoleAssignmentsForAnApplication(FakeGraphTenant t) {
    revokeAll(t);
    t.app().grantRole("RoleManagement.Read.All");
    assertThat(Http.get(t, "/v1.0/roleManagement/directory/roleAssignments", t.issueAccessToken()).statusCode()).isEqualTo(403);
  }

  @Test
  void userFlowIdentityProvidersNeedTheWriteRole(FakeGraphTenant t) {
    revokeAll(t);
    t.app().grantRole("IdentityUserFlow.Read.All");
    String path = "/beta/identity/b2cUserFlows/B2C_1_signupsignin/identityProviders";
    assertThat(Http.get(t, path, t.issueAccessToken()).statusCode()).isEqualTo(403);
    assertThat(Http.get(t, "/beta/identity/b2cUserFlows/B2C_1_signupsignin", t.issueAccessToken()).statusCode()).isEqualTo(200);
    t.app().grantRole("IdentityUserFlow.ReadWrite.All");
    assertThat(Http.get(t, path, t.issueAccessToken()).statusCode()).isEqualTo(200);
  }

  // ---- error and header shapes, a route of every handler --------------------------------------

  /** A read of every handler, with the route the journal must record for it. */
  static Stream<Arguments> everyHandler() {
    return Stream.of(
        Arguments.of(FakeRoute.LIST_ORGANIZATION, "/v1.0/organization"),
        Arguments.of(FakeRoute.LIST_SERVICE_PRINCIPALS, "/v1.0/servicePrincipals"),
        Arguments.of(FakeRoute.LIST_APP_ROLE_ASSIGNED_TO, "/v1.0/servicePrincipals/{graph}/appRoleAssignedTo"),
        Arguments.of(FakeRoute.LIST_USERS, "/v1.0/users"),
        Arguments.of(FakeRoute.LIST_AUTHENTICATION_METHODS, "/v1.0/users/" + ALICE + "/authentication/methods"),
        Arguments.of(FakeRoute.LIST_GROUPS, "/v1.0/groups"),
        Arguments.of(FakeRoute.LIST_B2C_USER_FLOWS, "/beta/identity/b2cUserFlows"),
        Arguments.of(FakeRoute.LIST_IDENTITY_PROVIDERS, "/v1.0/identity/identityProviders"),
        Arguments.of(FakeRoute.LIST_DIRECTORY_ROLES, "/v1.0/directoryRoles"),
        Arguments.of(FakeRoute.LIST_ROLE_ASSIGNMENTS, "/v1.0/roleManagement/directory/roleAssignments"),
        Arguments.of(FakeRoute.LIST_DIRECTORY_AUDITS, "/v1.0/auditLogs/directoryAudits"),
        Arguments.of(FakeRoute.LIST_APPLICATIONS, "/v1.0/applications"),
        Arguments.of(FakeRoute.LIST_AUTHENTICATION_EVENTS_FLOWS, "/v1.0/identity/authenticationEventsFlows"),
        Arguments.of(
            FakeRoute.LIST_AUTHENTICATION_EVENTS_FLOW_APPLICATIONS,
            "/v1.0/identity/authenticationEventsFlows/" + ExternalIdSample.FLOW_SHOP_SIGN_UP + "/conditions/applications/includeApplications"),
        Arguments.of(FakeRoute.LIST_CUSTOM_AUTHENTICATION_EXTENSIONS, "/v1.0/identity/customAuthenticationExtensions"),
        Arguments.of(FakeRoute.GET_AUTHENTICATION_METHODS_POLICY, "/v1.0/policies/authenticationMethodsPolicy"));
  }

  private static String resolve(FakeGraphTenant t, String path) {
    return path.replace("{graph}", t.graphServicePrincipalId());
  }

  private static void assertEnvelope(HttpResponse<String> r, String code, String clientRequestId) {
    JsonNode error = json(r).path("error");
    assertThat(error.path("code").asText()).as(r.body()).isEqualTo(code);
    assertThat(error.path("message").asText()).isNotBlank();
    JsonNode inner = error.path("innerError");
    assertThat(inner.path("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    assertThat(inner.path("request-id").asText()).isEqualTo(r.headers().firstValue("request-id").orElseThrow());
    assertThat(inner.path("client-request-id").asText()).isEqualTo(clientRequestId);
    assertThat(r.headers().firstValue("client-request-id")).hasValue(clientRequestId);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyHandler")
  void aSuccessCarriesTheRequestIdsAndResourceUnits(FakeRoute route, String path, FakeGraphTenant b2c) {
    FakeGraphTenant t = tenantFor(route, b2c);
    String crid = "6c0b57e5-0000-4000-8000-00000000c11d";
    HttpResponse<String> r = getWith(t, resolve(t, path), t.issueAccessToken(), Map.of("client-request-id", crid));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("request-id").orElseThrow()).matches("[0-9a-f-]{36}");
    assertThat(r.headers().firstValue("client-request-id")).hasValue(crid);
    assertThat(r.headers().firstValue("x-ms-resource-unit")).isPresent();
    assertThat(t.journal().requests().get(t.journal().requests().size() - 1).route()).hasValue(route);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyHandler")
  void aRefusalHasGraphsEnvelopeWithInnerError(FakeRoute route, String path, FakeGraphTenant b2c) {
    FakeGraphTenant t = tenantFor(route, b2c);
    revokeAll(t);
    String crid = "6c0b57e5-0000-4000-8000-00000000c403";
    HttpResponse<String> r = getWith(t, resolve(t, path), t.issueAccessToken(), Map.of("client-request-id", crid));
    assertThat(r.statusCode()).as(route + " " + r.body()).isEqualTo(403);
    assertEnvelope(r, "Authorization_RequestDenied", crid);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyHandler")
  void aMissingTokenIs401WithAChallenge(FakeRoute route, String path, FakeGraphTenant b2c) {
    FakeGraphTenant t = tenantFor(route, b2c);
    String crid = "6c0b57e5-0000-4000-8000-00000000c401";
    HttpResponse<String> r = getWith(t, resolve(t, path), null, Map.of("client-request-id", crid));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer ").contains("authorization_uri=");
    assertEnvelope(r, "InvalidAuthenticationToken", crid);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyHandler")
  void aThrottledRequestCarriesRetryAfterAndTheThrottleHeaders(FakeRoute route, String path, FakeGraphTenant b2c) {
    FakeGraphTenant t = tenantFor(route, b2c);
    t.faults().on(route).throttleNext(1, Duration.ofSeconds(7));
    String crid = "6c0b57e5-0000-4000-8000-00000000c429";
    HttpResponse<String> r = getWith(t, resolve(t, path), t.issueAccessToken(), Map.of("client-request-id", crid));
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(r.headers().firstValue("x-ms-throttle-scope").orElseThrow())
        .isEqualTo("Tenant_Application/ReadWrite/" + t.clientId() + "/" + t.tenantId());
    assertThat(r.headers().firstValue("x-ms-throttle-information")).hasValue("ResourceUnitLimitExceeded");
    assertEnvelope(r, "TooManyRequests", crid);
    assertThat(Http.get(t, resolve(t, path), t.issueAccessToken()).statusCode()).as("one throttled request only").isEqualTo(200);
  }
}
