package io.github.b2cpermissions.examples;

import com.azure.identity.ClientSecretCredentialBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.TenantKind;
import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.PermissionGranter;
import io.github.b2cpermissions.graph.ReportJson;
import io.github.b2cpermissions.remediation.RemediationPlan;
import io.github.b2cpermissions.remediation.RemediationResult;
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

  @Option(names = "--profile", description = "Verify each tenant of this profile's kind against it"
      + " (repeatable, one per kind; default: B2C_BACKUP_AND_RESTORE for B2C only).")
  List<String> profiles = new ArrayList<>();

  @Option(names = "--remediate", description = "After the check, print each tenant's remediation"
      + " plan (a dry run) on standard error.")
  boolean remediate;

  @Option(names = "--apply", description = "With --remediate, make the planned grants (the demo's"
      + " backup app grants itself; real tenants need B2C_GRANTER_CLIENT_ID and _SECRET).")
  boolean apply;

  @Override
  public Integer call() throws IOException {
    if (apply && !remediate) {
      throw new IllegalArgumentException("--apply needs --remediate");
    }
    VerificationStrategy strategy = VerificationStrategy.DIRECTORY_AND_TOKEN;
    List<PermissionProfile> chosen = ProfileNames.parse(profiles);
    if (demo) {
      try (DemoTenant fake = DemoTenant.start();
          GraphPermissionVerifier verifier = fake.verifier(strategy, concurrency, chosen)) {
        List<String> tenants = new ArrayList<>(file != null ? read(file)
            : List.of(fake.tenant().tenantId(), fake.tenant().domain()));
        if (file == null && chosen.stream().anyMatch(p -> p.tenantKind() == TenantKind.EXTERNAL_ID)) {
          // The demo fleet gets an External ID tenant to check against the External ID profile.
          tenants.add(fake.addExternalIdTenant().tenantId());
        }
        FleetVerification fleet = verifier.verifyFleet(tenants, this::progress);
        if (remediate && apply) {
          try (PermissionGranter granter = fake.selfGranter(verifier)) {
            return remediate(fleet, granter);
          }
        }
        return remediate(fleet, null);
      }
    }
    if (file == null) {
      throw new IllegalArgumentException("give a file of tenant ids (or use --demo)");
    }
    try (GraphPermissionVerifier verifier = realVerifier(strategy, concurrency, chosen)) {
      FleetVerification fleet = verifier.verifyFleet(read(file), this::progress);
      if (remediate && apply) {
        try (PermissionGranter granter = PermissionGranter.builder().verifier(verifier)
            .cloud(realCloud()).credential(new ClientSecretCredentialBuilder()
                .clientId(env("B2C_GRANTER_CLIENT_ID")).clientSecret(env("B2C_GRANTER_CLIENT_SECRET"))
                .tenantId("organizations").additionallyAllowedTenants("*")
                .authorityHost(realCloud().authorityHost().orElseThrow().toString()).build())
            .build()) {
          return remediate(fleet, granter);
        }
      }
      return remediate(fleet, null);
    }
  }

  /** The fleet's report lines, then (with --remediate) the plans and, given a granter, the grants. */
  private int remediate(FleetVerification fleet, @Nullable PermissionGranter granter) {
    int code = report(fleet);
    if (!remediate) {
      return code;
    }
    List<RemediationPlan> plans = new ArrayList<>();
    fleet.results().forEach(r -> r.report().ifPresent(rep -> plans.add(RemediationPlan.plan(rep))));
    PlanSummary.print(plans, err());
    if (granter == null) {
      return code;
    }
    boolean allSatisfied = fleet.failures().isEmpty();
    for (RemediationPlan plan : plans) {
      if (plan.assignments().isEmpty()) {
        allSatisfied &= plan.isNoOp() && plan.propagatingRoles().isEmpty();
        continue;
      }
      RemediationResult result = granter.apply(plan);
      err().println(result);
      allSatisfied &= result.isSatisfied();
    }
    return !fleet.failures().isEmpty() ? B2cPermissionsCli.COULD_NOT_VERIFY
        : allSatisfied ? B2cPermissionsCli.SATISFIED : B2cPermissionsCli.NOT_SATISFIED;
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
