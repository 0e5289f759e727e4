package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.ConsentCallback;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.TenantKind;
import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphConsentUrls;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * The README's run command: the pre-backup check against an embedded fake B2C tenant, no Azure
 * account needed. It starts a fake tenant that lacks two permissions, verifies it, performs the
 * admin consent on the fake, awaits propagation and verifies again. Exits 0 when the tenant ends
 * satisfied, 1 otherwise.
 */
public final class PreBackupCheckDemo {
  private PreBackupCheckDemo() {}

  /**
   * Runs the demo.
   *
   * @param args ignored
   */
  public static void main(String[] args) throws Exception {
    System.exit(run() ? 0 : 1);
  }

  /** Runs the demo and tells whether the tenant ended satisfied. */
  static boolean run() throws IOException, InterruptedException {
    profilesSideBySide();
    return consentRoundTrip();
  }

  /**
   * A backup-only check of a B2C tenant next to an External ID check, both tenants on one fake and
   * checked in one fleet run, each against its own kind's profile.
   */
  private static void profilesSideBySide() {
    FakeGraph server = FakeGraph.builder().build().start();
    try {
      FakeGraphTenant b2c = server.addTenant(FakeGraphTenant.builder()
          .b2c("fabrikam-demo.onmicrosoft.com").grantedRoles(values(PermissionProfile.B2C_BACKUP_ONLY)));
      FakeGraphTenant ciam = server.addTenant(FakeGraphTenant.builder().tenantType("CIAM")
          .grantedRoles(values(PermissionProfile.EXTERNAL_ID_BACKUP_AND_RESTORE)));
      System.out.println("0. Profiles side by side: a backup-only B2C tenant and an External ID tenant");
      try (GraphPermissionVerifier verifier = GraphPermissionVerifier.builder()
          .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
          .credentials(t -> server.tenant(t).orElseThrow().credential())
          .cloud(GraphCloud.custom(server.authorityHost(), server.graphHost()))
          .httpClient(new OkHttpClient.Builder()
              .sslSocketFactory(server.sslContext().getSocketFactory(), server.trustManager())
              .build())
          .profile(TenantKind.B2C, PermissionProfile.B2C_BACKUP_ONLY)
          .profile(TenantKind.EXTERNAL_ID, PermissionProfile.EXTERNAL_ID_BACKUP_AND_RESTORE)
          .build()) {
        for (TenantVerification v : verifier.verifyFleet(List.of(b2c.tenantId(), ciam.tenantId()))
            .results()) {
          v.report().ifPresentOrElse(r -> ReportPrinter.print(r, System.out, false),
              () -> System.out.println("  " + v.tenantId() + ": check failed"));
        }
      }
      System.out.println();
    } finally {
      server.stop();
    }
  }

  private static String[] values(PermissionProfile profile) {
    return profile.requiredRoles().stream().map(GraphPermission::value).toArray(String[]::new);
  }

  /** The consent round trip on a B2C tenant that lacks two permissions. */
  private static boolean consentRoundTrip() throws IOException, InterruptedException {
    FakeGraphTenant tenant = FakeGraphTenant.builder()
        .b2c("contoso-demo.onmicrosoft.com")
        .grantedAll()
        .without(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL,
            B2cBackupPermission.USER_AUTHENTICATION_METHOD_READ_WRITE_ALL)
        .build();
    try {
      tenant.start();
      System.out.println("Started a fake Azure AD B2C tenant " + tenant.domain() + " ("
          + tenant.tenantId() + ") at " + tenant.graphEndpoint());

      GraphCloud cloud = GraphCloud.custom(tenant.authorityHost(), tenant.graphHost());
      GraphConsentUrls consent = GraphConsentUrls.builder()
          .clientId(tenant.clientId())
          .redirectUri(tenant.redirectUris().get(0))
          .cloud(cloud)
          .build();
      OkHttpClient trustingFake = new OkHttpClient.Builder()
          .sslSocketFactory(tenant.sslContext().getSocketFactory(), tenant.trustManager())
          .build();
      try (GraphPermissionVerifier verifier = GraphPermissionVerifier.builder()
          .clientId(tenant.clientId())
          .credentials(tenantId -> tenant.credential())
          .cloud(cloud)
          .httpClient(trustingFake)
          .consentUrlBuilder(consent)
          .build()) {

        System.out.println();
        System.out.println("1. Pre-backup check");
        VerificationReport before = verifier.verify(tenant.tenantId());
        ReportPrinter.print(before, System.out, true);

        AdminConsentRequest request = before.consentRequest().orElseThrow(
            () -> new IllegalStateException("expected a consent URL for the missing permissions"));
        System.out.println();
        System.out.println("2. The tenant admin opens the consent URL and accepts");
        ConsentCallback callback = ConsentCallback.parse(
            adminAccepts(request.url(), tenant), request.state(), tenant.tenantId());
        System.out.println("   " + callback.summary());

        System.out.println();
        System.out.println("3. Await propagation, then check again");
        VerificationReport after = verifier.awaitSatisfied(tenant.tenantId(), Duration.ofSeconds(30));
        ReportPrinter.print(after, System.out, false);
        System.out.println();
        System.out.println(after.isSatisfied()
            ? "SATISFIED: the full backup can run."
            : "NOT SATISFIED: " + after.outcome());
        return after.isSatisfied();
      }
    } finally {
      tenant.stop();
    }
  }

  /** Plays the admin's browser: opens the consent URL and returns the redirect it answers with. */
  private static String adminAccepts(URI consentUrl, FakeGraphTenant tenant)
      throws IOException, InterruptedException {
    HttpClient browser = HttpClient.newBuilder()
        .sslContext(tenant.sslContext())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    HttpResponse<Void> response = browser.send(
        HttpRequest.newBuilder(consentUrl).GET().build(), HttpResponse.BodyHandlers.discarding());
    return response.headers().firstValue("Location").orElseThrow(
        () -> new IllegalStateException("the consent page answered " + response.statusCode()
            + " without a redirect"));
  }
}
