package io.github.b2cpermissions.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * An OkHttp application interceptor that first records real answers and then plays them back
 * without touching a socket. While {@link #recording()}, every request goes on to the network and
 * its answer (status, headers, body) is kept under the request's method, URL and, for a request
 * with a body (the {@code $batch} POST), the body's bytes. Once {@link #replay()} is called, a
 * request is answered from what was kept and {@code chain.proceed} is never called, so nothing
 * below the application interceptors (OkHttp's bridge, cache, connection and network interceptors,
 * among them the verifier's request gate) runs. A request that was never recorded fails with an
 * {@link IOException} and is counted in {@link #misses()}, for the benchmark to refuse its figure.
 */
final class CannedResponses implements Interceptor {
  private final Map<String, Canned> answers = new ConcurrentHashMap<>();
  private final AtomicInteger misses = new AtomicInteger();
  private final AtomicReference<@Nullable String> firstMiss = new AtomicReference<>();
  private volatile boolean replaying;

  /** One recorded answer, played back as a new response each time. */
  private record Canned(Protocol protocol, int code, String message, Headers headers,
      @Nullable MediaType contentType, byte[] body) {}

  /** Whether requests still go to the network (before {@link #replay()}). */
  boolean recording() {
    return !replaying;
  }

  /** Stops recording: from now on every request is answered from the recorded answers. */
  void replay() {
    replaying = true;
  }

  /** How many answers are recorded. */
  int recorded() {
    return answers.size();
  }

  /** How many replayed requests found no recorded answer. */
  int misses() {
    return misses.get();
  }

  /** The key of the first request that found no recorded answer, or null if none missed. */
  @Nullable String firstMiss() {
    return firstMiss.get();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String key = key(request);
    if (replaying) {
      Canned canned = answers.get(key);
      if (canned == null) {
        misses.incrementAndGet();
        firstMiss.compareAndSet(null, key);
        throw new IOException("no recorded answer for " + key);
      }
      return new Response.Builder()
          .request(request)
          .protocol(canned.protocol())
          .code(canned.code())
          .message(canned.message())
          .headers(canned.headers())
          .body(ResponseBody.create(canned.body(), canned.contentType()))
          .build();
    }
    Response live = chain.proceed(request);
    ResponseBody liveBody = live.body();
    MediaType type = liveBody == null ? null : liveBody.contentType();
    byte[] bytes;
    try (live) {
      bytes = liveBody == null ? new byte[0] : liveBody.bytes();
    }
    answers.put(key, new Canned(live.protocol(), live.code(), live.message(), live.headers(), type,
        bytes));
    return live.newBuilder().body(ResponseBody.create(bytes, type)).build();
  }

  /** Method, URL and (when there is one) the request body as text: what tells two requests apart. */
  static String key(Request request) throws IOException {
    StringBuilder key = new StringBuilder(request.method()).append(' ').append(request.url());
    if (request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      key.append('\n').append(buffer.readString(StandardCharsets.UTF_8));
    }
    return key.toString();
  }
}
