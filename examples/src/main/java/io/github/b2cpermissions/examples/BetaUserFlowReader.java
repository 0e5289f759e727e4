package io.github.b2cpermissions.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads a tenant's B2C user flows for a backup. Graph serves them only in beta ({@code GET
 * /beta/identity/b2cUserFlows}; v1.0 answers 400 "Resource not found for the segment
 * 'b2cUserFlows'."), and the v1.0 Graph SDK has no request builder for them, so this is a plain
 * request that follows {@code @odata.nextLink}.
 */
public final class BetaUserFlowReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI graphHost;
  private final Supplier<String> accessToken;

  /**
   * Creates a reader.
   *
   * @param http the HTTP client (its TLS settings decide which hosts are trusted)
   * @param graphHost Graph's host, such as {@code https://graph.microsoft.com}
   * @param accessToken supplies an app-only access token for Graph
   * @throws NullPointerException if an argument is null
   */
  public BetaUserFlowReader(HttpClient http, URI graphHost, Supplier<String> accessToken) {
    this.http = Objects.requireNonNull(http, "http");
    this.graphHost = Objects.requireNonNull(graphHost, "graphHost");
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
  }

  /**
   * The user flows of the tenant, every page.
   *
   * @return the user flow objects as Graph returns them
   * @throws IllegalStateException if Graph answers anything but 200, naming the status and body
   * @throws UncheckedIOException if the request fails
   */
  public List<JsonNode> userFlows() {
    List<JsonNode> flows = new ArrayList<>();
    String next = graphHost + "/beta/identity/b2cUserFlows";
    while (next != null) {
      JsonNode page = get(next);
      page.path("value").forEach(flows::add);
      next = page.hasNonNull("@odata.nextLink") ? page.path("@odata.nextLink").asText() : null;
    }
    return flows;
  }

  private JsonNode get(String url) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + accessToken.get())
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading user flows", e);
    }
  }
}
