package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /$batch}: JSON batching. Each request inside runs through the {@link GraphDispatcher}
 * on its own (authorized, faulted and journaled like a request from the wire); {@code dependsOn}
 * fails a request whose dependency failed.
 */
final class BatchHandler {
  private static final int MAX_BATCH = 20;

  private final GraphDispatcher dispatcher;
  private final GraphServer server;
  private final ErrorEnvelopes errors;

  BatchHandler(GraphDispatcher dispatcher, GraphServer server, ErrorEnvelopes errors) {
    this.dispatcher = dispatcher;
    this.server = server;
    this.errors = errors;
  }

  void register(RouteTable routes) {
    routes.write("BATCH", this::batch);
  }

  private Reply batch(GraphRequest op) {
    JsonNode body = Json.parse(op.ex.body);
    JsonNode requests = body == null ? null : body.get("requests");
    if (requests == null || !requests.isArray()) {
      throw new GraphErrorException(400, "BadRequest", "Invalid batch payload format.");
    }
    if (requests.size() > MAX_BATCH) {
      throw new GraphErrorException(400, "BadRequest", "Maximum number of requests in a batch is 20.");
    }
    Set<String> ids = new HashSet<>();
    for (JsonNode r : requests) {
      String id = r.path("id").asText("");
      if (id.isEmpty() || !ids.add(id)) {
        throw new GraphErrorException(400, "BadRequest", id.isEmpty() ? "Batch request is missing an id." : "Batch request id '" + id + "' is duplicated.");
      }
      if (r.path("method").asText("").isEmpty() || r.path("url").asText("").isEmpty()) {
        throw new GraphErrorException(400, "BadRequest", "Batch request '" + id + "' needs a method and a url.");
      }
    }
    Map<String, Integer> statusById = new LinkedHashMap<>();
    List<BatchItemReply> answers = new ArrayList<>(requests.size());
    for (JsonNode r : requests) {
      String id = r.path("id").asText();
      Reply inner = item(op, r, statusById);
      statusById.put(id, inner.status);
      answers.add(new BatchItemReply(id, inner));
    }
    Reply reply = new Reply(200);
    reply.headers.put("Content-Type", "application/json; charset=utf-8");
    reply.headers.put("OData-Version", "4.0");
    reply.body = BatchItemReply.envelope(answers);
    return reply;
  }

  private Reply item(GraphRequest op, JsonNode r, Map<String, Integer> statusById) {
    String method = r.path("method").asText().toUpperCase(Locale.ROOT);
    String url = r.path("url").asText();
    for (JsonNode dep : r.path("dependsOn")) {
      Integer st = statusById.get(dep.asText());
      if (st == null || st >= 400) {
        return errors.graph(op, 424, "FailedDependency", "Request '" + r.path("id").asText() + "' depends on '" + dep.asText() + "', which failed or is not earlier in the batch.");
      }
    }
    if (url.regionMatches(true, 0, "http", 0, 4)) {
      return errors.graph(op, 400, "BadRequest", "Batch requests must use URLs relative to the version, such as /users.");
    }
    String pathAndQuery = "/v1.0" + (url.startsWith("/") ? url : "/" + url);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = r.path("headers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> h = it.next();
      headers.put(h.getKey(), List.of(h.getValue().asText()));
    }
    List<String> auth = op.ex.headers.get("Authorization");
    if (auth != null) {
      headers.put("Authorization", auth);
    }
    byte[] body = new byte[0];
    JsonNode b = r.get("body");
    if (b != null && !b.isNull()) {
      body = b.isTextual() ? b.asText().getBytes(StandardCharsets.UTF_8) : Json.bytes(b);
    }
    Exchange innerEx = new Exchange(method, pathAndQuery, headers, body, true);
    RouteMatcher.Match m = server.matcher().match(innerEx.method, innerEx.path);
    Instant received = server.clock().instant();
    Reply inner;
    if (m.route != null && m.route.is("BATCH")) {
      inner = errors.graph(op, 400, "BadRequest", "A batch request cannot contain another batch.");
    } else {
      inner = dispatcher.operation(innerEx, m, op.caller);
    }
    Dispatcher.record(server.journal(), received, innerEx, m.route, op.tenant, inner);
    return inner;
  }
}
