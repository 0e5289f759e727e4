package io.github.b2cpermissions.benchmarks;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import reactor.core.publisher.Mono;

/**
 * A light multi-tenant client-credentials {@link TokenCredential} for benchmarks against the fake:
 * one OkHttp client, one cached token per tenant (as MSAL caches Entra's tokens; MSAL itself does
 * not cache tokens from an authority with a port), and a cache bypass when the request carries
 * claims. Keeps 10,000 tenants cheap, where 10,000 azure-identity credentials would not be.
 */
final class FakeTokenCredential implements TokenCredential {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient http;
  private final URI authorityHost;
  private final String clientId;
  private final String clientSecret;
  private final Map<String, AccessToken> cache = new ConcurrentHashMap<>();

  FakeTokenCredential(OkHttpClient http, URI authorityHost, String clientId, String clientSecret) {
    this.http = http;
    this.authorityHost = authorityHost;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    String tenant = request.getTenantId();
    if (tenant == null) {
      return Mono.error(new IllegalArgumentException("name the tenant in the token request"));
    }
    AccessToken cached = cache.get(tenant);
    if (cached != null && request.getClaims() == null && !cached.isExpired()) {
      return Mono.just(cached);
    }
    return Mono.fromCallable(() -> fetch(tenant, String.join(" ", request.getScopes())));
  }

  private AccessToken fetch(String tenant, String scope) throws IOException {
    String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret="
        + enc(clientSecret) + "&scope=" + enc(scope);
    Request request = new Request.Builder()
        .url(authorityHost + "/" + tenant + "/oauth2/v2.0/token")
        .post(RequestBody.create(form, MediaType.get("application/x-www-form-urlencoded")))
        .build();
    JsonNode body;
    int status;
    try (Response response = http.newCall(request).execute()) {
      status = response.code();
      body = JSON.readTree(response.body() == null ? new byte[0] : response.body().bytes());
    }
    if (status != 200) {
      throw new IllegalStateException("token endpoint answered " + status + ": "
          + body.path("error_description").asText());
    }
    AccessToken token = new AccessToken(body.path("access_token").asText(),
        OffsetDateTime.now().plusSeconds(body.path("expires_in").asLong(3600)));
    cache.put(tenant, token);
    return token;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
