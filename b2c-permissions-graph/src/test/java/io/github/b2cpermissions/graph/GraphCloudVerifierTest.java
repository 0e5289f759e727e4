package io.github.b2cpermissions.graph;

import static io.github.b2cpermissions.testkit.ReportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The cloud decides which token audience the verifier accepts and which scope it asks for, and a
 * cloud without an authority host serves verifiers that bring their own credential.
 */
class GraphCloudVerifierTest {

  private static final URI GRAPH_AUDIENCE = URI.create("https://graph.microsoft.com");
  private static FakeGraph server;

  @BeforeAll
  static void startServer() {
    server = FakeGraph.builder().build().start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  private static OkHttpClient trusting() {
    return new OkHttpClient.Builder()
        .sslSocketFactory(server.sslContext().getSocketFactory(), server.trustManager())
        .build();
  }

  private static GraphPermissionVerifierBuilder verifier(GraphCloud cloud, TokenCredential credential) {
    return GraphPermissionVerifier.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .credentials(t -> credential)
        .cloud(cloud)
        .retryPolicy(GraphRetryPolicy.noRetries())
        .requestTimeout(Duration.ofSeconds(10))
        .httpClient(trusting());
  }

  /**
   * Hands out the fake tenant's real token with its {@code aud} claim rewritten, as a real Graph
   * token behind a private endpoint would carry it; remembers the scopes it was asked for.
   */
  private static final class AudienceRewritingCredential implements TokenCredential {
    final List<String> scopes = new CopyOnWriteArrayList<>();
    private final FakeGraphTenant tenant;
    private final String audience;

    AudienceRewritingCredential(FakeGraphTenant tenant, String audience) {
      this.tenant = tenant;
      this.audience = audience;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
      scopes.addAll(request.getScopes());
      String[] parts = tenant.issueAccessToken().split("\\.");
      String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      String original = "\"aud\":\"" + server.graphHost() + "\"";
      assertThat(payload).contains(original);
      String rewritten = payload.replace(original, "\"aud\":\"" + audience + "\"");
      String token = parts[0] + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(rewritten.getBytes(StandardCharsets.UTF_8))
          + "." + parts[2];
      return Mono.just(new AccessToken(token, java.time.OffsetDateTime.now().plusHours(1)));
    }
  }

  @Test
  void privateEndpointCloudSendsATokenWhoseAudienceIsGraphAndAsksForGraphsScope() {
    FakeGraphTenant t = server.addTenant(FakeGraphTenant.builder().grantedAll());
    GraphCloud privateEndpoint = GraphCloud.builder()
        .authorityHost(server.authorityHost())
        .graphHost(server.graphHost())
        .tokenAudience(GRAPH_AUDIENCE)
        .build();
    AudienceRewritingCredential credential = new AudienceRewritingCredential(t, GRAPH_AUDIENCE.toString());
    int before = server.journal().count();

    try (GraphPermissionVerifier v = verifier(privateEndpoint, credential).build()) {
      // The fake only honours tokens for its own host, so it refuses this one; what matters is
      // that the verifier accepted the audience and sent the request.
      assertThatThrownBy(() -> v.verify(t.tenantId()))
          .isInstanceOf(B2cPermissionsException.class)
          .message().doesNotContain("is for audience");
    }
    assertThat(server.journal().count()).isGreaterThan(before);
    assertThat(credential.scopes).contains("https://graph.microsoft.com/.default").doesNotContain(server.graphHost() + "/.default");
  }

  @Test
  void customCloudByDefaultRefusesAGraphAudienceTokenBeforeSendingIt() {
    FakeGraphTenant t = server.addTenant(FakeGraphTenant.builder().grantedAll());
    GraphCloud fake = GraphCloud.custom(server.authorityHost(), server.graphHost());
    AudienceRewritingCredential credential = new AudienceRewritingCredential(t, GRAPH_AUDIENCE.toString());
    int before = server.journal().count();

    try (GraphPermissionVerifier v = verifier(fake, credential).build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId()))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("is for audience https://graph.microsoft.com")
          .hasMessageContaining(server.graphHost().toString());
    }
    assertThat(server.journal().count()).isEqualTo(before);
    assertThat(credential.scopes).containsExactly(server.graphHost() + "/.default");
  }

  @Test
  void tokenForAnotherAudienceIsRefusedEvenWithGraphsAudienceConfigured() {
    FakeGraphTenant t = server.addTenant(FakeGraphTenant.builder().grantedAll());
    GraphCloud privateEndpoint = GraphCloud.from(GraphCloud.GLOBAL).graphHost(server.graphHost()).build();
    AudienceRewritingCredential credential = new AudienceRewritingCredential(t, "https://management.azure.com");

    try (GraphPermissionVerifier v = verifier(privateEndpoint, credential).build()) {
      assertThatThrownBy(() -> v.verify(t.tenantId()))
          .isInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("is for audience https://management.azure.com");
    }
  }

  @Test
  void graphOnlyCloudServesAVerifierWithItsOwnCredential() {
    FakeGraphTenant t = server.addTenant(FakeGraphTenant.builder().grantedAll());
    GraphCloud graphOnly = GraphCloud.custom(server.graphHost());

    try (GraphPermissionVerifier v = verifier(graphOnly, t.credential()).build()) {
      assertThat(v.verify(t.tenantId())).isSatisfied();
    }
    try (GraphPermissionVerifier v = GraphPermissionVerifier.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .credential(t.credential())
        .cloud(graphOnly)
        .httpClient(trusting())
        .build()) {
      assertThat(v.verify(t.tenantId())).isSatisfied();
    }
  }

  @Test
  void clientSecretWithACloudLackingAnAuthorityFailsAtBuild() {
    GraphPermissionVerifierBuilder b = GraphPermissionVerifier.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .clientSecret("a-secret-value")
        .cloud(GraphCloud.custom(server.graphHost()));

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("authority host")
        .hasMessageNotContaining("a-secret-value");
  }

  @Test
  void clientCertificateWithACloudLackingAnAuthorityFailsAtBuild(@TempDir Path dir) throws Exception {
    Path pem = Files.writeString(dir.resolve("app.pem"), "not read before build");
    GraphPermissionVerifierBuilder b = GraphPermissionVerifier.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .clientCertificate(pem, null)
        .cloud(GraphCloud.custom(server.graphHost()));

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("authority host");
  }
}
