package io.github.b2cpermissions.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.models.AppRoleAssignmentCollectionResponse;
import com.microsoft.graph.models.Organization;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The unmodified Graph SDK and azure-identity against the fake. */
class FakeGraphSdkTest {
  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(FakeGraphTenant.builder().b2c("sdk.onmicrosoft.com").grantedAll());

  @Test
  void readsBetaOnlyUserFlowsThroughTheRequestAdapter(FakeGraphTenant t) throws java.io.IOException {
    GraphServiceClient graph = FakeGraphSdk.graphServiceClient(t);
    com.microsoft.kiota.RequestInformation get = new com.microsoft.kiota.RequestInformation();
    get.httpMethod = com.microsoft.kiota.HttpMethod.GET;
    get.urlTemplate = FakeGraphSdk.betaEndpoint(t) + "/identity/b2cUserFlows";
    get.headers.add("Accept", "application/json");
    try (java.io.InputStream body = graph.getRequestAdapter().sendPrimitive(get, null, java.io.InputStream.class)) {
      com.fasterxml.jackson.databind.JsonNode page = Http.JSON.readTree(body);
      assertThat(page.path("@odata.context").asText()).isEqualTo(t.graphHost() + "/beta/$metadata#identity/b2cUserFlows");
      assertThat(page.path("value").isArray()).isTrue();
    }
    assertThat(t.journal().count(FakeRoute.LIST_B2C_USER_FLOWS)).isEqualTo(1);
    assertThat(t.journal().requests()).filteredOn(r -> r.route().orElse(null) == FakeRoute.LIST_B2C_USER_FLOWS)
        .allSatisfy(r -> assertThat(r.header("Authorization").orElseThrow()).startsWith("Bearer "));
  }

