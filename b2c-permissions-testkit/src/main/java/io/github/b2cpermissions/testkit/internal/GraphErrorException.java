package io.github.b2cpermissions.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Graph error a handler decides on: thrown out of the handler and turned into Graph's error
 * envelope by the {@link GraphDispatcher}. Control flow inside the fake, never seen by a user of the
 * testkit, so it carries no stack trace.
 */
final class GraphErrorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;
  /** Headers the reply carries besides the usual ones. */
  final Map<String, String> headers = new LinkedHashMap<>();
  /** Set when the request shows a gap of the fake, for the journal's unmatched list. */
  @Nullable String unmatchedReason;

  GraphErrorException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  GraphErrorException header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  GraphErrorException unmatched(@Nullable String reason) {
    this.unmatchedReason = reason;
    return this;
  }

  static GraphErrorException forbidden() {
    return new GraphErrorException(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  }

  static GraphErrorException notFound(String id) {
    return new GraphErrorException(
        404,
        "Request_ResourceNotFound",
        "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
  }

  static GraphErrorException badRequest(String message) {
    return new GraphErrorException(400, "Request_BadRequest", message);
  }

  /** Graph's answer to a write without a JSON object body. */
  static GraphErrorException missingBody() {
    return new GraphErrorException(400, "BadRequest", "Write requests (excluding DELETE) must contain the Content-Type header declaration.");
  }

  /** A query the fake does not serve: Graph's 400, or a 501 that names the gap in strict mode. */
  static GraphErrorException unsupported(GraphRequest op, String what) {
    if (op.strict()) {
      return new GraphErrorException(501, "NotImplementedByFake", "the fake does not support " + what + " on " + op.route + " (strict mode)")
          .unmatched("unsupported " + what + " on " + op.route);
    }
    return new GraphErrorException(400, "Request_UnsupportedQuery", "Unsupported Query.");
  }

  /** A {@code $filter} the toolkit refused, with its message; flagged in strict mode. */
  static GraphErrorException unsupportedFilter(GraphRequest op, String filter, String message) {
    return new GraphErrorException(400, "Request_UnsupportedQuery", message)
        .unmatched(op.strict() ? "unsupported $filter=" + filter + " on " + op.route : null);
  }

  /** A body property Graph does not know on the resource; flagged in strict mode. */
  static GraphErrorException invalidProperty(GraphRequest op, String name, String resource) {
    return badRequest("Invalid property '" + name + "' on resource '" + resource + "'.")
        .unmatched(op.strict() ? "the fake does not model the property " + name + " on " + op.route : null);
  }

  /** Graph's 400 for a property value it refuses. */
  static GraphErrorException invalidValue(String property, String resource) {
    return badRequest("Invalid value specified for property '" + property + "' of resource '" + resource + "'.");
  }
}
