package io.github.b2cpermissions.graph.internal.http;

import io.github.b2cpermissions.GraphThrottledException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A failure worth another attempt; {@link #again} says whether the budget allows one. */
final class Retryable extends Exception {
  private static final long serialVersionUID = 1L;
  final String reason;
  final transient @Nullable Duration retryAfter;
  final long waitMillis;
  final boolean again;

  Retryable(String reason, @Nullable Duration retryAfter, long waitMillis, boolean again,
      @Nullable Throwable cause) {
    super(reason, cause, false, false);
    this.reason = reason;
    this.retryAfter = retryAfter;
    this.waitMillis = waitMillis;
    this.again = again;
  }

  RuntimeException finalFailure(CallContext ctx, String what, int attempts) {
    String budget = attempts >= 1 ? " after " + attempts + " attempt(s)" : "";
    if (reason.startsWith("HTTP 429")) {
      return new GraphThrottledException(
          "Graph kept throttling " + what + " for tenant " + ctx.tenantId() + budget
              + (retryAfter != null ? "; last Retry-After " + retryAfter.toSeconds() + " s" : ""),
          ctx.tenantId(), retryAfter, attempts);
    }
    return new GraphUnavailableException(
        "Graph kept failing " + what + " for tenant " + ctx.tenantId() + budget + ": " + reason,
        ctx.tenantId(), getCause());
  }
}
