package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubTokens;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The cloud a verifier is built for, on the hostile stub: which token audience it accepts, which
 * scope it asks the credential for, and which credential kinds need an authority host.
 */
class CloudsOnTheStubTest {
  private static final URI GRAPH_AUDIENCE = URI.create(StubTokens.GRAPH_AUDIENCE);

  /** Hands out the tenant's token for {@code audience}; remembers the scopes it was asked for. */
  private static final class RecordingCredential implements TokenCredential {
    final List<String> scopes = new CopyOnWriteArrayList<>();
    private final StubDirectory tenant;
    private final String audience;

    RecordingCredential(StubDirectory tenant, String audience) {
      this.tenant = tenant;
      this.audience = audience;
    }

    @Override
    public Mono<AccessToken> getToken(com.azure.core.credential.TokenRequestContext request) {
      scopes.addAll(request.getScopes());
      String jwt = StubTokens.appToken(audience, tenant.tenantId, tenant.backupAppId,
          tenant.grantedRoleValues());
      return Mono.just(new AccessToken(jwt, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
    }
  }

  @Test
  void privateEndpointCloudAcceptsGraphsAudienceAndAsksForGraphsScope() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start()) {
      GraphCloud privateEndpoint = GraphCloud.builder().authorityHost(stub.baseUri())
          .graphHost(stub.baseUri()).tokenAudience(GRAPH_AUDIENCE).build();
      for (String audience : List.of(StubTokens.GRAPH_AUDIENCE, StubTokens.GRAPH_AUDIENCE + "/")) {
        RecordingCredential credential = new RecordingCredential(t, audience);
        try (GraphPermissionVerifier v = t.verifierBuilderWithoutCredential(stub)
            .cloud(privateEndpoint).credential(credential).build()) {
          assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
        }
        assertThat(credential.scopes).containsExactly("https://graph.microsoft.com/.default");
      }
    }
  }

  @Test
  void customCloudRefusesAGraphAudienceTokenBeforeSendingIt() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start()) {
      RecordingCredential credential = new RecordingCredential(t, StubTokens.GRAPH_AUDIENCE);
      try (GraphPermissionVerifier v =
          t.verifierBuilderWithoutCredential(stub).credential(credential).build()) {
        assertThatThrownBy(() -> v.verify(t.tenantId))
            .isInstanceOf(AuthenticationFailedException.class)
            .hasMessageContaining("is for audience https://graph.microsoft.com")
            .hasMessageContaining("not for Microsoft Graph (" + stub.baseUri() + ")");
      }
      assertThat(credential.scopes).containsExactly(stub.baseUri() + "/.default");
      assertThat(stub.requestCount()).isZero();
    }
  }

  @Test
  void customCloudAcceptsItsOwnHostAsAudienceInAnyCase() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start()) {
      RecordingCredential credential =
          new RecordingCredential(t, stub.baseUri().toString().toUpperCase(java.util.Locale.ROOT));
      try (GraphPermissionVerifier v =
          t.verifierBuilderWithoutCredential(stub).credential(credential).build()) {
        assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      }
    }
  }

  @Test
  void graphOnlyCloudServesAVerifierWithItsOwnCredential() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilder(stub).cloud(GraphCloud.custom(stub.baseUri()))
            .build()) {
      assertThat(v.verify(t.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
    }
  }

  @Test
  void clientSecretOrCertificateWithACloudLackingAnAuthorityFailsAtBuild(@TempDir Path dir)
      throws Exception {
    GraphCloud graphOnly = GraphCloud.custom(URI.create("https://graph.example.test"));
    assertThatThrownBy(() -> GraphPermissionVerifier.builder().clientId(StubDirectory.BACKUP_APP_ID)
        .clientSecret("a-secret-value").cloud(graphOnly).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("need a cloud with an authority host")
        .hasMessageNotContaining("a-secret-value");
    Path pem = Files.writeString(dir.resolve("app.pem"), "not read before build");
    assertThatThrownBy(() -> GraphPermissionVerifier.builder().clientId(StubDirectory.BACKUP_APP_ID)
        .clientCertificate(pem, null).cloud(graphOnly).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("need a cloud with an authority host");
  }
}
