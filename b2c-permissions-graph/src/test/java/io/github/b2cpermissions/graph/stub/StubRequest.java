package io.github.b2cpermissions.graph.stub;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request as the stub received it, or one request inside a {@code $batch}.
 *
 * @param method the HTTP method
 * @param path the decoded path, e.g. {@code /v1.0/organization}
 * @param query the raw query without {@code ?}, or empty
 * @param headers the headers, names lower-cased
 * @param body the request body, empty when none
 * @param inBatch whether this request came inside a {@code $batch}
 */
public record StubRequest(
    String method, String path, String query, Map<String, List<String>> headers, byte[] body,
    boolean inBatch) {

  /** The first value of a header, or null. */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The path with its query, as a route key: {@code GET /v1.0/organization?$select=id}. */
  public String pathAndQuery() {
    return query.isEmpty() ? path : path + "?" + query;
  }

  /** Whether the path starts with {@code prefix} (for example {@code /v1.0/servicePrincipals}). */
  public boolean pathStartsWith(String prefix) {
    return path.startsWith(prefix);
  }

  @Override
  public String toString() {
    return method + " " + pathAndQuery() + (inBatch ? " (in $batch)" : "");
  }
}
