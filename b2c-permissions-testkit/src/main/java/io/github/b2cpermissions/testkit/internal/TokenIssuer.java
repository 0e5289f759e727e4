package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Signs the fake's access tokens: Entra's app-only v1 token, carrying the roles that have propagated. */
final class TokenIssuer {
  private final GraphServer server;

  TokenIssuer(GraphServer server) {
    this.server = server;
  }

  /** A token for the app in the tenant, as a client secret sign-in gets. */
  String issue(TenantModel tenant, AppRegistration app) {
    return issue(tenant, app, false);
  }

  /** A token for the app in the tenant; {@code certificate} when the app signed in with one. */
  String issue(TenantModel tenant, AppRegistration app, boolean certificate) {
    Instant now = server.clock().instant();
    long iat = now.getEpochSecond() - 300;
    long exp = now.getEpochSecond() + server.config().tokenLifetime.getSeconds();
    String tid = tenant.seed.tenantId.toString();
    String oid = tenant.backupServicePrincipalId().toString();
    String iss = server.host() + "/" + tid + "/";
    ObjectNode c = Json.object();
    c.put("aud", server.host());
    c.put("iss", iss);
    c.put("iat", iat);
    c.put("nbf", iat);
    c.put("exp", exp);
    c.put("aio", randomId());
    c.put("app_displayname", app.displayName);
    c.put("appid", app.clientId);
    c.put("appidacr", certificate ? "2" : "1");
    c.put("azp", app.clientId);
    c.put("azpacr", certificate ? "2" : "1");
    c.put("idp", iss);
    c.put("idtyp", "app");
    c.put("oid", oid);
    c.put("rh", randomId());
    List<String> roles = tenant.tokenRoles(now);
    if (!roles.isEmpty()) {
      ArrayNode r = c.putArray("roles");
      roles.forEach(r::add);
    }
    c.put("sub", oid);
    c.put("tenant_region_scope", "NA");
    c.put("tid", tid);
    c.put("uti", randomId());
    c.put("ver", "1.0");
    c.put("xms_tcdt", 1609750800L);
    return Jwt.sign(server.kid(), c);
  }

  private static String randomId() {
    UUID u = Ids.fastRandom();
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }
}
