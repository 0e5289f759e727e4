package io.github.b2cpermissions.graph.stub;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the stub answers: a status, headers and a body, optionally delayed, dripped slowly, or not
 * sent at all (the connection is dropped). Immutable; the {@code with...} methods return copies.
 *
 * @param status the HTTP status
 * @param headers response headers
 * @param body the body bytes
 * @param delay how long to wait before sending the status line
 * @param dripInterval when positive, the body is sent one byte at a time with this pause
 * @param dropConnection close the connection instead of answering
 */
public record StubResponse(
    int status, Map<String, String> headers, byte[] body, Duration delay, Duration dripInterval,
    boolean dropConnection) {

  /** A JSON answer. */
  public static StubResponse json(int status, String json) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("request-id", UUID.randomUUID().toString());
    return new StubResponse(status, h, json.getBytes(StandardCharsets.UTF_8), Duration.ZERO,
        Duration.ZERO, false);
  }

  /**
   * Graph's error envelope, as Microsoft documents it: {@code error.code}, {@code error.message} and
   * an {@code innerError} with {@code date}, {@code request-id} and {@code client-request-id}.
   */
  public static StubResponse graphError(int status, String code, String message) {
    String id = UUID.randomUUID().toString();
    return json(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message
        + "\",\"innerError\":{\"date\":\"" + Instant.now().toString().replaceAll("\\.\\d+Z$", "")
        + "\",\"request-id\":\"" + id + "\",\"client-request-id\":\"" + id + "\"}}}");
  }

  /** 403 as Graph answers an app without the permission a read needs. */
  public static StubResponse forbidden() {
    return graphError(403, "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.");
  }

  /** 404 as Graph answers an object that does not exist. */
  public static StubResponse notFound() {
    return graphError(404, "Request_ResourceNotFound",
        "Resource does not exist or one of its queried reference-property objects are not present.");
  }

  /**
   * 429 as Graph throttles: {@code Retry-After} in seconds, the {@code TooManyRequests} code and the
   * {@code x-ms-throttle-scope} / {@code x-ms-throttle-information} headers.
   */
  public static StubResponse throttled(int retryAfterSeconds, String scope) {
    return graphError(429, "TooManyRequests", "Too many requests")
        .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
        .withHeader("x-ms-throttle-scope", scope)
        .withHeader("x-ms-throttle-information", "ResourceUnitLimitExceeded");
  }

  /** 503 as Graph answers when the service is briefly unavailable. */
  public static StubResponse unavailable(int retryAfterSeconds) {
    return graphError(503, "serviceNotAvailable", "The service is temporarily unavailable.")
        .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
  }

  /** A dropped connection: no status line at all. */
  public static StubResponse dropped() {
    return new StubResponse(0, Map.of(), new byte[0], Duration.ZERO, Duration.ZERO, true);
  }

  /** A copy with one more header. */
  public StubResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new StubResponse(status, h, body, delay, dripInterval, dropConnection);
  }

  /** A copy sent after {@code wait}. */
  public StubResponse delayed(Duration wait) {
    return new StubResponse(status, headers, body, wait, dripInterval, dropConnection);
  }

  /** A copy whose body trickles out one byte per {@code interval}. */
  public StubResponse dripped(Duration interval) {
    return new StubResponse(status, headers, body, delay, interval, dropConnection);
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
