package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.ReportJson;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verify}: checks one tenant and prints its report, as a table or as JSON. */
@Command(name = "verify", description = "Check one tenant and print the report.")
final class VerifyCommand extends CliCommand {
  @Option(names = "--tenant", description = "Tenant id or domain (default: AZURE_TENANT_ID).")
  @Nullable String tenant;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(names = "--strategy", defaultValue = "DIRECTORY_AND_TOKEN",
      description = "DIRECTORY, TOKEN or DIRECTORY_AND_TOKEN (default: ${DEFAULT-VALUE}).")
  VerificationStrategy strategy = VerificationStrategy.DIRECTORY_AND_TOKEN;

  @Option(names = "--profile", description = "Verify its tenant kind against this profile"
      + " (repeatable, one per kind; default: B2C_BACKUP_AND_RESTORE for B2C only).")
  List<String> profiles = new ArrayList<>();

  @Override
  public Integer call() {
    List<PermissionProfile> chosen = ProfileNames.parse(profiles);
    if (demo) {
      try (DemoTenant fake = DemoTenant.start();
          GraphPermissionVerifier verifier = fake.verifier(strategy, 1, chosen)) {
        return print(verifier.verify(tenant != null ? tenant : fake.tenant().tenantId()));
      }
    }
    try (GraphPermissionVerifier verifier = realVerifier(strategy, 1, chosen)) {
      return print(verifier.verify(tenant != null ? tenant : env("AZURE_TENANT_ID")));
    }
  }

  private int print(VerificationReport report) {
    if (json) {
      out().println(ReportJson.toJson(report));
    } else {
      ReportPrinter.print(report, out(), true);
    }
    return report.isSatisfied() ? B2cPermissionsCli.SATISFIED : B2cPermissionsCli.NOT_SATISFIED;
  }
}
