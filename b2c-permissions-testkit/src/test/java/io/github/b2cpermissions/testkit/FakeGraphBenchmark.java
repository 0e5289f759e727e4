package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.B2cBackupPermission;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmarks of the fake (a main, not a test: figures are printed, nothing is asserted). Run from
 * the repository root:
 *
 * <pre>
 * mvn -B -o -q -pl b2c-permissions-testkit test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -Xmx2g -cp "b2c-permissions-testkit/target/test-classes:b2c-permissions-testkit/target/classes:$(cat b2c-permissions-testkit/target/bench.cp)" \
 *     io.github.b2cpermissions.testkit.FakeGraphBenchmark [seconds-per-throughput-run]
 * </pre>
 */
public final class FakeGraphBenchmark {
  private FakeGraphBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    System.out.printf("JVM %s, %d processors, max heap %d MB%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    startTime();
    resetTime();
    throughput(seconds);
    memory(10_000);
  }

  // ---- start ----------------------------------------------------------------------------------

  static void startTime() {
    for (int i = 0; i < 10; i++) {
      FakeGraphTenant t = FakeGraphTenant.builder().grantedAll().build().start();
      t.issueAccessToken();
      t.stop();
    }
    int n = 20;
    long[] build = new long[n];
    long[] start = new long[n];
    long[] stop = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      FakeGraphTenant t = FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll().build();
      long t1 = System.nanoTime();
      t.start();
      long t2 = System.nanoTime();
      t.stop();
      long t3 = System.nanoTime();
      build[i] = t1 - t0;
      start[i] = t2 - t1;
      stop[i] = t3 - t2;
    }
    System.out.printf("start (warm JVM, %d runs): build median %.2f ms, start() median %.1f ms / p90 %.1f ms / max %.1f ms, stop() median %.1f ms%n",
        n, ms(median(build)), ms(median(start)), ms(pct(start, 90)), ms(max(start)), ms(median(stop)));
  }

  // ---- reset ----------------------------------------------------------------------------------

  static void resetTime() {
    FakeGraphTenant t = FakeGraphTenant.builder().grantedAll().build().start();
    try {
      String token = t.issueAccessToken();
      HttpClient c = t.httpClient();
      int n = 2_000;
      long[] reset = new long[n];
      long[] firstUse = new long[n];
      for (int i = 0; i < n; i++) {
        t.revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL);
        t.faults().throttleNext(3, Duration.ofSeconds(1));
        if (i % 100 == 0) {
          get(c, URI.create(t.graphEndpoint() + "/organization"), token);
        }
        long t0 = System.nanoTime();
        t.reset();
        long t1 = System.nanoTime();
        t.grantedPermissions();
        long t2 = System.nanoTime();
        reset[i] = t1 - t0;
        firstUse[i] = t2 - t1;
      }
      System.out.printf("reset() of a tenant with its own server (%d runs): median %.3f ms, p99 %.3f ms, max %.3f ms; first use after it (rebuilds the seed) median %.3f ms%n",
          n, ms(median(reset)), ms(pct(reset, 99)), ms(max(reset)), ms(median(firstUse)));
    } finally {
      t.stop();
    }
  }

  // ---- throughput -----------------------------------------------------------------------------

  public static void throughput(int seconds) throws Exception {
    FakeGraphTenant t = FakeGraphTenant.builder().grantedAll().build().start();
    try {
      String token = t.issueAccessToken();
      HttpClient client =
          HttpClient.newBuilder().sslContext(t.sslContext()).version(HttpClient.Version.HTTP_1_1).build();
      URI sp = URI.create(t.graphEndpoint() + "/servicePrincipals(appId='" + t.clientId() + "')?$select=id,appId,accountEnabled");
      URI list = URI.create(t.graphEndpoint() + "/servicePrincipals/" + t.servicePrincipalId() + "/appRoleAssignments");
      URI org = URI.create(t.graphEndpoint() + "/organization");
      run("warm-up (mixed, not a result)", client, new URI[] {sp, list, org}, token, 8, 3 * seconds);
      run("GET /organization, 8 client threads", client, new URI[] {org}, token, 8, seconds);
      run("GET .../appRoleAssignments (14 items), 8 client threads", client, new URI[] {list}, token, 8, seconds);
      for (int threads : new int[] {4, 8, 16}) {
        run("GET servicePrincipals(appId=...)?$select, " + threads + " client threads", client, new URI[] {sp}, token, threads, seconds);
      }
      run("mixed (the three above), 8 client threads", client, new URI[] {sp, list, org}, token, 8, seconds);
    } finally {
      t.stop();
    }
  }

  public static void run(String name, HttpClient client, URI[] uris, String token, int threads, int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong ok = new AtomicLong();
    AtomicLong bad = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int offset = i;
      fs.add(pool.submit(() -> {
        int k = offset;
        while (System.nanoTime() < end) {
          int status = get(client, uris[k++ % uris.length], token);
          (status == 200 ? ok : bad).incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    long elapsed = System.nanoTime() - t0;
    pool.shutdown();
    System.out.printf("throughput %-60s %,8.0f GET/s (%d ok, %d not 200)%n", name + ":", ok.get() / (elapsed / 1e9), ok.get(), bad.get());
  }

  static int get(HttpClient c, URI uri, String token) {
    try {
      return c.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  // ---- memory ---------------------------------------------------------------------------------

  static void memory(int tenants) throws Exception {
    FakeGraph graph = FakeGraph.builder().journalLimit(0).build().start();
    long before = usedHeap();
    long t0 = System.nanoTime();
    List<FakeGraphTenant> fleet = new ArrayList<>(tenants);
    for (int i = 0; i < tenants; i++) {
      fleet.add(graph.addTenant(FakeGraphTenant.builder().b2c("tenant" + i + ".onmicrosoft.com").grantedAll()));
    }
    long added = System.nanoTime() - t0;
    long seeded = usedHeap();
    for (FakeGraphTenant t : fleet) {
      t.grantedPermissions();
    }
    long materialized = usedHeap();
    long t1 = System.nanoTime();
    graph.reset();
    long resetFleet = System.nanoTime() - t1;
    HttpClient c = graph.httpClient();
    long t2 = System.nanoTime();
    int served = 0;
    for (int i = 0; i < tenants; i += 10) {
      FakeGraphTenant t = fleet.get(i);
      if (get(c, URI.create(t.graphEndpoint() + "/servicePrincipals/" + t.servicePrincipalId() + "/appRoleAssignments"), t.issueAccessToken()) == 200) {
        served++;
      }
    }
    long fleetGets = System.nanoTime() - t2;
    System.out.printf("fleet of %,d tenants: added in %.0f ms; heap per tenant %.2f KB seeded (state not built yet), %.2f KB with state built (14 grants each)%n",
        tenants, ms(added), (seeded - before) / 1024.0 / tenants, (materialized - before) / 1024.0 / tenants);
    System.out.printf("fleet reset(): %.3f ms for %,d tenants; %d sequential token+GET round trips to different tenants: %.2f ms each%n",
        ms(resetFleet), tenants, served, ms(fleetGets) / served);
    graph.stop();
    java.lang.ref.Reference.reachabilityFence(fleet);
  }

  static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  // ---- stats ----------------------------------------------------------------------------------

  static long median(long[] v) {
    return pct(v, 50);
  }

  static long pct(long[] v, int p) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
  }

  static long max(long[] v) {
    return Arrays.stream(v).max().orElse(0);
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }
}
