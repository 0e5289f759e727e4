package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.graph.ConsentEndpointVersion;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphConsentUrls;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code consent-url}: prints an admin consent link on standard output and the {@code state} to
 * check the redirect against on standard error.
 */
@Command(name = "consent-url", description = "Print the admin consent URL for a tenant.")
final class ConsentUrlCommand extends CliCommand {
  @Option(names = "--tenant", description = "Tenant id or domain (default: AZURE_TENANT_ID).")
  @Nullable String tenant;

  @Option(names = "--redirect-uri", description = "The registered redirect URI to come back to.")
  @Nullable String redirectUri;

  @Option(names = "--v1", description = "Use the v1 admin consent endpoint.")
  boolean v1;

  @Override
  public Integer call() {
    ConsentEndpointVersion version = v1 ? ConsentEndpointVersion.V1 : ConsentEndpointVersion.V2;
    if (demo) {
      try (DemoTenant demoTenant = DemoTenant.start()) {
        FakeGraphTenant fake = demoTenant.tenant();
        GraphConsentUrls urls = GraphConsentUrls.builder().clientId(fake.clientId())
            .redirectUri(redirectUri != null ? redirectUri : fake.redirectUris().get(0).toString())
            .cloud(GraphCloud.custom(fake.authorityHost(), fake.graphHost()))
            .endpointVersion(version).build();
        return print(urls.adminConsentUrl(tenant != null ? tenant : fake.tenantId()));
      }
    }
    if (redirectUri == null) {
      throw new IllegalArgumentException("--redirect-uri is required against a real tenant");
    }
    GraphConsentUrls urls = GraphConsentUrls.builder().clientId(env("AZURE_CLIENT_ID"))
        .redirectUri(redirectUri).cloud(realCloud()).endpointVersion(version).build();
    return print(urls.adminConsentUrl(tenant != null ? tenant : env("AZURE_TENANT_ID")));
  }

  private int print(AdminConsentRequest request) {
    out().println(request.url());
    err().println("Keep this state to check the redirect: " + request.state());
    return B2cPermissionsCli.SATISFIED;
  }
}
