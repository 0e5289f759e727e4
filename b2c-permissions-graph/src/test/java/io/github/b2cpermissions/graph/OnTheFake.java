package io.github.b2cpermissions.graph;

import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeGraphTenantBuilder;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * What the suites that run on the testkit's fake share: one fake server per JVM (started on first
 * use, reset before each test, stopped when the JVM exits), a verifier builder pointed at a fake
 * (each hosted tenant signs in with its own credential, retries are quick, TLS trusts the fake),
 * and tenants granted exactly a profile's roles.
 *
 * <p>One server instead of one per class: starting WireMock is most of what these suites cost, and
 * PIT runs them again for every mutant they cover. Sharing does not change what they test: each
 * test hosts tenants of its own (random ids and domains; a suite with fixed domains looks its
 * tenants up first, as PIT runs a test again in the same JVM for each mutant), and
 * {@link #server()} resets every tenant to its seed and clears faults and the journal first.
 */
final class OnTheFake {
  private OnTheFake() {}

  private static final class Shared {
    static final FakeGraph SERVER = start();

    private static FakeGraph start() {
      FakeGraph server = FakeGraph.builder().build().start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "fake-graph-stop"));
      return server;
    }
  }

  /**
   * The JVM's shared fake server, reset (every tenant back to its seed, no faults, an empty
   * journal); call it before each test.
   */
  static FakeGraph server() {
    FakeGraph server = Shared.SERVER;
    server.reset();
    return server;
  }

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
