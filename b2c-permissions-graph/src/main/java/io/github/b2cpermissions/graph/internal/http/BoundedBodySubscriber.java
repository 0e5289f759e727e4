package io.github.b2cpermissions.graph.internal.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body of the JDK's {@code HttpClient} up to {@link
 * GraphBodies#MAX_BODY_BYTES}; past that it cancels the body and fails with {@link
 * BodyTooLarge}, so a hostile server cannot make the verifier buffer without bound.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
  private final int status;
  private final long declaredLength;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  BoundedBodySubscriber(HttpResponse.ResponseInfo info) {
    this.status = info.statusCode();
    this.declaredLength = info.headers().firstValueAsLong("Content-Length").orElse(-1);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    if (declaredLength > GraphBodies.MAX_BODY_BYTES) {
      s.cancel();
      result.completeExceptionally(new BodyTooLarge(status));
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : buffers) {
      int n = b.remaining();
      if (bytes.size() + (long) n > GraphBodies.MAX_BODY_BYTES) {
        subscription.cancel();
        result.completeExceptionally(new BodyTooLarge(status));
        return;
      }
      byte[] chunk = new byte[n];
      b.get(chunk);
      bytes.write(chunk, 0, n);
    }
  }

  @Override
  public void onError(Throwable failure) {
    result.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }
}
