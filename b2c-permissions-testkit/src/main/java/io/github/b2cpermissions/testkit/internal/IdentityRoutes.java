package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.testkit.AdminConsentOutcome;
import io.github.b2cpermissions.testkit.FakeRoute;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Microsoft identity platform side: the token endpoint (client credentials), the v1 and v2
 * admin consent endpoints, and the discovery documents clients may ask for. Errors carry the AADSTS
 * codes Entra uses.
 */
final class IdentityRoutes {
  private static final DateTimeFormatter ENTRA_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /** How long the token endpoint hands out the same token for the same request. */
  private static final long REUSE_SECONDS = 60;

  private static final java.util.Set<String> RESERVED_SCOPES =
      java.util.Set.of("openid", "profile", "offline_access", "email");

  private final GraphServer server;

  IdentityRoutes(GraphServer server) {
    this.server = server;
  }

  /** The tenant a sign-in route names, if the fake hosts it. */
  @Nullable
  TenantModel tenantOf(RouteMatcher.Match m) {
    String t = m.vars.get("tenant");
    if (t == null) {
      return null;
    }
    if (isAlias(t)) {
      List<TenantModel> all = server.tenants();
      return all.size() == 1 ? all.get(0) : null;
    }
    return server.tenant(t);
  }

  private static boolean isAlias(String t) {
    return t.equalsIgnoreCase("common") || t.equalsIgnoreCase("organizations") || t.equalsIgnoreCase("consumers");
  }

  Reply handle(Exchange ex, RouteMatcher.Match m, @Nullable TenantModel tenant) {
    FakeRoute route = m.route;
    if (route == null) {
      throw new IllegalStateException("no route");
    }
    switch (route) {
      case TOKEN:
        return token(ex, m, tenant);
      case ADMIN_CONSENT:
        return consent(ex, m, tenant, false);
      case ADMIN_CONSENT_V2:
        return consent(ex, m, tenant, true);
      case OPENID_CONFIGURATION:
        return openidConfiguration(m, tenant);
      case SIGNING_KEYS:
        return Reply.plainJson(200, Jwt.jwks(server.kid()));
      case INSTANCE_DISCOVERY:
        return instanceDiscovery(ex);
      default:
        throw new IllegalStateException("not a sign-in route: " + route);
    }
  }

  Reply faultReply(FaultPlan.Fired fired) {
    int status = fired.kind == FaultPlan.Kind.THROTTLE ? 429 : fired.status;
    Reply r = entraError(status, "temporarily_unavailable", 90033, "A transient error has occurred. Please try again.");
    if (fired.retryAfterSeconds >= 0) {
      r.headers.put("Retry-After", Long.toString(fired.retryAfterSeconds));
    }
    return r;
  }

  // ---- token endpoint -------------------------------------------------------------------------

  private Reply token(Exchange ex, RouteMatcher.Match m, @Nullable TenantModel tenant) {
    String tenantSegment = m.var("tenant");
    if (isAlias(tenantSegment)) {
      return entraError(400, "invalid_request", 50059, "No tenant-identifying information found in either the request or implied by any provided credentials.");
    }
    if (tenant == null) {
      return entraError(400, "invalid_tenant", 90002, "Tenant '" + tenantSegment + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.");
    }
    Map<String, String> form = Exchange.parseForm(new String(ex.body, StandardCharsets.UTF_8));
    String grantType = form.get("grant_type");
    if (grantType == null || grantType.isBlank()) {
      return missing("grant_type");
    }
    if (!grantType.equals("client_credentials")) {
      return entraError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '" + grantType + "'.");
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
      return appNotFound(clientId, tenant, 400, "unauthorized_client");
    }
    if (tenant.presence() == AppPresence.DISABLED) {
      return entraError(400, "unauthorized_client", 7000112, "Application '" + app.clientId + "'(" + app.displayName + ") is disabled.");
    }
    String assertion = form.get("client_assertion");
    boolean certificate = false;
    if (assertion != null) {
      if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
        return entraError(400, "invalid_request", 700025, "The client_assertion_type must be " + JWT_BEARER + ".");
      }
      Reply refused = checkAssertion(assertion, app, tenant, m.var("tenant"));
      if (refused != null) {
        return refused;
      }
      certificate = true;
    } else if (secret == null) {
      return entraError(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    } else if (!constantTimeEquals(secret, app.clientSecret)) {
      return entraError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" + app.clientId + "'.");
    }
    String scope = form.get("scope");
    if (scope == null || scope.isBlank()) {
      return missing("scope");
    }
    String scopeError = checkScope(scope.trim(), tenant);
    if (scopeError != null) {
      return scopeError.startsWith("500011")
          ? entraError(400, "invalid_resource", 500011, scopeError.substring(7))
          : entraError(400, "invalid_scope", 1002012, scopeError);
    }
    long now = server.clock().instant().getEpochSecond();
    List<String> roles = tenant.tokenRoles(server.clock().instant());
    TenantModel.IssuedToken last = tenant.lastIssued;
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
      token = issue(tenant, app, certificate);
      expiresIn = server.config().tokenLifetime.getSeconds();
      tenant.lastIssued =
          new TenantModel.IssuedToken(token, app.clientId, certificate, roles, now, now + expiresIn, server.epoch());
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

  /** Returns an error description, or null when the scope asks for the fake's Graph. */
  private @Nullable String checkScope(String requested, TenantModel tenant) {
    // MSAL adds the reserved OpenID Connect scopes to every request; Entra ignores them here.
    StringBuilder kept = new StringBuilder();
    for (String s : requested.split("\\s+")) {
      if (!RESERVED_SCOPES.contains(s.toLowerCase(Locale.ROOT))) {
        kept.append(kept.length() == 0 ? "" : " ").append(s);
      }
    }
    String scope = kept.toString();
    if (scope.isEmpty() || scope.contains(" ")) {
      return "The provided value for scope " + scope + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).";
    }
    if (!scope.endsWith("/.default")) {
      return "The provided value for scope " + scope + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).";
    }
    String resource = scope.substring(0, scope.length() - "/.default".length());
    String host = server.host();
    if (resource.equalsIgnoreCase(host)
        || resource.equalsIgnoreCase(host + "/")
        || resource.equalsIgnoreCase("00000003-0000-0000-c000-000000000000")) {
      return null;
    }
    return "500011:The resource principal named " + resource + " was not found in the tenant named " + tenant.seed.displayName + ". This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.";
  }

