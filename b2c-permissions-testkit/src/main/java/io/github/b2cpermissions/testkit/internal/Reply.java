package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A response before it goes on the wire. */
final class Reply {
  static final String GRAPH_JSON =
      "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

  int status;
  final Map<String, String> headers = new LinkedHashMap<>();
  byte[] body = new byte[0];
  /** Set for RESET / EMPTY transport faults. */
  FaultPlan.@Nullable Kind transportFault;
  long delayMillis;
  /** Set when no route matched (for the journal). */
  @Nullable String unmatchedReason;

  Reply(int status) {
    this.status = status;
  }

  static Reply json(int status, JsonNode body) {
    Reply r = new Reply(status);
    r.headers.put("Content-Type", GRAPH_JSON);
    r.body = Json.bytes(body);
    return r;
  }

  static Reply plainJson(int status, JsonNode body) {
    Reply r = new Reply(status);
    r.headers.put("Content-Type", "application/json; charset=utf-8");
    r.body = Json.bytes(body);
    return r;
  }

  static Reply html(int status, String html) {
    Reply r = new Reply(status);
    r.headers.put("Content-Type", "text/html; charset=utf-8");
    r.body = html.getBytes(StandardCharsets.UTF_8);
    return r;
  }

  static Reply noContent() {
    return new Reply(204);
  }

  static Reply redirect(String location) {
    Reply r = new Reply(302);
    r.headers.put("Location", location);
    r.headers.put("Cache-Control", "no-store, no-cache");
    return r;
  }

  Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
