package io.github.b2cpermissions.testkit.seed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import io.github.b2cpermissions.testkit.internal.ServerConfig;
import org.jspecify.annotations.Nullable;

/**
 * {@code java -jar b2c-permissions-testkit-VERSION-standalone.jar [options]}: runs the fake until
 * killed, for products written in other languages. Prints one JSON line with the endpoints and
 * tenants (client secrets only go to {@code --info-out}).
 */
final class StandaloneMain {
  private static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar b2c-permissions-testkit-<version>-standalone.jar [options]",
          "  --seed FILE        tenants to host (JSON, see the testkit README); default: one B2C",
          "                     tenant, contoso.onmicrosoft.com, with all 14 permissions granted",
          "  --port N           HTTPS port on 127.0.0.1 (default: the seed's, else a free one)",
          "  --page-size N      collection page size, 1 to 999 (default 100)",
          "  --lenient          answer unknown routes as Graph does instead of 501",
          "  --cert-out FILE    write the self-signed certificate (PEM) for clients to trust",
          "  --info-out FILE    write endpoints and tenants, client secrets included, as JSON",
          "  --tenants N        also host N generated B2C tenants of the default app (every",
          "                     permission granted but on every tenth, which lacks one)",
          "  --tenant-ids-out FILE  write the generated tenants' ids, one a line",
          "  --latency-ms N     delay every exchange, token requests included, by N ms",
          "  --http1            offer HTTP/1.1 only (default: HTTP/2 over TLS where the client",
          "                     asks for it, else HTTP/1.1)",
          ThrottleOptions.USAGE,
          "  --help             this text");

  private StandaloneMain() {}

  /**
   * Entry point.
   *
   * @param args the options above
   */
  public static void main(String[] args) throws Exception {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Seeds.Overrides overrides = new Seeds.Overrides();
    Path seed = null;
    Path certOut = null;
    Path infoOut = null;
    Path idsOut = null;
    int generated = 0;
    long latencyMillis = 0;
    boolean http2 = true;
    ThrottleOptions throttle = new ThrottleOptions();
    try {
      for (int i = 0; i < args.length; i++) {
        int taken = throttle.take(args, i);
        if (taken >= 0) {
          i = taken;
          continue;
        }
        switch (args[i]) {
          case "--seed":
            seed = Path.of(value(args, ++i, "--seed"));
            break;
          case "--port":
            overrides.port = intValue(args, ++i, "--port");
            break;
          case "--page-size":
            overrides.pageSize = intValue(args, ++i, "--page-size");
            break;
          case "--lenient":
            overrides.strict = false;
            break;
          case "--cert-out":
            certOut = Path.of(value(args, ++i, "--cert-out"));
            break;
          case "--info-out":
            infoOut = Path.of(value(args, ++i, "--info-out"));
            break;
          case "--tenants":
            generated = intValue(args, ++i, "--tenants");
            break;
          case "--tenant-ids-out":
            idsOut = Path.of(value(args, ++i, "--tenant-ids-out"));
            break;
          case "--latency-ms":
            latencyMillis = intValue(args, ++i, "--latency-ms");
            break;
          case "--http1":
            http2 = false;
            break;
          case "--help":
          case "-h":
            out.println(USAGE);
            return 0;
          default:
            throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    String json =
        seed == null
            ? "{\"domain\":\"contoso.onmicrosoft.com\",\"granted\":\"all\"}"
            : Files.readString(seed, StandardCharsets.UTF_8);
    if (generated < 0 || latencyMillis < 0) {
      err.println("--tenants and --latency-ms must not be negative");
      return 2;
    }
    System.setProperty(ServerConfig.HTTP2_PROPERTY, String.valueOf(http2));
    overrides.throttle = throttle.limits();
    FakeGraph graph;
    try {
      graph = Seeds.load(json, overrides);
    } catch (IllegalArgumentException e) {
      err.println("bad seed " + (seed == null ? "" : seed + " ") + ": " + e.getMessage());
      return 2;
    }
    graph.start();
    Runtime.getRuntime().addShutdownHook(new Thread(graph::stop, "fake-graph-shutdown"));
    if (certOut != null) {
      Files.writeString(certOut, graph.certificatePem(), StandardCharsets.UTF_8);
    }
    // The info lists the seeded tenants only; generated ones go to --tenant-ids-out.
    ObjectNode withSecrets = info(graph, certOut, true);
    ObjectNode shown = info(graph, certOut, false);
    BenchmarkFleet.addTenants(graph, generated, idsOut);
    if (latencyMillis > 0) {
      BenchmarkFleet.latency(graph, Duration.ofMillis(latencyMillis));
    }
    shown.put("generatedTenants", generated);
    throttle.startStats(graph);
    if (infoOut != null) {
      Files.writeString(infoOut, withSecrets.toPrettyString(), StandardCharsets.UTF_8);
    }
    out.println(Seeds.MAPPER.writeValueAsString(shown));
    out.flush();
    new CountDownLatch(1).await();
    return 0;
  }

  static ObjectNode info(FakeGraph graph, @Nullable Path certOut, boolean secrets) {
    ObjectNode o = Seeds.MAPPER.createObjectNode();
    o.put("graphHost", graph.graphHost().toString());
    o.put("graphEndpoint", graph.graphEndpoint().toString());
    o.put("authorityHost", graph.authorityHost().toString());
    o.put("port", graph.port());
    if (certOut != null) {
      o.put("certificatePem", certOut.toAbsolutePath().toString());
    }
    ArrayNode tenants = o.putArray("tenants");
    for (FakeGraphTenant t : graph.tenants()) {
      ObjectNode n = tenants.addObject();
      n.put("tenantId", t.tenantId());
      n.put("domain", t.domain());
      n.put("tenantType", t.tenantType());
      n.put("clientId", t.clientId());
      if (secrets) {
        n.put("clientSecret", t.clientSecret());
      }
      n.put("servicePrincipalId", t.servicePrincipalId());
      n.put("graphServicePrincipalId", t.graphServicePrincipalId());
      n.put("tokenEndpoint", t.tokenEndpoint().toString());
      n.put("scope", t.graphDefaultScope());
    }
    return o;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int intValue(String[] args, int i, String option) {
    String v = value(args, i, option);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, was " + v, e);
    }
  }
}
