package io.github.b2cpermissions.benchmarks;

import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.testkit.CachingTokenCredential;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * How exactly the verifier keeps {@code Retry-After} waits of 1, 2 and 3 s (target: each within
 * [RA, 1.1 RA + 100 ms]).
 */
final class RetryAfterBenchmark {
  private RetryAfterBenchmark() {}

  static void run() throws Exception {
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
      CachingTokenCredential credential = VerifierBenchmarks.cachingCredential(server);
      for (int seconds : new int[] {1, 2, 3}) {
        FakeGraphTenant tenant = server.addTenant(FakeGraphTenant.builder().grantedAll());
        try (GraphPermissionVerifier verifier = VerifierBenchmarks.verifierFor(server, credential)
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
}
