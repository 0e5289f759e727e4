package io.github.b2cpermissions.testkit.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /{tenant}/adminconsent} and {@code /{tenant}/v2.0/adminconsent}: the admin consent
 * endpoints. Consent redirects back with Entra's parameters; what the admin answers comes from the
 * tenant's {@link ConsentAnswer}, or from the buttons of the {@link ConsentPage} when that answer is
 * {@link ConsentAnswer#ASK}.
 */
final class ConsentEndpoint implements SignInOperation {
  private final GraphServer server;
  private final boolean v2;

  ConsentEndpoint(GraphServer server, boolean v2) {
    this.server = server;
    this.v2 = v2;
  }

  @Override
  public Reply handle(Exchange ex, RouteMatcher.Match m, @Nullable TenantModel tenant) {
    String tenantSegment = m.var("tenant");
    if (v2 && tenantSegment.equalsIgnoreCase("common")) {
      return ErrorEnvelopes.entraPage(400, 90130, "The v2.0 admin consent endpoint does not accept 'common'; use the tenant id, a verified domain or 'organizations'.");
    }
    if (tenant == null) {
      if (SignInTenants.isAlias(tenantSegment)) {
        return ErrorEnvelopes.entraPage(400, 90002, "The fake hosts " + server.tenants().size() + " tenants, so '" + tenantSegment + "' cannot pick one; use the tenant id or domain.");
      }
      return ErrorEnvelopes.entraPage(400, 90002, "Tenant '" + tenantSegment + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
    }
    Map<String, String> q = ex.query;
    String clientId = q.get("client_id");
    ConsentAnswer outcome = tenant.consentOutcome();
    if (clientId == null || clientId.isBlank()) {
      return ErrorEnvelopes.entraPage(400, 900144, "The request body must contain the following parameter: 'client_id'.");
    }
    AppRegistration app = server.app(clientId);
    if (outcome == ConsentAnswer.UNKNOWN_APP || app == null) {
      return ErrorEnvelopes.entraPage(400, 700016, ErrorEnvelopes.appNotFoundText(clientId, tenant.seed.domain));
    }
    String redirect = q.get("redirect_uri");
    if (redirect == null || redirect.isBlank()) {
      if (app.redirectUris.isEmpty()) {
        return ErrorEnvelopes.entraPage(400, 900971, "No reply address provided.");
      }
      redirect = app.redirectUris.get(0).toString();
    }
    if (outcome == ConsentAnswer.REDIRECT_URI_MISMATCH || !registered(app, redirect)) {
      return ErrorEnvelopes.entraPage(400, 50011, "The redirect URI '" + redirect + "' specified in the request does not match the redirect URIs configured for the application '" + app.clientId + "'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.");
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
    if (outcome == ConsentAnswer.ASK) {
      String answer = q.get(ConsentPage.ANSWER_PARAMETER);
      if (answer == null) {
        return ConsentPage.render(app, tenant, q);
      }
      if (answer.equals(ConsentPage.CANCEL)) {
        outcome = ConsentAnswer.DECLINE;
      } else if (!answer.equals(ConsentPage.ACCEPT)) {
        return ErrorEnvelopes.entraPage(400, 900144, "The consent page sent an answer other than '" + ConsentPage.ACCEPT + "' or '" + ConsentPage.CANCEL + "'.");
      }
    }
    if (outcome == ConsentAnswer.DECLINE) {
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
          || !Objects.equals(u.getRawQuery(), r.getRawQuery())) {
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
}
