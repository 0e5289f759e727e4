package io.github.b2cpermissions.benchmarks;

import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * The first {@code verify} in a fresh JVM, azure-identity's token included, in three child JVMs
 * (target: at most 1.5 s).
 */
final class FirstVerifyBenchmark {
  private FirstVerifyBenchmark() {}

  static void run() throws Exception {
    System.out.println("== first-verify: the first verify in a fresh JVM (3 fresh JVMs)");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int i = 0; i < 3; i++) {
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          VerifierBenchmarks.class.getName(), "first-verify-child")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      p.waitFor(2, TimeUnit.MINUTES);
      System.out.println("   " + out);
    }
  }

  static void child() throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    FakeGraph server = FakeGraph.builder().build().start();
    FakeGraphTenant tenant = server.addTenant(FakeGraphTenant.builder().grantedAll());
    long ready = System.currentTimeMillis();
    long t0 = System.nanoTime();
    GraphPermissionVerifier verifier = GraphPermissionVerifier.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .credentials(t -> tenant.credential())
        .cloud(GraphCloud.custom(server.authorityHost(), server.graphHost()))
        .strategy(VerificationStrategy.DIRECTORY_AND_TOKEN)
        .httpClient(new OkHttpClient.Builder()
            .sslSocketFactory(server.sslContext().getSocketFactory(), server.trustManager()).build())
        .build();
    long built = System.nanoTime();
    VerificationReport report = verifier.verify(tenant.tenantId());
    long done = System.nanoTime();
    System.out.printf(Locale.ROOT,
        "fake ready %d ms after JVM start; build verifier %d ms; first verify %d ms"
            + " (azure-identity token included; target <= 1500 ms); build+verify %d ms; %s%n",
        ready - jvmStart, TimeUnit.NANOSECONDS.toMillis(built - t0),
        TimeUnit.NANOSECONDS.toMillis(done - built), TimeUnit.NANOSECONDS.toMillis(done - t0),
        report.outcome());
    verifier.close();
    server.stop();
  }
}
