package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The error shapes the fake answers with, in one place: Graph's JSON envelope ({@code error} with
 * {@code code}, {@code message} and {@code innerError}), the Microsoft identity platform's JSON
 * error ({@code AADSTS} codes) and its HTML error page, and the replies of injected status faults.
 */
final class ErrorEnvelopes {
  private static final DateTimeFormatter ENTRA_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final GraphServer server;

  ErrorEnvelopes(GraphServer server) {
    this.server = server;
  }

  // ---- Microsoft Graph ------------------------------------------------------------------------

  /** Graph's error envelope for a request, with its request ids in the body and the headers. */
  Reply graph(Exchange ex, String requestId, int status, String code, String message) {
    String crid = ex.header("client-request-id");
    String clientRequestId = crid == null || crid.isBlank() ? requestId : crid;
    ObjectNode root = Json.object();
    ObjectNode err = root.putObject("error");
    err.put("code", code);
    err.put("message", message);
    ObjectNode inner = err.putObject("innerError");
    inner.put("date", Json.innerErrorDate(server.clock().instant()));
    inner.put("request-id", requestId);
    inner.put("client-request-id", clientRequestId);
    Reply r = Reply.plainJson(status, root);
    r.headers.put("request-id", requestId);
    r.headers.put("client-request-id", clientRequestId);
    return r;
  }

  Reply graph(GraphRequest op, int status, String code, String message) {
    Reply r = graph(op.ex, op.requestId, status, code, message);
    r.headers.put("client-request-id", op.clientRequestId);
    return r;
  }

  /** The envelope of an error a handler threw. */
  Reply graph(GraphRequest op, GraphErrorException e) {
    Reply r = graph(op, e.status, e.code, String.valueOf(e.getMessage()));
    r.headers.putAll(e.headers);
    r.unmatchedReason = e.unmatchedReason;
    return r;
  }

  /** The reply of an injected status fault on a Graph route. */
  Reply graphFault(Exchange ex, String requestId, FaultPlan.Fired fired, Caller caller, UUID tenantId) {
    Reply r;
    if (fired.kind == FaultPlan.Kind.THROTTLE) {
      r = graph(ex, requestId, 429, "TooManyRequests", "Too many requests.");
      r.headers.put("x-ms-throttle-scope", "Tenant_Application/ReadWrite/" + caller.appId + "/" + tenantId);
      r.headers.put("x-ms-throttle-information", "ResourceUnitLimitExceeded");
      r.headers.put("x-ms-throttle-limit-percentage", "1.0");
    } else {
      r = graph(ex, requestId, fired.status, statusCode(fired.status), statusMessage(fired.status));
    }
    if (fired.retryAfterSeconds >= 0) {
      r.headers.put("Retry-After", Long.toString(fired.retryAfterSeconds));
    }
    return r;
  }

  static String statusCode(int status) {
    switch (status) {
      case 400:
        return "BadRequest";
      case 401:
        return "InvalidAuthenticationToken";
      case 403:
        return "Authorization_RequestDenied";
      case 404:
        return "Request_ResourceNotFound";
      case 409:
        return "Conflict";
      case 429:
        return "TooManyRequests";
      case 500:
        return "InternalServerError";
      case 502:
        return "BadGateway";
      case 503:
        return "ServiceUnavailable";
      case 504:
        return "GatewayTimeout";
      default:
        return "UnknownError";
    }
  }

  static String statusMessage(int status) {
    switch (status) {
      case 503:
        return "The service is temporarily unavailable. Please retry later.";
      case 504:
        return "The gateway did not receive a timely response.";
      case 429:
        return "Too many requests.";
      default:
        return "The fake Graph was told to fail this request with " + status + ".";
    }
  }

  // ---- Microsoft identity platform ------------------------------------------------------------

  /** The identity platform's JSON error, as the token endpoint and discovery answer. */
  Reply entra(int status, String error, int code, String text) {
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

  /** The reply of an injected status fault on a sign-in route. */
  Reply entraFault(FaultPlan.Fired fired) {
    int status = fired.kind == FaultPlan.Kind.THROTTLE ? 429 : fired.status;
    Reply r = entra(status, "temporarily_unavailable", 90033, "A transient error has occurred. Please try again.");
    if (fired.retryAfterSeconds >= 0) {
      r.headers.put("Retry-After", Long.toString(fired.retryAfterSeconds));
    }
    return r;
  }

  /** The HTML page the sign-in endpoints show a browser for an error they cannot redirect. */
  static Reply entraPage(int status, int code, String text) {
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

  /** The text of AADSTS700016: the app is not registered in the directory. */
  static String appNotFoundText(String clientId, String directory) {
    return "Application with identifier '" + clientId + "' was not found in the directory '" + directory + "'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.";
  }
}
