package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.b2cpermissions.GraphThrottledException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.VerificationCancelledException;
import io.github.b2cpermissions.graph.stub.BatchHandler;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubResponse;
import io.github.b2cpermissions.graph.stub.StubTokens;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What bounds a check on the hostile stub and what it says when it ends: the {@code awaitSatisfied}
 * timeout bounds each check inside it, a check cancelled while it ran ends as cancelled whatever
 * failed after, and the answers of a {@code $batch} whose budget ran out keep their status, their
 * {@code Retry-After} and the number of attempts.
 */
class CheckBoundsOnTheStubTest {
  private static final long SAFETY_SECONDS = 10;

  private static GraphRetryPolicy patient(int attempts) {
    return GraphRetryPolicy.custom().maxAttempts(attempts).initialBackoff(Duration.ofMillis(1))
        .maxBackoff(Duration.ofMillis(2)).deadline(Duration.ofSeconds(60)).build();
  }

  private static void hold(CountDownLatch release) {
    try {
      release.await(SAFETY_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void awaitSatisfiedEndsACheckThatWouldRunPastItsTimeout() {
    StubDirectory tenant = StubDirectory.grantedAll();
    CountDownLatch release = new CountDownLatch(1);
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier =
            tenant.verifierBuilder(stub).retryPolicy(patient(3)).build()) {
      // The stub would answer SATISFIED, but only once released: after the await's timeout.
      stub.handler(BatchHandler.of(tenant).outer(r -> {
        hold(release);
        return null;
      }));
      Throwable thrown = catchThrowable(
          () -> verifier.awaitSatisfied(tenant.tenantId, Duration.ofMillis(1500)));
      release.countDown();
      assertThat(thrown).isInstanceOf(GraphUnavailableException.class);
    } finally {
      release.countDown();
    }
  }

  @Test
  void aCheckClosedWhileItRanEndsAsCancelledEvenWhenItsTokenIsThenRefused() {
    StubDirectory tenant = StubDirectory.grantedAll();
    AtomicReference<GraphPermissionVerifier> self = new AtomicReference<>();
    try (GraphStub stub = tenant.start()) {
      GraphPermissionVerifier verifier = tenant.verifierBuilderWithoutCredential(stub)
          .credential(StubTokens.credential(() -> {
            self.get().close();
            return "not-a-token";
          })).build();
      self.set(verifier);
      assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
          .isInstanceOf(VerificationCancelledException.class)
          .hasMessageContaining("while it ran")
          .hasMessageContaining("the verifier was closed");
      assertThat(stub.requestCount()).isZero();
    }
  }

  @Test
  void aBatchItemStillThrottledWhenTheBudgetIsSpentKeepsItsRetryAfterAndAttempts() {
    StubDirectory tenant = StubDirectory.grantedAll();
    tenant.override = r -> r.path().equals("/v1.0/organization")
        ? StubResponse.throttled(0, "Application") : null;
    List<String> reasons = new CopyOnWriteArrayList<>();
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).retryPolicy(patient(2))
            .retryListener(e -> reasons.add(e.reason())).build()) {
      Throwable thrown = catchThrowable(() -> verifier.verify(tenant.tenantId));
      assertThat(thrown).isInstanceOf(GraphThrottledException.class)
          .hasMessageContaining("the organization")
          .hasMessageContaining("after 2 attempt(s)")
          .hasMessageContaining("last Retry-After 0 s");
      GraphThrottledException throttled = (GraphThrottledException) thrown;
      assertThat(throttled.retryAfter()).contains(Duration.ZERO);
      assertThat(stub.count("POST", "/v1.0/$batch")).isEqualTo(2);
      assertThat(reasons).containsExactly("HTTP 429 inside $batch");
    }
  }

