package io.github.b2cpermissions.graph;

import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeGraphTenantBuilder;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * What the suites that run on the testkit's fake share: a verifier builder pointed at one fake
 * server (each hosted tenant signs in with its own credential, retries are quick, TLS trusts the
 * fake), and tenants granted exactly a profile's roles.
 */
final class OnTheFake {
  private OnTheFake() {}

  /** A builder for a verifier of every tenant {@code server} hosts; add settings, then build. */
  static GraphPermissionVerifierBuilder verifierBuilder(FakeGraph server) {
    return GraphPermissionVerifier.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .credentials(t -> server.tenant(t).orElseThrow().credential())
        .cloud(GraphCloud.custom(server.authorityHost(), server.graphHost()))
        .retryPolicy(GraphRetryPolicy.custom().maxAttempts(3).initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(40)).deadline(Duration.ofSeconds(20)).build())
        .httpClient(new OkHttpClient.Builder()
            .sslSocketFactory(server.sslContext().getSocketFactory(), server.trustManager())
            .build());
  }

  /** A tenant hosted on {@code server} that granted exactly the roles {@code profile} requires. */
  static FakeGraphTenant grantedProfile(FakeGraph server, FakeGraphTenantBuilder seed,
      PermissionProfile profile) {
    String[] roles =
        profile.requiredRoles().stream().map(GraphPermission::value).toArray(String[]::new);
    return server.addTenant(seed.grantedRoles(roles));
  }
}
