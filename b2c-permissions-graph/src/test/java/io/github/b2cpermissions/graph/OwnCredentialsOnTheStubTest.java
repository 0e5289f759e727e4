package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import io.github.b2cpermissions.graph.stub.BatchHandler;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubRequest;
import io.github.b2cpermissions.graph.stub.StubResponse;
import io.github.b2cpermissions.testkit.internal.LoopbackAzureHttpClient;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The credentials the verifier builds itself from a client secret or a certificate, on the hostile
 * stub, which also plays the custom cloud's token endpoint: the token request goes to the tenant's
 * endpoint on the cloud's authority host through the given identity HTTP client, carrying the
 * secret or a signed client assertion, and nothing else is asked (no instance discovery).
 */
class OwnCredentialsOnTheStubTest {

  /** A first MSAL token flow in a JVM can take seconds on a loaded machine. */
  private static GraphRetryPolicy roomForAFirstTokenFlow() {
    return GraphRetryPolicy.custom().maxAttempts(3).initialBackoff(java.time.Duration.ofMillis(5))
        .maxBackoff(java.time.Duration.ofMillis(20)).deadline(java.time.Duration.ofSeconds(90))
        .build();
  }

  /** Answers the client credentials grant with the tenant's token; Graph requests as usual. */
  private static Function<StubRequest, StubResponse> graphAndTokenEndpoint(
      StubDirectory tenant, List<StubRequest> tokenRequests) {
    BatchHandler graph = BatchHandler.of(tenant);
    return r -> {
      if (r.method().equals("POST") && r.path().endsWith("/oauth2/v2.0/token")) {
        tokenRequests.add(r);
        return StubResponse.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,"
            + "\"ext_expires_in\":3599,\"access_token\":\"" + tenant.token() + "\"}");
      }
      return graph.apply(r);
    };
  }

  /** An identity HTTP client that trusts the stub and refuses any host but the loopback. */
  private static HttpClient loopbackOnly(SSLContext ssl) {
    HttpClient inner = new LoopbackAzureHttpClient(ssl);
    return new HttpClient() {
      @Override
      public Mono<HttpResponse> send(HttpRequest request) {
        return isLoopback(request) ? inner.send(request) : refused(request);
      }

      @Override
      public Mono<HttpResponse> send(HttpRequest request, Context context) {
        return isLoopback(request) ? inner.send(request, context) : refused(request);
      }

      @Override
      public HttpResponse sendSync(HttpRequest request, Context context) {
        if (!isLoopback(request)) {
          throw new IllegalStateException("refused a token request to " + request.getUrl().getHost());
        }
        return inner.sendSync(request, context);
      }
    };
  }

  private static boolean isLoopback(HttpRequest request) {
    String host = request.getUrl().getHost();
    return host.equals("127.0.0.1") || host.equals("localhost");
  }

  private static Mono<HttpResponse> refused(HttpRequest request) {
    return Mono.error(new IllegalStateException(
        "refused a token request to " + request.getUrl().getHost()));
  }

  @Test
  void clientSecretAsksTheTenantsTokenEndpointOnTheCustomAuthorityWithTheSecret() {
    StubDirectory tenant = StubDirectory.grantedAll();
    List<StubRequest> tokenRequests = new CopyOnWriteArrayList<>();
    try (GraphStub stub = tenant.start()) {
      stub.handler(graphAndTokenEndpoint(tenant, tokenRequests));
      try (GraphPermissionVerifier verifier = tenant.verifierBuilderWithoutCredential(stub)
          .clientSecret("stub-client-secret").identityHttpClient(loopbackOnly(stub.sslContext()))
          .retryPolicy(roomForAFirstTokenFlow()).build()) {
        assertThat(verifier.verify(tenant.tenantId).isSatisfied()).isTrue();
      }
      assertThat(tokenRequests).singleElement().satisfies(r -> {
        assertThat(r.path()).isEqualTo("/" + tenant.tenantId + "/oauth2/v2.0/token");
        assertThat(r.bodyText()).contains("client_secret=stub-client-secret")
            .contains("grant_type=client_credentials")
            .contains("client_id=" + tenant.backupAppId);
      });
      assertThat(stub.requests()).allSatisfy(r -> assertThat(r.path())
          .satisfiesAnyOf(p -> assertThat(p).startsWith("/v1.0/"),
              p -> assertThat(p).endsWith("/oauth2/v2.0/token")));
    }
  }

  @Test
  void pfxCertificateSignsAClientAssertionForTheTenantsTokenEndpoint() throws URISyntaxException {
    StubDirectory tenant = StubDirectory.grantedAll();
    List<StubRequest> tokenRequests = new CopyOnWriteArrayList<>();
    Path pfx = Path.of(OwnCredentialsOnTheStubTest.class.getResource("/stub/graph-stub.p12").toURI());
    try (GraphStub stub = tenant.start()) {
      stub.handler(graphAndTokenEndpoint(tenant, tokenRequests));
      try (GraphPermissionVerifier verifier = tenant.verifierBuilderWithoutCredential(stub)
          .clientCertificate(pfx, "graph-stub").identityHttpClient(loopbackOnly(stub.sslContext()))
          .retryPolicy(roomForAFirstTokenFlow()).build()) {
        assertThat(verifier.verify(tenant.tenantId).isSatisfied()).isTrue();
      }
      assertThat(tokenRequests).singleElement().satisfies(r -> {
        assertThat(r.path()).isEqualTo("/" + tenant.tenantId + "/oauth2/v2.0/token");
        assertThat(r.bodyText()).contains("client_assertion=")
            .contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type"
                + "%3Ajwt-bearer")
            .doesNotContain("client_secret");
      });
    }
  }
}
