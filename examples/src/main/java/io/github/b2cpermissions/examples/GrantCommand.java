package io.github.b2cpermissions.examples;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.PermissionGranter;
import io.github.b2cpermissions.graph.PermissionGranterBuilder;
import io.github.b2cpermissions.remediation.RemediationPlan;
import io.github.b2cpermissions.remediation.RemediationResult;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grant}: checks one tenant, prints the remediation plan, and only with {@code --apply}
 * grants the missing roles and waits for them. Grants are made with an administrator's app
 * ({@code B2C_GRANTER_CLIENT_ID}, {@code B2C_GRANTER_CLIENT_SECRET}), or with {@code --self-grant}
 * by the backup app itself (its own {@code AppRoleAssignment.ReadWrite.All}: the self-escalation
 * path, see the README). The demo tenant's backup app grants itself.
 */
@Command(name = "grant", description = "Plan the grants a tenant is missing; --apply makes them.")
final class GrantCommand extends CliCommand {
  @Option(names = "--tenant", description = "Tenant id or domain (default: AZURE_TENANT_ID).")
  @Nullable String tenant;

  @Option(names = "--apply", description = "Make the grants (default: a dry run that only plans).")
  boolean apply;

  @Option(names = "--self-grant", description = "Grant with the backup app's own"
      + " AppRoleAssignment.ReadWrite.All instead of an administrator's app (self-escalation path).")
  boolean selfGrant;

  @Option(names = "--json", description = "Print the plan (and the result) as JSON.")
  boolean json;

  @Option(names = "--profile", description = "Plan against this profile for its tenant kind"
      + " (repeatable, one per kind; default: B2C_BACKUP_AND_RESTORE).")
  List<String> profiles = new ArrayList<>();

  @Override
  public Integer call() {
    List<PermissionProfile> chosen = ProfileNames.parse(profiles);
    VerificationStrategy strategy = VerificationStrategy.DIRECTORY_AND_TOKEN;
    if (demo) {
      try (DemoTenant fake = DemoTenant.start();
          GraphPermissionVerifier verifier = fake.verifier(strategy, 1, chosen);
          PermissionGranter granter = fake.selfGranter(verifier)) {
        err().println("demo: the backup app grants itself (self-grant path)");
        return run(granter, tenant != null ? tenant : fake.tenant().tenantId());
      }
    }
    String target = tenant != null ? tenant : env("AZURE_TENANT_ID");
    try (GraphPermissionVerifier verifier = realVerifier(strategy, 1, chosen);
        PermissionGranter granter = realGranter(verifier)) {
      return run(granter, target);
    }
  }

  private int run(PermissionGranter granter, String target) {
    RemediationPlan plan = granter.plan(target);
    out().println(json ? plan.toJson() : plan.toString());
    if (!apply) {
      if (!plan.isNoOp()) {
        err().println("dry run: nothing was granted; run again with --apply to make "
            + plan.assignments().size() + " grant(s)");
      }
      return plan.isNoOp() ? B2cPermissionsCli.SATISFIED : B2cPermissionsCli.NOT_SATISFIED;
    }
    RemediationResult result = granter.apply(plan);
    out().println(json ? result.toJson() : result.toString());
    return result.isSatisfied() ? B2cPermissionsCli.SATISFIED : B2cPermissionsCli.NOT_SATISFIED;
  }

  private PermissionGranter realGranter(GraphPermissionVerifier verifier) {
    PermissionGranterBuilder b = PermissionGranter.builder().verifier(verifier).cloud(realCloud());
    if (selfGrant) {
      return b.selfGrantWithBackupAppCredential(
          secretCredential(env("AZURE_CLIENT_ID"), env("AZURE_CLIENT_SECRET"))).build();
    }
    return b.credential(
        secretCredential(env("B2C_GRANTER_CLIENT_ID"), env("B2C_GRANTER_CLIENT_SECRET"))).build();
  }

  private TokenCredential secretCredential(String clientId, String secret) {
    return new ClientSecretCredentialBuilder().clientId(clientId).clientSecret(secret)
        .tenantId(env("AZURE_TENANT_ID")).additionallyAllowedTenants("*")
        .authorityHost(realCloud().authorityHost().orElseThrow().toString()).build();
  }
}
