package io.github.b2cpermissions.graph.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Answers Graph's JSON {@code $batch} as Microsoft documents it: each inner request is answered on
 * its own by the per-request handler, and the outer answer is 200 with a {@code responses} array
 * (ids, statuses, headers and bodies). Requests outside a batch go to the same handler, so one
 * handler describes the tenant whichever way the verifier asks. An outer-level fault is scripted by
 * {@link #outer(Function)}.
 */
public final class BatchHandler implements Function<StubRequest, StubResponse> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<StubRequest, StubResponse> perRequest;
  private final List<StubRequest> inner = new CopyOnWriteArrayList<>();
  private volatile Function<StubRequest, StubResponse> outer = r -> null;

  private BatchHandler(Function<StubRequest, StubResponse> perRequest) {
    this.perRequest = perRequest;
  }

  /** A batch-aware handler around {@code perRequest}. */
  public static BatchHandler of(Function<StubRequest, StubResponse> perRequest) {
    return new BatchHandler(perRequest);
  }

  /**
   * Scripts the outer request: a non-null answer is sent instead of handling the request (for a
   * 429 or 503 on the whole {@code $batch}, or a dropped connection).
   */
  public BatchHandler outer(Function<StubRequest, StubResponse> outerFault) {
    this.outer = outerFault;
    return this;
  }

  /** Every request answered by the per-request handler, inner batch requests included. */
  public List<StubRequest> handled() {
    return List.copyOf(inner);
  }

  @Override
  public StubResponse apply(StubRequest request) {
    StubResponse fault = outer.apply(request);
    if (fault != null) {
      return fault;
    }
    if (!request.method().equals("POST") || !request.path().endsWith("/$batch")) {
      inner.add(request);
      return perRequest.apply(request);
    }
    String version = request.path().substring(0, request.path().length() - "/$batch".length());
    JsonNode payload;
    try {
      payload = JSON.readTree(request.body());
    } catch (IOException e) {
      return StubResponse.graphError(400, "BadRequest", "Invalid batch payload format.");
    }
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode responses = answer.putArray("responses");
    for (JsonNode r : payload.path("requests")) {
      URI url = URI.create(version + r.path("url").asText());
      StubRequest one = new StubRequest(r.path("method").asText("GET"), url.getPath(),
          url.getRawQuery() == null ? "" : url.getRawQuery(), Map.of(), new byte[0], true);
      inner.add(one);
      StubResponse res = perRequest.apply(one);
      ObjectNode out = responses.addObject();
      out.put("id", r.path("id").asText());
      out.put("status", res.status());
      ObjectNode headers = out.putObject("headers");
      res.headers().forEach(headers::put);
      try {
        out.set("body", res.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(res.body()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      return StubResponse.json(200, JSON.writeValueAsString(answer));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
