package io.github.b2cpermissions.graph.internal.http;

import io.github.b2cpermissions.graph.internal.call.CallContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * {@link Wire} over the JDK's {@code java.net.http.HttpClient}: non-blocking I/O on the client's
 * selector thread, so requests in flight hold no thread each. The client must not follow
 * redirects or answer authentication challenges ({@link GraphHttpClients#checkJdkClient}); the
 * JDK client resends nothing on its own once a request was written. Each attempt is counted
 * when it is handed to the client and bounded end to end (body included) by a timer that
 * cancels it.
 */
final class JdkWire implements Wire {
  private static final Duration NO_TIMEOUT_UNDER_A_DAY = Duration.ofDays(1);

  private final HttpClient client;
  private final ScheduledExecutorService timer;

  JdkWire(HttpClient client, ScheduledExecutorService timer) {
    this.client = client;
    this.timer = timer;
  }

  @Override
  public Runnable send(CallContext ctx, String method, URI url, String bearerToken,
      @Nullable String priority, byte @Nullable [] body, long timeoutNanos, Callback callback) {
    HttpRequest.Builder rb = HttpRequest.newBuilder(url)
        .header("Authorization", "Bearer " + bearerToken)
        .header("Accept", "application/json")
        .timeout(Duration.ofNanos(Math.min(timeoutNanos, NO_TIMEOUT_UNDER_A_DAY.toNanos())));
    if (priority != null) {
      rb.header("x-ms-throttle-priority", priority);
    }
    if (body != null) {
      rb.header("Content-Type", "application/json");
      rb.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      rb.method(method, HttpRequest.BodyPublishers.noBody());
    }
    AtomicBoolean done = new AtomicBoolean();
    ctx.countRequest();
    CompletableFuture<HttpResponse<byte[]>> call =
        client.sendAsync(rb.build(), BoundedBodySubscriber::new);
    ScheduledFuture<?> deadline = timer.schedule(() -> {
      if (done.compareAndSet(false, true)) {
        call.cancel(true);
        callback.failed(new InterruptedIOException("timeout: no whole answer within "
            + Duration.ofNanos(timeoutNanos)));
      }
    }, timeoutNanos, TimeUnit.NANOSECONDS);
    call.whenComplete((response, failure) -> {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      deadline.cancel(false);
      if (failure != null) {
        callback.failed(asIo(failure));
        return;
      }
      callback.answered(new WireAnswer(response.statusCode(), response.body(),
          header(response, "Retry-After"), header(response, ResponseJudge.THROTTLE_SCOPE),
          header(response, ResponseJudge.THROTTLE_PERCENTAGE)));
    });
    return () -> {
      if (done.compareAndSet(false, true)) {
        deadline.cancel(false);
        call.cancel(true);
        callback.failed(new IOException("Canceled"));
      }
    };
  }

  private static @Nullable String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static IOException asIo(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof HttpTimeoutException) {
      InterruptedIOException timeout = new InterruptedIOException("timeout: " + t.getMessage());
      timeout.initCause(t);
      return timeout;
    }
    if (t instanceof IOException io) {
      return io;
    }
    return new IOException(t.getClass().getSimpleName()
        + (t.getMessage() == null ? "" : ": " + t.getMessage()), t);
  }

  @Override
  public void shutDown(boolean owned) {
    // The JDK's client has no close() before Java 21; its selector thread ends once the client is
    // unreachable. Calls in flight were cancelled by their checks.
  }
}
