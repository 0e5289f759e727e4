package io.github.b2cpermissions.benchmarks;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeUser;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmarks of the fake itself (figures are printed, nothing is asserted): start and reset times,
 * GETs per second, heap per hosted tenant, and with {@code b2c [users]} as arguments the B2C data
 * (heap per user, generated and seeded, and pages per second through the users with {@code
 * $top=999}). Run from the repository root:
 *
 * <pre>
 * mvn -B -q -DskipTests -pl b2c-permissions-benchmarks -am package exec:exec -Dbenchmark=fake
 * mvn -B -q -DskipTests -pl b2c-permissions-benchmarks -am package exec:exec -Dbenchmark=fake-b2c
 * </pre>
 */
final class FakeGraphBenchmark {
  private FakeGraphBenchmark() {}

  /**
   * Runs the fake's benchmarks.
   *
   * @param args seconds per throughput run (10), or {@code b2c} and a user count (100,000)
   */
  static void main(String[] args) throws Exception {
    System.out.printf("JVM %s, %d processors, max heap %d MB%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    if (args.length > 0 && args[0].equals("b2c")) {
      b2cUsers(args.length > 1 ? Integer.parseInt(args[1]) : 100_000);
      return;
    }
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
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
        t.app().revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL);
        t.faults().throttleNext(3, Duration.ofSeconds(1));
        if (i % 100 == 0) {
          get(c, URI.create(t.graphEndpoint() + "/organization"), token);
        }
        long t0 = System.nanoTime();
        t.reset();
        long t1 = System.nanoTime();
        t.app().grantedPermissions();
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

  // ---- B2C users ------------------------------------------------------------------------------

