package io.github.b2cpermissions.testkit;

import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsTest {
  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(FakeGraphTenant.builder().b2c("faults.onmicrosoft.com").grantedAll().pageSize(5));

  private static HttpResponse<String> org(FakeGraphTenant t, String token) {
    return get(t, "/v1.0/organization", token);
  }

  @Test
  void throttleAnswersExactlyTheNextNWith429AndRetryAfter(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    t.faults().throttleNext(2, Duration.ofSeconds(3));
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> r = org(t, token);
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.headers().firstValue("Retry-After")).hasValue("3");
      assertThat(r.headers().firstValue("x-ms-throttle-scope").orElseThrow()).contains(t.clientId()).contains(t.tenantId());
      assertThat(json(r).path("error").path("code").asText()).isEqualTo("TooManyRequests");
    }
    assertThat(org(t, token).statusCode()).isEqualTo(200);
    assertThat(t.faults().pending()).isZero();
  }

  @Test
  void retryAfterIsRoundedUpToWholeSeconds(FakeGraphTenant t) {
    t.faults().throttleNext(1, Duration.ofMillis(1200));
    assertThat(org(t, t.issueAccessToken()).headers().firstValue("Retry-After")).hasValue("2");
  }

  @Test
  void throttleWithoutRetryAfterSendsNoHeader(FakeGraphTenant t) {
    t.faults().throttleNextWithoutRetryAfter(1);
    HttpResponse<String> r = org(t, t.issueAccessToken());
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void failNextAnswersTheStatusWithGraphsBody(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    t.faults().failNext(1, 503, Duration.ofSeconds(1)).failNext(1, 504);
    HttpResponse<String> first = org(t, token);
    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(json(first).path("error").path("innerError").path("request-id").asText()).isNotBlank();
    HttpResponse<String> second = org(t, token);
    assertThat(second.statusCode()).isEqualTo(504);
    assertThat(second.headers().firstValue("Retry-After")).isEmpty();
    assertThat(org(t, token).statusCode()).isEqualTo(200);
  }

  @Test
  void faultsLeaveTheTokenEndpointAloneUnlessAimedAtIt(FakeGraphTenant t) {
    t.faults().throttleNext(1, Duration.ofSeconds(1));
    String token = Http.token(t);
    assertThat(org(t, token).statusCode()).isEqualTo(429);
    t.faults().on(FakeRoute.TOKEN).failNext(1, 503);
    HttpResponse<String> r =
        Http.form(t, "/" + t.tenantId() + "/oauth2/v2.0/token", "grant_type=client_credentials");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(json(r).path("error").asText()).isEqualTo("temporarily_unavailable");
  }

  @Test
  void aFaultAimedAtARouteSparesTheOthers(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    t.faults().on(FakeRoute.LIST_APP_ROLE_ASSIGNMENTS).failNext(1, 500);
    assertThat(org(t, token).statusCode()).isEqualTo(200);
    assertThat(get(t, "/v1.0/servicePrincipals/" + t.servicePrincipalId() + "/appRoleAssignments", token).statusCode()).isEqualTo(500);
  }

  @Test
  void transportFaultsBreakTheExchange(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    // A POST, because java.net.http silently retries an idempotent GET once after a broken
    // connection (a GET needs two armed faults to fail).
    HttpRequest batch =
        HttpRequest.newBuilder(Http.uri(t, "/v1.0/$batch"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"requests\":[]}"))
            .build();
    t.faults().resetConnectionNext(1);
    assertThatThrownBy(() -> t.httpClient().send(batch, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    t.faults().emptyResponseNext(1);
    assertThatThrownBy(() -> t.httpClient().send(batch, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    t.faults().malformedBodyNext(1);
    HttpResponse<String> malformed = org(t, token);
    assertThat(malformed.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> Http.JSON.readTree(malformed.body())).isInstanceOf(IOException.class);
    assertThat(org(t, token).statusCode()).isEqualTo(200);
    assertThat(t.journal().requests()).extracting(RecordedRequest::status).containsExactly(-1, -1, 200, 200);
    assertThat(t.faults().pending()).isZero();
  }

  @Test
  void aGetNeedsTwoTransportFaultsBecauseTheJdkClientRetriesOnce(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    t.faults().resetConnectionNext(1);
    assertThat(org(t, token).statusCode()).isEqualTo(200);
    assertThat(t.journal().requests()).extracting(RecordedRequest::status).containsExactly(-1, 200);
    t.faults().resetConnectionNext(2);
    assertThatThrownBy(() -> t.httpClient().send(HttpRequest.newBuilder(Http.uri(t, "/v1.0/organization")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void latencyDelaysEachExchange(FakeGraphTenant t) {
    String token = t.issueAccessToken();
    t.faults().latency(Duration.ofMillis(150));
    long start = System.nanoTime();
    assertThat(org(t, token).statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void foreignNextLinkPointsPagingElsewhere(FakeGraphTenant t) {
    t.faults().foreignNextLink(URI.create("https://attacker.example"));
    String next =
        json(get(t, "/v1.0/servicePrincipals/" + t.servicePrincipalId() + "/appRoleAssignments", t.issueAccessToken()))
            .path("@odata.nextLink")
            .asText();
    assertThat(next).startsWith("https://attacker.example/v1.0/servicePrincipals/" + t.servicePrincipalId() + "/appRoleAssignments?");
  }

  @Test
  void insideABatchEachRequestTakesAStatusFaultButTheEnvelopeDoesNot(FakeGraphTenant t) {
    t.faults().throttleNext(1, Duration.ofSeconds(2));
    String batch =
        "{\"requests\":[{\"id\":\"a\",\"method\":\"GET\",\"url\":\"/organization\"},{\"id\":\"b\",\"method\":\"GET\",\"url\":\"/organization\"}]}";
    HttpResponse<String> r = Http.post(t, "/v1.0/$batch", t.issueAccessToken(), batch);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).path("responses").get(0).path("status").asInt()).isEqualTo(429);
    assertThat(json(r).path("responses").get(1).path("status").asInt()).isEqualTo(200);
  }

  @Test
  void resetClearsArmedFaults(FakeGraphTenant t) {
    t.faults().throttleNext(5, Duration.ofSeconds(1)).latency(Duration.ofSeconds(5));
    assertThat(t.faults().pending()).isEqualTo(5);
    t.reset();
    assertThat(t.faults().pending()).isZero();
    assertThat(org(t, t.issueAccessToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void badArgumentsAreRefused(FakeGraphTenant t) {
    Faults f = t.faults();
    assertThatThrownBy(() -> f.throttleNext(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.throttleNext(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.failNext(1, 200)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("400 to 599");
    assertThatThrownBy(() -> f.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.on()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.foreignNextLink(URI.create("https://x.example/path"))).isInstanceOf(IllegalArgumentException.class);
    assertThat(f.pending()).isZero();
  }
}
