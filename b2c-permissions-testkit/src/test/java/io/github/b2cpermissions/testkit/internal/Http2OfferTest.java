package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class Http2OfferTest {

  private static HttpResponse.BodyHandler<String> text() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static HttpClient.Version versionAnswered(boolean http2) throws Exception {
    String before = System.getProperty(ServerConfig.HTTP2_PROPERTY);
    System.setProperty(ServerConfig.HTTP2_PROPERTY, String.valueOf(http2));
    FakeGraph graph;
    try {
      graph = FakeGraph.builder().build();
    } finally {
      if (before == null) {
        System.clearProperty(ServerConfig.HTTP2_PROPERTY);
      } else {
        System.setProperty(ServerConfig.HTTP2_PROPERTY, before);
      }
    }
    graph.start();
    try {
      FakeGraphTenant tenant = graph.addTenant(FakeGraphTenant.builder().grantedAll());
      HttpClient client = HttpClient.newBuilder().sslContext(graph.sslContext())
          .version(HttpClient.Version.HTTP_2).build();
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(
          URI.create(graph.authorityHost() + "/" + tenant.tenantId() + "/discovery/v2.0/keys")).build(), text());
      assertThat(r.statusCode()).isEqualTo(200);
      return r.version();
    } finally {
      graph.stop();
    }
  }

  @Test
  void http2IsNegotiatedOverTlsWhenTurnedOn() throws Exception {
    assertThat(versionAnswered(true)).isEqualTo(HttpClient.Version.HTTP_2);
  }

  @Test
  void onlyHttp11IsOfferedByDefault() throws Exception {
    assertThat(versionAnswered(false)).isEqualTo(HttpClient.Version.HTTP_1_1);
  }
}
