package io.github.b2cpermissions.graph.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A Graph answer that is not retried: a status and its JSON body (a {@link MissingNode} when the
 * body was empty). Used for top-level responses and for the inner responses of a {@code $batch}.
 *
 * @param status the HTTP status
 * @param body the parsed body
 * @param retryAfter the {@code Retry-After} Graph gave with a 429, 503 or 504 that the retry
 *     policy could not outlast, or null
 * @param attempts how many attempts were made when the retry budget ran out, or 0
 */
public record GraphResponse(int status, JsonNode body, @Nullable Duration retryAfter, int attempts) {

  /** An answer without retry information. */
  public GraphResponse(int status, JsonNode body) {
    this(status, body, null, 0);
  }

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
