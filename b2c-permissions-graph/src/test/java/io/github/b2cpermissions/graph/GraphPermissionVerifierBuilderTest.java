package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Builder validation of {@link GraphPermissionVerifier}: no network needed. */
class GraphPermissionVerifierBuilderTest {
  private static final String CLIENT = "11111111-2222-3333-4444-555555555555";
  private static final TokenCredential NEVER = ctx -> Mono.error(new IllegalStateException("unused"));

  @Test
  void clientIdMustBeAGuid() {
    assertThatThrownBy(() -> GraphPermissionVerifier.builder().clientId("my-app"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientId must be");
  }

  @Test
  void buildNeedsAClientIdAndExactlyOneCredentialSource() {
    assertThatThrownBy(() -> GraphPermissionVerifier.builder().credential(NEVER).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("clientId is required");
    assertThatThrownBy(() -> GraphPermissionVerifier.builder().clientId(CLIENT).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("0 were set");
    assertThatThrownBy(() -> GraphPermissionVerifier.builder().clientId(CLIENT)
        .credential(NEVER).clientSecret("s").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 were set");
  }

  @Test
  void toStringNeverShowsTheSecret() {
    GraphPermissionVerifierBuilder b =
        GraphPermissionVerifier.builder().clientId(CLIENT).clientSecret("super-secret-value");
    assertThat(b.toString()).doesNotContain("super-secret-value").contains("***");
    try (GraphPermissionVerifier v = b.build()) {
      assertThat(v.toString()).doesNotContain("super-secret-value").contains(CLIENT);
    }
  }

  @Test
  void settersRejectBadValuesAtOnce() {
    GraphPermissionVerifierBuilder b = GraphPermissionVerifier.builder();
    assertThatThrownBy(() -> b.fleetConcurrency(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxConcurrentRequests(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.requestTimeout(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.clientSecret(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.clientCertificate(Path.of("/nonexistent/cert.pem"), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not readable");
  }

  @Test
  void cacheBoundsRejectBadValuesAtOnce() {
    GraphPermissionVerifierBuilder b = GraphPermissionVerifier.builder();
    assertThatThrownBy(() -> b.tenantCacheSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.tenantCacheExpiry(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.tokenConfirmationExpiry(java.time.Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.tenantCacheExpiry(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void cacheBoundsDefaultAndShowInToString() {
    try (GraphPermissionVerifier v =
        GraphPermissionVerifier.builder().clientId(CLIENT).credential(NEVER).build()) {
      assertThat(v.toString()).contains("tenantCacheSize=10000", "tenantCacheExpiry=PT1H",
          "tokenConfirmationExpiry=PT10M");
    }
    try (GraphPermissionVerifier v = GraphPermissionVerifier.builder().clientId(CLIENT)
        .credential(NEVER).tenantCacheSize(5).tenantCacheExpiry(java.time.Duration.ofMinutes(3))
        .tokenConfirmationExpiry(java.time.Duration.ofMinutes(2)).build()) {
      assertThat(v.toString()).contains("tenantCacheSize=5", "tenantCacheExpiry=PT3M",
          "tokenConfirmationExpiry=PT2M");
    }
  }

  @Test
  void malformedTenantIsRejectedBeforeAnyRequest() {
    try (GraphPermissionVerifier v =
        GraphPermissionVerifier.builder().clientId(CLIENT).credential(NEVER).build()) {
      assertThatThrownBy(() -> v.verify("contoso.onmicrosoft.com/../../servicePrincipals"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> v.verifyAsync("a b")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> v.verify(null)).isInstanceOf(NullPointerException.class);
    }
  }
}
