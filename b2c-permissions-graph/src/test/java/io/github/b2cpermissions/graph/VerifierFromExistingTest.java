package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.RequestBudget;
import io.github.b2cpermissions.TenantKind;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * {@code GraphPermissionVerifier.from(existing)}: a builder with every setting of the verifier it
 * came from, which changes nothing of that verifier.
 */
class VerifierFromExistingTest {

  @Test
  void aDerivedVerifierKeepsEverySettingButTheOneChanged() {
    StubDirectory tenant = StubDirectory.grantedAll();
    List<GraphRetryEvent> retries = new CopyOnWriteArrayList<>();
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier nightly = tenant.verifierBuilder(stub).retryListener(retries::add)
            .fleetConcurrency(7).maxConcurrentRequests(9).tenantCacheSize(11)
            .tenantCacheExpiry(Duration.ofMinutes(13)).tokenConfirmationExpiry(Duration.ofMinutes(3))
            .build();
        GraphPermissionVerifier fast = GraphPermissionVerifier.from(nightly)
            .strategy(VerificationStrategy.TOKEN).build()) {
      assertThat(fast.toString()).isEqualTo(nightly.toString()
          .replace("strategy=DIRECTORY_AND_TOKEN", "strategy=TOKEN"));
      VerificationReport report = fast.verify(tenant.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(report.strategy()).isEqualTo(VerificationStrategy.TOKEN);
      assertThat(nightly.verify(tenant.tenantId).strategy())
          .isEqualTo(VerificationStrategy.DIRECTORY_AND_TOKEN);
    }
  }

  @Test
  void changingTheDerivedBuilderLeavesTheOriginalBuilderAlone() {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      GraphPermissionVerifierBuilder original = GraphPermissionVerifier.builder()
          .clientId("11111111-2222-3333-4444-555555555555")
          .credential(ctx -> reactor.core.publisher.Mono.empty())
          .profile(TenantKind.EXTERNAL_ID, PermissionProfile.EXTERNAL_ID_BACKUP_AND_RESTORE)
          .executor(pool);
      GraphPermissionVerifierBuilder copy = new GraphPermissionVerifierBuilder(original);
      copy.strategy(VerificationStrategy.DIRECTORY).fleetConcurrency(3)
          .profile(TenantKind.B2C, PermissionProfile.B2C_BACKUP_ONLY);
      try (GraphPermissionVerifier a = original.build(); GraphPermissionVerifier b = copy.build()) {
        assertThat(a.toString()).contains("strategy=DIRECTORY_AND_TOKEN", "fleetConcurrency=256");
        assertThat(b.toString()).contains("strategy=DIRECTORY,", "fleetConcurrency=3");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyFieldOfTheBuilderIsCopied() throws Exception {
    GraphPermissionVerifierBuilder b = GraphPermissionVerifier.builder()
        .clientId("11111111-2222-3333-4444-555555555555")
        .clientSecret("not-printed")
        .cloud(GraphCloud.CHINA)
        .strategy(VerificationStrategy.DIRECTORY)
        .retryPolicy(GraphRetryPolicy.custom().maxAttempts(2).build())
        .requestTimeout(Duration.ofSeconds(3))
        .executor(Runnable::run)
        .fleetConcurrency(5)
        .maxConcurrentRequests(6)
        .requestBudget(RequestBudget.unlimited())
        .lowThrottlePriority(true)
        .httpClient(new okhttp3.OkHttpClient())
        .consentUrlBuilder(GraphConsentUrls.builder()
            .clientId("11111111-2222-3333-4444-555555555555")
            .redirectUri(java.net.URI.create("https://app.example/callback")).build())
        .retryListener(e -> {})
        .identityHttpClient(new com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder().build())
        .clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
        .observations(VerifierObservations.of(io.micrometer.observation.ObservationRegistry.NOOP))
        .tenantCacheSize(7)
        .tenantCacheExpiry(Duration.ofMinutes(8))
        .tokenConfirmationExpiry(Duration.ofMinutes(9))
        .profile(TenantKind.EXTERNAL_ID, PermissionProfile.EXTERNAL_ID_BACKUP_AND_RESTORE);
    GraphPermissionVerifierBuilder copy = new GraphPermissionVerifierBuilder(b);
    List<String> unset = new ArrayList<>();
    assertSameFields(b, copy, "", unset);
    // Left unset above only what cannot be set together with what is: the other credential
    // sources (one at a time) and the JDK client (not with httpClient). Each is copied too:
    assertThat(unset).containsExactlyInAnyOrder("credentials.perTenant", "credentials.shared",
        "credentials.certificatePath", "credentials.certificatePassword", "http.jdk");
    List<String> none = new ArrayList<>();
    java.nio.file.Path pem = java.nio.file.Files.createTempFile("from-existing", ".pem");
    try {
      for (GraphPermissionVerifierBuilder other : List.of(
          GraphPermissionVerifier.builder().jdkHttpClient(java.net.http.HttpClient.newHttpClient()),
          GraphPermissionVerifier.builder().credentials(t -> ctx -> reactor.core.publisher.Mono.empty()),
          GraphPermissionVerifier.builder().credential(ctx -> reactor.core.publisher.Mono.empty()),
          GraphPermissionVerifier.builder().clientCertificate(pem, "pfx-password"))) {
        assertSameFields(other, new GraphPermissionVerifierBuilder(other), "", none);
      }
    } finally {
      java.nio.file.Files.delete(pem);
    }
    assertThat(none.stream().filter(n -> n.equals("http.jdk")).count()).isEqualTo(3);
    assertThat(none.stream().filter(n -> n.equals("credentials.perTenant")).count()).isEqualTo(3);
    assertThat(none.stream().filter(n -> n.equals("credentials.shared")).count()).isEqualTo(3);
    assertThat(none.stream().filter(n -> n.equals("credentials.certificatePath")).count()).isEqualTo(3);
  }

  @Test
  void fromRefusesNull() {
    assertThatThrownBy(() -> GraphPermissionVerifier.from(null))
        .isInstanceOf(NullPointerException.class);
  }

  /**
   * Every instance field of {@code a} has an equal value in {@code b}; the builder's own helpers
   * (credential sources, limits, HTTP clients) are compared field by field, and fields still null are listed.
   */
  private static void assertSameFields(Object a, Object b, String path, List<String> unset)
      throws IllegalAccessException {
    for (Field f : a.getClass().getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      f.setAccessible(true);
      Object av = f.get(a);
      Object bv = f.get(b);
      String name = path + f.getName();
      if (av == null) {
        unset.add(name);
        assertThat(bv).as(name).isNull();
      } else if (av instanceof CredentialSources || av instanceof VerifierLimits
          || av instanceof HttpClientSettings) {
        assertThat(bv).as(name).isNotSameAs(av);
        assertSameFields(av, bv, name + ".", unset);
      } else if (av instanceof java.util.Map<?, ?> map) {
        assertThat(bv).as(name).isNotSameAs(av).isEqualTo(map);
      } else {
        assertThat(bv).as(name).isEqualTo(av);
      }
    }
  }
}
