package io.github.b2cpermissions.examples;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.ConsentEndpointVersion;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphConsentUrls;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.GraphPermissionVerifierBuilder;
import io.github.b2cpermissions.graph.ReportJson;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A small command-line tool over the SDK. Against a real tenant it reads the backup app's
 * credentials from {@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID} and {@code AZURE_CLIENT_SECRET}
 * (or {@code AZURE_CLIENT_CERTIFICATE_PATH}); with {@code --demo} it runs against an embedded fake
 * tenant.
 *
 * <p>Exit codes, for scripts: 0 satisfied (every tenant, for {@code fleet}); 1 checked but not
 * satisfied; 2 could not verify (a failure, or for {@code fleet} any tenant that failed); 64 bad
 * usage.
 */
@Command(
    name = "b2c-permissions",
    mixinStandardHelpOptions = true,
    description = "Checks the Microsoft Graph permissions an Azure AD B2C backup app needs.",
    subcommands = {
      B2cPermissionsCli.Verify.class,
      B2cPermissionsCli.ConsentUrl.class,
      B2cPermissionsCli.Catalog.class,
      B2cPermissionsCli.Fleet.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:satisfied", "1:checked, not satisfied", "2:could not verify", "64:bad usage"
    })
public final class B2cPermissionsCli {
  /** Every tenant checked is satisfied. */
  public static final int SATISFIED = 0;
  /** A tenant was checked and is not satisfied. */
  public static final int NOT_SATISFIED = 1;
  /** A check could not finish. */
  public static final int COULD_NOT_VERIFY = 2;
  /** The command line was wrong. */
  public static final int USAGE = 64;

  private B2cPermissionsCli() {}