  @Test
  void readsTheOrganizationAndTheServicePrincipalByAppIdOverTls(FakeGraphTenant t) {
    GraphServiceClient graph = FakeGraphSdk.graphServiceClient(t);
    List<Organization> orgs = graph.organization().get().getValue();
    assertThat(orgs).hasSize(1);
    assertThat(orgs.get(0).getId()).isEqualTo(t.tenantId());
    assertThat(orgs.get(0).getTenantType()).isEqualTo("AAD B2C");
    ServicePrincipal sp = graph.servicePrincipalsWithAppId(t.clientId()).get();
    assertThat(sp.getId()).isEqualTo(t.servicePrincipalId());
    assertThat(sp.getAccountEnabled()).isTrue();
    ServicePrincipal msGraph = graph.servicePrincipalsWithAppId(B2cBackupPermission.MICROSOFT_GRAPH_APP_ID).get();
    assertThat(msGraph.getAppRoles()).extracting(r -> r.getValue()).contains("User.ReadWrite.All", "Directory.ReadWrite.All");
    assertThat(t.journal().requests())
        .filteredOn(RecordedRequest::isGraph)
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.header("Authorization").orElseThrow()).startsWith("Bearer "));
    // MSAL keys its cache by host without the port, so with the fake's port every call fetches a
    // new token (see the README); at least one token request is made.
    assertThat(t.journal().count(FakeRoute.TOKEN)).isBetween(1, 3);
  }

  @Test
  void pageIteratorWalksMoreThanAThousandAssignments(FakeGraphTenant t) throws Exception {
    for (int i = 0; i < 1_100; i++) {
      t.app().grantOtherResourceRole(UUID.randomUUID());
    }
    GraphServiceClient graph = FakeGraphSdk.graphServiceClient(t);
    AppRoleAssignmentCollectionResponse first =
        graph.servicePrincipals().byServicePrincipalId(t.servicePrincipalId()).appRoleAssignments().get();
    List<AppRoleAssignment> all = new ArrayList<>();
    PageIterator<AppRoleAssignment, AppRoleAssignmentCollectionResponse> pages =
        new PageIterator.Builder<AppRoleAssignment, AppRoleAssignmentCollectionResponse>()
            .client(graph)
            .collectionPage(first)
            .collectionPageFactory(AppRoleAssignmentCollectionResponse::createFromDiscriminatorValue)
            .processPageItemCallback(a -> all.add(a))
            .build();
    pages.iterate();
    assertThat(all).hasSize(1_114);
    assertThat(all).extracting(AppRoleAssignment::getId).doesNotHaveDuplicates();
    assertThat(all.stream().filter(a -> a.getResourceId().toString().equals(t.graphServicePrincipalId()))).hasSize(14);
    assertThat(t.journal().count(FakeRoute.LIST_APP_ROLE_ASSIGNMENTS)).isEqualTo(12);
  }

  @Test
  void pageIteratorWalksOneHundredThousandGeneratedUsersWithTheirIdentities() throws Exception {
    FakeGraphTenant t =
        FakeGraphTenant.builder()
            .b2c("scale.onmicrosoft.com")
            .grantedAll()
            .b2cData(B2cData.builder().generatedUsers(100_000, 42).build())
            .build()
            .start();
    try {
      GraphServiceClient graph = FakeGraphSdk.graphServiceClient(t);
      UserCollectionResponse first =
          graph.users().get(rc -> {
            rc.queryParameters.top = 999;
            rc.queryParameters.select = new String[] {"id", "displayName", "identities", "accountEnabled", "otherMails", "mobilePhone"};
          });
      Set<String> ids = new HashSet<>();
      int[] withEmailSignIn = new int[1];
      int[] disabled = new int[1];
      PageIterator<User, UserCollectionResponse> pages =
          new PageIterator.Builder<User, UserCollectionResponse>()
              .client(graph)
              .collectionPage(first)
              .collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
              .processPageItemCallback(u -> {
                ids.add(u.getId());
                if (u.getIdentities().stream().anyMatch(i -> "emailAddress".equals(i.getSignInType()))) {
                  withEmailSignIn[0]++;
                }
                if (Boolean.FALSE.equals(u.getAccountEnabled())) {
                  disabled[0]++;
                }
                return true;
              })
              .build();
      pages.iterate();
      assertThat(ids).hasSize(100_000);
      assertThat(withEmailSignIn[0]).isBetween(65_000, 75_000);
      assertThat(disabled[0]).isBetween(2_000, 4_000);
      assertThat(t.journal().count(FakeRoute.LIST_USERS)).isEqualTo(101);
    } finally {
      t.stop();
    }
  }

  @Test
  void forbiddenAndNotFoundArriveAsODataErrorsWithGraphsCodes(FakeGraphTenant t) {
    t.app().revoke(B2cBackupPermission.values());
    t.app().grant(B2cBackupPermission.USER_READ_WRITE_ALL);
    GraphServiceClient graph = FakeGraphSdk.graphServiceClient(t);
    assertThatThrownBy(() -> graph.servicePrincipals().byServicePrincipalId(t.servicePrincipalId()).appRoleAssignments().get())
        .isInstanceOfSatisfying(
            ODataError.class,
            e -> {
              assertThat(e.getResponseStatusCode()).isEqualTo(403);
              assertThat(e.getError().getCode()).isEqualTo("Authorization_RequestDenied");
              assertThat(e.getError().getMessage()).isEqualTo("Insufficient privileges to complete the operation.");
              assertThat(e.getError().getInnerError().getRequestId()).isNotBlank();
            });
    t.app().grantRole("Application.Read.All");
    GraphServiceClient fresh = FakeGraphSdk.graphServiceClient(t);
    assertThatThrownBy(() -> fresh.servicePrincipals().byServicePrincipalId(UUID.randomUUID().toString()).get())
        .isInstanceOfSatisfying(
            ODataError.class,
            e -> {
              assertThat(e.getResponseStatusCode()).isEqualTo(404);
              assertThat(e.getError().getCode()).isEqualTo("Request_ResourceNotFound");
            });
  }

  @Test
  void withoutAServicePrincipalTheTokenRequestFailsWith700016(FakeGraphTenant t) {
    GraphServiceClient graph = FakeGraphSdk.graphServiceClient(t);
    t.app().removeServicePrincipal();
    assertThatThrownBy(() -> graph.servicePrincipalsWithAppId(t.clientId()).get())
        .hasStackTraceContaining("AADSTS700016");
    assertThat(t.journal().countGraphRequests()).isZero();
  }

  @Test
  void theSdkRetriesA429AfterRetryAfterAndSucceeds(FakeGraphTenant t) {
    GraphServiceClient graph = FakeGraphSdk.graphServiceClient(t);
    t.faults().throttleNext(2, Duration.ZERO);
    assertThat(graph.organization().get().getValue()).hasSize(1);
    assertThat(t.journal().count(FakeRoute.LIST_ORGANIZATION)).isEqualTo(3);
    assertThat(t.journal().requests().get(t.journal().requests().size() - 1).header("Retry-Attempt")).isPresent();
  }

  @Test
  void aClientWithoutRetriesSeesThe429AndItsRetryAfter(FakeGraphTenant t) {
    GraphServiceClient graph = FakeGraphSdk.graphServiceClient(t);
    t.faults().throttleNext(1, Duration.ofSeconds(7));
    assertThatThrownBy(
            () -> graph.organization().get(c -> c.options.add(new RetryHandlerOption((delay, attempt, request, response) -> false, 0, 0))))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getResponseStatusCode()).isEqualTo(429);
              assertThat(e.getResponseHeaders().get("Retry-After")).containsExactly("7");
              assertThat(e).isInstanceOfSatisfying(ODataError.class, o -> assertThat(o.getError().getCode()).isEqualTo("TooManyRequests"));
            });
  }

  @Test
  void adminConsentRoundTripThenTheSdkSeesTheGrants() {
    FakeGraphTenant t =
        FakeGraphTenant.builder()
            .b2c("never-consented.onmicrosoft.com")
            .servicePrincipal(AppPresence.NOT_FOUND)
            .redirectUris(URI.create("https://backup.example.com/consent"))
            .build()
            .start();
    try {
      String state = UUID.randomUUID().toString();
      String url =
          t.authorityHost() + "/" + t.domain() + "/v2.0/adminconsent?client_id=" + t.clientId()
              + "&scope=" + URLEncoder.encode(t.graphDefaultScope(), StandardCharsets.UTF_8)
              + "&redirect_uri=" + URLEncoder.encode("https://backup.example.com/consent", StandardCharsets.UTF_8)
              + "&state=" + state;
      HttpResponse<String> r = Http.get(t, url);
      assertThat(r.statusCode()).isEqualTo(302);
      Map<String, String> q = parse(URI.create(r.headers().firstValue("Location").orElseThrow()).getRawQuery());
      assertThat(q).containsEntry("state", state).containsEntry("tenant", t.tenantId()).containsEntry("admin_consent", "True");
      GraphServiceClient graph = FakeGraphSdk.graphServiceClient(t);
      ServicePrincipal sp = graph.servicePrincipalsWithAppId(t.clientId()).get();
      List<AppRoleAssignment> grants =
          graph.servicePrincipals().byServicePrincipalId(sp.getId()).appRoleAssignments().get().getValue();
      assertThat(grants).hasSize(14);
    } finally {
      t.stop();
    }
  }

  private static Map<String, String> parse(String query) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
