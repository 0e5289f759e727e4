package io.github.b2cpermissions.benchmarks;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.GraphPermissionVerifierBuilder;
import io.github.b2cpermissions.graph.GraphRetryPolicy;
import io.github.b2cpermissions.testkit.CachingTokenCredential;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeGraphTenantBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.ObjectName;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

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
 *   <li>{@code first-verify}: the first {@code verify} in a fresh JVM (target: at most 1.5 s).
 * </ol>
 *
 * <p>{@code fake} and {@code fake-b2c} (not part of {@code all}) measure the fake itself: see
 * {@link FakeGraphBenchmark}.
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
  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    switch (which) {
      case "overhead" -> overhead();
      case "fleet" -> fleet(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
      case "retry-after" -> retryAfter();
      case "first-verify" -> firstVerify();
      case "first-verify-child" -> firstVerifyChild();
      case "fake" -> FakeGraphBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
      case "fake-b2c" -> FakeGraphBenchmark.main(new String[] {"b2c", args.length > 1 ? args[1] : "100000"});
      case "all" -> {
        firstVerify();
        overhead();
        retryAfter();
        fleet(10_000);
      }
      default -> throw new IllegalArgumentException(
          "benchmark must be all, overhead, fleet, retry-after, first-verify, fake or fake-b2c; was " + which);
    }
    System.exit(0);
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

  // ---- 1. overhead -----------------------------------------------------------------------------

  static void overhead() throws Exception {
    System.out.println("== overhead: warm verify vs raw JDK HttpClient, same request, same fake");
    FakeGraph server = FakeGraph.builder().journalLimit(1_000).build().start();
    try {
      FakeGraphTenant tenant = server.addTenant(FakeGraphTenant.builder().grantedAll());
      CachingTokenCredential credential = cachingCredential(server);
      String token = credential.getToken(new com.azure.core.credential.TokenRequestContext()
          .addScopes(server.graphHost() + "/.default").setTenantId(tenant.tenantId())).block().getToken();
      byte[] batch = ("{\"requests\":["
          + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/servicePrincipals(appId='"
          + FakeGraphTenant.DEFAULT_CLIENT_ID + "')?$select=id,appId,accountEnabled\"},"
          + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/organization?$select=id,tenantType\"},"
          + "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"/servicePrincipals/" + tenant.servicePrincipalId()
          + "/appRoleAssignments?$select=id,appRoleId,resourceId,createdDateTime,deletedDateTime&$top=999\"}"
          + "]}").getBytes(StandardCharsets.UTF_8);
      HttpClient jdk = server.httpClient();
      HttpRequest raw = HttpRequest.newBuilder(URI.create(server.graphEndpoint() + "/$batch"))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(batch)).build();
      try (GraphPermissionVerifier verifier = verifierFor(server, credential).build()) {
        VerificationReport first = verifier.verify(tenant.tenantId());
        if (!first.isSatisfied()) {
          throw new IllegalStateException("expected a satisfied tenant: " + first);
        }
        int warmup = 3_000;
        int n = 4_000;
        for (int i = 0; i < warmup; i++) {
          verifier.verify(tenant.tenantId());
          rawBatch(jdk, raw);
        }
        List<Double> sdk = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
          long t0 = System.nanoTime();
          for (int i = 0; i < n; i++) {
            rawBatch(jdk, raw);
          }
          long t1 = System.nanoTime();
          for (int i = 0; i < n; i++) {
            verifier.verify(tenant.tenantId());
          }
          long t2 = System.nanoTime();
          base.add((t1 - t0) / 1e3 / n);
          sdk.add((t2 - t1) / 1e3 / n);
        }
        double sdkMedian = median(sdk);
        double baseMedian = median(base);
        System.out.printf(Locale.ROOT,
            "   requests per verify (warm): %d%n"
                + "   raw JDK HttpClient: median %.1f us/request  (rounds %s)%n"
                + "   verifier.verify():  median %.1f us/verify   (rounds %s)%n"
                + "   ratio verify / raw: %.2fx  (target <= 1.5x)%n",
            verifier.verify(tenant.tenantId()).graphRequestCount(), baseMedian, fmt(base),
            sdkMedian, fmt(sdk), sdkMedian / baseMedian);
      }
    } finally {
      server.stop();
    }
  }

  private static void rawBatch(HttpClient jdk, HttpRequest raw) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = jdk.send(raw, HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200 || r.body().length == 0) {
      throw new IllegalStateException("baseline request failed: " + r.statusCode());
    }
  }

  // ---- 2. fleet --------------------------------------------------------------------------------

  static void fleet(int tenants) throws Exception {
    long latencyMillis = Long.getLong("latencyMillis", 50);
    System.out.printf(Locale.ROOT, "== fleet: %,d tenants on one fake, %d ms latency per Graph request,"
        + " max heap %d MB%n", tenants, latencyMillis, Runtime.getRuntime().maxMemory() >> 20);
    FakeGraph server = FakeGraph.builder().journalLimit(1_000).build().start();
    try {
      long t0 = System.nanoTime();
      List<String> ids = new ArrayList<>(tenants);
      for (int i = 0; i < tenants; i++) {
        FakeGraphTenantBuilder seed = FakeGraphTenant.builder().grantedAll();
        if (i % 10 == 0) {
          seed.without(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
        }
        ids.add(server.addTenant(seed).tenantId());
      }
      long seeded = System.nanoTime();
      long heapWithFake = heapAfterGc();
      System.out.printf(Locale.ROOT, "   seeded %,d tenants in %d ms; heap after GC %d MB (%.1f KB per hosted tenant)%n",
          tenants, TimeUnit.NANOSECONDS.toMillis(seeded - t0), heapWithFake >> 20,
          heapWithFake / 1024.0 / tenants);
      server.faults().latency(Duration.ofMillis(latencyMillis));
      int concurrency = Integer.getInteger("concurrency", 100);
      int maxRequests = concurrency * 2;
      System.out.printf(Locale.ROOT, "   fleetConcurrency %d, maxConcurrentRequests %d, tenantCacheSize %,d%n",
          concurrency, maxRequests, GraphPermissionVerifier.DEFAULT_TENANT_CACHE_SIZE);
      // One credential for every verifier here, alive to the end: its token cache is the caller's
      // (MSAL's, in production), not the verifier's, and is measured apart.
      CachingTokenCredential credential = cachingCredential(server);
      long results = 0;
      OkHttpClient http = trusting(server);
      GraphPermissionVerifier[] verifier = {
        fleetVerifier(server, credential, http, concurrency, GraphPermissionVerifier.DEFAULT_TENANT_CACHE_SIZE)
      };
      HeapSampler sampler = new HeapSampler();
      sampler.start();
      // Cold: the verifier meets every tenant for the first time (token, $batch, assignments).
      // Warm: the same long-lived verifier checks the fleet again (cached token, one $batch).
      for (String pass : new String[] {"cold", "warm"}) {
        long start = System.nanoTime();
        FleetVerification fleet = verifier[0].verifyFleet(ids);
        long wall = System.nanoTime() - start;
        long peak = sampler.finish();
        int requests = fleet.results().stream()
            .mapToInt(r -> r.report().map(VerificationReport::graphRequestCount).orElse(0)).sum();
        System.out.printf(Locale.ROOT,
            "   %s pass: wall %.1f s (target <= 20 s); %,d satisfied, %,d failed, %s%n"
                + "      Graph requests %,d (%.2f per tenant); latency-bound ideal at concurrency %d: %.1f s%n"
                + "      peak used heap %d MB (sampled every 20 ms) of %d MB max, fake tenants included"
                + " (target <= 256 MB)%n",
            pass, wall / 1e9, fleet.satisfiedCount(), fleet.failures().size(), fleet.countByOutcome(),
            requests, requests / (double) tenants, concurrency, requests * latencyMillis / 1000.0 / concurrency,
            peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        if (!fleet.failures().isEmpty()) {
            System.out.println("      first failure: " + fleet.failures().get(0));
        }
        // The benchmark lets go of each pass's results before the next, as a caller that acts on
        // them and moves on would; the warm pass's are measured first.
        long withResults = pass.equals("warm") ? heapAfterGc() : 0;
        fleet = null;
        if (pass.equals("warm")) {
          results = withResults - heapAfterGc();
        }
        sampler = new HeapSampler();
        sampler.start();
      }
      sampler.finish();
      // The per-tenant figure is a difference of two verifiers that did the same work: the second
      // one, over the same fake and credential, checks the same fleet with a cache of only a few
      // tenants. Threads, pools, clients, shared role lists and the fake's state are then alike on
      // both sides and cancel out; only the cached tenants differ.
      int small = Math.min(200, tenants / 10);
      long fullVerifier = retainedByVerifier(verifier, http, List.of());
      OkHttpClient smallHttp = trusting(server);
      long smallVerifier = retainedByVerifier(
          new GraphPermissionVerifier[] {fleetVerifier(server, credential, smallHttp, concurrency, small)},
          smallHttp, ids);
      long heapWithCredential = heapAfterGc();
      credential = null;
      long heapAfter = heapAfterGc();
      int cached = Math.min(tenants, GraphPermissionVerifier.DEFAULT_TENANT_CACHE_SIZE);
      System.out.printf(Locale.ROOT,
          "   verifier heap per cached tenant: %.2f KB (retained by a live verifier after the fleet,"
              + " %.1f MB, less a verifier that checked the same fleet with a cache of %d tenants, %.1f MB,"
              + " over the %,d tenants between; live heap after a full GC, the fake's state excluded)%n"
              + "   held by the caller, not the verifier: fleet results %.2f KB per tenant; the"
              + " credential's token cache %.2f KB per tenant%n"
              + "   the fake's own state grew by %.2f KB per tenant during the passes%n",
          (fullVerifier - smallVerifier) / 1024.0 / (cached - small), fullVerifier / 1048576.0, small,
          smallVerifier / 1048576.0, cached - small, results / 1024.0 / tenants,
          (heapWithCredential - heapAfter) / 1024.0 / tenants,
          (heapAfter - heapWithFake) / 1024.0 / tenants);
    } finally {
      server.stop();
    }
  }

  private static GraphPermissionVerifier fleetVerifier(
      FakeGraph server, TokenCredential credential, OkHttpClient http, int concurrency, int cacheSize) {
    return verifierFor(server, credential)
        .httpClient(http)
        .tenantCacheSize(cacheSize)
        .fleetConcurrency(concurrency)
        .maxConcurrentRequests(concurrency * 2)
        .retryPolicy(GraphRetryPolicy.custom().deadline(Duration.ofMinutes(2)).build())
        .build();
  }

  /**
   * Checks {@code ids} with the verifier in {@code holder} (which holds its only reference), then
   * returns the heap it retains: live heap with it open, less the same after closing it and
   * dropping that reference. Its idle connections (of {@code http}, whose pool it shares) are
   * closed first, so open connections on either side do not count as the verifier's.
   */
  private static long retainedByVerifier(
      GraphPermissionVerifier[] holder, OkHttpClient http, List<String> ids) {
    GraphPermissionVerifier verifier = holder[0];
    if (!ids.isEmpty()) {
      FleetVerification fleet = verifier.verifyFleet(ids);
      if (!fleet.failures().isEmpty()) {
        throw new IllegalStateException("a check failed: " + fleet.failures().get(0));
      }
      fleet = null;
    }
    http.connectionPool().evictAll();
    long open = heapAfterGc();
    verifier.close();
    verifier = null;
    holder[0] = null;
    return open - heapAfterGc();
  }

  /**
   * Live heap after a full collection: the byte total of HotSpot's class histogram, which sums the
   * live objects themselves (the used heap after GC counts whole regions for large objects, a
   * megabyte of noise here). Falls back to the used heap after {@code System.gc()} on other JVMs.
   */
  private static long heapAfterGc() {
    System.gc();
    try {
      String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      for (String line : histogram.split("\\R")) {
        String[] cols = line.trim().split("\\s+");
        if (cols.length == 3 && cols[0].equals("Total")) {
          return Long.parseLong(cols[2]);
        }
      }
    } catch (JMException | RuntimeException e) {
      // not HotSpot: the used heap will do
    }
    System.gc();
    return usedHeap();
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Samples the used heap every 20 ms and keeps the largest value. */
  private static final class HeapSampler extends Thread {
    private volatile boolean running = true;
    private long peak;

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      while (running) {
        peak = Math.max(peak, usedHeap());
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long finish() throws InterruptedException {
      running = false;
      join();
      return Math.max(peak, usedHeap());
    }
  }

  // ---- 3. Retry-After adherence ----------------------------------------------------------------

  static void retryAfter() throws Exception {
    System.out.println("== retry-after: each wait within [RA, 1.1 RA + 100 ms]");
    FakeGraph server = FakeGraph.builder().build().start();
    try {
      List<long[]> exchanges = new CopyOnWriteArrayList<>();
      Interceptor timing = chain -> {
        long sent = System.nanoTime();
        Response response = chain.proceed(chain.request());
        exchanges.add(new long[] {sent, System.nanoTime(), response.code()});
        return response;
      };
      CachingTokenCredential credential = cachingCredential(server);
      for (int seconds : new int[] {1, 2, 3}) {
        FakeGraphTenant tenant = server.addTenant(FakeGraphTenant.builder().grantedAll());
        try (GraphPermissionVerifier verifier = verifierFor(server, credential)
            .httpClient(new OkHttpClient.Builder()
                .sslSocketFactory(server.sslContext().getSocketFactory(), server.trustManager())
                .addInterceptor(timing).build())
            .build()) {
          verifier.verify(tenant.tenantId());
          exchanges.clear();
          tenant.faults().throttleNext(1, Duration.ofSeconds(seconds));
          verifier.verify(tenant.tenantId());
          // The $batch answer carries the inner 429; the next exchange is the retry.
          long waitedNanos = exchanges.get(1)[0] - exchanges.get(0)[1];
          double waited = waitedNanos / 1e6;
          double low = seconds * 1000.0;
          double high = seconds * 1100.0 + 100;
          System.out.printf(Locale.ROOT, "   Retry-After %d s: waited %.1f ms  [%s within %.0f..%.0f ms]%n",
              seconds, waited, waited >= low && waited <= high ? "OK" : "OUT", low, high);
        }
      }
    } finally {
      server.stop();
    }
  }

  // ---- 4. first verify in a fresh JVM ----------------------------------------------------------

  static void firstVerify() throws Exception {
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

  static void firstVerifyChild() throws Exception {
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

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static String fmt(List<Double> values) {
    return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
  }
}
