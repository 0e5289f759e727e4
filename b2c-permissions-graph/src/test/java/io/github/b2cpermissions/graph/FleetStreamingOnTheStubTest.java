package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubTenants;
import io.github.b2cpermissions.graph.stub.StubTokens;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The streaming fleet API: results to a sink as they finish, without holding the fleet. */
class FleetStreamingOnTheStubTest {

  @Test
  void everyElementIsCheckedAsGivenAndItsResultGoesToTheSink() {
    StubDirectory a = StubDirectory.grantedAll();
    StubDirectory b = StubDirectory.grantedAll();
    List<TenantVerification> seen = new ArrayList<>();
    try (GraphStub stub = StubTenants.start(a, b);
        GraphPermissionVerifier v = a.verifierBuilderWithoutCredential(stub).fleetConcurrency(2)
            .credentials(id -> StubTokens.credential(id.equals(a.tenantId) ? a::token : b::token))
            .build()) {
      long read = v.verifyEach(List.of(a.tenantId, b.tenantId, a.tenantId, "not a tenant").iterator(),
          seen::add);
      assertThat(read).isEqualTo(4);
    }
    // The sink is called one at a time, so a plain list is enough.
    assertThat(seen).hasSize(4);
    assertThat(seen).filteredOn(TenantVerification::isSatisfied).extracting(TenantVerification::tenantId)
        .containsExactlyInAnyOrder(a.tenantId, a.tenantId, b.tenantId);
    assertThat(seen).filteredOn(r -> r.failure().isPresent()).singleElement()
        .satisfies(r -> assertThat(r.failure().orElseThrow().getMessage()).contains("not a tenant id"));
  }

  @Test
  void theIteratorIsReadOnlyAsFarAsTheConcurrencyAllowsAndAThrowingSinkIsIgnored() {
    StubDirectory t = StubDirectory.grantedAll();
    AtomicInteger ahead = new AtomicInteger();
    AtomicInteger maxAhead = new AtomicInteger();
    AtomicInteger delivered = new AtomicInteger();
    Iterator<String> ids = new Iterator<>() {
      int left = 12;

      @Override
      public boolean hasNext() {
        return left > 0;
      }

      @Override
      public String next() {
        left--;
        maxAhead.accumulateAndGet(ahead.incrementAndGet(), Math::max);
        return t.tenantId;
      }
    };
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).fleetConcurrency(3).build()) {
      assertThat(v.verifyEach(ids, r -> {
        ahead.decrementAndGet();
        delivered.incrementAndGet();
        throw new IllegalStateException("a sink that throws");
      })).isEqualTo(12);
    }
    assertThat(delivered).hasValue(12);
    assertThat(maxAhead.get()).isBetween(1, 3);
  }

  @Test
  void aStreamOfIdsIsConsumedAndClosed() {
    StubDirectory t = StubDirectory.grantedAll();
    AtomicInteger closed = new AtomicInteger();
    AtomicInteger satisfied = new AtomicInteger();
    try (GraphStub stub = t.start(); GraphPermissionVerifier v = t.verifierBuilder(stub).build()) {
      long n = v.verifyEach(Stream.of(t.tenantId, t.tenantId).onClose(closed::incrementAndGet), r -> {
        if (r.isSatisfied()) {
          satisfied.incrementAndGet();
        }
      });
      assertThat(n).isEqualTo(2);
    }
    assertThat(closed).hasValue(1);
    assertThat(satisfied).hasValue(2);
  }
}
