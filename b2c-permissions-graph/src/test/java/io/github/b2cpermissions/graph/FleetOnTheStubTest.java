package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.FailureKind;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubTenants;
import io.github.b2cpermissions.graph.stub.StubTokens;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fleet checks on the hostile stub: progress reports, a tenant whose check dies with an error, and
 * an executor that refuses work.
 */
class FleetOnTheStubTest {

  @Test
  void progressCountsEveryElementUpToTheTotalAndAThrowingListenerIsIgnored() {
    StubDirectory a = StubDirectory.grantedAll();
    StubDirectory b = StubDirectory.grantedAll();
    StubDirectory c = StubDirectory.grantedAll();
    List<Integer> done = new CopyOnWriteArrayList<>();
    List<Integer> totals = new CopyOnWriteArrayList<>();
    try (GraphStub stub = StubTenants.start(a, b, c);
        GraphPermissionVerifier v = a.verifierBuilderWithoutCredential(stub).fleetConcurrency(1)
            .credentials(id -> StubTokens.credential(
                id.equals(a.tenantId) ? a::token : id.equals(b.tenantId) ? b::token : c::token))
            .build()) {
      FleetVerification fleet = v.verifyFleet(List.of(a.tenantId, b.tenantId, c.tenantId),
          (result, n, total) -> {
            done.add(n);
            totals.add(total);
            throw new IllegalStateException("a listener that throws");
          });
      assertThat(fleet.satisfiedCount()).isEqualTo(3);
      assertThat(fleet.results()).extracting(TenantVerification::tenantId)
          .containsExactly(a.tenantId, b.tenantId, c.tenantId);
    }
    assertThat(done).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(totals).containsOnly(3);
  }

  @Test
  void tenantWhoseCheckDiesWithAnErrorFailsInItsPlaceAndTheOthersFinish() {
    StubDirectory good = StubDirectory.grantedAll();
    String bad = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    try (GraphStub stub = good.start();
        GraphPermissionVerifier v = good.verifierBuilderWithoutCredential(stub).credentials(id -> {
          if (id.equals(bad)) {
            throw new AssertionError("boom");
          }
          return StubTokens.credential(good::token);
        }).build()) {
      FleetVerification fleet = v.verifyFleet(List.of(bad, good.tenantId));
      assertThat(fleet.satisfiedCount()).isEqualTo(1);
      TenantVerification failed = fleet.results().get(0);
      assertThat(failed.tenantId()).isEqualTo(bad);
      assertThat(failed.resolvedTenantId()).contains(bad);
      assertThat(failed.failure()).get().extracting(Throwable::getMessage)
          .isEqualTo("the check of tenant " + bad + " died with an error");
      assertThat(fleet.results().get(1).isSatisfied()).isTrue();
    }
  }

  @Test
  void executorThatRefusesWorkFailsEachCheckSayingSo() throws Exception {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilder(stub).executor(command -> {
          throw new RejectedExecutionException("full");
        }).build()) {
      FleetVerification fleet = v.verifyFleet(List.of(t.tenantId));
      assertThat(fleet.results()).singleElement().satisfies(r -> {
        assertThat(r.failure()).get().extracting(Throwable::getMessage)
            .isEqualTo("the executor refused the check of tenant " + t.tenantId);
        assertThat(r.failure().orElseThrow()).hasCauseInstanceOf(RejectedExecutionException.class);
      });
      CompletableFuture<?> async = v.verifyAsync(t.tenantId);
      assertThatThrownBy(() -> async.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isExactlyInstanceOf(B2cPermissionsException.class)
          .hasMessage("the executor refused the check of tenant " + t.tenantId);
      assertThat(stub.requestCount()).isZero();
    }
  }

  @Test
  void callersExecutorIsLeftRunningAfterClose() throws Exception {
    StubDirectory t = StubDirectory.grantedAll();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(1);
    try (GraphStub stub = t.start()) {
      GraphPermissionVerifier v = t.verifierBuilder(stub).executor(pool).build();
      assertThat(v.verifyAsync(t.tenantId).get(30, TimeUnit.SECONDS).isSatisfied()).isTrue();
      v.close();
      assertThat(pool.isShutdown()).isFalse();
      assertThat(pool.submit(() -> 42).get(10, TimeUnit.SECONDS)).isEqualTo(42);
      assertThatThrownBy(() -> v.verifyFleet(List.of(t.tenantId)))
          .isInstanceOf(IllegalStateException.class);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void failureKindOfACredentialThatFailsIsAuthentication() {
    StubDirectory t = StubDirectory.grantedAll();
    try (GraphStub stub = t.start();
        GraphPermissionVerifier v = t.verifierBuilderWithoutCredential(stub).credentials(id -> {
          throw new IllegalStateException("vault down");
        }).build()) {
      assertThat(v.verifyFleet(List.of(t.tenantId)).results()).singleElement()
          .satisfies(r -> assertThat(r.failureKind()).contains(FailureKind.AUTHENTICATION));
    }
  }
}
