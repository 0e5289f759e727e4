package io.github.b2cpermissions.graph.internal.http;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.kiota.http.middleware.RedirectHandler;
import com.microsoft.kiota.http.middleware.RetryHandler;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Assembles the OkHttp client the verifier sends Graph requests with: the Graph SDK's default
 * interceptors, or a copy of the application's client, in both cases made to send only what the
 * retry policy decides.
 */
public final class GraphHttpClients {
  private GraphHttpClients() {}

  /**
   * The client for Graph requests: a copy of {@code given} when the application passed one, else
   * one with the Graph SDK's defaults and a connection pool sized for {@code maxConcurrentRequests}.
   */
  public static OkHttpClient assemble(
      @Nullable OkHttpClient given, int maxConcurrentRequests, Duration requestTimeout) {
    OkHttpClient.Builder builder = given != null
        ? given.newBuilder()
        : graphDefaults().connectionPool(
            new ConnectionPool(Math.max(5, maxConcurrentRequests), 5, TimeUnit.MINUTES));
    return withoutOtherRetries(builder, requestTimeout);
  }

  private static OkHttpClient.Builder graphDefaults() {
    Interceptor[] interceptors =
        GraphClientFactory.createDefaultGraphInterceptors(new GraphClientOption());
    return GraphClientFactory.create(Arrays.asList(interceptors));
  }

  /**
   * Makes the client send only what the retry policy decides: no Graph SDK retry or redirect
   * handler, no OkHttp retry on connection failure, no redirects, no 401 authenticator, and the
   * {@link RequestGate} last among the network interceptors (it counts each request, refuses a
   * second network request per attempt and hides {@code Retry-After} from OkHttp's follow-ups).
   * The proxy authenticator is kept: answering a proxy's 407 on the tunnel is not a Graph request.
   */
  private static OkHttpClient withoutOtherRetries(OkHttpClient.Builder builder, Duration timeout) {
    builder.interceptors().removeIf(i -> i instanceof RetryHandler || i instanceof RedirectHandler);
    builder.networkInterceptors().removeIf(
        i -> i instanceof RetryHandler || i instanceof RedirectHandler || i instanceof RequestGate);
    builder.addNetworkInterceptor(new RequestGate());
    return builder
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .authenticator(Authenticator.NONE)
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout)
        .build();
  }

  /** Stops the threads and connections of a client the verifier created. */
  public static void shutDown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