  @Test
  void throttlingInsideABatchIsNamedAs429EvenNextToAnUnavailableItem() {
    // The organization is the third item of the cold $batch, the assignments the fourth.
    assertThat(reasonsOfFirstRetry(StubResponse.unavailable(0), StubResponse.throttled(0, "App")))
        .containsExactly("HTTP 429 inside $batch");
    assertThat(reasonsOfFirstRetry(StubResponse.throttled(0, "App"), StubResponse.unavailable(0)))
        .containsExactly("HTTP 429 inside $batch");
  }

  private static List<String> reasonsOfFirstRetry(StubResponse organization, StubResponse assignments) {
    StubDirectory tenant = StubDirectory.grantedAll();
    tenant.override = r -> r.path().equals("/v1.0/organization") ? organization
        : r.path().endsWith("/appRoleAssignments") ? assignments : null;
    List<String> reasons = new CopyOnWriteArrayList<>();
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).retryPolicy(patient(2))
            .retryListener(e -> reasons.add(e.reason())).build()) {
      catchThrowable(() -> verifier.verify(tenant.tenantId));
    }
    return reasons;
  }

  @Test
  void theHigherOf503And504InsideABatchIsTheReasonGiven() {
    StubDirectory tenant = StubDirectory.grantedAll();
    StubResponse timedOut = StubResponse.graphError(504, "gatewayTimeout", "Gateway timeout.");
    tenant.override = r -> r.path().equals("/v1.0/organization") ? StubResponse.unavailable(0)
        : r.path().endsWith("/appRoleAssignments") ? timedOut : null;
    List<String> reasons = new CopyOnWriteArrayList<>();
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).retryPolicy(patient(2))
            .retryListener(e -> reasons.add(e.reason())).build()) {
      Throwable thrown = catchThrowable(() -> verifier.verify(tenant.tenantId));
      assertThat(reasons).containsExactly("HTTP 504 inside $batch");
      assertThat(thrown).isInstanceOf(GraphUnavailableException.class);
    }
  }

  @Test
  void a500OnTheBatchIsUnavailableAndNotRetried() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier =
            tenant.verifierBuilder(stub).retryPolicy(patient(3)).build()) {
      stub.handler(r -> StubResponse.graphError(500, "InternalServerError", "Boom."));
      assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
          .isInstanceOf(GraphUnavailableException.class)
          .hasMessageContaining("with 500 (not retried");
      assertThat(stub.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void a504OnTheBatchIsRetriedAndRecovers() {
    StubDirectory tenant = StubDirectory.grantedAll();
    AtomicReference<Boolean> first = new AtomicReference<>(Boolean.TRUE);
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier =
            tenant.verifierBuilder(stub).retryPolicy(patient(3)).build()) {
      stub.handler(BatchHandler.of(tenant).outer(r -> first.getAndSet(Boolean.FALSE)
          ? StubResponse.graphError(504, "gatewayTimeout", "Gateway timeout.") : null));
      assertThat(verifier.verify(tenant.tenantId).isSatisfied()).isTrue();
      assertThat(stub.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void anEmptyBodyOnASuccessfulBatchIsUnexpectedAndSaysSo() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier =
            tenant.verifierBuilder(stub).retryPolicy(patient(3)).build()) {
      stub.handler(r -> new StubResponse(200, java.util.Map.of(), new byte[0], Duration.ZERO,
          Duration.ZERO, false));
      assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
          .isInstanceOf(UnexpectedGraphResponseException.class)
          .hasMessageContaining("with 200 and an empty body");
    }
  }

  @Test
  void aBatchAnswerOver16MegabytesIsRefusedUnread() {
    StubDirectory tenant = StubDirectory.grantedAll();
    byte[] huge = new byte[16 * 1024 * 1024 + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier =
            tenant.verifierBuilder(stub).retryPolicy(patient(3)).build()) {
      stub.handler(r -> new StubResponse(200, java.util.Map.of("Content-Type", "application/json"),
          huge, Duration.ZERO, Duration.ZERO, false));
      assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
          .isInstanceOf(UnexpectedGraphResponseException.class)
          .hasMessageContaining("with 200 and a body over 16 MB");
    }
  }
}
