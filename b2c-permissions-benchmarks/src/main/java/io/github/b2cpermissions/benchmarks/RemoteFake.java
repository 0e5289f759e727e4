package io.github.b2cpermissions.benchmarks;

import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.GraphPermissionVerifierBuilder;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The testkit's standalone fake in a process of its own (its shaded jar, from {@code -DfakeJar} or
 * the testkit's {@code target}), with generated tenants, latency on every exchange and modelled
 * throttling; and what a worker JVM needs to reach it: the endpoints, trust in its certificate, the
 * tenant ids, and the throttling counters it keeps in a file.
 */
final class RemoteFake implements AutoCloseable {
  final Path dir;
  final URI graphHost;
  final URI authorityHost;
  private final Process process;

  private RemoteFake(Path dir, URI graphHost, URI authorityHost, Process process) {
    this.dir = dir;
    this.graphHost = graphHost;
    this.authorityHost = authorityHost;
    this.process = process;
  }

  static Path jar() {
    String given = System.getProperty("fakeJar");
    if (given != null) {
      return Path.of(given);
    }
    Path target = Path.of("b2c-permissions-testkit", "target");
    if (!Files.isDirectory(target)) {
      target = Path.of("..", "b2c-permissions-testkit", "target");
    }
    try (var files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().endsWith("-standalone.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no standalone fake jar in " + Path.of("").toAbsolutePath()
              .resolve("b2c-permissions-testkit/target") + ": package the testkit, or pass -DfakeJar=..."));
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + target, e);
    }
  }

  /** Starts the fake with {@code tenants} generated tenants and these extra options. */
  static RemoteFake start(int tenants, long latencyMillis, List<String> options) throws IOException {
    Path dir = Files.createTempDirectory("b2c-fake-");
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx1g", "-jar", jar().toString(), "--tenants", String.valueOf(tenants),
        "--tenant-ids-out", dir.resolve("ids.txt").toString(), "--cert-out", dir.resolve("cert.pem").toString(),
        "--latency-ms", String.valueOf(latencyMillis), "--throttle-stats-out", dir.resolve("stats.json").toString()));
    cmd.addAll(options);
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null) {
      throw new IllegalStateException("the standalone fake exited before it listened: " + cmd);
    }
    Thread drain = new Thread(() -> drain(p.getInputStream()), "fake-stdout");
    drain.setDaemon(true);
    drain.start();
    return new RemoteFake(dir, URI.create(field(line, "graphHost")), URI.create(field(line, "authorityHost")), p);
  }

  List<String> tenantIds() throws IOException {
    return Files.readAllLines(dir.resolve("ids.txt"), StandardCharsets.UTF_8);
  }

  /** The fake's throttling counters now ({@code graphRequests}, {@code peakAppRequestsPerPeriod}...). */
  Map<String, Long> stats() throws IOException {
    String json = Files.readString(dir.resolve("stats.json"), StandardCharsets.UTF_8);
    Map<String, Long> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("\"(\\w+)\":(\\d+)").matcher(json);
    while (m.find()) {
      out.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return out;
  }

  /** A verifier builder for the fake's default app, with a client secret, as users build one. */
  static GraphPermissionVerifierBuilder verifier(URI authorityHost, URI graphHost, Path certPem) {
    OkHttpClient http = trusting(certPem);
    return GraphPermissionVerifier.builder()
        .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
        .clientSecret(FakeGraphTenant.DEFAULT_CLIENT_SECRET)
        .identityHttpClient(new OkHttpAsyncHttpClientBuilder(http).build())
        .cloud(GraphCloud.custom(authorityHost, graphHost))
        .httpClient(http);
  }

  static OkHttpClient trusting(Path certPem) {
    try (InputStream in = Files.newInputStream(certPem)) {
      X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      ks.setCertificateEntry("fake", cert);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new TrustManager[] {tm}, null);
      return new OkHttpClient.Builder().sslSocketFactory(ssl.getSocketFactory(), tm)
          .connectionPool(new ConnectionPool(400, 5, TimeUnit.MINUTES)).build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust " + certPem, e);
    }
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("the fake's info line lacks " + name + ": " + json);
    }
    return m.group(1);
  }

  private static void drain(InputStream in) {
    try {
      in.transferTo(OutputStreamNull.INSTANCE);
    } catch (IOException ignored) {
      // the process ended
    }
  }

  /** Discards bytes. */
  private static final class OutputStreamNull extends OutputStream {
    static final OutputStreamNull INSTANCE = new OutputStreamNull();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
