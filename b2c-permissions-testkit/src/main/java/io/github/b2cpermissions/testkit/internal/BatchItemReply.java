package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One answer inside a {@code $batch} response, and the envelope that carries them.
 *
 * <p>A JSON body goes into the envelope as the very bytes the same request would get on its own
 * (no parse into a tree and no second serialization); a body that is not exactly one JSON value is
 * re-encoded as before: the first JSON value when there is one, base64 text otherwise. Graph's
 * per-request correlation headers are left out of each item, as Graph does.
 */
record BatchItemReply(String id, Reply reply) {

  /** Writes {@code {"responses":[...]}} for the given answers, in order. */
  static byte[] envelope(List<BatchItemReply> answers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 512 * answers.size());
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("responses");
      for (BatchItemReply answer : answers) {
        answer.write(g);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a $batch response", e);
    }
    return out.toByteArray();
  }

  private void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", id);
    g.writeNumberField("status", reply.status);
    g.writeObjectFieldStart("headers");
    for (Map.Entry<String, String> h : reply.headers.entrySet()) {
      if (carried(h.getKey())) {
        g.writeStringField(h.getKey(), h.getValue());
      }
    }
    g.writeEndObject();
    byte[] body = reply.body;
    if (body.length > 0) {
      g.writeFieldName("body");
      if (isOneJsonValue(body)) {
        g.writeRawValue(new String(body, StandardCharsets.UTF_8));
      } else {
        JsonNode json = Json.parse(body);
        if (json != null) {
          g.writeTree(json);
        } else {
          g.writeString(Base64.getEncoder().encodeToString(body));
        }
      }
    }
    g.writeEndObject();
  }

  private static boolean carried(String header) {
    String k = header.toLowerCase(Locale.ROOT);
    return !k.equals("request-id") && !k.equals("client-request-id") && !k.startsWith("x-ms-ags");
  }

  /** True when the bytes hold exactly one JSON value and nothing after it but whitespace. */
  static boolean isOneJsonValue(byte[] body) {
    try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }
}
