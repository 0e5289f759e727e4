package io.github.b2cpermissions.graph.internal.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.jspecify.annotations.Nullable;

/**
 * One answer of Graph to a grant request, or the lack of one.
 *
 * @param status the HTTP status, 0 when no answer arrived
 * @param body the JSON body, a missing node when there was none or it was not JSON
 * @param failure why no answer arrived (timeout, dropped connection), null when one did
 */
record GrantAnswer(int status, JsonNode body, @Nullable String failure) {

  static GrantAnswer none(String failure) {
    return new GrantAnswer(0, MissingNode.getInstance(), failure);
  }

  boolean arrived() {
    return failure == null;
  }

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /**
   * True when the answer does not say whether a create took effect: none arrived, or Graph
   * answered with a server error or a throttle (the request may or may not have been processed).
   */
  boolean unclear() {
    return !arrived() || status == 429 || status >= 500;
  }

  /** Graph's error code, or null. */
  @Nullable String errorCode() {
    JsonNode c = body.path("error").path("code");
    return c.isTextual() ? c.asText() : null;
  }

  /** Graph's error message, or null. */
  @Nullable String errorMessage() {
    JsonNode m = body.path("error").path("message");
    return m.isTextual() ? m.asText() : null;
  }
}
