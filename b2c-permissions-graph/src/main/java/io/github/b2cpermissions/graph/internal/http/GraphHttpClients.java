package io.github.b2cpermissions.graph.internal.http;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.kiota.http.middleware.RedirectHandler;
import com.microsoft.kiota.http.middleware.RetryHandler;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.Protocol;
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
   * one with the Graph SDK's defaults, HTTP/2 where the server offers it (ALPN) and a connection
   * pool sized for {@code maxConcurrentRequests}. Either way the client gets a dispatcher of its
   * own that lets {@code maxConcurrentRequests} calls run at once (OkHttp's default of 5 per host
   * would queue them behind the verifier's own limit).
   */
  public static OkHttpClient assemble(
      @Nullable OkHttpClient given, int maxConcurrentRequests, Duration requestTimeout) {
    OkHttpClient.Builder builder = given != null
        ? given.newBuilder()
        : graphDefaults()
            .protocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1))
            .connectionPool(
                new ConnectionPool(Math.max(5, maxConcurrentRequests), 5, TimeUnit.MINUTES));
    Dispatcher dispatcher = new Dispatcher(new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
        TimeUnit.SECONDS, new SynchronousQueue<>(), GraphHttpClients::daemon));
    dispatcher.setMaxRequests(maxConcurrentRequests + 16);
    dispatcher.setMaxRequestsPerHost(maxConcurrentRequests + 16);
    builder.dispatcher(dispatcher);
    return withoutOtherRetries(builder, requestTimeout);
  }

  /**
   * The verifier's wire over OkHttp: {@link #assemble} of {@code given} (or of the Graph SDK's
   * defaults), calls enqueued.
   */
  public static Wire okHttpWire(
      @Nullable OkHttpClient given, int maxConcurrentRequests, Duration requestTimeout) {
    return new OkHttpWire(assemble(given, maxConcurrentRequests, requestTimeout));
  }

  /**
   * The verifier's wire over the JDK's non-blocking {@code HttpClient}, as the application built
   * it (checked by {@link #checkJdkClient}).
   */
  public static Wire jdkWire(HttpClient client, ScheduledExecutorService timer) {
    return new JdkWire(checkJdkClient(client), timer);
  }

  /**
   * Checks that a JDK {@code HttpClient} sends only what the retry policy decides.
   *
   * @return {@code client}
   * @throws IllegalArgumentException if it follows redirects (the bearer token would follow them)
   *     or has an authenticator (it would answer a 401 by itself)
   */
  public static HttpClient checkJdkClient(HttpClient client) {
    if (client.followRedirects() != HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException("the JDK HttpClient follows redirects ("
          + client.followRedirects() + "): build it with followRedirects(Redirect.NEVER), the"
          + " default, so that the bearer token never follows a redirect");
    }
    if (client.authenticator().isPresent()) {
      throw new IllegalArgumentException("the JDK HttpClient has an authenticator: it would answer"
          + " a 401 by itself; Graph requests carry the verifier's bearer token only");
    }
    return client;
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

  /** OkHttp runs each call in flight on one of these; daemons, so they never keep a JVM alive. */
  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "b2c-permissions-okhttp");
    t.setDaemon(true);
    return t;
  }

  /**
   * Stops the dispatcher threads of the verifier's client, and its connections too when {@code
   * ownPool} (the pool is the application's when it passed a client).
   */
  public static void shutDown(OkHttpClient client, boolean ownPool) {
    client.dispatcher().executorService().shutdown();
    if (ownPool) {
      client.connectionPool().evictAll();
    }
  }
}