  static void b2cUsers(int users) throws Exception {
    // One server without a journal (it would keep every request), warmed up with an empty tenant.
    FakeGraph graph = FakeGraph.builder().journalLimit(0).build().start();
    FakeGraphTenant empty = graph.addTenant(FakeGraphTenant.builder().b2c("empty.onmicrosoft.com").grantedAll().b2cData(B2cData.sample()));
    empty.b2cUserCount();
    pageAll(empty.httpClient(), empty, empty.issueAccessToken(), "/users");
    long before = usedHeap();
    FakeGraphTenant t =
        graph.addTenant(
            FakeGraphTenant.builder()
                .b2c("scale.onmicrosoft.com")
                .grantedAll()
                .b2cData(B2cData.builder().generatedUsers(users, 42).build()));
    t.b2cUserCount(); // builds the directory
    long generated = usedHeap();
    HttpClient c = t.httpClient();
    String token = t.issueAccessToken();
    String select = "$select=id,displayName,identities,accountEnabled,otherMails,mobilePhone";
    for (int run = 0; run < 4; run++) {
      long t0 = System.nanoTime();
      int[] counts = pageAll(c, t, token, "/users?$top=999&" + select);
      long took = System.nanoTime() - t0;
      System.out.printf("run %d: %,d users in %,d pages (%s) in %.0f ms: %.1f pages/s, %,.0f users/s, %.1f MB JSON%n",
          run, counts[0], counts[1], run == 0 ? "cold" : "warm", ms(took), counts[1] / (took / 1e9), counts[0] / (took / 1e9), counts[2] / 1e6);
    }
    long t1 = System.nanoTime();
    int[] def = pageAll(c, t, token, "/users?$top=999");
    System.out.printf("default properties: %,d users in %.0f ms%n", def[0], ms(System.nanoTime() - t1));
    long afterPaging = usedHeap();
    int found = 0;
    long[] lookups = new long[50];
    for (int i = 0; i < lookups.length; i++) {
      String name = i % 2 == 0 ? "nobody@example.com" : "someone" + (i * 1_999) + "@example.com";
      URI u = URI.create(t.graphEndpoint() + "/users?$filter=" + URLEncoder.encode("identities/any(c:c/issuerAssignedId eq '" + name + "' and c/issuer eq 'scale.onmicrosoft.com')", "UTF-8").replace("+", "%20"));
      long l0 = System.nanoTime();
      found += get(c, u, token) == 200 ? 1 : 0;
      lookups[i] = System.nanoTime() - l0;
    }
    long t3 = System.nanoTime();
    URI scan = URI.create(t.graphEndpoint() + "/users?$filter=" + URLEncoder.encode("startswith(displayName,'Nobody')", "UTF-8").replace("+", "%20"));
    int scanned = get(c, scan, token);
    System.out.printf("a $filter that scans (startswith on displayName) over %,d users: %.0f ms (status %d)%n", users, ms(System.nanoTime() - t3), scanned);
    System.out.printf("sign-in name lookup ($filter on identities) among %,d users: median %.2f ms, max %.1f ms (%d of %d ok)%n", users, ms(median(lookups)), ms(max(lookups)), found, lookups.length);
    // Change 1,000 generated users: each becomes a compact record of its own.
    int changes = Math.min(1_000, users);
    List<String> ids = new ArrayList<>();
    HttpResponse<String> page = c.send(HttpRequest.newBuilder(URI.create(t.graphEndpoint() + "/users?$top=999&$select=id")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(page.body());
    while (m.find() && ids.size() < changes) {
      ids.add(m.group(1));
    }
    for (String id : ids) {
      c.send(HttpRequest.newBuilder(URI.create(t.graphEndpoint() + "/users/" + id)).header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Changed\"}")).build(), HttpResponse.BodyHandlers.discarding());
    }
    long changed = usedHeap();
    graph.stop();
    System.out.printf("heap: %,d generated users %.2f MB (%.1f bytes/user); after paging %.2f MB; %,d changed users +%.0f bytes each%n",
        users, (generated - before) / 1e6, (generated - before) / (double) users, (afterPaging - before) / 1e6, ids.size(), (changed - afterPaging) / (double) ids.size());
    // The same number of seeded (not generated) users, held as compact records.
    long b0 = usedHeap();
    B2cData.Builder b = B2cData.builder();
    for (int i = 0; i < users; i++) {
      b.user(FakeUser.builder("User " + i).emailIdentity("user" + i + "@example.com").otherMails("user" + i + "@example.com")
          .mobilePhone("+1 4255550" + (i % 1000)).phoneMethod("mobile", "+1 4255550" + (i % 1000)).emailMethod("user" + i + "@example.com").build());
    }
    B2cData data = b.build();
    FakeGraphTenant seeded = FakeGraphTenant.builder().b2c("seeded.onmicrosoft.com").grantedAll().b2cData(data).build();
    seeded.b2cUserCount();
    long b1 = usedHeap();
    System.out.printf("heap: %,d seeded users (seed and the tenant's copy) %.1f MB, %.0f bytes/user%n", users, (b1 - b0) / 1e6, (b1 - b0) / (double) users);
    Reference.reachabilityFence(seeded);
    Reference.reachabilityFence(data);
  }

  /** Pages through a collection; returns items, pages and bytes. */
  static int[] pageAll(HttpClient c, FakeGraphTenant t, String token, String first) throws Exception {
    String next = t.graphEndpoint() + first;
    int items = 0;
    int pages = 0;
    int bytes = 0;
    Pattern nextLink = Pattern.compile("\"@odata.nextLink\":\"([^\"]+)\"");
    Pattern id = Pattern.compile("\"displayName\":");
    while (next != null) {
      HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(next)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(r.statusCode() + " " + r.body());
      }
      String body = r.body();
      bytes += body.length();
      pages++;
      Matcher m = id.matcher(body);
      while (m.find()) {
        items++;
      }
      Matcher n = nextLink.matcher(body);
      next = n.find() ? n.group(1) : null;
    }
    return new int[] {items, pages, bytes};
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
      t.app().grantedPermissions();
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
    Reference.reachabilityFence(fleet);
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
