package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.AppPresence;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two ways requests reach the router: the fast path and WireMock's request filter. */
class GraphServerTest {

  @ParameterizedTest(name = "fast path allowed: {0}")
  @ValueSource(booleans = {true, false})
  void bothPathsServeRepliesFaultsAndTheJournal(boolean fast) throws Exception {
    GraphServer server =
        new GraphServer(new ServerConfig(0, 100, true, Duration.ofHours(1), Clock.systemUTC(), 1000), TestRoutes.ALL, fast);
    AppRegistration app =
        new AppRegistration(UUID.randomUUID().toString(), "secret", "App", List.of(URI.create("https://x.example.com/cb")), List.of("User.Read.All"), null);
    TenantModel tenant =
        server.addTenant(
            new TenantSeed(
                UUID.randomUUID(), "paths.onmicrosoft.com", "AAD B2C", "paths", app, AppPresence.ENABLED,
                List.of("Organization.Read.All"), List.of(), List.of(), 0, Duration.ZERO, UUID.randomUUID(), UUID.randomUUID()));
    server.start();
    try {
      assertThat(server.fastPath()).isEqualTo(fast);
      HttpClient client = HttpClient.newBuilder().sslContext(server.tls().sslContext()).version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest org =
          HttpRequest.newBuilder(URI.create(server.graphEndpoint() + "/organization"))
              .header("Authorization", "Bearer " + server.issueToken(tenant))
              .build();
      HttpResponse<String> ok = client.send(org, HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("request-id")).isPresent();
      assertThat(ok.body()).contains("paths.onmicrosoft.com");

      tenant.faults().add(FaultPlan.Kind.THROTTLE, java.util.Set.of(), 1, 429, 2);
      HttpResponse<String> throttled = client.send(org, HttpResponse.BodyHandlers.ofString());
      assertThat(throttled.statusCode()).isEqualTo(429);
      assertThat(throttled.headers().firstValue("Retry-After")).hasValue("2");

      HttpRequest post =
          HttpRequest.newBuilder(URI.create(server.graphEndpoint() + "/$batch"))
              .header("Authorization", "Bearer " + server.issueToken(tenant))
              .POST(HttpRequest.BodyPublishers.ofString("{\"requests\":[]}"))
              .build();
      tenant.faults().add(FaultPlan.Kind.RESET, java.util.Set.of(), 1, 0, -1);
      assertThatThrownBy(() -> client.send(post, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
      assertThat(client.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

      HttpResponse<String> admin =
          client.send(HttpRequest.newBuilder(URI.create(server.host() + "/__admin/mappings")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(admin.statusCode()).isIn(401, 501);
      assertThat(server.journal().snapshot(e -> true)).extracting(e -> e.status).startsWith(200, 429, -1, 200);
    } finally {
      server.stop();
    }
  }
}
