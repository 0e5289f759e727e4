package io.github.b2cpermissions.benchmarks;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.GraphPermissionVerifierBuilder;
import io.github.b2cpermissions.testkit.CachingTokenCredential;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The verifier's benchmarks, each against the testkit's fake tenant on loopback, printing figures
 * and ratios to a baseline measured in the same run:
 *
 * <ol>
 *   <li>{@code overhead}: a warm {@code verify} against raw JDK {@code HttpClient} sending the same
 *       request to the same fake (target: at most 1.5x);
 *   <li>{@code fleet}: 10,000 tenants on one fake with 50 ms of latency per Graph request (target:
 *       at most 20 s wall and 256 MB heap, run with {@code -Xmx256m});
 *   <li>{@code retry-after}: how exactly {@code Retry-After} waits are kept (target: each within
 *       [RA, 1.1 RA + 100 ms]);
 *   <li>{@code remote-fleet [N]}: N tenants (10,000) on the standalone fake in another process,
 *       latency on every exchange including tokens, the verifier's defaults unless set, cold and
 *       warm pass as ratios to their bound ({@link RemoteFleetBenchmark});
 *   <li>{@code first-verify}: the first {@code verify} in a fresh JVM through {@code
 *       clientSecret(...)} (target: at most 1.5 s).
 * </ol>
 *
 * <p>Each is its own class ({@link OverheadBenchmark}, {@link FleetBenchmark}, {@link
 * RetryAfterBenchmark}, {@link FirstVerifyBenchmark}); this one dispatches and holds what they share.
 * {@code shared-budget} ({@link SharedBudgetBenchmark}: worker JVMs sharing one Redis budget) and
 * {@code throttle-storm} ({@link ThrottleStormBenchmark}: a fleet under app-scoped 429s), both
 * against the standalone fake in its own process, are not part of {@code all} either.
 * {@code fake} and {@code fake-b2c} (not part of {@code all}) measure the fake itself: see
 * {@link FakeGraphBenchmark}. {@code warm-cpu} ({@link WarmCpuBenchmark}, not part of {@code all}
 * either) measures a warm {@code verify} under JMH with no network: time and CPU per check across
 * all threads, against the 0.15 ms target of issue 14.
 *
 * Run: {@code mvn -B -q -DskipTests -pl b2c-permissions-benchmarks -am package exec:exec
 * -Dbenchmark=all}.
 */
public final class VerifierBenchmarks {
  private VerifierBenchmarks() {}

  /**
   * Runs the benchmark named by {@code args[0]} ({@code all} by default).
   *
   * @param args the benchmark name
   */
  public static void main(String[] given) throws Exception {
    // "--" is what Maven passes when -Dbenchmark.args is not set.
    String[] args = Arrays.stream(given).filter(a -> !a.equals("--")).toArray(String[]::new);
    String which = args.length > 0 ? args[0] : "all";
    switch (which) {
      case "overhead" -> OverheadBenchmark.run();
      case "fleet" -> FleetBenchmark.run(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
      case "retry-after" -> RetryAfterBenchmark.run();
      case "first-verify" -> FirstVerifyBenchmark.run();
      case "first-verify-child" -> FirstVerifyBenchmark.child(args[1], args[2], args[3], args[4]);
      case "remote-fleet" -> RemoteFleetBenchmark.run(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
      case "shared-budget" -> SharedBudgetBenchmark.run(intArg(args, 1, 1_500), intArg(args, 2, 3_000),
          intArg(args, 3, 3), intArg(args, 4, 50));
      case "shared-budget-worker" -> SharedBudgetBenchmark.worker(args);
      case "throttle-storm" -> ThrottleStormBenchmark.run(intArg(args, 1, 1_000), intArg(args, 2, 1_000),
          intArg(args, 3, 50));
      case "warm-cpu" -> WarmCpuBenchmark.run();
      case "fake" -> FakeGraphBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
      case "fake-b2c" -> FakeGraphBenchmark.main(new String[] {"b2c", args.length > 1 ? args[1] : "100000"});
      case "all" -> {
        FirstVerifyBenchmark.run();
        OverheadBenchmark.run();
        RetryAfterBenchmark.run();
        FleetBenchmark.run(10_000);
        RemoteFleetBenchmark.run(10_000);
      }
      default -> throw new IllegalArgumentException(
          "benchmark must be all, overhead, fleet, remote-fleet, retry-after, first-verify,"
              + " shared-budget, throttle-storm, warm-cpu, fake or fake-b2c; was " + which);
    }
    System.exit(0);
  }

  private static int intArg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }

  static OkHttpClient trusting(FakeGraph server) {
    return new OkHttpClient.Builder()
        .sslSocketFactory(server.sslContext().getSocketFactory(), server.trustManager())
        .connectionPool(new ConnectionPool(400, 5, TimeUnit.MINUTES))
        .build();
  }

  /**
   * The benchmarks' token cache (the caller's, as MSAL's is in production), fetching tokens over
   * OkHttp, as azure-identity does with azure-core-http-okhttp. The fake's default client over
   * java.net.http made the cold fleet pass, with thousands of token requests at once, markedly
   * slower than production would be (README, "Benchmarks").
   */
  static CachingTokenCredential cachingCredential(FakeGraph server) {
    return CachingTokenCredential.of(server, new OkHttpAsyncHttpClientBuilder(trusting(server)).build());
  }

  static GraphPermissionVerifierBuilder verifierFor(FakeGraph server, TokenCredential credential) {
    return GraphPermissionVerifier.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .credential(credential)
        .cloud(GraphCloud.custom(server.authorityHost(), server.graphHost()))
        .httpClient(trusting(server));
  }
}
