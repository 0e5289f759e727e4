package io.github.b2cpermissions.graph.stub;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * App-only access tokens shaped like Entra ID's ({@code aud}, {@code tid}, {@code appid}, {@code
 * roles}, {@code exp}), unsigned: the verifier reads claims and Graph (here, the stub) would check
 * the signature.
 */
public final class StubTokens {
  /** The audience of real Microsoft Graph tokens. */
  public static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private StubTokens() {}

  /** A token for {@code audience}, issued for {@code tenantId} to {@code appId}, valid an hour. */
  public static String appToken(
      String audience, String tenantId, String appId, Collection<String> roles) {
    return appToken(audience, tenantId, appId, roles, Instant.now().plusSeconds(3600));
  }

  /** A token as {@link #appToken(String, String, String, Collection)}, expiring at {@code exp}. */
  public static String appToken(
      String audience, String tenantId, String appId, Collection<String> roles, Instant exp) {
    ObjectNode claims = JSON.createObjectNode();
    claims.put("aud", audience);
    claims.put("iss", "https://sts.windows.net/" + tenantId + "/");
    claims.put("tid", tenantId);
    claims.put("appid", appId);
    claims.put("idtyp", "app");
    claims.put("iat", Instant.now().getEpochSecond());
    claims.put("exp", exp.getEpochSecond());
    claims.put("uti", "stub-" + SERIAL.incrementAndGet());
    roles.forEach(claims.putArray("roles")::add);
    try {
      return encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "."
          + encode(JSON.writeValueAsString(claims)) + ".c2lnbmF0dXJl";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A credential that answers every token request with {@code token.get()}. */
  public static TokenCredential credential(Supplier<String> token) {
    return request -> Mono.fromSupplier(() -> new AccessToken(
        token.get(), OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
  }

  /**
   * A credential that keeps the first token {@code token} gives until a request carries claims (a
   * claims challenge), the way MSAL serves a cached token in production: a role revoked since then
   * stays in the token the check sees.
   */
  public static TokenCredential caching(Supplier<String> token) {
    AtomicReference<String> cached = new AtomicReference<>();
    return request -> Mono.fromSupplier(() -> {
      String current = request.getClaims() == null ? cached.get() : null;
      if (current == null) {
        current = token.get();
        cached.set(current);
      }
      return new AccessToken(current, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1));
    });
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
