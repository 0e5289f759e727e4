package io.github.b2cpermissions.graph.internal.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.GraphThrottledException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.InsufficientPrivilegesException;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import io.github.b2cpermissions.graph.internal.http.GraphResponse;

/**
 * What a directory read makes of one Graph answer: its status turned into the exception the check
 * reports, and its object id checked before it goes into a URL.
 */
final class GraphAnswers {

  private GraphAnswers() {}

  /**
   * The usable object id of a Graph answer.
   *
   * @throws UnexpectedGraphResponseException if the id is missing or not an object id
   */
  static String requireId(CallContext ctx, JsonNode body, String what) {
    String id = body.path("id").asText("");
    if (id.isEmpty() || id.length() > 64 || !id.matches("[0-9A-Za-z-]+")) {
      throw new UnexpectedGraphResponseException(
          "Graph returned " + what + " without a usable id", ctx.tenantId(), 200, null);
    }
    return id;
  }

  /**
   * Returns quietly for a 2xx answer; otherwise throws what the status means for the check.
   *
   * @throws InsufficientPrivilegesException for 403, naming {@code leastRole}
   * @throws AuthenticationFailedException for 401
   * @throws GraphThrottledException for 429
   * @throws GraphUnavailableException for 5xx
   * @throws UnexpectedGraphResponseException for any other status
   */
  static void requireOk(CallContext ctx, GraphResponse r, String what, String leastRole) {
    if (r.isSuccess()) {
      return;
    }
    if (r.status() == 403) {
      throw new InsufficientPrivilegesException(
          "Graph refused to read " + what + " in tenant " + ctx.tenantId() + " (403 "
              + r.errorCode() + "); the backup app needs at least " + leastRole
              + " to be verified from the directory",
          ctx.tenantId(), leastRole);
    }
    if (r.status() == 401) {
      throw new AuthenticationFailedException(
          "Graph refused the app's token reading " + what + " in tenant " + ctx.tenantId()
              + " (401 " + r.errorCode() + ")", ctx.tenantId(), 0, null);
    }
    if (r.status() == 429) {
      throw new GraphThrottledException(
          "Graph kept throttling the read of " + what + " in tenant " + ctx.tenantId()
              + (r.attempts() > 0 ? " after " + r.attempts() + " attempt(s)" : "")
              + (r.retryAfter() != null ? "; last Retry-After " + r.retryAfter().toSeconds() + " s" : ""),
          ctx.tenantId(), r.retryAfter(), r.attempts());
    }
    if (r.status() >= 500) {
      throw new GraphUnavailableException(
          "Graph failed the read of " + what + " in tenant " + ctx.tenantId() + " with "
              + r.status() + " " + r.errorCode(), ctx.tenantId(), null);
    }
    throw new UnexpectedGraphResponseException(
        "Graph answered the read of " + what + " in tenant " + ctx.tenantId() + " with "
            + r.status() + " " + r.errorCode(), ctx.tenantId(), r.status(), null);
  }
}
