package io.github.b2cpermissions.graph.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.GraphThrottledException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import io.github.b2cpermissions.graph.stub.GraphStub;
import io.github.b2cpermissions.graph.stub.StubResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The throttle budget's seam: asked before every request, told of every throttling signal. */
class RequestPermitsTest {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private GraphTransport transport(GraphStub stub, RequestPermits permits, int maxAttempts) {
    RetrySettings retry = new RetrySettings(maxAttempts, Duration.ofMillis(1), Duration.ofMillis(5),
        Duration.ofSeconds(5), Duration.ofSeconds(20));
    return new GraphTransport(GraphHttpClients.okHttpWire(stub.okHttpClient(), 8, Duration.ofSeconds(10)),
        URI.create(stub.baseUri() + "/v1.0"), retry, new InFlightLimit(8, 8, timer), permits,
        Duration.ofSeconds(10), (t, r, a, why, d, h) -> {}, Clock.systemUTC(), timer);
  }

  private static CallContext ctx() {
    return new CallContext("t", System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
  }

  @Test
  void everyAttemptAsksBeforeItLeavesAndEvery429IsHandedOverParsed() throws Exception {
    List<OutgoingRequest> asked = new CopyOnWriteArrayList<>();
    List<ThrottleNotice> told = new CopyOnWriteArrayList<>();
    RequestPermits permits = new RequestPermits() {
      @Override
      public CompletableFuture<Void> beforeSend(OutgoingRequest request) {
        asked.add(request);
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public void onThrottle(ThrottleNotice notice) {
        told.add(notice);
      }
    };
    try (GraphStub stub = GraphStub.start(r -> StubResponse.throttled(0, "Application")
        .withHeader("x-ms-throttle-limit-percentage", "0.95"))) {
      CallContext ctx = ctx();
      assertThatThrownBy(() -> transport(stub, permits, 2).get(ctx, "organization").join())
          .hasCauseInstanceOf(GraphThrottledException.class);
      assertThat(stub.requestCount()).isEqualTo(2);
      assertThat(ctx.requestCount()).isEqualTo(2);
    }
    assertThat(asked).extracting(OutgoingRequest::attempt).containsExactly(1, 2);
    assertThat(asked.get(0).path()).isEqualTo("/v1.0/organization");
    assertThat(told).hasSize(2).allSatisfy(n -> {
      assertThat(n.status()).isEqualTo(429);
      assertThat(n.scope()).isEqualTo("Application");
      assertThat(n.limitPercentage()).isEqualTo(0.95);
      assertThat(n.retryAfter()).isEqualTo(Duration.ZERO);
      assertThat(n.batchItem()).isFalse();
    });
  }

  @Test
  void aPermitThatNeverComesEndsAtTheDeadlineWithNothingSent() {
    RequestPermits never = request -> new CompletableFuture<>();
    try (GraphStub stub = GraphStub.start(r -> StubResponse.json(200, "{}"))) {
      CallContext shortCheck = new CallContext("t", System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));
      assertThatThrownBy(() -> transport(stub, never, 1).get(shortCheck, "organization").join())
          .hasCauseInstanceOf(GraphUnavailableException.class);
      assertThat(stub.requestCount()).isZero();
    }
  }

  @Test
  void aRefusedPermitFailsTheRequestWithItsException() {
    RequestPermits refusing = request -> CompletableFuture.failedFuture(
        new GraphThrottledException("budget spent", "t", Duration.ofSeconds(3), 0));
    try (GraphStub stub = GraphStub.start(r -> StubResponse.json(200, "{}"))) {
      assertThatThrownBy(() -> transport(stub, refusing, 1).get(ctx(), "organization").join())
          .hasCauseInstanceOf(GraphThrottledException.class).hasMessageContaining("budget spent");
      assertThat(stub.requestCount()).isZero();
    }
  }

  @Test
  void throttledItemsInsideABatchAreHandedOverOneByOne() {
    List<ThrottleNotice> told = new CopyOnWriteArrayList<>();
    RequestPermits permits = new RequestPermits() {
      @Override
      public CompletableFuture<Void> beforeSend(OutgoingRequest request) {
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public void onThrottle(ThrottleNotice notice) {
        told.add(notice);
      }
    };
    String answer = "{\"responses\":[{\"id\":\"1\",\"status\":200,\"body\":{}},"
        + "{\"id\":\"2\",\"status\":429,\"headers\":{\"Retry-After\":\"7\",\"x-ms-throttle-scope\":"
        + "\"Tenant_Application/ReadWrite/t/app\"},\"body\":{}}]}";
    try (GraphStub stub = GraphStub.start(r -> StubResponse.json(200, answer))) {
      List<GraphResponse> r = transport(stub, permits, 1).batchGet(ctx(), List.of("/a", "/b")).join();
      assertThat(r.get(1).status()).isEqualTo(429);
    }
    assertThat(told).singleElement().satisfies(n -> {
      assertThat(n.batchItem()).isTrue();
      assertThat(n.scope()).startsWith("Tenant_Application");
      assertThat(n.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    });
  }
}
