package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.FailureKind;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.VerificationCancelledException;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.stub.BatchHandler;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a {@code verifyAsync} future, or closing the verifier, stops the check in flight: no
 * request reaches the hostile stub afterwards, and nothing is reported after close. A check that
 * was not stopped would take the stub's scripted delay (seconds) and then answer; the bounds below
 * are far shorter than those delays, so they separate stopped from not stopped.
 */
class HostileCancelAndCloseTest {

  private static void awaitRequests(GraphStub stub, int count) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (stub.requestCount() < count && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(stub.requestCount()).isEqualTo(count);
  }

  private static GraphRetryPolicy manyAttempts() {
    return GraphRetryPolicy.custom().maxAttempts(10).initialBackoff(Duration.ofMillis(5))
        .maxBackoff(Duration.ofMillis(20)).deadline(Duration.ofSeconds(30)).build();
  }

  @Test
  void cancelledFutureSendsNoFurtherRequest() throws Exception {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start()) {
      // Every $batch fails after a second, so a check left running would retry again and again.
      stub.handler(BatchHandler.of(tenant).outer(
          r -> StubResponse.unavailable(0).delayed(Duration.ofSeconds(1))));
      try (GraphPermissionVerifier verifier =
          tenant.verifierBuilder(stub).retryPolicy(manyAttempts()).build()) {
        CompletableFuture<VerificationReport> future = verifier.verifyAsync(tenant.tenantId);
        awaitRequests(stub, 1);

        assertThat(future.cancel(true)).isTrue();
        Thread.sleep(2_500);

        assertThat(stub.requestCount()).isEqualTo(1);
      }
    }
  }

  @Test
  void closeDuringACheckEndsItWithACancellationInsteadOfAReport() throws Exception {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start()) {
      AtomicBatch first = new AtomicBatch();
      stub.handler(BatchHandler.of(tenant).outer(
          r -> first.next() ? StubResponse.json(200, "{}").delayed(Duration.ofSeconds(5)) : null));
      GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).build();
      CompletableFuture<VerificationReport> future = verifier.verifyAsync(tenant.tenantId);
      awaitRequests(stub, 1);

      verifier.close();

      assertThatThrownBy(() -> future.get(2, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(VerificationCancelledException.class)
          .hasMessageContaining("closed");
      assertThat(stub.requestCount()).isEqualTo(1);
      assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void closeEndsAwaitSatisfiedBetweenChecks() throws Exception {
    StubDirectory tenant = StubDirectory.grantedAll();
    tenant.revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL.appRoleId());
    try (GraphStub stub = tenant.start()) {
      GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).build();
      CompletableFuture<VerificationReport> waiting =
          CompletableFuture.supplyAsync(() -> verifier.awaitSatisfied(tenant.tenantId,
              Duration.ofSeconds(60)));
      awaitRequests(stub, 1);

      verifier.close();

      assertThatThrownBy(() -> waiting.get(2, TimeUnit.SECONDS))
          .hasCauseInstanceOf(VerificationCancelledException.class);
      int afterClose = stub.requestCount();
      Thread.sleep(1_500);
      assertThat(stub.requestCount()).isEqualTo(afterClose);
    }
  }

  @Test
  void closeDuringAFleetCheckFailsTheUnfinishedTenantsAsCancelled() throws Exception {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start()) {
      stub.handler(BatchHandler.of(tenant).outer(
          r -> StubResponse.json(200, "{}").delayed(Duration.ofSeconds(5))));
      GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).fleetConcurrency(1).build();
      CompletableFuture<FleetVerification> fleet = CompletableFuture.supplyAsync(
          () -> verifier.verifyFleet(List.of(tenant.tenantId, "fabrikam.onmicrosoft.com")));
      awaitRequests(stub, 1);

      verifier.close();

      FleetVerification result = fleet.get(3, TimeUnit.SECONDS);
      assertThat(result.results()).hasSize(2).allSatisfy(r -> {
        assertThat(r.report()).isEmpty();
        assertThat(r.failureKind()).contains(FailureKind.CANCELLED);
      });
      assertThat(stub.requestCount()).isEqualTo(1);
    }
  }

  /** True for the first {@code $batch} only. */
  private static final class AtomicBatch {
    private final java.util.concurrent.atomic.AtomicInteger seen =
        new java.util.concurrent.atomic.AtomicInteger();

    boolean next() {
      return seen.incrementAndGet() == 1;
    }
  }
}
