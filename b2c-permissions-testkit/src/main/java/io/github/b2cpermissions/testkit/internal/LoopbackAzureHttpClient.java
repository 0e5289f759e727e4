package io.github.b2cpermissions.testkit.internal;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An azure-core {@link HttpClient} over {@code java.net.http} that trusts the fake's certificate.
 * The testkit brings its own instead of an azure-core HTTP client artifact so that it adds no
 * {@code HttpClientProvider} to a consumer's classpath (azure-core picks the first provider it
 * finds, and a test dependency must not change which one a product's code gets).
 */
public final class LoopbackAzureHttpClient implements HttpClient {
  /** Headers {@code java.net.http} sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final java.net.http.HttpClient client;

  /**
   * A client trusting what {@code sslContext} trusts.
   *
   * @param sslContext the TLS context, usually the fake's
   */
  public LoopbackAzureHttpClient(SSLContext sslContext) {
    this.client =
        java.net.http.HttpClient.newBuilder()
            .sslContext(sslContext)
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    return Mono.fromCallable(() -> sendSync(request, Context.NONE));
  }

  @Override
  public HttpResponse sendSync(HttpRequest request, Context context) {
    try {
      java.net.http.HttpRequest.Builder b =
          java.net.http.HttpRequest.newBuilder(request.getUrl().toURI())
              .timeout(Duration.ofSeconds(60));
      for (HttpHeader h : request.getHeaders()) {
        if (!RESTRICTED.contains(h.getName().toLowerCase(Locale.ROOT))) {
          for (String v : h.getValuesList()) {
            b.header(h.getName(), v);
          }
        }
      }
      BinaryData body = request.getBodyAsBinaryData();
      BodyPublisher publisher =
          body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body.toBytes());
      b.method(request.getHttpMethod().name(), publisher);
      java.net.http.HttpResponse<byte[]> r = client.send(b.build(), BodyHandlers.ofByteArray());
      return new Response(request, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the fake", e);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URI: " + request.getUrl(), e);
    }
  }

  private static final class Response extends HttpResponse {
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    Response(HttpRequest request, java.net.http.HttpResponse<byte[]> r) {
      super(request);
      this.status = r.statusCode();
      this.headers = new HttpHeaders();
      for (Map.Entry<String, List<String>> e : r.headers().map().entrySet()) {
        headers.set(com.azure.core.http.HttpHeaderName.fromString(e.getKey()), e.getValue());
      }
      this.body = r.body() == null ? new byte[0] : r.body();
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    @Deprecated
    public @Nullable String getHeaderValue(String name) {
      return headers.getValue(name);
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public Flux<ByteBuffer> getBody() {
      return Flux.just(ByteBuffer.wrap(body));
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
      return Mono.just(body);
    }

    @Override
    public Mono<String> getBodyAsString() {
      return Mono.just(new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public Mono<String> getBodyAsString(Charset charset) {
      return Mono.just(new String(body, charset));
    }
  }
}
