package io.github.b2cpermissions.graph.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reading and writing Graph bodies: the bounded read of a response, its JSON parse, the {@code
 * $batch} request body and the inner responses of a {@code $batch} answer.
 */
final class GraphBodies {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory JSON = MAPPER.getFactory();

  /** The most a Graph answer may weigh: a page of 999 assignments is a few hundred kilobytes. */
  static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  private GraphBodies() {}

  /** The JSON body of a {@code $batch} of GET requests, written without building a tree. */
  static byte[] batchBody(List<String> relativeUrls) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 128 * relativeUrls.size());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("requests");
      for (int i = 0; i < relativeUrls.size(); i++) {
        g.writeStartObject();
        g.writeStringField("id", String.valueOf(i + 1));
        g.writeStringField("method", "GET");
        g.writeStringField("url", relativeUrls.get(i));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a $batch payload", e);
    }
    return out.toByteArray();
  }

  static JsonNode parse(CallContext ctx, String what, int status, byte[] bytes) {
    if (bytes.length == 0) {
      if (status >= 200 && status < 300 && status != 204) {
        throw new UnexpectedGraphResponseException(
            "Graph answered " + what + " with " + status + " and an empty body", ctx.tenantId(),
            status, null);
      }
      return GraphResponse.noBody();
    }
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new UnexpectedGraphResponseException(
            "Graph answered " + what + " with " + status + " and a body that is not a JSON object",
            ctx.tenantId(), status, null);
      }
      return node;
    } catch (IOException e) {
      throw new UnexpectedGraphResponseException(
          "Graph answered " + what + " with " + status + " and malformed JSON", ctx.tenantId(),
          status, e);
    }
  }

  static @Nullable String header(JsonNode headers, String name) {
    var fields = headers.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      if (e.getKey().equalsIgnoreCase(name) && e.getValue().isValueNode()) {
        return e.getValue().asText();
      }
    }
    return null;
  }

  /** The inner responses of a {@code $batch} answer, in the order of the requests. */
  static List<GraphResponse> innerResponses(
      CallContext ctx, JsonNode batch, int expected, int attempts, Clock clock) {
    GraphResponse[] ordered = new GraphResponse[expected];
    JsonNode responses = batch.path("responses");
    if (!responses.isArray()) {
      throw new UnexpectedGraphResponseException(
          "the $batch answer has no responses array", ctx.tenantId(), 200, null);
    }
    for (JsonNode r : responses) {
      int id = r.path("id").asInt(-1);
      if (id < 1 || id > expected || ordered[id - 1] != null) {
        throw new UnexpectedGraphResponseException(
            "the $batch answer has an unknown or repeated response id", ctx.tenantId(), 200, null);
      }
      int status = r.path("status").asInt(0);
      boolean spent = status == 429 || status == 503 || status == 504;
      ordered[id - 1] = new GraphResponse(status, r.path("body"),
          spent ? RetryAfter.parse(header(r.path("headers"), "Retry-After"), clock).orElse(null) : null,
          spent ? attempts : 0);
    }
    List<GraphResponse> out = new ArrayList<>(expected);
    for (int i = 0; i < expected; i++) {
      if (ordered[i] == null) {
        throw new UnexpectedGraphResponseException(
            "the $batch answer lacks the response to request " + (i + 1), ctx.tenantId(), 200, null);
      }
      out.add(ordered[i]);
    }
    return out;
  }
}
