package io.github.b2cpermissions.spring;

import io.github.b2cpermissions.testkit.FakeGraph;
import okhttp3.OkHttpClient;

/** Makes the verifier trust the fake's self-signed certificate, as a product would a proxy's. */
final class FakeTls {
  private FakeTls() {}

  static GraphVerifierCustomizer customizer(FakeGraph server) {
    return builder -> builder.httpClient(new OkHttpClient.Builder()
        .sslSocketFactory(server.sslContext().getSocketFactory(), server.trustManager()).build());
  }
}
