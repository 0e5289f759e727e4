package io.github.b2cpermissions.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleet}: checks every tenant listed in a file and prints one JSON line per tenant (the
 * report, or the failure), with a progress bar on standard error.
 */
@Command(name = "fleet", description = "Check every tenant listed in a file (one per line).")
final class FleetCommand extends CliCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", arity = "0..1", description = "File of tenant ids or domains.")
  @Nullable Path file;

  @Option(names = "--concurrency", defaultValue = "16", description = "Tenants at once.")
  int concurrency = 16;

  @Override
  public Integer call() throws IOException {
    VerificationStrategy strategy = VerificationStrategy.DIRECTORY_AND_TOKEN;
    if (demo) {
      try (DemoTenant fake = DemoTenant.start();
          GraphPermissionVerifier verifier = fake.verifier(strategy, concurrency, List.of())) {
        List<String> tenants = file != null ? read(file)
            : List.of(fake.tenant().tenantId(), fake.tenant().domain());
        return report(verifier.verifyFleet(tenants, this::progress));
      }
    }
    if (file == null) {
      throw new IllegalArgumentException("give a file of tenant ids (or use --demo)");
    }
    try (GraphPermissionVerifier verifier = realVerifier(strategy, concurrency, List.of())) {
      return report(verifier.verifyFleet(read(file), this::progress));
    }
  }

  private static List<String> read(Path file) throws IOException {
    List<String> tenants = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        tenants.add(t);
      }
    }
    return tenants;
  }

  private void progress(TenantVerification result, int done, int total) {
    int width = 30;
    int filled = total == 0 ? width : done * width / total;
    synchronized (this) {
      err().printf("\r[%s%s] %d/%d", "#".repeat(filled), " ".repeat(width - filled), done, total);
      if (done == total) {
        err().println();
      }
    }
  }

  private int report(FleetVerification fleet) {
    for (TenantVerification r : fleet.results()) {
      if (r.report().isPresent()) {
        out().println(ReportJson.toJson(r.report().get(), false));
      } else {
        ObjectNode line = JSON.createObjectNode();
        line.put("tenantId", r.tenantId());
        r.resolvedTenantId().ifPresent(id -> line.put("resolvedTenantId", id));
        line.put("failureKind", r.failureKind().map(Enum::name).orElse(""));
        line.put("error", r.failure().map(Throwable::getMessage).orElse(""));
        out().println(line);
      }
    }
    err().println(fleet);
    if (!fleet.failures().isEmpty()) {
      return B2cPermissionsCli.COULD_NOT_VERIFY;
    }
    return fleet.satisfiedCount() == fleet.results().size()
        ? B2cPermissionsCli.SATISFIED : B2cPermissionsCli.NOT_SATISFIED;
  }
}
