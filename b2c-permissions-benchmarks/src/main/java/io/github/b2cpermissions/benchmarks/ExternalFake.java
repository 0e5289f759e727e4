package io.github.b2cpermissions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The testkit's standalone fake in a process of its own (the {@code -standalone} jar when it was
 * built, else the testkit's main class on this classpath), so it shares neither heap nor CPU
 * accounting with the verifier being measured. Latency is injected on every exchange, token
 * requests included; HTTP/2 over TLS is offered.
 */
final class ExternalFake implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Process process;
  final URI graphHost;
  final URI authorityHost;
  final List<String> tenantIds;
  final Path certificate;
  final SSLContext sslContext;
  final X509TrustManager trustManager;

  private ExternalFake(Process process, JsonNode info, List<String> ids, Path cert) throws Exception {
    this.process = process;
    this.graphHost = URI.create(info.path("graphHost").asText());
    this.authorityHost = URI.create(info.path("authorityHost").asText());
    this.tenantIds = ids;
    this.certificate = cert;
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    Certificate c = CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(cert)));
    trust.setCertificateEntry("fake", c);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    this.trustManager = (X509TrustManager) tmf.getTrustManagers()[0];
    this.sslContext = SSLContext.getInstance("TLS");
    sslContext.init(null, tmf.getTrustManagers(), null);
  }

  /**
   * Starts a fake hosting {@code tenants} generated tenants with {@code latencyMillis} on every
   * exchange, and waits until it is listening.
   */
  static ExternalFake start(int tenants, long latencyMillis, String heap) throws Exception {
    Path dir = Files.createTempDirectory("external-fake");
    Path ids = dir.resolve("tenant-ids.txt");
    Path cert = dir.resolve("fake.pem");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseParallelGC"));
    String jar = System.getProperty("fakeJar", "");
    if (!jar.isEmpty() && Files.isRegularFile(Path.of(jar))) {
      cmd.addAll(List.of("-jar", jar));
    } else {
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
          "io.github.b2cpermissions.testkit.seed.StandaloneMain"));
    }
    cmd.addAll(List.of("--lenient", "--tenants", String.valueOf(tenants),
        "--tenant-ids-out", ids.toString(), "--cert-out", cert.toString(),
        "--latency-ms", String.valueOf(latencyMillis)));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null) {
      p.destroyForcibly();
      throw new IOException("the fake exited before it was ready (exit " + p.waitFor() + ")");
    }
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // the fake prints nothing more; keep its pipe from filling anyway
        }
      } catch (IOException ignored) {
        // the fake stopped
      }
    }, "external-fake-stdout");
    drain.setDaemon(true);
    drain.start();
    List<String> tenantIds = Files.readAllLines(ids, StandardCharsets.UTF_8);
    return new ExternalFake(p, JSON.readTree(line), tenantIds, cert);
  }

  /** The fake process's id, for the figures. */
  long pid() {
    return process.pid();
  }

  /** The fake process's CPU time so far. */
  long cpuNanos() {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
