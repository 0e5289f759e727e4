package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.GraphThrottledException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.stub.BatchHandler;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubResponse;
import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import io.github.b2cpermissions.graph.stub.StubRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The verifier over the JDK's non-blocking {@code HttpClient} ({@code jdkHttpClient(...)}) on the
 * hostile stub: the same answers, retries, request accounting and bounds as over OkHttp, and
 * requests in flight that hold no thread each.
 */
class JdkHttpClientOnTheStubTest {
  private static final int MAX_ATTEMPTS = 3;

  private final ExecutorService clientThreads = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "jdk-client");
    t.setDaemon(true);
    return t;
  });

  @AfterEach
  void stopClientThreads() {
    clientThreads.shutdownNow();
  }

  private GraphPermissionVerifier verifier(StubDirectory tenant, GraphStub stub) {
    return tenant.verifierBuilderOverJdk(stub, stub.jdkHttpClient(clientThreads)).build();
  }

  private static Function<StubRequest, StubResponse> firstBatches(int times, StubResponse fault) {
    AtomicInteger seen = new AtomicInteger();
    return r -> r.path().endsWith("/$batch") && seen.incrementAndGet() <= times ? fault : null;
  }

  @Test
  void aFullyGrantedTenantIsSatisfiedWithOneCountedRequest() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start(); GraphPermissionVerifier verifier = verifier(tenant, stub)) {
      VerificationReport report = verifier.verify(tenant.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(report.graphRequestCount()).isEqualTo(stub.requestCount()).isPositive();
      assertThat(stub.requests().get(0).header("Authorization")).startsWith("Bearer ");
    }
  }

  @Test
  void aRevokedRoleIsReportedMissing() {
    StubDirectory tenant = StubDirectory.grantedAll();
    tenant.revoke(tenant.assignments.get(0).appRoleId());
    try (GraphStub stub = tenant.start(); GraphPermissionVerifier verifier = verifier(tenant, stub)) {
      assertThat(verifier.verify(tenant.tenantId).outcome())
          .isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
    }
  }

  @Test
  void assignmentsOnSeveralPagesAreAllRead() {
    StubDirectory tenant = StubDirectory.grantedAll();
    tenant.pageSize = 3;
    try (GraphStub stub = tenant.start(); GraphPermissionVerifier verifier = verifier(tenant, stub)) {
      VerificationReport report = verifier.verify(tenant.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(stub.count("GET", "/v1.0/servicePrincipals/")).isGreaterThanOrEqualTo(2);
      assertThat(report.graphRequestCount()).isEqualTo(stub.requestCount());
    }
  }

  @Test
  void unavailableWithZeroRetryAfterIsResentOnlyByThePolicyAndCounted() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start(); GraphPermissionVerifier verifier = verifier(tenant, stub)) {
      stub.handler(BatchHandler.of(tenant).outer(firstBatches(2, StubResponse.unavailable(0))));
      VerificationReport report = verifier.verify(tenant.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(stub.count("POST", "/v1.0/$batch")).isEqualTo(3);
      assertThat(report.graphRequestCount()).isEqualTo(stub.requestCount()).isEqualTo(3);
    }
  }

  @Test
  void persistentThrottlingSendsExactlyTheAttemptsAndIsThrottled() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start(); GraphPermissionVerifier verifier = verifier(tenant, stub)) {
      stub.handler(BatchHandler.of(tenant).outer(
          firstBatches(Integer.MAX_VALUE, StubResponse.throttled(0, "Application"))));
      assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
          .isInstanceOf(GraphThrottledException.class);
      assertThat(stub.requestCount()).isEqualTo(MAX_ATTEMPTS);
    }
  }

  @Test
  void aDroppedConnectionIsRetriedByThePolicy() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start(); GraphPermissionVerifier verifier = verifier(tenant, stub)) {
      stub.handler(BatchHandler.of(tenant).outer(firstBatches(1, StubResponse.dropped())));
      assertThat(verifier.verify(tenant.tenantId).outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(stub.count("POST", "/v1.0/$batch")).isEqualTo(2);
    }
  }

  @Test
  void aRequestTimeoutStatusIsNotResent() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start(); GraphPermissionVerifier verifier = verifier(tenant, stub)) {
      stub.handler(BatchHandler.of(tenant).outer(firstBatches(Integer.MAX_VALUE,
          StubResponse.graphError(408, "RequestTimeout", "Request timed out.")
              .withHeader("Retry-After", "0"))));
      assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
          .isInstanceOf(UnexpectedGraphResponseException.class);
      assertThat(stub.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void a401IsAnAuthenticationFailureAndNotRetried() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start(); GraphPermissionVerifier verifier = verifier(tenant, stub)) {
      stub.handler(r -> StubResponse.graphError(401, "InvalidAuthenticationToken", "Expired.")
          .withHeader("WWW-Authenticate", "Bearer realm=\"\""));
      assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
          .isInstanceOf(AuthenticationFailedException.class);
      assertThat(stub.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void aRedirectIsNotFollowedSoTheTokenStaysWithGraph() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start(); GraphPermissionVerifier verifier = verifier(tenant, stub)) {
      stub.handler(r -> StubResponse.json(302, "{}")
          .withHeader("Location", stub.baseUri() + "/elsewhere"));
      assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
          .isInstanceOf(UnexpectedGraphResponseException.class);
      assertThat(stub.requestCount()).isEqualTo(1);
      assertThat(stub.count("GET", "/elsewhere")).isZero();
    }
  }

  @Test
  void aDrippedAnswerIsCutAtTheRequestTimeoutAndRetried() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilderOverJdk(stub,
            stub.jdkHttpClient(clientThreads)).requestTimeout(Duration.ofMillis(400)).build()) {
      AtomicInteger batches = new AtomicInteger();
      stub.handler(BatchHandler.of(tenant).outer(r -> r.path().endsWith("/$batch")
          && batches.incrementAndGet() == 1
          ? StubResponse.json(200, "{\"responses\":[]}").dripped(Duration.ofMillis(300)) : null));
      VerificationReport report = verifier.verify(tenant.tenantId);
      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(batches.get()).isEqualTo(2);
    }
  }

  @Test
  void anAnswerOver16MegabytesIsRefused() {
    StubDirectory tenant = StubDirectory.grantedAll();
    byte[] huge = new byte[16 * 1024 * 1024 + 1];
    Arrays.fill(huge, (byte) ' ');
    try (GraphStub stub = tenant.start(); GraphPermissionVerifier verifier = verifier(tenant, stub)) {
      stub.handler(r -> new StubResponse(200, Map.of("Content-Type", "application/json"),
          huge, Duration.ZERO, Duration.ZERO, false));
      assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
          .isInstanceOf(UnexpectedGraphResponseException.class)
          .hasMessageContaining("with 200 and a body over 16 MB");
      assertThat(stub.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void cancellingACheckAbortsItsRequestAndSendsNoOther() throws Exception {
    StubDirectory tenant = StubDirectory.grantedAll();
    CountDownLatch release = new CountDownLatch(1);
    try (GraphStub stub = tenant.start(); GraphPermissionVerifier verifier = verifier(tenant, stub)) {
      stub.handler(BatchHandler.of(tenant).outer(r -> {
        await(release);
        return StubResponse.unavailable(0);
      }));
      CompletableFuture<VerificationReport> future = verifier.verifyAsync(tenant.tenantId);
      awaitRequests(stub, 1);
      assertThat(future.cancel(true)).isTrue();
      release.countDown();
      Thread.sleep(300);
      assertThat(stub.requestCount()).isEqualTo(1);
    } finally {
      release.countDown();
    }
  }

  @Test
  void requestsInFlightHoldNoThreadEach() throws Exception {
    // The verifier's own threads (a timer, four workers), the JDK client's selector and its two
    // callback threads: a constant, not one per request in flight.
    assertThat(threadsAddedWhileInFlight(true)).isLessThanOrEqualTo(12);
  }

  @Test
  void overOkHttpEachRequestInFlightHoldsAThread() throws Exception {
    // What jdkHttpClient(...) is for: OkHttp runs each call in flight on a dispatcher thread.
    assertThat(threadsAddedWhileInFlight(false)).isGreaterThanOrEqualTo(32);
  }

  /** Threads added while 32 checks each have a request held by the stub. */
  private int threadsAddedWhileInFlight(boolean jdk) throws Exception {
    // 32: where the in-flight limit's slow start begins, so all of them leave at once.
    int inFlight = 32;
    List<StubDirectory> tenants = new ArrayList<>();
    Map<String, StubDirectory> byId = new ConcurrentHashMap<>();
    for (int i = 0; i < inFlight; i++) {
      StubDirectory t = StubDirectory.grantedAll();
      tenants.add(t);
      byId.put(t.tenantId, t);
    }
    StubDirectory first = tenants.get(0);
    TokenCredential perTenant = request -> Mono.fromSupplier(() -> new AccessToken(
        byId.getOrDefault(String.valueOf(request.getTenantId()), first).token(),
        OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
    CountDownLatch release = new CountDownLatch(1);
    try (GraphStub stub = first.start()) {
      stub.handler(r -> {
        await(release);
        return StubResponse.unavailable(0);
      });
      int before = verifierSideThreads();
      GraphPermissionVerifierBuilder builder = jdk
          ? first.verifierBuilderOverJdk(stub, stub.jdkHttpClient(clientThreads))
          : first.verifierBuilder(stub);
      try (GraphPermissionVerifier verifier = builder.credential(perTenant)
          .maxConcurrentRequests(inFlight).fleetConcurrency(inFlight).build()) {
        List<CompletableFuture<VerificationReport>> checks = new ArrayList<>();
        for (StubDirectory t : tenants) {
          checks.add(verifier.verifyAsync(t.tenantId));
        }
        awaitRequests(stub, inFlight);
        int during = verifierSideThreads();
        release.countDown();
        for (CompletableFuture<VerificationReport> c : checks) {
          c.handle((r, e) -> null).get(20, TimeUnit.SECONDS);
        }
        return during - before;
      }
    } finally {
      release.countDown();
    }
  }

  @Test
  void aClientThatFollowsRedirectsIsRefusedByTheBuilder() {
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    assertThatThrownBy(() -> GraphPermissionVerifier.builder().jdkHttpClient(following))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("follows redirects");
  }

  @Test
  void aClientWithAnAuthenticatorIsRefusedByTheBuilder() {
    HttpClient answering = HttpClient.newBuilder().authenticator(new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication("u", new char[0]);
      }
    }).build();
    assertThatThrownBy(() -> GraphPermissionVerifier.builder().jdkHttpClient(answering))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("authenticator");
  }

  @Test
  void anOkHttpClientAndAJdkClientTogetherAreRefusedAtBuild() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start()) {
      GraphPermissionVerifierBuilder both = tenant.verifierBuilder(stub)
          .jdkHttpClient(stub.jdkHttpClient(clientThreads));
      assertThatThrownBy(both::build)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not both");
    }
  }

  @Test
  void aNullJdkClientIsRefused() {
    assertThatThrownBy(() -> GraphPermissionVerifier.builder().jdkHttpClient(null))
        .isInstanceOf(NullPointerException.class);
  }

  /** Live threads that are not the stub's own (its server threads grow with what it holds). */
  private static int verifierSideThreads() {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> !t.getName().startsWith("graph-stub"))
        .count();
  }

  private static void awaitRequests(GraphStub stub, int count) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (stub.requestCount() < count && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertThat(stub.requestCount()).isGreaterThanOrEqualTo(count);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
