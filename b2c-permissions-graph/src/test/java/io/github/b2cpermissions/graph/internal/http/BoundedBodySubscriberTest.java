package io.github.b2cpermissions.graph.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The JDK client's body collector: everything up to the bound, and a refusal one byte past it. */
class BoundedBodySubscriberTest {
  private static final int MAX = (int) GraphBodies.MAX_BODY_BYTES;

  /** A subscription that records what the subscriber asked of it. */
  private static final class Recorded implements Flow.Subscription {
    long requested;
    boolean cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private static BoundedBodySubscriber subscriber(int status, Long contentLength) {
    Map<String, List<String>> headers = contentLength == null ? Map.of()
        : Map.of("Content-Length", List.of(contentLength.toString()));
    HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
      @Override
      public int statusCode() {
        return status;
      }

      @Override
      public HttpHeaders headers() {
        return HttpHeaders.of(headers, (a, b) -> true);
      }

      @Override
      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
    return new BoundedBodySubscriber(info);
  }

  private static CompletableFuture<byte[]> body(BoundedBodySubscriber s) {
    return s.getBody().toCompletableFuture();
  }

  @Test
  void aDeclaredLengthOverTheBoundIsRefusedBeforeAnyByteIsRead() {
    BoundedBodySubscriber s = subscriber(200, (long) MAX + 1);
    Recorded sub = new Recorded();
    s.onSubscribe(sub);
    assertThat(sub.cancelled).isTrue();
    assertThat(sub.requested).isZero();
    assertThat(body(s)).failsWithin(0, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(BodyTooLarge.class);
  }

  @Test
  void aDeclaredLengthOfExactlyTheBoundIsRead() {
    BoundedBodySubscriber s = subscriber(200, (long) MAX);
    Recorded sub = new Recorded();
    s.onSubscribe(sub);
    assertThat(sub.cancelled).isFalse();
    assertThat(sub.requested).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void chunksUpToTheBoundAreKeptInOrder() {
    BoundedBodySubscriber s = subscriber(200, null);
    Recorded sub = new Recorded();
    s.onSubscribe(sub);
    s.onNext(List.of(ByteBuffer.wrap(new byte[] {1, 2}), ByteBuffer.wrap(new byte[] {3})));
    s.onNext(List.of(ByteBuffer.allocate(MAX - 4)));
    s.onNext(List.of(ByteBuffer.wrap(new byte[] {9})));
    s.onComplete();
    byte[] all = body(s).join();
    assertThat(all).hasSize(MAX);
    assertThat(all[0]).isEqualTo((byte) 1);
    assertThat(all[2]).isEqualTo((byte) 3);
    assertThat(all[MAX - 1]).isEqualTo((byte) 9);
    assertThat(sub.cancelled).isFalse();
  }

  @Test
  void oneBytePastTheBoundCancelsTheBodyAndIgnoresWhatFollows() {
    BoundedBodySubscriber s = subscriber(503, null);
    Recorded sub = new Recorded();
    s.onSubscribe(sub);
    s.onNext(List.of(ByteBuffer.allocate(MAX)));
    assertThat(sub.cancelled).isFalse();
    s.onNext(List.of(ByteBuffer.wrap(new byte[] {1})));
    assertThat(sub.cancelled).isTrue();
    s.onNext(List.of(ByteBuffer.wrap(new byte[] {2})));
    s.onComplete();
    assertThat(body(s)).failsWithin(0, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(BodyTooLarge.class)
        .satisfies(e -> assertThat(((BodyTooLarge) e.getCause()).status).isEqualTo(503));
  }

  @Test
  void aFailedBodyFailsTheFuture() {
    BoundedBodySubscriber s = subscriber(200, null);
    s.onSubscribe(new Recorded());
    IOException reset = new IOException("reset");
    s.onError(reset);
    assertThat(body(s)).failsWithin(0, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class).withCause(reset);
  }
}