  /**
   * Runs the tool and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** Runs the tool and returns its exit code, without exiting. */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    CommandLine cli = new CommandLine(new B2cPermissionsCli(), new Factory(out, err, env));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setExitCodeExceptionMapper(e -> e instanceof B2cPermissionsException ? COULD_NOT_VERIFY : USAGE);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      err.println("error: " + e.getMessage());
      return e instanceof B2cPermissionsException ? COULD_NOT_VERIFY
          : e instanceof IllegalArgumentException ? USAGE : COULD_NOT_VERIFY;
    });
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("error: " + e.getMessage());
      e.getCommandLine().usage(err);
      return USAGE;
    });
    return cli.execute(args);
  }

  /** Gives commands the streams and environment. */
  private record Factory(PrintStream out, PrintStream err, Map<String, String> env)
      implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      K k = CommandLine.defaultFactory().create(cls);
      if (k instanceof Base) {
        ((Base) k).io = this;
      }
      return k;
    }
  }

  /** What the verifying commands share: where credentials come from, and the demo tenant. */
  abstract static class Base implements Callable<Integer> {
    @Nullable Factory io;

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

    Factory io() {
      if (io == null) {
        throw new IllegalStateException("not created through the CLI factory");
      }
      return io;
    }

    String env(String name) {
      String v = io().env().get(name);
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException("set " + name + " (or use --demo)");
      }
      return v;
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

    GraphPermissionVerifier realVerifier(VerificationStrategy strategy, int concurrency) {
      return realVerifier(strategy, concurrency, List.of());
    }

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

    static GraphPermissionVerifier demoVerifier(
        FakeGraphTenant tenant, Function<String, TokenCredential> credentials,
        VerificationStrategy strategy, int concurrency) {
      return demoVerifier(tenant, credentials, strategy, concurrency, List.of());
    }

    static GraphPermissionVerifier demoVerifier(
        FakeGraphTenant tenant, Function<String, TokenCredential> credentials,
        VerificationStrategy strategy, int concurrency, List<PermissionProfile> profiles) {
      GraphCloud cloud = GraphCloud.custom(tenant.authorityHost(), tenant.graphHost());
      GraphPermissionVerifierBuilder b = GraphPermissionVerifier.builder();
      profiles.forEach(p -> b.profile(p.tenantKind(), p));
      return b
          .clientId(tenant.clientId())
          .credentials(credentials)
          .cloud(cloud)
          .strategy(strategy)
          .fleetConcurrency(concurrency)
          .httpClient(new OkHttpClient.Builder()
              .sslSocketFactory(tenant.sslContext().getSocketFactory(), tenant.trustManager())
              .build())
          .consentUrlBuilder(GraphConsentUrls.builder().clientId(tenant.clientId())
              .redirectUri(tenant.redirectUris().get(0)).cloud(cloud).build())
          .build();
    }

    /** The demo tenant, stopped on close. */
    record Demo(FakeGraphTenant tenant) implements AutoCloseable {
      @Override
      public void close() {
        tenant.stop();
      }
    }

    static FakeGraphTenant demoTenant() {
      FakeGraphTenant tenant = FakeGraphTenant.builder()
          .b2c("contoso-demo.onmicrosoft.com")
          .grantedAll()
          .without(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL)
          .build();
      tenant.start();
      return tenant;
    }
  }

  /** {@code verify}: checks one tenant. */
  @Command(name = "verify", description = "Check one tenant and print the report.")
  static final class Verify extends Base {
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

    private List<PermissionProfile> chosenProfiles() {
      List<PermissionProfile> chosen = new ArrayList<>();
      for (String name : profiles) {
        chosen.add(PermissionProfile.byName(name).orElseThrow(() ->
            new IllegalArgumentException("unknown profile " + name)));
      }
      return chosen;
    }

    @Override
    public Integer call() {
      List<PermissionProfile> chosen = chosenProfiles();
      if (demo) {
        FakeGraphTenant fake = demoTenant();
        try (Demo running = new Demo(fake);
            GraphPermissionVerifier verifier =
                demoVerifier(fake, t -> fake.credential(), strategy, 1, chosen)) {
          return print(verifier.verify(tenant != null ? tenant : fake.tenantId()));
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
      return report.isSatisfied() ? SATISFIED : NOT_SATISFIED;
    }
  }

  /** {@code consent-url}: prints an admin consent link. */
  @Command(name = "consent-url", description = "Print the admin consent URL for a tenant.")
  static final class ConsentUrl extends Base {
    @Option(names = "--tenant", description = "Tenant id or domain (default: AZURE_TENANT_ID).")
    @Nullable String tenant;

    @Option(names = "--redirect-uri", description = "The registered redirect URI to come back to.")
    @Nullable String redirectUri;

    @Option(names = "--v1", description = "Use the v1 admin consent endpoint.")
    boolean v1;

    @Override
    public Integer call() {
      if (demo) {
        FakeGraphTenant fake = demoTenant();
        try (Demo running = new Demo(fake)) {
          GraphConsentUrls b = GraphConsentUrls.builder().clientId(fake.clientId())
              .redirectUri(redirectUri != null ? redirectUri : fake.redirectUris().get(0).toString())
              .cloud(GraphCloud.custom(fake.authorityHost(), fake.graphHost()))
              .endpointVersion(v1 ? ConsentEndpointVersion.V1 : ConsentEndpointVersion.V2).build();
          return print(b.adminConsentUrl(tenant != null ? tenant : fake.tenantId()));
        }
      }
      if (redirectUri == null) {
        throw new IllegalArgumentException("--redirect-uri is required against a real tenant");
      }
      GraphConsentUrls b = GraphConsentUrls.builder().clientId(env("AZURE_CLIENT_ID"))
          .redirectUri(redirectUri).cloud(realCloud())
          .endpointVersion(v1 ? ConsentEndpointVersion.V1 : ConsentEndpointVersion.V2).build();
      return print(b.adminConsentUrl(tenant != null ? tenant : env("AZURE_TENANT_ID")));
    }

    private int print(AdminConsentRequest request) {
      out().println(request.url());
      err().println("Keep this state to check the redirect: " + request.state());
      return SATISFIED;
    }
  }

  /** {@code catalog}: prints the permission catalog, or one profile's roles, optionally with tiers. */
  @Command(name = "catalog", description = "List the permissions a B2C backup app needs, or a profile's.")
  static final class Catalog extends Base {
    @Option(names = "--profile", description = "A profile: B2C_BACKUP_AND_RESTORE, B2C_BACKUP_ONLY,"
        + " EXTERNAL_ID_BACKUP_AND_RESTORE or EXTERNAL_ID_BACKUP_ONLY.")
    @Nullable String profile;

    @Option(names = "--tiers", description = "Print each role's privilege tiers.")
    boolean tiers;

    @Override
    public Integer call() {
      if (profile == null) {
        for (B2cBackupPermission p : B2cBackupPermission.all()) {
          out().printf("%-40s %s%n    %s%n", p.scope(), p.appRoleId(), p.purpose());
          if (tiers) {
            out().printf("    tiers: %s%n", p.graphPermission().privilege());
          }
        }
        return SATISFIED;
      }
      PermissionProfile chosen = PermissionProfile.byName(profile).orElseThrow(() ->
          new IllegalArgumentException("unknown profile " + profile + "; known: "
              + PermissionProfile.all().stream().map(PermissionProfile::name).toList()));
      out().printf("%s (%s tenants, %s): %d roles, %d tier 0%n", chosen, chosen.tenantKind(),
          chosen.use(), chosen.requiredRoles().size(), chosen.tierZeroRoles().size());
      for (GraphPermission role : chosen.requiredRoles()) {
        out().printf("%-44s %s%n    unlocks %s%n", role.value(), role.appRoleId(),
            chosen.unlockedBy(role));
        if (tiers) {
          out().printf("    tiers: %s%n", role.privilege());
        }
      }
      if (tiers) {
        out().println("tiers: ms = Microsoft's privilegeLevel (permissions.json); tier = Azure tiering"
            + " model (emiliensocchi/azure-tiering), 0 = path to Global Admin; eam = Enterprise Access"
            + " Model (Cloud-Architekt/AzurePrivilegedIAM, used by EntraOps)");
      }
      return SATISFIED;
    }
  }

  /** {@code fleet}: checks every tenant in a file. */
  @Command(name = "fleet", description = "Check every tenant listed in a file (one per line).")
  static final class Fleet extends Base {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
        new com.fasterxml.jackson.databind.ObjectMapper();

    @Parameters(index = "0", arity = "0..1", description = "File of tenant ids or domains.")
    @Nullable Path file;

    @Option(names = "--concurrency", defaultValue = "16", description = "Tenants at once.")
    int concurrency = 16;

    @Override
    public Integer call() throws IOException {
      if (demo) {
        FakeGraphTenant fake = demoTenant();
        try (Demo running = new Demo(fake);
            GraphPermissionVerifier verifier = demoVerifier(fake, t -> fake.credential(),
                VerificationStrategy.DIRECTORY_AND_TOKEN, concurrency)) {
          List<String> tenants = file != null ? read(file) : List.of(fake.tenantId(), fake.domain());
          return report(verifier.verifyFleet(tenants, this::progress));
        }
      }
      if (file == null) {
        throw new IllegalArgumentException("give a file of tenant ids (or use --demo)");
      }
      try (GraphPermissionVerifier verifier =
          realVerifier(VerificationStrategy.DIRECTORY_AND_TOKEN, concurrency)) {
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
          com.fasterxml.jackson.databind.node.ObjectNode line = JSON.createObjectNode();
          line.put("tenantId", r.tenantId());
          r.resolvedTenantId().ifPresent(id -> line.put("resolvedTenantId", id));
          line.put("failureKind", r.failureKind().map(Enum::name).orElse(""));
          line.put("error", r.failure().map(Throwable::getMessage).orElse(""));
          out().println(line);
        }
      }
      err().println(fleet);
      if (!fleet.failures().isEmpty()) {
        return COULD_NOT_VERIFY;
      }
      return fleet.satisfiedCount() == fleet.results().size() ? SATISFIED : NOT_SATISFIED;
    }
  }
}
