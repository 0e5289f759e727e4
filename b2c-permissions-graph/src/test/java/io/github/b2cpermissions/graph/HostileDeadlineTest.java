package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.graph.stub.BatchHandler;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The policy's deadline bounds a whole check, waits included, and the request timeout bounds each
 * request end to end. The time bounds asserted here are correctness bounds (a check must end by its
 * deadline, plus generous slack for a loaded build machine), never speed targets: each one is far
 * below what the check would take if the wait in question were not bounded.
 */
class HostileDeadlineTest {
  private static final Duration SLACK = Duration.ofSeconds(3);

  private static GraphRetryPolicy policy(int attempts, Duration deadline) {
    return GraphRetryPolicy.custom().maxAttempts(attempts).initialBackoff(Duration.ofMillis(5))
        .maxBackoff(Duration.ofMillis(20)).deadline(deadline).build();
  }

  private static Duration elapsedSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Test
  void waitingForARequestSlotEndsAtTheChecksDeadline() throws Exception {
    StubDirectory tenant = StubDirectory.grantedAll();
    Duration deadline = Duration.ofSeconds(2);
    try (GraphStub stub = tenant.start()) {
      AtomicInteger batches = new AtomicInteger();
      // The first $batch holds the only request slot far past the deadline.
      stub.handler(BatchHandler.of(tenant).outer(r -> batches.incrementAndGet() == 1
          ? StubResponse.json(200, "{}").delayed(Duration.ofSeconds(20)) : null));
      try (GraphPermissionVerifier verifier = tenant.verifierBuilder(stub)
          .maxConcurrentRequests(1)
          .requestTimeout(Duration.ofSeconds(30))
          .retryPolicy(policy(1, Duration.ofSeconds(12)))
          .build()) {
        CompletableFuture<?> holder = verifier.verifyAsync(tenant.tenantId);
        while (stub.requestCount() == 0 && !holder.isDone()) {
          Thread.sleep(10);
        }
        long start = System.nanoTime();
        // A second check on the same verifier, bounded to 2 s, waits for the slot the first holds
        // for 12 s: its own deadline must end the wait.
        assertThatThrownBy(() -> verifier.awaitSatisfied(tenant.tenantId, deadline))
            .isInstanceOf(GraphUnavailableException.class)
            .hasMessageContaining("maxConcurrentRequests");
        assertThat(elapsedSince(start)).isLessThan(deadline.plus(SLACK));
        assertThat(stub.requestCount()).isEqualTo(1);
        holder.cancel(true);
      }
    }
  }

  @Test
  void drippingServerFailsEachRequestAtTheRequestTimeoutNotAtTheDeadline() {
    StubDirectory tenant = StubDirectory.grantedAll();
    Duration requestTimeout = Duration.ofSeconds(1);
    try (GraphStub stub = tenant.start()) {
      stub.handler(BatchHandler.of(tenant).outer(r -> StubResponse.json(200,
          "{\"responses\":[{\"id\":\"1\",\"status\":200,\"body\":{}}]}")
          .dripped(Duration.ofMillis(500))));
      try (GraphPermissionVerifier verifier = tenant.verifierBuilder(stub)
          .requestTimeout(requestTimeout)
          .retryPolicy(policy(2, Duration.ofSeconds(30)))
          .build()) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
            .isInstanceOf(GraphUnavailableException.class)
            .hasMessageContaining("timeout");

        // Two attempts of one request timeout each, far inside the 30 s deadline.
        assertThat(elapsedSince(start)).isLessThan(requestTimeout.multipliedBy(2).plus(SLACK));
        assertThat(stub.count("POST", "/v1.0/$batch")).isEqualTo(2);
      }
    }
  }

  @Test
  void tokenThatNeverComesEndsTheCheckAtItsDeadline() {
    StubDirectory tenant = StubDirectory.grantedAll();
    Duration deadline = Duration.ofSeconds(1);
    TokenCredential silent = request -> Mono.<AccessToken>never();
    try (GraphStub stub = tenant.start();
        GraphPermissionVerifier verifier = tenant.verifierBuilder(stub)
            .credential(silent).retryPolicy(policy(3, deadline)).build()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> verifier.verify(tenant.tenantId))
          .isInstanceOf(GraphUnavailableException.class)
          .hasMessageContaining("token endpoint");

      assertThat(elapsedSince(start)).isLessThan(deadline.plus(SLACK));
      assertThat(stub.requestCount()).isZero();
    }
  }
}
