package io.github.b2cpermissions.benchmarks;

import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.RequestBudgetConfig;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.bucket4j.RedisRequestBudget;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Issue 14, benchmark 3: worker JVMs sharing one Redis budget set to the fake's app-wide limit.
 * The fake runs in its own process (the standalone jar) with {@code --app-limit}; each worker JVM
 * checks its shard of the tenants (a cold pass: token, then the check's {@code $batch}) with a
 * {@link RedisRequestBudget} on one key. Targets: the fake's app-wide counter (the most requests
 * in any window of the period) never above the limit, and the total wall within 1.2x of the
 * bound, Graph requests (each item of a {@code $batch} counted, as Graph counts them) over the
 * limit's rate.
 */
final class SharedBudgetBenchmark {
  private SharedBudgetBenchmark() {}

  static void run(int tenants, int limitPer10s, int workers, long latencyMillis) throws Exception {
    System.out.printf(Locale.ROOT, "== shared budget: %,d tenants, %d worker JVMs, one Redis budget of"
        + " %,d requests / 10 s = the fake's app-wide limit, %d ms latency on every exchange%n",
        tenants, workers, limitPer10s, latencyMillis);
    Process redis = null;
    String redisUri = System.getenv("B2C_REDIS_URI");
    if (redisUri == null) {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      redis = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      redisUri = "redis://127.0.0.1:" + port;
      awaitPort(port);
    }
    try (RemoteFake fake = RemoteFake.start(tenants, latencyMillis,
        List.of("--app-limit", limitPer10s + "/10"))) {
      List<String> ids = fake.tenantIds();
      List<Path> shards = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        List<String> mine = new ArrayList<>();
        for (int i = w; i < ids.size(); i += workers) {
          mine.add(ids.get(i));
        }
        Path f = fake.dir.resolve("shard-" + w + ".txt");
        Files.write(f, mine, StandardCharsets.UTF_8);
        shards.add(f);
      }
      String key = "b2c-permissions:benchmark:" + UUID.randomUUID();
      List<Process> running = new ArrayList<>();
      for (Path shard : shards) {
        running.add(new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
            "-cp", System.getProperty("java.class.path"), VerifierBenchmarks.class.getName(),
            "shared-budget-worker", fake.authorityHost.toString(), fake.graphHost.toString(),
            fake.dir.resolve("cert.pem").toString(), shard.toString(), redisUri, key,
            String.valueOf(limitPer10s)).redirectError(ProcessBuilder.Redirect.INHERIT).start());
      }
      long first = Long.MAX_VALUE;
      long last = 0;
      int satisfied = 0;
      int failed = 0;
      for (Process p : running) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith("RESULT ")) {
              String[] f = line.split(" ");
              first = Math.min(first, Long.parseLong(f[1]));
              last = Math.max(last, Long.parseLong(f[2]));
              satisfied += Integer.parseInt(f[3]);
              failed += Integer.parseInt(f[4]);
            } else {
              System.out.println("   worker: " + line);
            }
          }
        }
        p.waitFor();
      }
      Thread.sleep(500);
      Map<String, Long> stats = fake.stats();
      long requests = stats.get("graphRequests");
      double bound = requests / (limitPer10s / 10.0);
      double wall = (last - first) / 1000.0;
      System.out.printf(Locale.ROOT,
          "   %,d satisfied, %,d failed; Graph requests at the fake %,d (each $batch item counted),"
              + " refused app-wide %,d%n"
              + "   fake's app-wide counter: at most %,d requests in any 10 s (limit %,d): %s%n"
              + "   total wall %.1f s (first worker's start to last worker's end); bound %,d / %d per s"
              + " = %.1f s; ratio %.2f (target <= 1.2)%n",
          satisfied, failed, requests, stats.get("appThrottled"), stats.get("peakAppRequestsPerPeriod"),
          limitPer10s, stats.get("peakAppRequestsPerPeriod") <= limitPer10s ? "never above" : "ABOVE THE LIMIT",
          wall, requests, limitPer10s / 10, bound, wall / bound);
    } finally {
      if (redis != null) {
        redis.destroy();
        redis.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** One worker JVM: checks its shard with the shared budget and prints {@code RESULT start end ok failed}. */
  static void worker(String[] a) throws Exception {
    URI authority = URI.create(a[1]);
    URI graph = URI.create(a[2]);
    Path cert = Path.of(a[3]);
    List<String> shard = Files.readAllLines(Path.of(a[4]), StandardCharsets.UTF_8);
    RequestBudgetConfig config = RequestBudgetConfig.custom().limitForPeriod(Integer.parseInt(a[7]))
        .limitRefreshPeriod(Duration.ofSeconds(10)).build();
    try (RedisRequestBudget budget = RedisRequestBudget.builder().redisUri(a[5]).key(a[6]).config(config)
        .requestTimeout(Duration.ofSeconds(20)).build();
        GraphPermissionVerifier verifier = RemoteFake.verifier(authority, graph, cert)
            .requestBudget(budget).build()) {
      long start = System.currentTimeMillis();
      FleetVerification fleet = verifier.verifyFleet(shard);
      long end = System.currentTimeMillis();
      if (!fleet.failures().isEmpty()) {
        System.out.println("first failure: " + fleet.failures().get(0));
      }
      int requests = fleet.results().stream()
          .mapToInt(r -> r.report().map(VerificationReport::graphRequestCount).orElse(0)).sum();
      System.out.println("shard of " + shard.size() + ": " + requests + " HTTP requests, "
          + fleet.satisfiedCount() + " satisfied in " + (end - start) + " ms");
      System.out.println("RESULT " + start + " " + end + " " + fleet.satisfiedCount() + " "
          + fleet.failures().size());
    }
  }

  private static void awaitPort(int port) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException("redis-server did not start on port " + port + File.separator);
  }
}
