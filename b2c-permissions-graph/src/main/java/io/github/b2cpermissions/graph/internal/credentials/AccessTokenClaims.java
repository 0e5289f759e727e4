package io.github.b2cpermissions.graph.internal.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The claims of an app-only access token that a check needs: the tenant it was issued for, the app,
 * and the granted app roles. The signature is not checked: the token came straight from the
 * authority over TLS, and it is only read to learn what Graph will allow; Graph checks it on use.
 * Never holds or prints the token itself.
 *
 * @param tenantId the {@code tid} claim
 * @param appId the {@code appid} or {@code azp} claim
 * @param roles the {@code roles} claim, empty when absent
 * @param expiresAtEpochSecond the {@code exp} claim, 0 when absent
 * @param audience the {@code aud} claim, or null when absent
 * @param objectId the {@code oid} claim (the service principal the token was issued to), or null
 */
public record AccessTokenClaims(
    @Nullable String tenantId,
    @Nullable String appId,
    Set<String> roles,
    long expiresAtEpochSecond,
    @Nullable String audience,
    @Nullable String objectId) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Reads the claims of a JWT.
   *
   * @throws IllegalArgumentException if {@code jwt} is not a JWT with a JSON payload; the message
   *     never contains the token
   */
  public static AccessTokenClaims parse(String jwt) {
    int first = jwt.indexOf('.');
    int second = first < 0 ? -1 : jwt.indexOf('.', first + 1);
    if (first <= 0 || second < 0) {
      throw new IllegalArgumentException("the access token is not a JWT (expected three parts)");
    }
    JsonNode payload;
    try {
      byte[] json = Base64.getUrlDecoder().decode(jwt.substring(first + 1, second));
      payload = MAPPER.readTree(json);
    } catch (IllegalArgumentException | IOException e) {
      throw new IllegalArgumentException("the access token's payload is not base64url JSON");
    }
    if (payload == null || !payload.isObject()) {
      throw new IllegalArgumentException("the access token's payload is not a JSON object");
    }
    Set<String> roles = new LinkedHashSet<>();
    JsonNode r = payload.get("roles");
    if (r != null && r.isArray()) {
      r.forEach(n -> {
        if (n.isTextual()) {
          roles.add(n.asText());
        }
      });
    }
    String app = text(payload, "appid");
    return new AccessTokenClaims(
        text(payload, "tid"),
        app != null ? app : text(payload, "azp"),
        Set.copyOf(roles),
        payload.path("exp").asLong(0),
        text(payload, "aud"),
        text(payload, "oid"));
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }
}
