package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks the bearer token of a Graph request as Graph does (signature, audience, issuing tenant,
 * lifetime) and says who the {@link Caller} is. A token's signature is verified once; its claims are
 * then cached, since SDK clients send the same token many times.
 */
final class BearerAuthenticator {
  /** The cache is dropped whole past this size: tokens are short-lived and cheap to verify again. */
  private static final int CACHE_LIMIT = 20_000;

  /** The claims of a verified token that authentication needs. */
  private static final class Claims {
    final String aud;
    final @Nullable UUID tid;
    final String appId;
    final @Nullable UUID oid;
    final Set<String> roles;
    final long nbf;
    final long exp;

    Claims(JsonNode c) {
      this.aud = c.path("aud").asText("");
      this.tid = Ids.parseGuid(c.path("tid").asText(null));
      this.appId = c.path("appid").asText(c.path("azp").asText(""));
      this.oid = Ids.parseGuid(c.path("oid").asText(null));
      Set<String> r = new HashSet<>();
      for (JsonNode n : c.path("roles")) {
        r.add(n.asText());
      }
      this.roles = Set.copyOf(r);
      this.nbf = c.path("nbf").asLong(0);
      this.exp = c.path("exp").asLong(0);
    }
  }

  private final GraphServer server;
  private final Map<String, Claims> verified = new ConcurrentHashMap<>();

  BearerAuthenticator(GraphServer server) {
    this.server = server;
  }

  /** The caller of a request; a refused one when the token is missing or not good. */
  Caller authenticate(Exchange ex) {
    String auth = ex.header("Authorization");
    if (auth == null || auth.length() < 7 || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Caller.refused("Access token is empty.");
    }
    String token = auth.substring(7).trim();
    if (token.isEmpty()) {
      return Caller.refused("Access token is empty.");
    }
    Claims info = verified.get(token);
    if (info == null) {
      Jwt.Verified v = Jwt.verify(token, server.kid());
      if (v.claims == null) {
        return Caller.refused(v.problem == null ? "Access token validation failure." : v.problem);
      }
      info = new Claims(v.claims);
      if (verified.size() > CACHE_LIMIT) {
        verified.clear();
      }
      verified.put(token, info);
    }
    if (!info.aud.equals(server.host()) && !info.aud.equals(server.host() + "/")) {
      return Caller.refused("Access token validation failure. Invalid audience.");
    }
    TenantModel tenant = info.tid == null ? null : server.tenantById(info.tid);
    if (tenant == null) {
      return Caller.refused("Access token validation failure. Invalid issuer.");
    }
    long now = server.clock().instant().getEpochSecond();
    if (info.exp <= now) {
      return new Caller(tenant, info.appId, info.oid, Set.of(), "Lifetime validation failed, the token is expired.");
    }
    if (info.nbf > now + 300) {
      return new Caller(tenant, info.appId, info.oid, Set.of(), "Lifetime validation failed, the token is not yet valid.");
    }
    return new Caller(tenant, info.appId, info.oid, info.roles, null);
  }
}
