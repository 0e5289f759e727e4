package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.graph.stub.BatchHandler;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubResponse;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

/**
 * How long the verifier waits before a retry (as its retry listener hears it), that a failed
 * request gives its request slot back, and how an unreachable token endpoint is reported. Fast
 * versions of what the hostile timing tests check, with waits of a few milliseconds, so that
 * mutation testing (which skips the timing tests) sees these behaviours too.
 */
class RetryWaitsAndRequestSlotsTest {
  private final List<GraphRetryEvent> retries = new CopyOnWriteArrayList<>();

  private static GraphRetryPolicy quick(int attempts, long initialMillis, long capMillis) {
    return GraphRetryPolicy.custom().maxAttempts(attempts)
        .initialBackoff(Duration.ofMillis(initialMillis)).maxBackoff(Duration.ofMillis(capMillis))
        .deadline(Duration.ofSeconds(10)).build();
  }

  @Test
  void backoffWaitsGrowFromTheInitialStepAndStopAtTheCap() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start()) {
      stub.handler(BatchHandler.of(tenant).outer(
          r -> StubResponse.graphError(503, "serviceNotAvailable", "Unavailable.")));
      try (GraphPermissionVerifier verifier = tenant.verifierBuilder(stub)
          .retryPolicy(quick(7, 4, 16)).retryListener(retries::add).build()) {
        assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
            .isInstanceOf(GraphUnavailableException.class)
            .hasMessageContaining("after 7 attempt(s)")
            .hasMessageContaining("HTTP 503");
      }
      assertThat(stub.requestCount()).isEqualTo(7);
    }
    assertThat(retries).extracting(GraphRetryEvent::failedAttempt).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(retries).allSatisfy(e -> assertThat(e.fromRetryAfter()).isFalse());
    // Equal jitter: each wait is between half its step and its step; steps 4, 8, 16, 16, 16, 16.
    long[] steps = {4, 8, 16, 16, 16, 16};
    for (int i = 0; i < steps.length; i++) {
      assertThat(retries.get(i).delay().toMillis()).as("wait after attempt %d", i + 1)
          .isBetween(steps[i] / 2, steps[i]);
    }
  }

  @Test
  void zeroInitialBackoffRetriesAtOnce() {
    StubDirectory tenant = StubDirectory.grantedAll();
    AtomicInteger batches = new AtomicInteger();
    try (GraphStub stub = tenant.start()) {
      stub.handler(BatchHandler.of(tenant).outer(r -> batches.incrementAndGet() <= 2
          ? StubResponse.graphError(504, "gatewayTimeout", "Timeout.") : null));
      try (GraphPermissionVerifier verifier = tenant.verifierBuilder(stub)
          .retryPolicy(quick(3, 0, 0)).retryListener(retries::add).build()) {
        assertThat(verifier.verify(tenant.tenantId).outcome())
            .isEqualTo(VerificationOutcome.SATISFIED);
      }
    }
    assertThat(retries).hasSize(2)
        .allSatisfy(e -> assertThat(e.delay()).isEqualTo(Duration.ZERO));
  }

  private void throttleTwoBatchItems(int organizationSeconds, int assignmentsSeconds,
      Duration expectedWait) {
    StubDirectory tenant = StubDirectory.grantedAll();
    AtomicInteger batches = new AtomicInteger();
    tenant.override = r -> {
      if (!r.inBatch() || batches.get() != 1) {
        return null;
      }
      if (r.path().equals("/v1.0/organization")) {
        return StubResponse.throttled(organizationSeconds, "Application");
      }
      if (r.path().contains("appRoleAssignments")) {
        return StubResponse.throttled(assignmentsSeconds, "Application");
      }
      return null;
    };
    try (GraphStub stub = tenant.start()) {
      stub.handler(BatchHandler.of(tenant).outer(r -> {
        batches.incrementAndGet();
        return null;
      }));
      try (GraphPermissionVerifier verifier =
          tenant.verifierBuilder(stub).retryListener(retries::add).build()) {
        assertThat(verifier.verify(tenant.tenantId).outcome())
            .isEqualTo(VerificationOutcome.SATISFIED);
      }
      assertThat(batches.get()).isEqualTo(2);
    }
    assertThat(retries).singleElement().satisfies(e -> {
      assertThat(e.fromRetryAfter()).isTrue();
      assertThat(e.failedAttempt()).isEqualTo(1);
      assertThat(e.delay()).isEqualTo(expectedWait);
    });
  }

  @Test
  void throttledBatchWaitsForTheLongestRetryAfterWhenItComesFirst() {
    throttleTwoBatchItems(1, 0, Duration.ofSeconds(1));
  }

  @Test
  void throttledBatchWaitsForTheLongestRetryAfterWhenItComesLast() {
    throttleTwoBatchItems(0, 1, Duration.ofSeconds(1));
  }

  @Test
  void aFailedRequestGivesItsRequestSlotBack() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start()) {
      stub.handler(BatchHandler.of(tenant).outer(
          r -> StubResponse.graphError(500, "InternalServerError", "Boom.")));
      try (GraphPermissionVerifier verifier = tenant.verifierBuilder(stub)
          .maxConcurrentRequests(1)
          .retryPolicy(GraphRetryPolicy.custom().maxAttempts(1)
              .deadline(Duration.ofSeconds(3)).build())
          .build()) {
        for (int i = 0; i < 3; i++) {
          assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
              .isInstanceOf(GraphUnavailableException.class)
              .hasMessageContaining("500");
        }
        stub.handler(BatchHandler.of(tenant));

        // One slot in all: had a failed request kept it, this check would find none free.
        assertThat(verifier.verify(tenant.tenantId).outcome())
            .isEqualTo(VerificationOutcome.SATISFIED);
        assertThat(verifier.verify(tenant.tenantId).outcome())
            .isEqualTo(VerificationOutcome.SATISFIED);
      }
    }
  }

  @Test
  void anUnreachableTokenEndpointIsUnavailableNotAnAuthenticationFailure() {
    StubDirectory tenant = StubDirectory.grantedAll();
    TokenCredential unreachable = request -> Mono.error(
        new ConnectException("Connection refused: login.example.test/127.0.0.1:1"));
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilder(stub)
            .credential(unreachable).build()) {
      assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
          .isInstanceOf(GraphUnavailableException.class)
          .isNotInstanceOf(AuthenticationFailedException.class)
          .hasMessageContaining("token endpoint for tenant " + tenant.tenantId + " could not be reached");
      assertThat(stub.requestCount()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Timeout waiting for login.example.test", "Read timed out",
      "Connection reset by peer", "failed to connect to login.example.test"})
  void aTokenRequestThatFailsOnTheNetworkIsUnavailable(String failure) {
    assertThat(tokenFailure(new IllegalStateException(failure)))
        .isInstanceOf(GraphUnavailableException.class)
        .hasMessageContaining("could not be reached");
  }

  @Test
  void aTokenRequestRefusedForAnotherReasonIsAnAuthenticationFailure() {
    assertThat(tokenFailure(new IllegalStateException("invalid_client: the secret is wrong")))
        .isInstanceOf(AuthenticationFailedException.class)
        .isNotInstanceOf(GraphUnavailableException.class);
  }

  private static Throwable tokenFailure(RuntimeException failure) {
    StubDirectory tenant = StubDirectory.grantedAll();
    TokenCredential failing = request -> Mono.error(failure);
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).credential(failing).build()) {
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
          () -> verifier.verify(tenant.tenantId));
      assertThat(stub.requestCount()).isZero();
      return thrown;
    }
  }

  @Test
  void awaitSatisfiedPausesLongerAndLongerBetweenChecks() {
    StubDirectory tenant = StubDirectory.grantedAll();
    tenant.revoke(io.github.b2cpermissions.B2cBackupPermission.AUDIT_LOG_READ_ALL.appRoleId());
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).build()) {
      assertThat(verifier.awaitSatisfied(tenant.tenantId, Duration.ofMillis(1500)).outcome())
          .isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);

      // Pauses of 75, 150, 300, 600 ms leave room for at most five checks in 1.5 s (a slow
      // machine fits fewer); checks without pauses, or with shrinking ones, would number dozens.
      assertThat(stub.count("POST", "/v1.0/$batch")).isBetween(1L, 5L);
    }
  }
}
