package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.stub.BatchHandler;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How the retry policy spends its budget against the hostile stub: exponential backoff that grows
 * up to its cap, the longest {@code Retry-After} among the throttled items of a {@code $batch},
 * request slots that are always given back, and {@code awaitSatisfied} pausing between checks.
 */
class HostileRetryPolicyTest {
  private final List<GraphRetryEvent> retries = new CopyOnWriteArrayList<>();

  @Test
  void backoffDoublesFromTheInitialStepAndStopsAtTheCap() {
    StubDirectory tenant = StubDirectory.grantedAll();
    long initial = 8;
    long cap = 32;
    GraphRetryPolicy policy = GraphRetryPolicy.custom().maxAttempts(6)
        .initialBackoff(Duration.ofMillis(initial)).maxBackoff(Duration.ofMillis(cap))
        .deadline(Duration.ofSeconds(10)).build();
    try (GraphStub stub = tenant.start()) {
      // 503 without Retry-After: the wait is the policy's own backoff.
      stub.handler(BatchHandler.of(tenant).outer(
          r -> StubResponse.graphError(503, "serviceNotAvailable", "Unavailable.")));
      try (GraphPermissionVerifier verifier = tenant.verifierBuilder(stub)
          .retryPolicy(policy).retryListener(retries::add).build()) {
        assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
            .isInstanceOf(GraphUnavailableException.class);
      }
      assertThat(stub.requestCount()).isEqualTo(6);
    }
    assertThat(retries).hasSize(5);
    for (GraphRetryEvent e : retries) {
      long ceiling = Math.min(cap, initial << (e.failedAttempt() - 1));
      assertThat(e.fromRetryAfter()).isFalse();
      assertThat(e.delay().toMillis()).as("attempt %d", e.failedAttempt())
          .isBetween(ceiling / 2, ceiling);
    }
    // 8, 16, 32, 32, 32: the later waits are capped, the first ones are not.
    assertThat(retries.get(0).delay().toMillis()).isLessThanOrEqualTo(8);
    assertThat(retries.get(2).delay().toMillis()).isGreaterThanOrEqualTo(16);
    assertThat(retries.get(4).delay().toMillis()).isLessThanOrEqualTo(32);
  }

  @Test
  void throttledBatchItemsWaitForTheLongestRetryAfter() {
    StubDirectory tenant = StubDirectory.grantedAll();
    AtomicInteger batches = new AtomicInteger();
    tenant.override = r -> {
      if (!r.inBatch() || batches.get() != 1) {
        return null;
      }
      if (r.path().equals("/v1.0/organization")) {
        return StubResponse.throttled(1, "Application");
      }
      if (r.path().contains("appRoleAssignments")) {
        return StubResponse.throttled(0, "Application");
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
        VerificationReport report = verifier.verify(tenant.tenantId);

        assertThat(report.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      }
    }
    assertThat(retries).singleElement().satisfies(e -> {
      assertThat(e.fromRetryAfter()).isTrue();
      assertThat(e.delay()).isEqualTo(Duration.ofSeconds(1));
    });
  }

  @Test
  void awaitSatisfiedPausesBetweenChecksAndSeesALateGrant() {
    StubDirectory tenant = StubDirectory.grantedAll();
    tenant.revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL.appRoleId());
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilder(stub).build()) {
      VerificationReport stillMissing = verifier.awaitSatisfied(tenant.tenantId,
          Duration.ofSeconds(2));

      assertThat(stillMissing.outcome()).isEqualTo(VerificationOutcome.MISSING_PERMISSIONS);
      // Waits of 100, 200, 400, 800 ms fit about five checks into 2 s; checks with no pause in
      // between would number in the dozens.
      assertThat(stub.count("POST", "/v1.0/$batch")).isBetween(2L, 8L);

      AtomicInteger batches = new AtomicInteger();
      stub.clearRequests();
      stub.handler(BatchHandler.of(tenant).outer(r -> {
        // Granted while the first check reads the directory: that check's token predates the
        // grant, the next check asks for a fresh token and sees it.
        if (batches.incrementAndGet() == 1) {
          tenant.grant(B2cBackupPermission.AUDIT_LOG_READ_ALL.appRoleId());
        }
        return null;
      }));
      VerificationReport granted = verifier.awaitSatisfied(tenant.tenantId, Duration.ofSeconds(20));

      assertThat(granted.outcome()).isEqualTo(VerificationOutcome.SATISFIED);
      assertThat(stub.count("POST", "/v1.0/$batch")).isEqualTo(2);
    }
  }
}
