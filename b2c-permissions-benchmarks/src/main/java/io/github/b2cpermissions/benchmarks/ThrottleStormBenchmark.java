package io.github.b2cpermissions.benchmarks;

import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.RequestBudget;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.GraphRetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 14, benchmark 4: a fleet under an app-scoped 429 storm. The fake (the standalone jar, in
 * its own process) has an app-wide limit far below what the fleet would send, and the verifier no
 * request budget ({@link RequestBudget#unlimited()}), so Graph's own answers are all that holds it
 * back: each app-scoped 429 pauses the whole fleet for its {@code Retry-After}, and the limit
 * percentage lowers the rate before the next ones. Targets: no tenant fails, and the HTTP requests
 * of the pass at most 1.1 times those of the same pass unthrottled (one $batch per tenant warm).
 *
 * <p>The fake's limit is a token bucket, as Graph documents it: it starts full (the limit) and
 * refills at limit ÷ period, so a pass is refused only once it has sent more than the limit plus
 * the refill. The default limit, 1,000 per 10 s for 1,000 tenants, is a quarter of the cold pass's
 * 4,000 operations, so a cold pass sent faster than the refill (100 per s; the verifier's defaults
 * at 50 ms send many times that) storms; each pass prints how many operations the
 * bucket could have admitted by its end, so a pass that was never refused says whether it could
 * have been. The fastest the fake could admit a pass, with its bucket full at the start, is the
 * bucket bound: (operations admitted - limit) ÷ rate.
 */
final class ThrottleStormBenchmark {
  private ThrottleStormBenchmark() {}

  static void run(int tenants, int limitPer10s, long latencyMillis) throws Exception {
    System.out.printf(Locale.ROOT, "== 429 storm: %,d tenants, the fake's app-wide limit %,d requests / 10 s"
        + " (a token bucket of %,d refilled at %.1f per s), no request budget in the verifier, %d ms"
        + " latency, verifier defaults otherwise%n",
        tenants, limitPer10s, limitPer10s, limitPer10s / 10.0, latencyMillis);
    double rate = limitPer10s / 10.0;
    try (RemoteFake fake = RemoteFake.start(tenants, latencyMillis,
        List.of("--app-limit", limitPer10s + "/10"))) {
      List<String> ids = fake.tenantIds();
      try (GraphPermissionVerifier verifier = RemoteFake.verifier(fake.authorityHost, fake.graphHost,
          fake.dir.resolve("cert.pem")).requestBudget(RequestBudget.unlimited())
          .retryPolicy(GraphRetryPolicy.custom().deadline(Duration.ofMinutes(5)).build()).build()) {
        for (String pass : new String[] {"cold", "warm"}) {
          Map<String, Long> before = fake.stats();
          long start = System.nanoTime();
          FleetVerification fleet = verifier.verifyFleet(ids);
          double wall = (System.nanoTime() - start) / 1e9;
          Thread.sleep(500);
          Map<String, Long> after = fake.stats();
          int requests = fleet.results().stream()
              .mapToInt(r -> r.report().map(VerificationReport::graphRequestCount).orElse(0)).sum();
          long refused = after.get("appThrottled") - before.get("appThrottled");
          long ops = after.get("graphRequests") - before.get("graphRequests");
          long signals = after.get("limitSignals") - before.get("limitSignals");
          double bucketBound = Math.max(0, ops - refused - limitPer10s) / rate;
          System.out.printf(Locale.ROOT,
              "   %s: %,d satisfied, %,d failed (target 0); HTTP requests %,d = %.3f per tenant"
                  + " (target <= 1.1 x the unthrottled pass);%n"
                  + "      Graph operations at the fake %,d, refused app-wide (429) %,d, admitted with"
                  + " x-ms-throttle-limit-percentage %,d; the bucket could admit at most %,.0f by the"
                  + " pass's end;%n"
                  + "      wall %.1f s, bucket bound %.1f s (ratio %s)%n",
              pass, fleet.satisfiedCount(), fleet.failures().size(), requests, requests / (double) tenants,
              ops, refused, signals, limitPer10s + rate * wall, wall, bucketBound,
              bucketBound > 0 ? String.format(Locale.ROOT, "%.2f", wall / bucketBound) : "-");
          if (!fleet.failures().isEmpty()) {
            System.out.println("      first failure: " + fleet.failures().get(0));
          }
        }
      }
    }
  }
}
