package io.github.b2cpermissions.graph.internal.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import okhttp3.Authenticator;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Sends one request to the configured Graph endpoint and returns what came back, exactly once: no
 * retry, no redirect (the client is built that way), and never to another host, so the bearer
 * token stays with Graph. A timeout or dropped connection is an answer that did not arrive.
 * OkHttp's own follow-up logic would resend a 503 carrying {@code Retry-After: 0} by itself (a
 * blind second create), so a network interceptor hides that header from it; the granter does not
 * wait on it.
 */
final class GrantHttp {
  private static final MediaType JSON = MediaType.get("application/json");
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final OkHttpClient client;
  private final HttpUrl root;

  GrantHttp(OkHttpClient client, HttpUrl root) {
    this.client = client.newBuilder().authenticator(Authenticator.NONE)
        .addNetworkInterceptor(GrantHttp::withoutRetryAfter).build();
    this.root = root;
  }

  private static Response withoutRetryAfter(Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    return response.header("Retry-After") == null ? response
        : response.newBuilder().removeHeader("Retry-After").build();
  }

  GrantAnswer post(String relative, JsonNode body, String bearer) {
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a grant request body", e);
    }
    return send(new Request.Builder().url(resolve(relative))
        .post(RequestBody.create(bytes, JSON)), bearer);
  }

  GrantAnswer get(String relative, String bearer) {
    return send(new Request.Builder().url(resolve(relative)).get(), bearer);
  }

  /** GETs a link Graph handed out; refused (as an answer that did not arrive) unless it is Graph's. */
  GrantAnswer getLink(String absolute, String bearer) {
    HttpUrl url = HttpUrl.parse(absolute);
    if (url == null || !url.scheme().equals(root.scheme()) || !url.host().equals(root.host())
        || url.port() != root.port() || !url.encodedPath().startsWith(root.encodedPath())) {
      return GrantAnswer.none("refused to follow a link that leaves the Graph endpoint");
    }
    return send(new Request.Builder().url(url).get(), bearer);
  }

  private HttpUrl resolve(String relative) {
    HttpUrl url = root.resolve(relative.startsWith("/") ? relative.substring(1) : relative);
    if (url == null || !url.host().equals(root.host())) {
      throw new IllegalArgumentException("not a Graph path: " + relative);
    }
    return url;
  }

  private GrantAnswer send(Request.Builder request, String bearer) {
    Request r = request.header("Authorization", "Bearer " + bearer)
        .header("Accept", "application/json").build();
    try (Response response = client.newCall(r).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      return new GrantAnswer(response.code(), parse(text), null);
    } catch (IOException e) {
      return GrantAnswer.none(e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private static JsonNode parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode n = MAPPER.readTree(text);
      return n == null ? MissingNode.getInstance() : n;
    } catch (IOException notJson) {
      return MissingNode.getInstance();
    }
  }
}
