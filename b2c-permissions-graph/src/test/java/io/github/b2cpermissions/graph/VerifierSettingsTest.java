package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.VerificationStrategy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The verifier builder's bounds, exactly at their edges, and what a built verifier says of its
 * settings: no network needed.
 */
class VerifierSettingsTest {
  private static final String CLIENT = "11111111-2222-3333-4444-555555555555";
  private static final TokenCredential NEVER = ctx -> Mono.error(new IllegalStateException("unused"));

  private static GraphPermissionVerifierBuilder base() {
    return GraphPermissionVerifier.builder().clientId(CLIENT).credential(NEVER);
  }

  @Test
  void smallestAndLargestAllowedValuesAreAccepted() {
    try (GraphPermissionVerifier v = base().tenantCacheSize(1).fleetConcurrency(1)
        .maxConcurrentRequests(1).requestTimeout(Duration.ofNanos(1))
        .tenantCacheExpiry(Duration.ofNanos(1)).tokenConfirmationExpiry(Duration.ofNanos(1)).build()) {
      assertThat(v.toString()).contains("fleetConcurrency=1,", "maxConcurrentRequests=1,",
          "tenantCacheSize=1,", "tenantCacheExpiry=PT0.000000001S",
          "tokenConfirmationExpiry=PT0.000000001S");
    }
    try (GraphPermissionVerifier v = base().fleetConcurrency(1024).build()) {
      assertThat(v.toString()).contains("fleetConcurrency=1024,");
    }
  }

  @Test
  void valuesJustPastTheBoundsAreRejectedNamingTheSetting() {
    GraphPermissionVerifierBuilder b = base();
    assertThatThrownBy(() -> b.fleetConcurrency(1025)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fleetConcurrency must be 1 to 1024, was 1025");
    assertThatThrownBy(() -> b.fleetConcurrency(0)).hasMessage("fleetConcurrency must be 1 to 1024, was 0");
    assertThatThrownBy(() -> b.maxConcurrentRequests(0))
        .hasMessage("maxConcurrentRequests must be at least 1, was 0");
    assertThatThrownBy(() -> b.tenantCacheSize(0)).hasMessage("tenantCacheSize must be at least 1, was 0");
    assertThatThrownBy(() -> b.requestTimeout(Duration.ofMillis(-1)))
        .hasMessage("requestTimeout must be positive, was PT-0.001S");
    assertThatThrownBy(() -> b.tenantCacheExpiry(Duration.ofMillis(-1)))
        .hasMessage("tenantCacheExpiry must be positive, was PT-0.001S");
    assertThatThrownBy(() -> b.tokenConfirmationExpiry(Duration.ZERO))
        .hasMessage("tokenConfirmationExpiry must be positive, was PT0S");
    assertThatThrownBy(() -> b.clientSecret("")).hasMessage("the client secret must not be blank");
  }

  @Test
  void settersRefuseNull() {
    GraphPermissionVerifierBuilder b = base();
    assertThatThrownBy(() -> b.cloud(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.strategy(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.retryPolicy(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.requestTimeout(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.executor(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.httpClient(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.consentUrlBuilder(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.retryListener(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.identityHttpClient(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.credentials(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.credential(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.clientId(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void builtVerifierDescribesItsSettingsWithoutItsCredential() {
    GraphCloud cloud = GraphCloud.custom(URI.create("https://login.example.test"),
        URI.create("https://graph.example.test"));
    GraphConsentUrls consent = GraphConsentUrls.builder().clientId(CLIENT)
        .redirectUri(URI.create("https://backup.example/consent")).cloud(cloud).build();
    try (GraphPermissionVerifier v = base().cloud(cloud).strategy(VerificationStrategy.TOKEN)
        .fleetConcurrency(3).maxConcurrentRequests(7).consentUrlBuilder(consent).build()) {
      assertThat(v.toString()).contains("clientId=" + CLIENT, "cloud=" + cloud.name(),
          "strategy=TOKEN", "fleetConcurrency=3,", "maxConcurrentRequests=7,", "consentUrls=true}",
          "retryPolicy=" + GraphRetryPolicy.ofDefaults());
    }
    try (GraphPermissionVerifier v = base().build()) {
      assertThat(v.toString()).contains("strategy=DIRECTORY_AND_TOKEN", "fleetConcurrency=256,",
          "maxConcurrentRequests=256,", "consentUrls=false}", "cloud=" + GraphCloud.GLOBAL.name());
    }
  }

  @Test
  void builderDescribesTheCredentialKindOnly() {
    assertThat(base().toString()).contains("clientId=" + CLIENT, "credential=shared credential");
    assertThat(GraphPermissionVerifier.builder().clientId(CLIENT).credentials(t -> NEVER).toString())
        .contains("credential=per-tenant credential source");
    assertThat(GraphPermissionVerifier.builder().toString()).contains("clientId=null",
        "credential=(none)", "strategy=DIRECTORY_AND_TOKEN");
  }

  @Test
  void clientIdIsKeptLowerCased() {
    try (GraphPermissionVerifier v = GraphPermissionVerifier.builder()
        .clientId(CLIENT.toUpperCase(java.util.Locale.ROOT)).credential(NEVER).build()) {
      assertThat(v.toString()).contains("clientId=" + CLIENT);
    }
  }
}
