package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.AppPresence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token}: the client credentials grant, with a client secret (in
 * the form or HTTP Basic) or a certificate's client assertion, and Entra's AADSTS errors.
 */
final class TokenEndpoint implements SignInOperation {
  /** How long the endpoint hands out the same token for the same request. */
  private static final long REUSE_SECONDS = 60;
  private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final Set<String> RESERVED_SCOPES = Set.of("openid", "profile", "offline_access", "email");

  private final GraphServer server;
  private final ErrorEnvelopes errors;
  private final TokenIssuer issuer;
  private final ClientAssertionCheck assertions;

  TokenEndpoint(GraphServer server, ErrorEnvelopes errors, TokenIssuer issuer) {
    this.server = server;
    this.errors = errors;
    this.issuer = issuer;
    this.assertions = new ClientAssertionCheck(server, errors);
  }

  @Override
  public Reply handle(Exchange ex, RouteMatcher.Match m, @Nullable TenantModel tenant) {
    String tenantSegment = m.var("tenant");
    if (SignInTenants.isAlias(tenantSegment)) {
      return errors.entra(400, "invalid_request", 50059, "No tenant-identifying information found in either the request or implied by any provided credentials.");
    }
    if (tenant == null) {
      return errors.entra(400, "invalid_tenant", 90002, "Tenant '" + tenantSegment + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.");
    }
    Map<String, String> form = Exchange.parseForm(new String(ex.body, StandardCharsets.UTF_8));
    String grantType = form.get("grant_type");
    if (grantType == null || grantType.isBlank()) {
      return missing("grant_type");
    }
    if (!grantType.equals("client_credentials")) {
      return errors.entra(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '" + grantType + "'.");
    }
    String clientId = form.get("client_id");
    String secret = form.get("client_secret");
    String basic = ex.header("Authorization");
    if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        decoded = "";
      }
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        clientId = Exchange.decode(decoded.substring(0, colon));
        secret = Exchange.decode(decoded.substring(colon + 1));
      }
    }
    if (clientId == null || clientId.isBlank()) {
      return missing("client_id");
    }
    AppRegistration app = server.app(clientId);
    if (app == null || tenant.presence() == AppPresence.NOT_FOUND || !app.clientId.equalsIgnoreCase(tenant.seed.app.clientId)) {
      return errors.entra(400, "unauthorized_client", 700016, ErrorEnvelopes.appNotFoundText(clientId, tenant.seed.domain));
    }
    if (tenant.presence() == AppPresence.DISABLED) {
      return errors.entra(400, "unauthorized_client", 7000112, "Application '" + app.clientId + "'(" + app.displayName + ") is disabled.");
    }
    String assertion = form.get("client_assertion");
    boolean certificate = false;
    if (assertion != null) {
      if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
        return errors.entra(400, "invalid_request", 700025, "The client_assertion_type must be " + JWT_BEARER + ".");
      }
      Reply refused = assertions.refusal(assertion, app, tenant, tenantSegment);
      if (refused != null) {
        return refused;
      }
      certificate = true;
    } else if (secret == null) {
      return errors.entra(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    } else if (!constantTimeEquals(secret, app.clientSecret)) {
      return errors.entra(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" + app.clientId + "'.");
    }
    String scope = form.get("scope");
    if (scope == null || scope.isBlank()) {
      return missing("scope");
    }
    Reply badScope = scopeRefusal(scope.trim(), tenant);
    if (badScope != null) {
      return badScope;
    }
    return tokenReply(tenant, app, certificate);
  }

  private Reply tokenReply(TenantModel tenant, AppRegistration app, boolean certificate) {
    long now = server.clock().instant().getEpochSecond();
    List<String> roles = tenant.tokenRoles(server.clock().instant());
    IssuedToken last = tenant.lastIssued;
    String token;
    long expiresIn;
    if (last != null
        && last.epoch == server.epoch()
        && last.clientId.equals(app.clientId)
        && last.certificate == certificate
        && last.roles.equals(roles)
        && now >= last.issuedAt
        && now - last.issuedAt < REUSE_SECONDS) {
      // The same request within a minute gets the same token back: what MSAL's cache does against
      // Entra, and what it cannot do against an authority with a port (it keys its cache by host
      // without the port). Saves an RSA signature per Graph call of SDK clients.
      token = last.token;
      expiresIn = last.expiresAt - now;
    } else {
      token = issuer.issue(tenant, app, certificate);
      expiresIn = server.config().tokenLifetime.getSeconds();
      tenant.lastIssued = new IssuedToken(token, app.clientId, certificate, roles, now, now + expiresIn, server.epoch());
    }
    ObjectNode body = Json.object();
    body.put("token_type", "Bearer");
    body.put("expires_in", expiresIn);
    body.put("ext_expires_in", expiresIn);
    body.put("access_token", token);
    Reply r = Reply.plainJson(200, body);
    r.headers.put("Cache-Control", "no-store, no-cache");
    r.headers.put("Pragma", "no-cache");
    return r;
  }

  /** Entra's refusal of a scope other than the fake Graph's {@code /.default}, or null. */
  private @Nullable Reply scopeRefusal(String requested, TenantModel tenant) {
    // MSAL adds the reserved OpenID Connect scopes to every request; Entra ignores them here.
    StringBuilder kept = new StringBuilder();
    for (String s : requested.split("\\s+")) {
      if (!RESERVED_SCOPES.contains(s.toLowerCase(Locale.ROOT))) {
        kept.append(kept.length() == 0 ? "" : " ").append(s);
      }
    }
    String scope = kept.toString();
    if (scope.isEmpty() || scope.contains(" ") || !scope.endsWith("/.default")) {
      return errors.entra(400, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
    }
    String resource = scope.substring(0, scope.length() - "/.default".length());
    String host = server.host();
    if (resource.equalsIgnoreCase(host)
        || resource.equalsIgnoreCase(host + "/")
        || resource.equalsIgnoreCase("00000003-0000-0000-c000-000000000000")) {
      return null;
    }
    return errors.entra(400, "invalid_resource", 500011, "The resource principal named " + resource + " was not found in the tenant named " + tenant.seed.displayName + ". This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.");
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private Reply missing(String parameter) {
    return errors.entra(400, "invalid_request", 900144, "The request body must contain the following parameter: '" + parameter + "'.");
  }
}
