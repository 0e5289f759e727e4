package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The documents sign-in clients may fetch first: the OpenID configuration of a tenant, the signing
 * keys of the fake's tokens and instance discovery.
 */
final class DiscoveryEndpoint {
  private final GraphServer server;
  private final ErrorEnvelopes errors;

  DiscoveryEndpoint(GraphServer server, ErrorEnvelopes errors) {
    this.server = server;
    this.errors = errors;
  }

  Reply openidConfiguration(Exchange ex, RouteMatcher.Match m, @Nullable TenantModel tenant) {
    String segment = m.var("tenant");
    if (tenant == null && !SignInTenants.isAlias(segment)) {
      return errors.entra(400, "invalid_tenant", 90002, "Tenant '" + segment + "' not found.");
    }
    String t = tenant == null ? "{tenantid}" : tenant.seed.tenantId.toString();
    String host = server.host();
    String base = host + "/" + t;
    ObjectNode o = Json.object();
    o.put("token_endpoint", base + "/oauth2/v2.0/token");
    ArrayNode methods = o.putArray("token_endpoint_auth_methods_supported");
    methods.add("client_secret_post");
    methods.add("private_key_jwt");
    methods.add("client_secret_basic");
    o.put("jwks_uri", base + "/discovery/v2.0/keys");
    o.putArray("response_modes_supported").add("query").add("fragment").add("form_post");
    o.putArray("subject_types_supported").add("pairwise");
    o.putArray("id_token_signing_alg_values_supported").add("RS256");
    o.putArray("response_types_supported").add("code").add("id_token").add("code id_token").add("id_token token");
    o.putArray("scopes_supported").add("openid").add("profile").add("email").add("offline_access");
    o.put("issuer", base + "/v2.0");
    o.put("request_uri_parameter_supported", false);
    o.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
    o.put("end_session_endpoint", base + "/oauth2/v2.0/logout");
    o.put("tenant_region_scope", "NA");
    o.put("cloud_instance_name", "127.0.0.1");
    o.put("msgraph_host", host.substring("https://".length()));
    return Reply.plainJson(200, o);
  }

  Reply signingKeys(Exchange ex, RouteMatcher.Match m, @Nullable TenantModel tenant) {
    return Reply.plainJson(200, Jwt.jwks(server.kid()));
  }

  Reply instanceDiscovery(Exchange ex, RouteMatcher.Match m, @Nullable TenantModel tenant) {
    String host = server.host().substring("https://".length());
    ObjectNode o = Json.object();
    String endpoint = ex.query.get("authorization_endpoint");
    String named = "common";
    if (endpoint != null) {
      String path = URI.create(endpoint).getRawPath();
      List<String> segs = RouteMatcher.segments(path == null ? "" : path, true);
      if (!segs.isEmpty()) {
        named = segs.get(0);
      }
    }
    o.put("tenant_discovery_endpoint", server.host() + "/" + named + "/v2.0/.well-known/openid-configuration");
    o.put("api-version", "1.1");
    ObjectNode md = o.putArray("metadata").addObject();
    md.put("preferred_network", host);
    md.put("preferred_cache", host);
    md.putArray("aliases").add(host);
    return Reply.plainJson(200, o);
  }
}
