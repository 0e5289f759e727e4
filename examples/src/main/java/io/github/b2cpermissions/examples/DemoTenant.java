package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphConsentUrls;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.GraphPermissionVerifierBuilder;
import io.github.b2cpermissions.graph.PermissionGranter;
import io.github.b2cpermissions.testkit.ExternalIdData;
import io.github.b2cpermissions.testkit.ExternalIdSample;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * The CLI's {@code --demo} tenant: a started fake B2C tenant that granted every permission but
 * {@code UserAuthenticationMethod}'s phone role, stopped on {@link #close()}; on request, an
 * External ID tenant next to it on the same fake ({@link #addExternalIdTenant()}).
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

  /**
   * Adds the demo's External ID tenant to the same fake: the External ID sample, granted exactly
   * the roles of {@link PermissionProfile#EXTERNAL_ID_BACKUP_ONLY}.
   */
  FakeGraphTenant addExternalIdTenant() {
    String[] roles = PermissionProfile.EXTERNAL_ID_BACKUP_ONLY.requiredRoles().stream()
        .map(r -> r.value()).toArray(String[]::new);
    return tenant.server().addTenant(FakeGraphTenant.builder()
        .externalId("woodgrove-demo.onmicrosoft.com")
        .grantedRoles(roles)
        .b2cData(ExternalIdSample.directory())
        .externalIdData(ExternalIdData.sample()));
  }

  /** A verifier that trusts the fake and signs in as the tenant's backup app. */
  GraphPermissionVerifier verifier(
      VerificationStrategy strategy, int concurrency, List<PermissionProfile> profiles) {
    GraphCloud cloud = GraphCloud.custom(tenant.authorityHost(), tenant.graphHost());
    GraphPermissionVerifierBuilder b = GraphPermissionVerifier.builder();
    profiles.forEach(p -> b.profile(p.tenantKind(), p));
    return b
        .clientId(tenant.clientId())
        // A tenant the fake hosts signs in as itself; any other gets the demo tenant's credential.
        .credentials(t -> tenant.server().tenant(t).orElse(tenant).credential())
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

  /**
   * A granter for the demo tenant that grants with the backup app's own credential: the
   * self-grant path, which the demo's app can take because it holds AppRoleAssignment.ReadWrite.All.
   */
  PermissionGranter selfGranter(GraphPermissionVerifier verifier) {
    return PermissionGranter.builder().verifier(verifier)
        .selfGrantWithBackupAppCredential(tenant.credential())
        .cloud(GraphCloud.custom(tenant.authorityHost(), tenant.graphHost()))
        .httpClient(new OkHttpClient.Builder()
            .sslSocketFactory(tenant.sslContext().getSocketFactory(), tenant.trustManager())
            .build())
        .awaitTimeout(Duration.ofSeconds(30))
        .build();
  }

  @Override
  public void close() {
    tenant.stop();
  }
}
