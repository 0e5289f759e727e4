package io.github.b2cpermissions.testkit;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import io.github.b2cpermissions.testkit.internal.LoopbackAzureHttpClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP clients and credentials a {@link FakeGraph} hands out: one {@code java.net.http} client
 * and one azure-core client per fake, created on first use, both trusting the fake's certificate
 * and nothing else, and the azure-identity credentials built on them. Thread-safe.
 */
final class FakeClients {
  private final Supplier<SSLContext> tls;
  private volatile @Nullable HttpClient httpClient;
  private volatile @Nullable LoopbackAzureHttpClient azureHttpClient;

  FakeClients(Supplier<SSLContext> tls) {
    this.tls = tls;
  }

  /** HTTP/1.1, no redirects followed, ten-second connect timeout. */
  HttpClient httpClient() {
    HttpClient c = httpClient;
    if (c == null) {
      synchronized (this) {
        c = httpClient;
        if (c == null) {
          c =
              HttpClient.newBuilder()
                  .sslContext(tls.get())
                  .version(HttpClient.Version.HTTP_1_1)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .connectTimeout(Duration.ofSeconds(10))
                  .build();
          httpClient = c;
        }
      }
    }
    return c;
  }

  /** The azure-core HTTP client of the credentials this fake hands out. */
  LoopbackAzureHttpClient azureHttpClient() {
    LoopbackAzureHttpClient c = azureHttpClient;
    if (c == null) {
      synchronized (this) {
        c = azureHttpClient;
        if (c == null) {
          c = new LoopbackAzureHttpClient(tls.get());
          azureHttpClient = c;
        }
      }
    }
    return c;
  }

  /**
   * A new azure-identity {@code ClientSecretCredential} pointed at the fake's authority host, with
   * instance discovery off and the shared azure-core client.
   */
  TokenCredential clientSecretCredential(
      URI authorityHost, String tenantId, String clientId, String clientSecret) {
    return new ClientSecretCredentialBuilder()
        .authorityHost(authorityHost.toString())
        .tenantId(tenantId)
        .clientId(clientId)
        .clientSecret(clientSecret)
        .disableInstanceDiscovery()
        .httpClient(azureHttpClient())
        .build();
  }
}
