package io.github.b2cpermissions.benchmarks;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.GraphRetryPolicy;
import io.github.b2cpermissions.testkit.CachingTokenCredential;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeGraphTenantBuilder;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.ObjectName;
import okhttp3.OkHttpClient;

/**
 * 10,000 tenants on one fake with 50 ms of latency per Graph request, a cold and a warm pass, then
 * the verifier's heap per cached tenant (target: at most 20 s wall and 256 MB heap, with {@code
 * -Xmx256m}).
 */
final class FleetBenchmark {
  private FleetBenchmark() {}

  static void run(int tenants) throws Exception {
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
      CachingTokenCredential credential = VerifierBenchmarks.cachingCredential(server);
      long results = 0;
      OkHttpClient http = VerifierBenchmarks.trusting(server);
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
      OkHttpClient smallHttp = VerifierBenchmarks.trusting(server);
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
    return VerifierBenchmarks.verifierFor(server, credential)
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
}
