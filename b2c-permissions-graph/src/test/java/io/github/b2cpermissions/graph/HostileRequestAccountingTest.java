package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import io.github.b2cpermissions.GraphThrottledException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.stub.BatchHandler;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubRequest;
import io.github.b2cpermissions.graph.stub.StubResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Every request that reaches the hostile stub is one the retry policy decided: the stub's own count
 * of what arrived equals the report's {@code graphRequestCount}, and the retry listener heard of
 * every retry, whatever the fault (503 with {@code Retry-After: 0}, which OkHttp would resend by
 * itself, 429, 504, 408, a dropped connection) and whatever HTTP client the caller passed.
 */
class HostileRequestAccountingTest {
  /** The stub verifier's policy allows three attempts. */
  private static final int MAX_ATTEMPTS = 3;

  private final List<GraphRetryEvent> retries = new CopyOnWriteArrayList<>();

  /** Answers the first {@code times} {@code $batch} POSTs with {@code fault}, then normally. */
  private static Function<StubRequest, StubResponse> firstBatches(int times, StubResponse fault) {
    AtomicInteger seen = new AtomicInteger();
    return r -> r.path().endsWith("/$batch") && seen.incrementAndGet() <= times ? fault : null;
  }

  private VerificationReport verifyWithFault(int times, StubResponse fault, StubDirectory tenant,
      GraphStub stub) {
    stub.handler(BatchHandler.of(tenant).outer(firstBatches(times, fault)));
    try (GraphPermissionVerifier verifier =
        tenant.verifierBuilder(stub).retryListener(retries::add).build()) {
      return verifier.verify(tenant.tenantId);
    }
  }

  private void assertRecoveredAfterTwoRetries(StubResponse fault) {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start()) {
      VerificationReport report = verifyWithFault(2, fault, tenant, stub);

      assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(stub.count("POST", "/v1.0/$batch")).isEqualTo(3);
      assertThat(report.graphRequestCount()).isEqualTo(stub.requestCount()).isEqualTo(3);
      assertThat(retries).hasSize(2);
    }
  }

  private void assertPersistentFaultSendsExactlyTheAttempts(StubResponse fault, Class<?> failure) {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start()) {
      assertThatThrownBy(() -> verifyWithFault(Integer.MAX_VALUE, fault, tenant, stub))
          .isInstanceOf(failure);

      assertThat(stub.requestCount()).isEqualTo(MAX_ATTEMPTS);
      assertThat(retries).hasSize(MAX_ATTEMPTS - 1);
    }
  }

  @Test
  void unavailableWithZeroRetryAfterIsResentOnlyByThePolicy() {
    assertRecoveredAfterTwoRetries(StubResponse.unavailable(0));
  }

  @Test
  void persistentUnavailableWithZeroRetryAfterSendsExactlyMaxAttempts() {
    assertPersistentFaultSendsExactlyTheAttempts(
        StubResponse.unavailable(0), GraphUnavailableException.class);
  }

  @Test
  void throttledBatchIsResentOnlyByThePolicy() {
    assertRecoveredAfterTwoRetries(StubResponse.throttled(0, "Application"));
  }

  @Test
  void persistentThrottlingSendsExactlyMaxAttempts() {
    assertPersistentFaultSendsExactlyTheAttempts(
        StubResponse.throttled(0, "Application"), GraphThrottledException.class);
  }

  @Test
  void gatewayTimeoutIsResentOnlyByThePolicy() {
    assertRecoveredAfterTwoRetries(
        StubResponse.graphError(504, "UnknownError", "Gateway timeout."));
  }

  @Test
  void droppedConnectionIsResentOnlyByThePolicy() {
    assertRecoveredAfterTwoRetries(StubResponse.dropped());
  }

  @Test
  void persistentlyDroppedConnectionSendsExactlyMaxAttempts() {
    assertPersistentFaultSendsExactlyTheAttempts(
        StubResponse.dropped(), GraphUnavailableException.class);
  }

  @Test
  void requestTimeoutStatusIsNeverResentByTheHttpClient() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start()) {
      StubResponse fault = StubResponse.graphError(408, "RequestTimeout", "Request timed out.")
          .withHeader("Retry-After", "0");
      assertThatThrownBy(() -> verifyWithFault(Integer.MAX_VALUE, fault, tenant, stub))
          .isInstanceOf(UnexpectedGraphResponseException.class);

      assertThat(stub.requestCount()).isEqualTo(1);
      assertThat(retries).isEmpty();
    }
  }

  @Test
  void callersClientWithTheGraphSdkRetryHandlerStillSendsOnlyThePolicysAttempts() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start()) {
      OkHttpClient trusting = stub.okHttpClient();
      OkHttpClient withSdkHandlers = GraphClientFactory.create(
              Arrays.asList(GraphClientFactory.createDefaultGraphInterceptors(new GraphClientOption())))
          .sslSocketFactory(trusting.sslSocketFactory(), stubTrust(stub))
          .retryOnConnectionFailure(true)
          .build();
      stub.handler(BatchHandler.of(tenant).outer(firstBatches(Integer.MAX_VALUE,
          StubResponse.unavailable(0))));
      try (GraphPermissionVerifier verifier = tenant.verifierBuilder(stub)
          .httpClient(withSdkHandlers).retryListener(retries::add).build()) {
        assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
            .isInstanceOf(GraphUnavailableException.class);
      }

      assertThat(stub.requestCount()).isEqualTo(MAX_ATTEMPTS);
      assertThat(retries).hasSize(MAX_ATTEMPTS - 1);
    }
  }

  private static javax.net.ssl.X509TrustManager stubTrust(GraphStub stub) {
    return (javax.net.ssl.X509TrustManager) stub.okHttpClient().x509TrustManager();
  }
}
