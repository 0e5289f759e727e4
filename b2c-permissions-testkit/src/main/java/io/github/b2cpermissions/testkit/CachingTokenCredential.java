package io.github.b2cpermissions.testkit;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A client-credentials {@link TokenCredential} for the backup app of every tenant a {@link
 * FakeGraph} hosts, caching one token per tenant the way MSAL caches Entra ID's tokens in
 * production. azure-identity's credentials ask the fake for a new token on every call, because
 * MSAL does not cache tokens from an authority with a port; this one keeps a token until it
 * expires and asks again only when it has expired or the request carries claims (a claims
 * challenge makes MSAL bypass its cache too). Cheap enough for fleets of thousands of tenants:
 * one HTTP client, no per-tenant objects besides the cached token.
 *
 * <p>Tokens are fetched through an azure-core {@link HttpClient}, as azure-identity's credentials
 * fetch theirs: by default the fake's own client over {@code java.net.http}; {@link
 * #of(FakeGraph, HttpClient)} takes another one (such as azure-core-http-okhttp's),
 * which matters when many token requests run at once, as in a fleet benchmark.
 *
 * <p>A request names its tenant ({@link TokenRequestContext#setTenantId(String)}); one that does
 * not is for the tenant the credential was made for ({@link FakeGraphTenant#cachingCredential()}),
 * and fails for a credential of the whole server ({@link FakeGraph#cachingCredential()}). The client
 * id and secret are that hosted tenant's. Thread-safe.
 */
public final class CachingTokenCredential implements TokenCredential {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeGraph graph;
  private final HttpClient http;
  private final @Nullable String defaultTenant;
  private final Map<String, AccessToken> cache = new ConcurrentHashMap<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();

  CachingTokenCredential(FakeGraph graph, HttpClient http, @Nullable String defaultTenant) {
    this.graph = graph;
    this.http = http;
    this.defaultTenant = defaultTenant;
  }

  /**
   * A credential for every tenant {@code graph} hosts, as {@link FakeGraph#cachingCredential()},
   * that fetches its tokens through {@code httpClient} instead of the fake's own client over {@code
   * java.net.http}: pass the azure-core client your product gives azure-identity (for example
   * azure-core-http-okhttp's) when many tokens are requested at once. The client must trust the
   * fake's certificate ({@link FakeGraph#sslContext()}, {@link FakeGraph#trustManager()}).
   *
   * @param graph the fake whose tenants' tokens this credential fetches
   * @param httpClient the azure-core HTTP client for the token requests
   * @return a new credential
   * @throws NullPointerException if an argument is null
   */
  public static CachingTokenCredential of(FakeGraph graph, HttpClient httpClient) {
    return new CachingTokenCredential(
        Objects.requireNonNull(graph, "graph"), Objects.requireNonNull(httpClient, "httpClient"), null);
  }

  /**
   * The cached token for the request's tenant, or a new one from the fake's token endpoint.
   *
   * @param request the scopes and the tenant id, and claims to bypass the cache
   * @return the token; fails with {@link IllegalArgumentException} if neither the request nor the
   *     credential names a tenant, and with {@link ClientAuthenticationException} if the token endpoint refuses
   */
  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    String tenant = request.getTenantId() != null ? request.getTenantId() : defaultTenant;
    if (tenant == null) {
      return Mono.error(new IllegalArgumentException("the token request must name its tenant"));
    }
    AccessToken cached = cache.get(tenant);
    if (cached != null && request.getClaims() == null && !cached.isExpired()) {
      return Mono.just(cached);
    }
    return fetch(tenant, String.join(" ", request.getScopes()));
  }

  /** How many times this credential has called the token endpoint. */
  public int tokenRequests() {
    return tokenRequests.get();
  }

  /**
   * Asks the token endpoint without blocking the subscriber: the request goes through the HTTP
   * client's asynchronous {@code send}, as azure-identity's own requests do.
   */
  private Mono<AccessToken> fetch(String tenant, String scope) {
    FakeGraphTenant hosted = graph.tenant(tenant).orElse(null);
    String clientId = hosted == null ? FakeGraphTenant.DEFAULT_CLIENT_ID : hosted.clientId();
    String secret = hosted == null ? FakeGraphTenant.DEFAULT_CLIENT_SECRET : hosted.clientSecret();
    String form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(secret)
            + "&scope="
            + encode(scope);
    HttpRequest post =
        new HttpRequest(HttpMethod.POST, graph.authorityHost() + "/" + tenant + "/oauth2/v2.0/token")
            .setHeader(HttpHeaderName.CONTENT_TYPE, "application/x-www-form-urlencoded")
            .setBody(form);
    tokenRequests.incrementAndGet();
    return http.send(post).flatMap(response -> response.getBodyAsByteArray()
        .defaultIfEmpty(new byte[0])
        .map(bytes -> {
          int status = response.getStatusCode();
          response.close();
          JsonNode body;
          try {
            body = JSON.readTree(bytes);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          if (status != 200) {
            throw new ClientAuthenticationException("the fake's token endpoint answered " + status
                + ": " + body.path("error_description").asText(), null);
          }
          AccessToken token = new AccessToken(body.path("access_token").asText(),
              OffsetDateTime.now().plusSeconds(body.path("expires_in").asLong(3600)));
          cache.put(tenant, token);
          return token;
        }));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "CachingTokenCredential{tenants cached=" + cache.size() + ", tokenRequests=" + tokenRequests + "}";
  }
}
