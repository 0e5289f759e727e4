package io.github.b2cpermissions.testkit;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Points an unmodified Microsoft Graph SDK ({@code com.microsoft.graph:microsoft-graph} 6.x) at a
 * fake tenant. Needs the Graph SDK on the classpath; the testkit declares it optional, so it is
 * there whenever the code under test uses it.
 *
 * <p>Two things differ from a production client, both needed for a loopback host: the
 * authentication provider's allowed hosts are exactly {@code 127.0.0.1} (the SDK's provider
 * attaches tokens only to allowed hosts, Graph's own by default, and would otherwise send requests
 * to the fake without an {@code Authorization} header), and the HTTP client trusts the fake's
 * self-signed certificate. Everything else, including Graph's retry and redirect middleware, is the
 * SDK's default.
 */
public final class FakeGraphSdk {
  private FakeGraphSdk() {}

  /**
   * A {@code GraphServiceClient} for the backup app in this tenant, with base URL {@link
   * FakeGraphTenant#graphEndpoint()}.
   *
   * @param tenant a running tenant
   * @return a new client
   * @throws NullPointerException if null
   * @throws IllegalStateException if the tenant is not running
   */
  public static GraphServiceClient graphServiceClient(FakeGraphTenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    GraphServiceClient client =
        new GraphServiceClient(authenticationProvider(tenant), okHttpClientBuilder(tenant).build());
    client.getRequestAdapter().setBaseUrl(tenant.graphEndpoint().toString());
    return client;
  }

  /**
   * {@code https://127.0.0.1:PORT/beta}: the base of what Graph serves only in beta, the B2C user
   * flows among them ({@code /identity/b2cUserFlows}). The v1.0 Graph SDK has no request builders
   * for those; send a plain request through the client's request adapter (it attaches the token
   * and runs the SDK's middleware):
   *
   * <pre>{@code
   * RequestInformation get = new RequestInformation();
   * get.httpMethod = HttpMethod.GET;
   * get.urlTemplate = FakeGraphSdk.betaEndpoint(tenant) + "/identity/b2cUserFlows";
   * get.headers.add("Accept", "application/json");
   * InputStream json = client.getRequestAdapter().sendPrimitive(get, null, InputStream.class);
   * }</pre>
   *
   * <p>or use Microsoft's beta SDK ({@code com.microsoft.graph:microsoft-graph-beta}) with this
   * base URL.
   *
   * @param tenant a running tenant
   * @return the beta base URL, without a trailing slash
   * @throws NullPointerException if null
   * @throws IllegalStateException if the tenant is not running
   */
  public static String betaEndpoint(FakeGraphTenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return tenant.graphHost() + "/beta";
  }

  /**
   * An authentication provider over {@link FakeGraphTenant#credential()} that asks for {@link
   * FakeGraphTenant#graphDefaultScope()} and attaches tokens to {@code 127.0.0.1} only.
   *
   * @param tenant a running tenant
   * @return a new provider
   * @throws NullPointerException if null
   * @throws IllegalStateException if the tenant is not running
   */
  public static AzureIdentityAuthenticationProvider authenticationProvider(FakeGraphTenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return new AzureIdentityAuthenticationProvider(
        tenant.credential(), new String[] {tenant.graphHost().getHost()}, tenant.graphDefaultScope());
  }

  /**
   * The Graph SDK's default OkHttp builder (its middleware included) with TLS that trusts the fake.
   *
   * @param tenant a tenant
   * @return a new builder
   * @throws NullPointerException if null
   */
  public static OkHttpClient.Builder okHttpClientBuilder(FakeGraphTenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return GraphClientFactory.create()
        .sslSocketFactory(tenant.sslContext().getSocketFactory(), tenant.trustManager());
  }
}
