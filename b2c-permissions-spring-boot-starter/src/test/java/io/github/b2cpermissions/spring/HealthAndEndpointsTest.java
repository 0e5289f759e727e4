package io.github.b2cpermissions.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole Spring Boot application with Actuator on a real port of loopback, its verifier wired to
 * the testkit fake through properties: the health endpoint and the configprops and env endpoints,
 * over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "b2c-permissions.client-id=" + FakeGraphTenant.DEFAULT_CLIENT_ID,
    "b2c-permissions.consent.redirect-uri=https://backup.example.com/consent",
    "b2c-permissions.health.cache-ttl=1h",
    "management.endpoints.web.exposure.include=health,configprops,env",
    "management.endpoint.health.show-details=always",
    "management.endpoint.configprops.show-values=always",
    "management.endpoint.env.show-values=always",
    "server.address=127.0.0.1"})
class HealthAndEndpointsTest {
  private static final FakeGraph SERVER = FakeGraph.builder().build().start();
  private static final FakeGraphTenant CANARY =
      SERVER.addTenant(FakeGraphTenant.builder().grantedAll());
  static final String SECRET = "Never~Shown.0123456789";

  @LocalServerPort
  int port;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    TokenCredential fakeCredential() {
      return SERVER.cachingCredential();
    }

    @Bean
    GraphVerifierCustomizer trustTheFake() {
      return FakeTls.customizer(SERVER);
    }
  }

  @DynamicPropertySource
  static void fakeEndpoints(DynamicPropertyRegistry registry) {
    registry.add("b2c-permissions.cloud.authority-host", () -> SERVER.authorityHost().toString());
    registry.add("b2c-permissions.cloud.graph-host", () -> SERVER.graphHost().toString());
    registry.add("b2c-permissions.health.canary-tenant", CANARY::tenantId);
    // Set but unused (the credential bean wins): what the endpoints must not show.
    registry.add("b2c-permissions.certificate.password", () -> SECRET);
  }

  @AfterAll
  static void stopServer() {
    SERVER.stop();
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  @Test
  void healthIsUpWithTheCanaryTokenAndProbesSendNoGraphRequestAndOneTokenRequest()
      throws Exception {
    SERVER.journal().clear();
    String first = get("/actuator/health");
    String second = get("/actuator/health");
    String third = get("/actuator/health/b2cPermissions");

    assertThat(first).startsWith("200 ").contains("\"b2cPermissions\"")
        .contains("\"canaryToken\":\"acquired\"").contains(CANARY.tenantId());
    assertThat(second).startsWith("200 ");
    assertThat(third).startsWith("200 ").contains("\"status\":\"UP\"");
    assertThat(SERVER.journal().countGraphRequests()).isZero();
    assertThat(SERVER.journal().count()).isEqualTo(1);
  }

  @Test
  void configpropsAndEnvShowTheClientIdButNeverThePassword() throws Exception {
    String configprops = get("/actuator/configprops");
    String env = get("/actuator/env");

    assertThat(configprops).startsWith("200 ").contains(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .contains("b2c-permissions").doesNotContain(SECRET);
    assertThat(env).startsWith("200 ").contains(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .doesNotContain(SECRET);
  }
}
