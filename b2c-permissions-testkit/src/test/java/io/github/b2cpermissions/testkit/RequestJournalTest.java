package io.github.b2cpermissions.testkit;

import static io.github.b2cpermissions.testkit.Http.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestJournalTest {
  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(FakeGraphTenant.builder().b2c("journal.onmicrosoft.com").grantedAll());

  @Test
  void countsExchangesGraphRequestsAndRoutes(FakeGraphTenant t) {
    String token = Http.token(t);
    get(t, "/v1.0/organization", token);
    get(t, "/v1.0/servicePrincipals(appId='" + t.clientId() + "')", token);
    Http.post(t, "/v1.0/$batch", token, "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/organization\"}]}");
    RequestJournal j = t.journal();
    assertThat(j.count()).isEqualTo(4);
    assertThat(j.countGraphRequests()).isEqualTo(3);
    assertThat(j.count(FakeRoute.LIST_ORGANIZATION)).isEqualTo(2);
    assertThat(j.count(FakeRoute.TOKEN)).isEqualTo(1);
    assertThat(j.countsByRoute()).containsEntry(FakeRoute.BATCH, 1).containsEntry(FakeRoute.GET_SERVICE_PRINCIPAL_BY_APP_ID, 1);
    assertThat(j.requests()).hasSize(5).filteredOn(RecordedRequest::insideBatch).hasSize(1);
    assertThat(j.requests().get(1).tenantId()).hasValue(t.tenantId());
    j.assertNoUnexpectedRequests(FakeRoute.TOKEN, FakeRoute.LIST_ORGANIZATION, FakeRoute.GET_SERVICE_PRINCIPAL_BY_APP_ID, FakeRoute.BATCH);
  }

  @Test
  void unexpectedAndUnmatchedRequestsFailTheAssertions(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    get(t, "/v1.0/organization", token);
    assertThatThrownBy(() -> t.journal().assertNoUnexpectedRequests(FakeRoute.TOKEN))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /v1.0/organization");
    get(t, "/v1.0/devices", token);
    assertThatThrownBy(() -> t.journal().assertNoUnmatchedRequests())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("/v1.0/devices")
        .hasMessageNotContaining(token);
    t.journal().clear();
    assertThat(t.journal().count()).isZero();
  }

  @Test
  void toStringRedactsTokensSecretsAndState(FakeGraphTenant t) {
    String token = Http.token(t);
    get(t, "/v1.0/organization", token);
    get(t, "/" + t.tenantId() + "/adminconsent?client_id=" + t.clientId() + "&state=very-secret-state");
    String text = t.journal().toString();
    assertThat(text).doesNotContain(token).doesNotContain(t.clientSecret()).doesNotContain("very-secret-state");
    assertThat(text).contains("Authorization=***").contains("state=***");
    RecordedRequest tokenRequest = t.journal().requests().get(0);
    assertThat(tokenRequest.body()).contains("client_secret=");
    assertThat(tokenRequest.toString()).doesNotContain("client_secret");
    assertThat(t.journal().requests().get(1).header("authorization")).hasValue("Bearer " + token);
  }
}
