package io.github.b2cpermissions.benchmarks;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * A caching client-credentials {@link TokenCredential} for the tenants of an {@link ExternalFake},
 * as MSAL's token cache behaves in production: one token per tenant until it expires, a new one
 * for a claims challenge. Token requests go out through the JDK's asynchronous HTTP client, so a
 * cold fleet's thousands of token requests hold no thread each. The cache is the caller's, not the
 * verifier's, and is measured apart.
 */
final class RemoteTokenCredential implements TokenCredential {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI authorityHost;
  private final String clientId;
  private final String clientSecret;
  private final HttpClient http;
  private final Map<String, AccessToken> cache = new ConcurrentHashMap<>();
  final AtomicInteger tokenRequests = new AtomicInteger();

  RemoteTokenCredential(ExternalFake fake, String clientId, String clientSecret) {
    this.authorityHost = fake.authorityHost;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    // HTTP/1.1, as MSAL's token requests go: JDK 17's client fails requests beyond the server's
    // HTTP/2 stream limit instead of opening another connection.
    // Two callback threads: without an executor the JDK client runs its callbacks on a cached
    // pool that grew to hundreds of threads in a cold pass, counted in this JVM's peak.
    this.http = HttpClient.newBuilder().sslContext(fake.sslContext)
        .version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(2, r -> {
          Thread t = new Thread(r, "benchmark-token-http");
          t.setDaemon(true);
          return t;
        })).build();
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    String tenant = request.getTenantId();
    if (tenant == null) {
      return Mono.error(new IllegalArgumentException("the token request must name its tenant"));
    }
    AccessToken cached = cache.get(tenant);
    if (cached != null && request.getClaims() == null && !cached.isExpired()) {
      return Mono.just(cached);
    }
    String form = "grant_type=client_credentials&client_id=" + encode(clientId)
        + "&client_secret=" + encode(clientSecret)
        + "&scope=" + encode(String.join(" ", request.getScopes()));
    HttpRequest post = HttpRequest.newBuilder(URI.create(authorityHost + "/" + tenant + "/oauth2/v2.0/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    tokenRequests.incrementAndGet();
    return Mono.fromFuture(() -> http.sendAsync(post, HttpResponse.BodyHandlers.ofByteArray()))
        .map(response -> {
          JsonNode body;
          try {
            body = JSON.readTree(response.body());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode());
          }
          AccessToken token = new AccessToken(body.path("access_token").asText(),
              OffsetDateTime.now().plusSeconds(body.path("expires_in").asLong(3600)));
          cache.put(tenant, token);
          return token;
        });
  }

  /** Forgets every cached token (its heap is the caller's). */
  void clear() {
    cache.clear();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
