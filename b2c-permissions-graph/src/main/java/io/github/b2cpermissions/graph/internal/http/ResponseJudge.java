package io.github.b2cpermissions.graph.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges one HTTP answer from Graph: an answer to return, a failure to retry ({@link Retryable})
 * or one to throw; hands every throttling signal (a 429, {@code x-ms-throttle-limit-percentage},
 * top-level or inside a {@code $batch}) to {@link RequestPermits#onThrottle}.
 */
final class ResponseJudge {
  private static final Logger LOG = LoggerFactory.getLogger(GraphTransport.class);
  static final String THROTTLE_SCOPE = "x-ms-throttle-scope";
  static final String THROTTLE_PERCENTAGE = "x-ms-throttle-limit-percentage";

  private final RetryDecider retries;
  private final RequestPermits permits;
  private final Clock clock;

  ResponseJudge(RetryDecider retries, RequestPermits permits, Clock clock) {
    this.retries = retries;
    this.permits = permits;
    this.clock = clock;
  }

  /**
   * The answer to return.
   *
   * @throws Retryable when the policy may try again (or decided it may not: see {@link
   *     Retryable#again})
   * @throws io.github.b2cpermissions.B2cPermissionsException for a 401, a 5xx other than 503/504
   *     or a malformed body
   */
  GraphResponse judge(CallContext ctx, WireAnswer response, String what, int attempt)
      throws Retryable {
    int status = response.status();
    byte[] bytes = response.body();
    String percentage = response.throttlePercentage();
    if (status == 429 || percentage != null) {
      notice(new ThrottleNotice(ctx.tenantId(), status,
          RetryAfter.parse(response.retryAfter(), clock).orElse(null),
          response.throttleScope(), ThrottleNotice.percentage(percentage), false));
    }
    if (status == 429 || status == 503 || status == 504) {
      Optional<Duration> ra = RetryAfter.parse(response.retryAfter(), clock);
      throw retries.decide(ctx, what, attempt, "HTTP " + status, ra.orElse(null), null);
    }
    if (status >= 500) {
      throw new GraphUnavailableException(
          "Graph answered " + what + " for tenant " + ctx.tenantId() + " with " + status
              + " (not retried: only 503 and 504 are passing failures)", ctx.tenantId(), null);
    }
    JsonNode json = GraphBodies.parse(ctx, what, status, bytes);
    if (status == 401) {
      GraphResponse r = new GraphResponse(status, json);
      throw new AuthenticationFailedException(
          "Graph refused the app's token for tenant " + ctx.tenantId() + " (401 "
              + r.errorCode() + "): the token is invalid, expired or for another tenant or cloud",
          ctx.tenantId(), 0, null);
    }
    if (status == 200 && json.has("responses") && what.endsWith("/$batch")) {
      // Each item's throttling is told to the permits; which items are sent again, and when, is
      // decided per item by BatchRounds, not by retrying the whole batch here.
      for (JsonNode inner : json.path("responses")) {
        int s = inner.path("status").asInt(0);
        JsonNode headers = inner.path("headers");
        String innerPercentage = GraphBodies.header(headers, THROTTLE_PERCENTAGE);
        if (s == 429 || innerPercentage != null) {
          notice(new ThrottleNotice(ctx.tenantId(), s,
              RetryAfter.parse(GraphBodies.header(headers, "Retry-After"), clock).orElse(null),
              GraphBodies.header(headers, THROTTLE_SCOPE), ThrottleNotice.percentage(innerPercentage),
              true));
        }
      }
    }
    return new GraphResponse(status, json);
  }

  private void notice(ThrottleNotice n) {
    try {
      permits.onThrottle(n);
    } catch (RuntimeException e) {
      LOG.warn("the request budget's throttle hook threw; ignored", e);
    }
  }
}
