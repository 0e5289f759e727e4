package io.github.b2cpermissions.graph;

import com.azure.core.http.HttpClient;
import io.github.b2cpermissions.graph.internal.http.GraphHttpClients;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP clients a {@link GraphPermissionVerifierBuilder} was given: at most one for Graph
 * (OkHttp's or the JDK's) and one for azure-identity's token requests. Each setter checks its
 * argument; {@link #check()} checks that Graph has one client. Not thread-safe, like the builder
 * that owns it.
 */
final class HttpClientSettings {
  private @Nullable OkHttpClient okHttp;
  // java.net.http.HttpClient spelled out: azure-core's HttpClient (the identity client) is imported.
  private java.net.http.@Nullable HttpClient jdk;
  private @Nullable HttpClient identity;

  /** Takes every client of {@code other}. */
  void copyFrom(HttpClientSettings other) {
    this.okHttp = other.okHttp;
    this.jdk = other.jdk;
    this.identity = other.identity;
  }

  void okHttp(OkHttpClient client) {
    this.okHttp = Objects.requireNonNull(client, "client");
  }

  void jdk(java.net.http.HttpClient client) {
    this.jdk = GraphHttpClients.checkJdkClient(Objects.requireNonNull(client, "client"));
  }

  void identity(HttpClient client) {
    this.identity = Objects.requireNonNull(client, "client");
  }

  /** Throws {@link IllegalStateException} when Graph was given both an OkHttp and a JDK client. */
  void check() {
    if (okHttp != null && jdk != null) {
      throw new IllegalStateException("set either httpClient (OkHttp) or jdkHttpClient, not both:"
          + " Graph requests go through one HTTP client");
    }
  }

  Optional<OkHttpClient> okHttp() {
    return Optional.ofNullable(okHttp);
  }

  Optional<java.net.http.HttpClient> jdk() {
    return Optional.ofNullable(jdk);
  }

  @Nullable
  HttpClient identity() {
    return identity;
  }
}
