package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.ConsentUrlBuilder;
import io.github.b2cpermissions.VerificationCancelledException;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.stub.BatchHandler;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubResponse;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a check and closing the verifier, on the hostile stub, without waiting on the clock:
 * the stub holds the check's {@code $batch} at a latch until the test has cancelled or closed, and
 * the test then waits for the check's thread to finish before it counts what reached the stub. (The
 * wall-clock variants, with delays and bounds in seconds, are in {@link HostileCancelAndCloseTest}.)
 */
class StopAndCloseOnTheStubTest {
  private static final long SAFETY_SECONDS = 10;

  private static void awaitRequests(GraphStub stub, int count) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(SAFETY_SECONDS);
    while (stub.requestCount() < count && System.nanoTime() < until) {
      Thread.sleep(2);
    }
    assertThat(stub.requestCount()).isEqualTo(count);
  }

  private static void hold(CountDownLatch release) {
    try {
      release.await(SAFETY_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static GraphRetryPolicy fiveQuickAttempts() {
    return GraphRetryPolicy.custom().maxAttempts(5).initialBackoff(Duration.ofMillis(1))
        .maxBackoff(Duration.ofMillis(2)).deadline(Duration.ofSeconds(60)).build();
  }

  @Test
  void cancellingTheFutureAbortsTheRequestInFlightAndSendsNoOther() throws Exception {
    StubDirectory tenant = StubDirectory.grantedAll();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (GraphStub stub = tenant.start()) {
      // Once released, every $batch answers 503: a check still running would try again.
      stub.handler(BatchHandler.of(tenant).outer(r -> {
        hold(release);
        return StubResponse.unavailable(0);
      }));
      try (GraphPermissionVerifier verifier =
          tenant.verifierBuilder(stub).retryPolicy(fiveQuickAttempts()).executor(pool).build()) {
        CompletableFuture<VerificationReport> future = verifier.verifyAsync(tenant.tenantId);
        awaitRequests(stub, 1);

        assertThat(future.cancel(true)).isTrue();
        release.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();

        assertThat(stub.requestCount()).isEqualTo(1);
      }
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void closeDuringARequestEndsTheCheckWithACancellationInsteadOfItsReport() throws Exception {
    StubDirectory tenant = StubDirectory.grantedAll();
    CountDownLatch release = new CountDownLatch(1);
    try (GraphStub stub = tenant.start()) {
      // Once released, the $batch is answered as the directory says: a satisfied tenant.
      stub.handler(BatchHandler.of(tenant).outer(r -> {
        hold(release);
        return null;
      }));
      GraphPermissionVerifier verifier =
          tenant.verifierBuilder(stub).retryPolicy(fiveQuickAttempts()).build();
      CompletableFuture<VerificationReport> future = verifier.verifyAsync(tenant.tenantId);
      awaitRequests(stub, 1);

      verifier.close();
      release.countDown();

      assertThatThrownBy(() -> future.get(SAFETY_SECONDS, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(VerificationCancelledException.class)
          .hasMessageContaining("the verifier was closed");
      assertThat(stub.requestCount()).isEqualTo(1);
    } finally {
      release.countDown();
    }
  }

  @Test
  void closeWhileTheReportIsBeingFinishedReportsNothing() {
    StubDirectory tenant = StubDirectory.grantedAll();
    tenant.revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL.appRoleId());
    AtomicReference<GraphPermissionVerifier> self = new AtomicReference<>();
    // The consent link of a MISSING_PERMISSIONS report is the check's last step: closing there
    // leaves no HTTP call or wait to cancel, only the report to hold back.
    ConsentUrlBuilder closing = new ConsentUrlBuilder() {
      @Override
      public AdminConsentRequest adminConsentUrl(String tenantId) {
        self.get().close();
        return new AdminConsentRequest(URI.create("https://login.example/adminconsent?state=s"), "s");
      }

      @Override
      public AdminConsentRequest adminConsentUrl(String tenantId, String state) {
        return adminConsentUrl(tenantId);
      }
    };
    try (GraphStub stub = tenant.start()) {
      GraphPermissionVerifier verifier =
          tenant.verifierBuilder(stub).retryPolicy(fiveQuickAttempts())
              .consentUrlBuilder(closing).build();
      self.set(verifier);
      assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
          .isInstanceOf(VerificationCancelledException.class)
          .hasMessageContaining("before its report was returned")
          .hasMessageContaining("the verifier was closed");
      assertThat(stub.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void executorRefusingWorkBecauseTheVerifierClosedFailsTheCheckAsClosedBeforeItStarted()
      throws Exception {
    StubDirectory tenant = StubDirectory.grantedAll();
    AtomicReference<GraphPermissionVerifier> self = new AtomicReference<>();
    try (GraphStub stub = tenant.start()) {
      GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).executor(command -> {
        self.get().close();
        throw new RejectedExecutionException("shut down");
      }).build();
      self.set(verifier);
      CompletableFuture<VerificationReport> future = verifier.verifyAsync(tenant.tenantId);
      assertThatThrownBy(() -> future.get(SAFETY_SECONDS, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isExactlyInstanceOf(VerificationCancelledException.class)
          .hasMessage("the verifier was closed before the check of tenant " + tenant.tenantId
              + " started")
          .hasCauseInstanceOf(RejectedExecutionException.class);
      assertThat(stub.requestCount()).isZero();
    }
  }

  @Test
  void aFailedCheckIsThrownAsItsOwnExceptionNotAsACancellation() {
    StubDirectory tenant = StubDirectory.grantedAll();
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).build()) {
      stub.handler(r -> StubResponse.graphError(400, "BadRequest", "Invalid request."));
      assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
          .isInstanceOf(B2cPermissionsException.class)
          .isNotInstanceOf(VerificationCancelledException.class)
          .hasMessageContaining("400");
    }
  }
}
