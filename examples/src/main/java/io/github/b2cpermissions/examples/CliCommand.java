package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.GraphPermissionVerifierBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * What the CLI's commands share: the {@code --demo} and {@code --cloud} options, the streams, and
 * a verifier built from the {@code AZURE_*} environment variables for a real tenant.
 */
abstract class CliCommand implements Callable<Integer> {
  @Nullable CliStreams io;

  @Option(names = "--demo", description = "Run against an embedded fake B2C tenant.")
  boolean demo;

  @Option(names = "--cloud", defaultValue = "GLOBAL",
      description = "GLOBAL, US_GOV_L4, US_GOV_L5 or CHINA (default: ${DEFAULT-VALUE}).")
  String cloud = "GLOBAL";

  PrintStream out() {
    return io().out();
  }

  PrintStream err() {
    return io().err();
  }

  CliStreams io() {
    if (io == null) {
      throw new IllegalStateException("not created through the CLI factory");
    }
    return io;
  }

  /** The environment variable {@code name}; a usage error when it is not set. */
  String env(String name) {
    String value = io().env().get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("set " + name + " (or use --demo)");
    }
    return value;
  }

  GraphCloud realCloud() {
    switch (cloud) {
      case "GLOBAL": return GraphCloud.GLOBAL;
      case "US_GOV_L4": return GraphCloud.US_GOV_L4;
      case "US_GOV_L5": return GraphCloud.US_GOV_L5;
      case "CHINA": return GraphCloud.CHINA;
      default: throw new IllegalArgumentException("unknown cloud " + cloud);
    }
  }

  /** A verifier for real tenants, with the backup app's credential from the environment. */
  GraphPermissionVerifier realVerifier(
      VerificationStrategy strategy, int concurrency, List<PermissionProfile> profiles) {
    GraphPermissionVerifierBuilder b = GraphPermissionVerifier.builder()
        .clientId(env("AZURE_CLIENT_ID")).cloud(realCloud()).strategy(strategy)
        .fleetConcurrency(concurrency);
    profiles.forEach(p -> b.profile(p.tenantKind(), p));
    String certificate = io().env().get("AZURE_CLIENT_CERTIFICATE_PATH");
    if (certificate != null && !certificate.isBlank()) {
      b.clientCertificate(Path.of(certificate), io().env().get("AZURE_CLIENT_CERTIFICATE_PASSWORD"));
    } else {
      b.clientSecret(env("AZURE_CLIENT_SECRET"));
    }
    return b.build();
  }
}