  /** Signs a token for the app in the tenant, carrying the roles that have propagated. */
  String issue(TenantModel tenant, AppRegistration app) {
    return issue(tenant, app, false);
  }

  private String issue(TenantModel tenant, AppRegistration app, boolean certificate) {
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

  private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  /**
   * Checks a client assertion as Entra does: signed (RS256 or PS256) by the key of the app's
   * registered certificate, named by {@code x5t} or {@code x5t#S256}; {@code iss} and {@code sub}
   * the client id; {@code aud} the token endpoint; within its validity. Returns the refusal, or
   * null when the assertion is good.
   */
  private @Nullable Reply checkAssertion(String assertion, AppRegistration app, TenantModel tenant, String tenantSegment) {
    java.security.cert.X509Certificate cert = app.certificate;
    String[] parts = assertion.split("\\.", -1);
    if (parts.length != 3) {
      return entraError(401, "invalid_client", 50027, "JWT token is invalid or malformed.");
    }
    com.fasterxml.jackson.databind.JsonNode header;
    com.fasterxml.jackson.databind.JsonNode claims;
    byte[] signature;
    try {
      header = Json.parse(Base64.getUrlDecoder().decode(parts[0]));
      claims = Json.parse(Base64.getUrlDecoder().decode(parts[1]));
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return entraError(401, "invalid_client", 50027, "JWT token is invalid or malformed.");
    }
    if (header == null || claims == null) {
      return entraError(401, "invalid_client", 50027, "JWT token is invalid or malformed.");
    }
    if (cert == null) {
      return entraError(401, "invalid_client", 700027, "Client assertion failed signature validation. The key was not found: app '" + app.clientId + "' has no certificate credential.");
    }
    try {
      byte[] sha1 = java.security.MessageDigest.getInstance("SHA-1").digest(cert.getEncoded());
      byte[] sha256 = java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      // MSAL writes the thumbprint in standard Base64 with padding, the JOSE spec in base64url:
      // Entra takes both, so compare the bytes.
      boolean named =
          java.util.Arrays.equals(sha1, thumbprint(header.path("x5t").asText("")))
              || java.util.Arrays.equals(sha256, thumbprint(header.path("x5t#S256").asText("")));
      if (!named) {
        return entraError(401, "invalid_client", 700027, "Client assertion failed signature validation. The key was not found: the assertion names another certificate.");
      }
      java.security.Signature verifier;
      String alg = header.path("alg").asText();
      if (alg.equals("RS256")) {
        verifier = java.security.Signature.getInstance("SHA256withRSA");
      } else if (alg.equals("PS256")) {
        verifier = java.security.Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(
            new java.security.spec.PSSParameterSpec("SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
      } else {
        return entraError(401, "invalid_client", 700027, "Client assertion failed signature validation. Unsupported algorithm '" + alg + "'.");
      }
      verifier.initVerify(cert.getPublicKey());
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(signature)) {
        return entraError(401, "invalid_client", 700027, "Client assertion failed signature validation.");
      }
    } catch (java.security.GeneralSecurityException e) {
      return entraError(401, "invalid_client", 700027, "Client assertion failed signature validation.");
    }
    if (!app.clientId.equalsIgnoreCase(claims.path("iss").asText()) || !app.clientId.equalsIgnoreCase(claims.path("sub").asText())) {
      return entraError(401, "invalid_client", 700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
    }
    String aud = claims.path("aud").isArray() ? claims.path("aud").path(0).asText() : claims.path("aud").asText();
    String base = server.host() + "/";
    boolean audience =
        aud.equalsIgnoreCase(base + tenantSegment + "/oauth2/v2.0/token")
            || aud.equalsIgnoreCase(base + tenant.seed.tenantId + "/oauth2/v2.0/token")
            || aud.equalsIgnoreCase(base + tenant.seed.domain + "/oauth2/v2.0/token");
    if (!audience) {
      return entraError(401, "invalid_client", 700023, "Client assertion audience claim does not match Realm issuer.");
    }
    long now = server.clock().instant().getEpochSecond();
    if (claims.path("exp").asLong(0) <= now - 300 || claims.path("nbf").asLong(0) > now + 300) {
      return entraError(401, "invalid_client", 700024, "Client assertion is not within its valid time range.");
    }
    return null;
  }

  private static byte[] thumbprint(String encoded) {
    String b64 = encoded.trim().replace('-', '+').replace('_', '/').replace("=", "");
    while (b64.length() % 4 != 0) {
      b64 += "=";
    }
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static String randomId() {
    UUID u = Ids.fastRandom();
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
    b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  private static boolean constantTimeEquals(String a, String b) {
    return java.security.MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private Reply missing(String parameter) {
    return entraError(400, "invalid_request", 900144, "The request body must contain the following parameter: '" + parameter + "'.");
  }

  private Reply appNotFound(String clientId, TenantModel tenant, int status, String error) {
    return entraError(status, error, 700016, appNotFoundText(clientId, tenant.seed.domain));
  }

  private static String appNotFoundText(String clientId, String directory) {
    return "Application with identifier '" + clientId + "' was not found in the directory '" + directory + "'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.";
  }

  private Reply entraError(int status, String error, int code, String text) {
    Instant now = server.clock().instant();
    String trace = Ids.fastRandom().toString();
    String correlation = Ids.fastRandom().toString();
    String stamp = ENTRA_TIMESTAMP.format(now);
    ObjectNode body = Json.object();
    body.put("error", error);
    body.put("error_description", "AADSTS" + code + ": " + text + " Trace ID: " + trace + " Correlation ID: " + correlation + " Timestamp: " + stamp);
    body.putArray("error_codes").add(code);
    body.put("timestamp", stamp);
    body.put("trace_id", trace);
    body.put("correlation_id", correlation);
    body.put("error_uri", server.host() + "/error?code=" + code);
    Reply r = Reply.plainJson(status, body);
    r.headers.put("Cache-Control", "no-store, no-cache");
    return r;
  }

  // ---- admin consent --------------------------------------------------------------------------

  private Reply consent(Exchange ex, RouteMatcher.Match m, @Nullable TenantModel tenant, boolean v2) {
    String tenantSegment = m.var("tenant");
    if (v2 && tenantSegment.equalsIgnoreCase("common")) {
      return errorPage(400, 90130, "The v2.0 admin consent endpoint does not accept 'common'; use the tenant id, a verified domain or 'organizations'.");
    }
    if (tenant == null) {
      if (isAlias(tenantSegment)) {
        return errorPage(400, 90002, "The fake hosts " + server.tenants().size() + " tenants, so '" + tenantSegment + "' cannot pick one; use the tenant id or domain.");
      }
      return errorPage(400, 90002, "Tenant '" + tenantSegment + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
    }
    Map<String, String> q = ex.query;
    String clientId = q.get("client_id");
    AdminConsentOutcome outcome = tenant.consentOutcome();
    if (clientId == null || clientId.isBlank()) {
      return errorPage(400, 900144, "The request body must contain the following parameter: 'client_id'.");
    }
    AppRegistration app = server.app(clientId);
    if (outcome == AdminConsentOutcome.UNKNOWN_APP || app == null) {
      return errorPage(400, 700016, appNotFoundText(clientId, tenant.seed.domain));
    }
    String redirect = q.get("redirect_uri");
    if (redirect == null || redirect.isBlank()) {
      if (app.redirectUris.isEmpty()) {
        return errorPage(400, 900971, "No reply address provided.");
      }
      redirect = app.redirectUris.get(0).toString();
    }
    if (outcome == AdminConsentOutcome.REDIRECT_URI_MISMATCH || !registered(app, redirect)) {
      return errorPage(400, 50011, "The redirect URI '" + redirect + "' specified in the request does not match the redirect URIs configured for the application '" + app.clientId + "'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.");
    }
    String state = q.get("state");
    String scope = q.get("scope");
    if (v2) {
      if (scope == null || scope.isBlank()) {
        return redirectWith(redirect, "error", "invalid_request", "error_description", "AADSTS900144: The request body must contain the following parameter: 'scope'.", "state", state);
      }
      String expected = server.host() + "/.default";
      boolean ok = false;
      for (String s : scope.trim().split("\\s+")) {
        if (s.equalsIgnoreCase(expected) || s.equalsIgnoreCase("00000003-0000-0000-c000-000000000000/.default")) {
          ok = true;
        }
      }
      if (!ok) {
        return redirectWith(redirect, "error", "invalid_scope", "error_description", "AADSTS70011: The provided value for the input parameter 'scope' is not valid. Application permissions need the scope " + expected + ".", "state", state);
      }
    }
    if (outcome == AdminConsentOutcome.DECLINE) {
      if (v2) {
        return redirectWith(redirect, "admin_consent", "True", "error", "access_denied", "error_description", "AADSTS65004: User declined to consent to access the app.", "state", state);
      }
      return redirectWith(redirect, "error", "access_denied", "error_description", "AADSTS65004: User declined to consent to access the app.", "state", state);
    }
    tenant.consent();
    String tid = tenant.seed.tenantId.toString();
    if (v2) {
      return redirectWith(redirect, "admin_consent", "True", "tenant", tid, "scope", scope, "state", state);
    }
    return redirectWith(redirect, "tenant", tid, "state", state, "admin_consent", "True");
  }

  /**
   * Whether {@code redirect} matches a registered redirect URI: same scheme, host and port, and the
   * same path or the registered path followed by more segments; query strings must be equal.
   */
  static boolean registered(AppRegistration app, String redirect) {
    URI r;
    try {
      r = new URI(redirect);
    } catch (URISyntaxException e) {
      return false;
    }
    if (!r.isAbsolute() || r.getHost() == null || r.getRawFragment() != null) {
      return false;
    }
    for (URI u : app.redirectUris) {
      if (!u.getScheme().equalsIgnoreCase(r.getScheme())
          || !u.getHost().equalsIgnoreCase(r.getHost())
          || u.getPort() != r.getPort()
          || !java.util.Objects.equals(u.getRawQuery(), r.getRawQuery())) {
        continue;
      }
      String up = u.getRawPath() == null ? "" : u.getRawPath();
      String rp = r.getRawPath() == null ? "" : r.getRawPath();
      if (rp.equals(up) || (rp.startsWith(up.endsWith("/") ? up : up + "/") && rp.length() > up.length())) {
        return true;
      }
    }
    return false;
  }

  private static Reply redirectWith(String redirect, @Nullable String... pairs) {
    StringBuilder b = new StringBuilder(redirect);
    char sep = redirect.indexOf('?') < 0 ? '?' : '&';
    for (int i = 0; i < pairs.length; i += 2) {
      String value = pairs[i + 1];
      if (value == null) {
        continue;
      }
      b.append(sep).append(pairs[i]).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      sep = '&';
    }
    return Reply.redirect(b.toString());
  }

  private Reply errorPage(int status, int code, String text) {
    String trace = Ids.fastRandom().toString();
    return Reply.html(
        status,
        "<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body>"
            + "<h1>Sorry, but we're having trouble signing you in.</h1><p id=\"error\">AADSTS"
            + code
            + ": "
            + Html.escape(text)
            + "</p><p>Trace ID: "
            + trace
            + "</p></body></html>");
  }

  // ---- discovery ------------------------------------------------------------------------------

  private Reply openidConfiguration(RouteMatcher.Match m, @Nullable TenantModel tenant) {
    String segment = m.var("tenant");
    if (tenant == null && !isAlias(segment)) {
      return entraError(400, "invalid_tenant", 90002, "Tenant '" + segment + "' not found.");
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

  private Reply instanceDiscovery(Exchange ex) {
    String host = server.host().substring("https://".length());
    ObjectNode o = Json.object();
    String endpoint = ex.query.get("authorization_endpoint");
    String tenant = "common";
    if (endpoint != null) {
      List<String> segs = new ArrayList<>(RouteMatcher.segments(URI.create(endpoint).getRawPath() == null ? "" : URI.create(endpoint).getRawPath(), true));
      if (!segs.isEmpty()) {
        tenant = segs.get(0);
      }
    }
    o.put("tenant_discovery_endpoint", server.host() + "/" + tenant + "/v2.0/.well-known/openid-configuration");
    o.put("api-version", "1.1");
    ObjectNode md = o.putArray("metadata").addObject();
    md.put("preferred_network", host);
    md.put("preferred_cache", host);
    md.putArray("aliases").add(host);
    return Reply.plainJson(200, o);
  }
}
