package io.github.b2cpermissions.graph.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A Graph answer that is not retried: a status and its JSON body (a {@link MissingNode} when the
 * body was empty). Used for top-level responses and for the inner responses of a {@code $batch}.
 *
 * @param status the HTTP status
 * @param body the parsed body
 */
public record GraphResponse(int status, JsonNode body) {

  /** Whether the status is 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** Graph's error code ({@code error.code}), or an empty string. */
  public String errorCode() {
    return body.path("error").path("code").asText("");
  }

  /** Graph's error message ({@code error.message}), or an empty string. */
  public String errorMessage() {
    return body.path("error").path("message").asText("");
  }

  /** A missing body. */
  static JsonNode noBody() {
    return MissingNode.getInstance();
  }
}
