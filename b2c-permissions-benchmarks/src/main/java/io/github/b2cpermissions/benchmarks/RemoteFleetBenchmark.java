package io.github.b2cpermissions.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.GraphPermissionVerifierBuilder;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.OkHttpClient;

/**
 * A fleet against the standalone fake in another process, latency on every exchange (token
 * requests included), a cold and a warm pass, with the ratio of each pass to its bound: requests
 * per tenant (token requests counted) x latency x tenants / requests in flight. Settings by system
 * property: {@code latencyMillis} (200), {@code fleetConcurrency} and {@code maxConcurrentRequests}
 * (the verifier's defaults when absent; {@code inFlight} sets both), {@code stream} (use {@code verifyEach}, holding no
 * results), {@code tenantCacheSize} (the default when absent), {@code fakeHeap} (2g), {@code http}
 * ({@code okhttp}, the default; {@code jdk}: Graph requests over the JDK's non-blocking client,
 * HTTP/2; {@code jdk-http1}: the same over HTTP/1.1).
 */
final class RemoteFleetBenchmark {
  private RemoteFleetBenchmark() {}

  static void run(int tenants) throws Exception {
    long latency = Long.getLong("latencyMillis", 200);
    boolean stream = Boolean.getBoolean("stream");
    int baseThreads = ManagementFactory.getThreadMXBean().getThreadCount();
    try (ExternalFake fake = ExternalFake.start(tenants, latency, System.getProperty("fakeHeap", "2g"))) {
      OkHttpClient http = new OkHttpClient.Builder()
          .sslSocketFactory(fake.sslContext.getSocketFactory(), fake.trustManager).build();
      Map<String, Integer> retryReasons = new ConcurrentHashMap<>();
      RemoteTokenCredential credential = new RemoteTokenCredential(
          fake, FakeGraphTenant.DEFAULT_CLIENT_ID, FakeGraphTenant.DEFAULT_CLIENT_SECRET);
      GraphPermissionVerifierBuilder b = GraphPermissionVerifier.builder()
          .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
          .credential(credential)
          .cloud(GraphCloud.custom(fake.authorityHost, fake.graphHost))
          .retryListener(e -> retryReasons.merge(
              e.reason().replaceAll("[0-9a-f-]{36}", "<id>"), 1, Integer::sum));
      String stack = System.getProperty("http", "okhttp");
      boolean overJdk = stack.startsWith("jdk");
      // JDK 17's client fails requests beyond the server's HTTP/2 stream limit (JDK-8225647)
      // instead of opening another connection: jdk-http1 gives each request in flight its own.
      HttpClient.Version version =
          stack.equals("jdk-http1") ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2;
      ExecutorService jdkCallbacks = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "benchmark-jdk-http");
        t.setDaemon(true);
        return t;
      });
      if (overJdk) {
        b.jdkHttpClient(HttpClient.newBuilder().sslContext(fake.sslContext).version(version)
            .executor(jdkCallbacks).build());
      } else {
        b.httpClient(http);
      }
      Integer both = Integer.getInteger("inFlight");
      Integer fleet = Integer.getInteger("fleetConcurrency", both);
      Integer maxRequests = Integer.getInteger("maxConcurrentRequests", both);
      Integer cacheSize = Integer.getInteger("tenantCacheSize");
      if (fleet != null) {
        b.fleetConcurrency(fleet);
      }
      if (maxRequests != null) {
        b.maxConcurrentRequests(maxRequests);
      }
      if (cacheSize != null) {
        b.tenantCacheSize(cacheSize);
      }
      int f = fleet != null ? fleet : GraphPermissionVerifier.DEFAULT_FLEET_CONCURRENCY;
      int m = maxRequests != null ? maxRequests : GraphPermissionVerifier.DEFAULT_MAX_CONCURRENT_REQUESTS;
      int inFlight = Math.min(f, m);
      System.out.printf(Locale.ROOT, "== remote-fleet: %,d tenants, fake in process %d (HTTP/2 over TLS),"
          + " %d ms on every exchange incl. tokens; fleetConcurrency %d, maxConcurrentRequests %d%s,"
          + " tenantCacheSize %s; Graph requests over %s; verifier max heap %d MB; %s%n", tenants,
          fake.pid(), latency, f, m,
          fleet == null && maxRequests == null ? " (defaults)" : "",
          cacheSize == null ? "default" : cacheSize,
          overJdk ? "the JDK's HttpClient (jdkHttpClient, " + version + ", 2 callback threads)" : "OkHttp",
          Runtime.getRuntime().maxMemory() >> 20, load());
      List<String> ids = fake.tenantIds;
      try (okhttp3.Response probe = http.newCall(new okhttp3.Request.Builder()
          .url(fake.graphHost + "/v1.0/$metadata").build()).execute()) {
        System.out.println("   protocol to the fake: " + probe.protocol());
      }
      try (GraphPermissionVerifier verifier = b.build()) {
        for (String pass : new String[] {"cold", "warm"}) {
          int tokensBefore = credential.tokenRequests.get();
          ThreadPeak peak = new ThreadPeak();
          peak.start();
          long cpu0 = cpuNanos();
          long fakeCpu0 = fake.cpuNanos();
          long t0 = System.nanoTime();
          LongAdder graphRequests = new LongAdder();
          LongAdder failures = new LongAdder();
          LongAdder satisfied = new LongAdder();
          String firstFailure = null;
          if (stream) {
            verifier.verifyEach(ids.iterator(), r -> count(r, graphRequests, failures, satisfied));
          } else {
            FleetVerification result = verifier.verifyFleet(ids);
            for (TenantVerification r : result.results()) {
              count(r, graphRequests, failures, satisfied);
            }
            if (!result.failures().isEmpty()) {
              Throwable t = result.failures().get(0).failure().orElse(null);
              StringBuilder chain = new StringBuilder(String.valueOf(result.failures().get(0)));
              for (Throwable c = t == null ? null : t.getCause(); c != null; c = c.getCause()) {
                chain.append(" <- ").append(c);
              }
              firstFailure = chain.toString();
            }
          }
          double wall = (System.nanoTime() - t0) / 1e9;
          long cpu = cpuNanos() - cpu0;
          long fakeCpu = fake.cpuNanos() - fakeCpu0;
          int peakThreads = peak.finish();
          int tokens = credential.tokenRequests.get() - tokensBefore;
          double perTenant = (graphRequests.sum() + tokens) / (double) tenants;
          double bound = perTenant * latency / 1000.0 * tenants / inFlight;
          System.out.printf(Locale.ROOT,
              "   %s: wall %.1f s; bound %.1f s (%.2f requests per tenant: %,d Graph + %,d token;"
                  + " x %d ms x %,d / %d in flight): ratio %.2f; %,d satisfied, %,d failed%n"
                  + "      threads: peak %d in this JVM (%d before the verifier); verifier-side CPU"
                  + " %.3f ms per tenant (all threads of this JVM: TLS, HTTP, JSON, checks), the fake's"
                  + " %.3f ms; %s%n",
              pass, wall, bound, perTenant, graphRequests.sum(), tokens, latency, tenants, inFlight,
              wall / bound, satisfied.sum(), failures.sum(), peakThreads, baseThreads,
              cpu / 1e6 / tenants, fakeCpu / 1e6 / tenants, load());
          if (!retryReasons.isEmpty()) {
            System.out.println("      retries by reason: " + new TreeMap<>(retryReasons));
            retryReasons.clear();
          }
          if (firstFailure != null) {
            System.out.println("      first failure: " + firstFailure);
          }
        }
        long withCredential = heapAfterGc();
        credential.clear();
        long live = heapAfterGc();
        System.out.printf(Locale.ROOT, "   live heap after GC, verifier open with its caches: %.1f MB"
            + " (%.1f MB with the caller's token cache of %,d tokens)%n", live / 1048576.0,
            withCredential / 1048576.0, tenants);
      }
    }
  }

  private static void count(TenantVerification r, LongAdder graph, LongAdder failed, LongAdder ok) {
    graph.add(r.report().map(VerificationReport::graphRequestCount).orElse(0));
    if (r.failure().isPresent()) {
      failed.increment();
    } else if (r.report().map(VerificationReport::isSatisfied).orElse(false)) {
      ok.increment();
    }
  }

  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return "load " + f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "load unknown";
    }
  }

  private static long cpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static long heapAfterGc() {
    System.gc();
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Samples the JVM's live thread count every 20 ms and keeps the largest. */
  static final class ThreadPeak extends Thread {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile boolean running = true;
    private volatile int peak;

    ThreadPeak() {
      super("thread-peak-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      while (running) {
        peak = Math.max(peak, threads.getThreadCount());
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    int finish() throws InterruptedException {
      running = false;
      join();
      return Math.max(peak, threads.getThreadCount());
    }
  }
}
