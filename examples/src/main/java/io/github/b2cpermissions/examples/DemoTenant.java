package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphConsentUrls;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.GraphPermissionVerifierBuilder;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * The CLI's {@code --demo} tenant: a started fake B2C tenant that granted every permission but
 * {@code UserAuthenticationMethod}'s phone role, stopped on {@link #close()}.
 */
final class DemoTenant implements AutoCloseable {
  private final FakeGraphTenant tenant;

  private DemoTenant(FakeGraphTenant tenant) {
    this.tenant = tenant;
  }

  /** Builds and starts the demo tenant. */
  static DemoTenant start() {
    FakeGraphTenant tenant = FakeGraphTenant.builder()
        .b2c("contoso-demo.onmicrosoft.com")
        .grantedAll()
        .without(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL)
        .build();
    tenant.start();
    return new DemoTenant(tenant);
  }

  FakeGraphTenant tenant() {
    return tenant;
  }

  /** A verifier that trusts the fake and signs in as the tenant's backup app. */
  GraphPermissionVerifier verifier(
      VerificationStrategy strategy, int concurrency, List<PermissionProfile> profiles) {
    GraphCloud cloud = GraphCloud.custom(tenant.authorityHost(), tenant.graphHost());
    GraphPermissionVerifierBuilder b = GraphPermissionVerifier.builder();
    profiles.forEach(p -> b.profile(p.tenantKind(), p));
    return b
        .clientId(tenant.clientId())
        .credentials(t -> tenant.credential())
        .cloud(cloud)
        .strategy(strategy)
        .fleetConcurrency(concurrency)
        .httpClient(new OkHttpClient.Builder()
            .sslSocketFactory(tenant.sslContext().getSocketFactory(), tenant.trustManager())
            .build())
        .consentUrlBuilder(GraphConsentUrls.builder().clientId(tenant.clientId())
            .redirectUri(tenant.redirectUris().get(0)).cloud(cloud).build())
        .build();
  }

  @Override
  public void close() {
    tenant.stop();
  }
}
