package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchItemReplyTest {

  private static Reply reply(int status, String body) {
    Reply r = new Reply(status);
    r.headers.put("Content-Type", Reply.GRAPH_JSON);
    r.body = body.getBytes(StandardCharsets.UTF_8);
    return r;
  }

  private static String envelope(BatchItemReply... answers) {
    return new String(BatchItemReply.envelope(List.of(answers)), StandardCharsets.UTF_8);
  }

  @Test
  void aJsonBodyIsCarriedByteForByteAsTheRequestAloneWouldGetIt() {
    String body = "{\"value\" : [ {\"z\":1, \"a\":\"\\u00e9\"} ],\"@odata.context\":\"x\"}";
    String out = envelope(new BatchItemReply("1", reply(200, body)));
    assertThat(out).contains("\"body\":" + body);
    JsonNode item = Json.parse(out.getBytes(StandardCharsets.UTF_8)).path("responses").get(0);
    assertThat(item.path("id").asText()).isEqualTo("1");
    assertThat(item.path("status").asInt()).isEqualTo(200);
    assertThat(item.path("body")).isEqualTo(Json.parse(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void answersKeepTheirOrderAndEachItsOwnStatus() {
    JsonNode responses =
        Json.parse(BatchItemReply.envelope(List.of(
                new BatchItemReply("b", reply(404, "{\"error\":{\"code\":\"Request_ResourceNotFound\"}}")),
                new BatchItemReply("a", reply(200, "{\"id\":\"x\"}")))))
            .path("responses");
    assertThat(responses).hasSize(2);
    assertThat(responses.get(0).path("id").asText()).isEqualTo("b");
    assertThat(responses.get(0).path("status").asInt()).isEqualTo(404);
    assertThat(responses.get(0).path("body").path("error").path("code").asText()).isEqualTo("Request_ResourceNotFound");
    assertThat(responses.get(1).path("id").asText()).isEqualTo("a");
    assertThat(responses.get(1).path("body").path("id").asText()).isEqualTo("x");
  }

  @Test
  void aBodyWithTrailingTextIsReEncodedAsItsFirstValueSoTheEnvelopeStaysValid() {
    String out = envelope(new BatchItemReply("1", reply(200, "{\"a\":1} trailing")));
    JsonNode item = Json.parse(out.getBytes(StandardCharsets.UTF_8)).path("responses").get(0);
    assertThat(item.path("body").path("a").asInt()).isEqualTo(1);
    assertThat(out).doesNotContain("trailing");
  }

  @Test
  void aBodyThatIsNotJsonTravelsAsBase64Text() {
    String out = envelope(new BatchItemReply("1", reply(200, "<html>no</html>")));
    JsonNode item = Json.parse(out.getBytes(StandardCharsets.UTF_8)).path("responses").get(0);
    assertThat(item.path("body").isTextual()).isTrue();
    assertThat(new String(Base64.getDecoder().decode(item.path("body").asText()), StandardCharsets.UTF_8))
        .isEqualTo("<html>no</html>");
  }

  @Test
  void anEmptyBodyLeavesTheBodyOut() {
    Reply empty = new Reply(204);
    JsonNode item =
        Json.parse(BatchItemReply.envelope(List.of(new BatchItemReply("1", empty)))).path("responses").get(0);
    assertThat(item.has("body")).isFalse();
    assertThat(item.path("status").asInt()).isEqualTo(204);
  }

  @Test
  void perRequestCorrelationHeadersAreLeftOutAndOthersKept() {
    Reply r = reply(429, "{}");
    r.headers.put("Retry-After", "7");
    r.headers.put("request-id", "r");
    r.headers.put("Client-Request-Id", "c");
    r.headers.put("x-ms-ags-diagnostic", "d");
    JsonNode headers =
        Json.parse(BatchItemReply.envelope(List.of(new BatchItemReply("1", r)))).path("responses").get(0).path("headers");
    assertThat(headers.path("Retry-After").asText()).isEqualTo("7");
    assertThat(headers.has("request-id")).isFalse();
    assertThat(headers.has("Client-Request-Id")).isFalse();
    assertThat(headers.has("x-ms-ags-diagnostic")).isFalse();
    assertThat(headers.path("Content-Type").asText()).isEqualTo(Reply.GRAPH_JSON);
  }

  @Test
  void oneJsonValueIsToldApartFromTextAndFromSeveralValues() {
    assertThat(BatchItemReply.isOneJsonValue("{\"a\":[1,2]}\n".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(BatchItemReply.isOneJsonValue("[1] [2]".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(BatchItemReply.isOneJsonValue("{\"a\":".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(BatchItemReply.isOneJsonValue("not json".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(BatchItemReply.isOneJsonValue(new byte[0])).isFalse();
  }
}
