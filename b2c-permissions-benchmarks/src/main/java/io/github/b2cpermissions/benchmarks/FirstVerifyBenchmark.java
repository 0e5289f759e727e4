package io.github.b2cpermissions.benchmarks;

import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The first {@code verify} in a fresh JVM (three of them), built as users build it, through
 * {@code clientSecret(...)} (azure-identity and MSAL fetch the token), against the standalone fake
 * in another process with {@code latencyMillis} (50) on every exchange, token requests included.
 * The child's timer starts as its {@code main} begins: nothing has touched TLS, crypto or Jackson
 * before it; trusting the fake's certificate is inside the timed part (target: at most 1.5 s).
 */
final class FirstVerifyBenchmark {
  private FirstVerifyBenchmark() {}

  static void run() throws Exception {
    long latency = Long.getLong("latencyMillis", 50);
    System.out.printf(Locale.ROOT, "== first-verify: the first verify in a fresh JVM through clientSecret(...),"
        + " fake in another process, %d ms on every exchange incl. tokens (3 fresh JVMs); %s%n",
        latency, RemoteFleetBenchmark.load());
    try (ExternalFake fake = ExternalFake.start(1, latency, "512m")) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      for (int i = 0; i < 3; i++) {
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            VerifierBenchmarks.class.getName(), "first-verify-child", fake.graphHost.toString(),
            fake.authorityHost.toString(), fake.certificate.toString(), fake.tenantIds.get(0))
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(2, TimeUnit.MINUTES);
        System.out.println("   " + out + "; " + RemoteFleetBenchmark.load());
      }
    }
  }

  static void child(String graphHost, String authorityHost, String certificate, String tenantId)
      throws Exception {
    long t0 = System.nanoTime();
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long mainAt = System.currentTimeMillis();
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("fake", CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(Path.of(certificate)))));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    OkHttpClient http = new OkHttpClient.Builder()
        .sslSocketFactory(tls.getSocketFactory(), (X509TrustManager) tmf.getTrustManagers()[0]).build();
    GraphPermissionVerifier verifier = GraphPermissionVerifier.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .clientSecret(FakeGraphTenant.DEFAULT_CLIENT_SECRET)
        .cloud(GraphCloud.custom(URI.create(authorityHost), URI.create(graphHost)))
        .httpClient(http)
        .identityHttpClient(new OkHttpAsyncHttpClientBuilder(http).build())
        .build();
    long built = System.nanoTime();
    VerificationReport report = verifier.verify(tenantId);
    long done = System.nanoTime();
    System.out.printf(Locale.ROOT,
        "main() %d ms after JVM start; trust + build verifier %d ms; first verify %d ms; main() to"
            + " report %d ms (target <= 1500 ms); JVM start to report %d ms; %s, %d Graph requests",
        mainAt - jvmStart, TimeUnit.NANOSECONDS.toMillis(built - t0),
        TimeUnit.NANOSECONDS.toMillis(done - built), TimeUnit.NANOSECONDS.toMillis(done - t0),
        mainAt - jvmStart + TimeUnit.NANOSECONDS.toMillis(done - t0), report.outcome(),
        report.graphRequestCount());
    verifier.close();
  }
}
