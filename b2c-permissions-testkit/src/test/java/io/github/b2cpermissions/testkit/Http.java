package io.github.b2cpermissions.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Raw HTTP against a fake, for tests. */
public final class Http {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Http() {}

  public static HttpResponse<String> get(FakeGraphTenant t, String pathAndQuery, String token) {
    return send(t, HttpRequest.newBuilder(uri(t, pathAndQuery)).header("Authorization", "Bearer " + token).GET().build());
  }

  public static HttpResponse<String> get(FakeGraphTenant t, String pathAndQuery) {
    return send(t, HttpRequest.newBuilder(uri(t, pathAndQuery)).GET().build());
  }

  public static HttpResponse<String> post(FakeGraphTenant t, String pathAndQuery, String token, String json) {
    return send(
        t,
        HttpRequest.newBuilder(uri(t, pathAndQuery))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public static HttpResponse<String> delete(FakeGraphTenant t, String pathAndQuery, String token) {
    return send(t, HttpRequest.newBuilder(uri(t, pathAndQuery)).header("Authorization", "Bearer " + token).DELETE().build());
  }

  public static HttpResponse<String> form(FakeGraphTenant t, String pathAndQuery, String form) {
    return send(
        t,
        HttpRequest.newBuilder(uri(t, pathAndQuery))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  /** A token from the fake's token endpoint (client secret, over HTTP). */
  public static String token(FakeGraphTenant t) {
    HttpResponse<String> r =
        form(
            t,
            "/" + t.tenantId() + "/oauth2/v2.0/token",
            "grant_type=client_credentials&client_id="
                + t.clientId()
                + "&client_secret="
                + java.net.URLEncoder.encode(t.clientSecret(), StandardCharsets.UTF_8)
                + "&scope="
                + java.net.URLEncoder.encode(t.graphDefaultScope(), StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("token request failed: " + r.statusCode() + " " + r.body());
    }
    return json(r).path("access_token").asText();
  }

  public static URI uri(FakeGraphTenant t, String pathAndQuery) {
    if (pathAndQuery.startsWith("https://")) {
      return URI.create(pathAndQuery);
    }
    return URI.create(t.graphHost() + pathAndQuery.replace(" ", "%20"));
  }

  public static HttpResponse<String> send(FakeGraphTenant t, HttpRequest request) {
    try {
      return t.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + r.body(), e);
    }
  }

  public static JsonNode claims(String jwt) {
    try {
      return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
