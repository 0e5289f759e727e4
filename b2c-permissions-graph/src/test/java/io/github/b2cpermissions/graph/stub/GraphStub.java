package io.github.b2cpermissions.graph.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.b2cpermissions.graph.GraphCloud;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * A hostile Graph on {@code https://127.0.0.1:<random port>}: every request that reaches it is
 * recorded (before the handler runs) and answered by the test's handler. The certificate is a
 * self-signed one for 127.0.0.1 kept in {@code src/test/resources/stub/graph-stub.p12} (made with
 * {@code keytool -genkeypair -alias stub -keyalg RSA -keysize 2048 -validity 36500 -dname
 * CN=127.0.0.1 -ext SAN=ip:127.0.0.1,dns:localhost -storetype PKCS12 -storepass graph-stub}).
 */
public final class GraphStub implements AutoCloseable {
  private static final char[] PASSWORD = "graph-stub".toCharArray();

  private final HttpsServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "graph-stub");
    t.setDaemon(true);
    return t;
  });
  private final List<StubRequest> received = new CopyOnWriteArrayList<>();
  private final SSLContext ssl;
  private final X509TrustManager trust;
  private volatile Function<StubRequest, StubResponse> handler;

  /** The stub's key and trust, loaded once per JVM (PIT runs the stub suites again per mutant). */
  private static final class Tls {
    static final SSLContext SSL;
    static final X509TrustManager TRUST;

    static {
      try {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = GraphStub.class.getResourceAsStream("/stub/graph-stub.p12")) {
          if (in == null) {
            throw new IllegalStateException("test resource /stub/graph-stub.p12 is missing");
          }
          store.load(in, PASSWORD);
        }
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        TRUST = (X509TrustManager) tmf.getTrustManagers()[0];
        SSL = SSLContext.getInstance("TLS");
        SSL.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private GraphStub(Function<StubRequest, StubResponse> handler) {
    this.handler = handler;
    this.ssl = Tls.SSL;
    this.trust = Tls.TRUST;
    try {
      this.server = HttpsServer.create(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    server.setExecutor(threads);
    server.createContext("/", this::serve);
    server.start();
  }

  /** Starts a stub answered by {@code handler} (see {@link BatchHandler} for {@code $batch}). */
  public static GraphStub start(Function<StubRequest, StubResponse> handler) {
    return new GraphStub(handler);
  }

  /** Replaces the handler for the following requests. */
  public void handler(Function<StubRequest, StubResponse> next) {
    this.handler = next;
  }

  /** {@code https://127.0.0.1:<port>}. */
  public URI baseUri() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * A custom cloud whose Graph host is this stub. Its authority host is this stub too, but tests
   * give the verifier a {@code TokenCredential} of their own, so no token request reaches it.
   */
  public GraphCloud cloud() {
    return GraphCloud.custom(baseUri(), baseUri());
  }

  /** An OkHttp client that trusts the stub's certificate. */
  public OkHttpClient okHttpClient() {
    return new OkHttpClient.Builder().sslSocketFactory(ssl.getSocketFactory(), trust).build();
  }

  /**
   * A JDK {@code HttpClient} that trusts the stub's certificate and runs its callbacks on {@code
   * executor} (the caller shuts it down when done).
   */
  public java.net.http.HttpClient jdkHttpClient(ExecutorService executor) {
    return java.net.http.HttpClient.newBuilder().sslContext(ssl).executor(executor).build();
  }

  /** The stub's TLS context, which trusts the stub's certificate (for a token client of a test). */
  public SSLContext sslContext() {
    return ssl;
  }

  /** Every request that reached the stub, in arrival order. */
  public List<StubRequest> requests() {
    return List.copyOf(received);
  }

  /** How many requests reached the stub. */
  public int requestCount() {
    return received.size();
  }

  /** How many requests with this method reached a path starting with {@code pathPrefix}. */
  public long count(String method, String pathPrefix) {
    return received.stream()
        .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).count();
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    received.clear();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      StubRequest request = read(exchange);
      received.add(request);
      StubResponse response;
      try {
        response = handler.apply(request);
      } catch (RuntimeException e) {
        response = StubResponse.graphError(500, "stubFailure", "the stub's handler threw " + e);
      }
      write(exchange, response);
    }
  }

  private static StubRequest read(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new TreeMap<>();
    exchange.getRequestHeaders().forEach(
        (k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    URI uri = exchange.getRequestURI();
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    return new StubRequest(exchange.getRequestMethod(), uri.getPath(), query, Map.copyOf(headers),
        body, false);
  }

  private static void write(HttpExchange exchange, StubResponse response) throws IOException {
    sleep(response.delay().toMillis());
    if (response.dropConnection()) {
      return; // closing the exchange without a status line drops the connection
    }
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] body = response.body();
    boolean drip = !response.dripInterval().isZero();
    long length = body.length == 0 ? -1 : drip ? 0 : body.length;
    exchange.sendResponseHeaders(response.status(), length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!drip) {
        out.write(body);
        return;
      }
      for (byte b : body) {
        out.write(b);
        out.flush();
        sleep(response.dripInterval().toMillis());
      }
    }
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
