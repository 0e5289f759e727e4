package io.github.b2cpermissions.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import io.github.b2cpermissions.AppPresence;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class CachingTokenCredentialTest {
  private final FakeGraph graph = FakeGraph.builder().build().start();
  private final FakeGraphTenant a = graph.addTenant(FakeGraphTenant.builder().b2c("a.onmicrosoft.com").grantedAll());
  private final FakeGraphTenant b =
      graph.addTenant(
          FakeGraphTenant.builder()
              .b2c("b.onmicrosoft.com")
              .backupApp("b2cb4c0b-7e57-4a11-9c0d-0000000000bb", FakeGraphTenant.DEFAULT_REDIRECT_URI)
              .clientSecret("b's own secret")
              .grantedAll());

  @AfterEach
  void stop() {
    graph.stop();
  }

  private TokenRequestContext request(FakeGraphTenant t) {
    return new TokenRequestContext().addScopes(graph.graphHost() + "/.default").setTenantId(t.tenantId());
  }

  @Test
  void aTokenIsCachedPerTenantUntilAClaimsChallenge() {
    CachingTokenCredential credential = graph.cachingCredential();

    AccessToken first = credential.getToken(request(a)).block();
    assertThat(credential.getToken(request(a)).block()).isSameAs(first);
    assertThat(credential.getToken(request(b)).block()).isNotSameAs(first);
    assertThat(credential.tokenRequests()).isEqualTo(2);

    credential.getToken(request(a).setClaims("{\"access_token\":{\"xms_cc\":{\"values\":[\"cp1\"]}}}")).block();
    assertThat(credential.tokenRequests()).isEqualTo(3);
    assertThat(graph.journal().count(FakeRoute.TOKEN)).isEqualTo(3);
  }

  @Test
  void aCredentialOverAGivenClientFetchesItsTokensThroughIt() {
    List<String> sent = new CopyOnWriteArrayList<>();
    HttpClient fakesOwn = graph.clients().azureHttpClient();
    HttpClient recording =
        new HttpClient() {
          @Override
          public Mono<HttpResponse> send(HttpRequest request) {
            sent.add(request.getHttpMethod() + " " + request.getUrl().getPath());
            return fakesOwn.send(request);
          }

          @Override
          public HttpResponse sendSync(HttpRequest request, Context context) {
            sent.add(request.getHttpMethod() + " " + request.getUrl().getPath());
            return fakesOwn.sendSync(request, context);
          }
        };
    CachingTokenCredential credential = CachingTokenCredential.of(graph, recording);

    AccessToken token = credential.getToken(request(b)).block();
    assertThat(credential.getToken(request(b)).block()).isSameAs(token);

    assertThat(sent).containsExactly("POST /" + b.tenantId() + "/oauth2/v2.0/token");
    assertThat(token.getToken()).isNotBlank();
    assertThat(graph.journal().count(FakeRoute.TOKEN)).isEqualTo(1);
    assertThatThrownBy(() -> CachingTokenCredential.of(graph, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("httpClient");
  }

  @Test
  void aTenantsCredentialAsksForThatTenantWhenTheRequestNamesNone() {
    TokenRequestContext unnamed = new TokenRequestContext().addScopes(graph.graphHost() + "/.default");

    assertThat(b.cachingCredential().getToken(unnamed).block().getToken()).isNotBlank();
    assertThatThrownBy(() -> graph.cachingCredential().getToken(unnamed).block())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRefusalOfTheTokenEndpointIsAnAuthenticationFailure() {
    b.app().removeServicePrincipal();

    assertThatThrownBy(() -> b.cachingCredential().getToken(request(b)).block())
        .isInstanceOf(ClientAuthenticationException.class)
        .hasMessageContaining("AADSTS700016");
    assertThat(b.app().servicePrincipalPresence()).isEqualTo(AppPresence.NOT_FOUND);
  }
}
