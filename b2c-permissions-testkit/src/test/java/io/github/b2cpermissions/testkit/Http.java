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
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();

  private Http() {}

  static HttpResponse<String> get(FakeGraphTenant t, String pathAndQuery, String token) {
    return send(t, HttpRequest.newBuilder(uri(t, pathAndQuery)).header("Authorization", "Bearer " + token).GET().build());
  }

  static HttpResponse<String> get(FakeGraphTenant t, String pathAndQuery) {
    return send(t, HttpRequest.newBuilder(uri(t, pathAndQuery)).GET().build());
  }

  static HttpResponse<String> post(FakeGraphTenant t, String pathAndQuery, String token, String json) {
    return send(
        t,
        HttpRequest.newBuilder(uri(t, pathAndQuery))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  static HttpResponse<String> delete(FakeGraphTenant t, String pathAndQuery, String token) {
    return send(t, HttpRequest.newBuilder(uri(t, pathAndQuery)).header("Authorization", "Bearer " + token).DELETE().build());
  }

  static HttpResponse<String> form(FakeGraphTenant t, String pathAndQuery, String form) {
    return send(
        t,
        HttpRequest.newBuilder(uri(t, pathAndQuery))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  static URI uri(FakeGraphTenant t, String pathAndQuery) {
    if (pathAndQuery.startsWith("https://")) {
      return URI.create(pathAndQuery);
    }
    return URI.create(t.graphHost() + pathAndQuery);
  }

  static HttpResponse<String> send(FakeGraphTenant t, HttpRequest request) {
    try {
      return t.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + r.body(), e);
    }
  }

  static JsonNode claims(String jwt) {
    try {
      return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
