package io.github.b2cpermissions.benchmarks;

import com.azure.core.credential.TokenRequestContext;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.testkit.CachingTokenCredential;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A warm {@code verify} against raw JDK {@code HttpClient} sending the same {@code $batch} to the
 * same fake: the verifier's own cost per check (target: at most 1.5x).
 */
final class OverheadBenchmark {
  private OverheadBenchmark() {}

  static void run() throws Exception {
    System.out.println("== overhead: warm verify vs raw JDK HttpClient, same request, same fake");
    FakeGraph server = FakeGraph.builder().journalLimit(1_000).build().start();
    try {
      FakeGraphTenant tenant = server.addTenant(FakeGraphTenant.builder().grantedAll());
      CachingTokenCredential credential = VerifierBenchmarks.cachingCredential(server);
      String token = credential.getToken(new TokenRequestContext()
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
      try (GraphPermissionVerifier verifier = VerifierBenchmarks.verifierFor(server, credential).build()) {
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

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static String fmt(List<Double> values) {
    return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
  }
}
