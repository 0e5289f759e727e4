package io.github.b2cpermissions.graph;

import static io.github.b2cpermissions.B2cBackupPermission.USER_PHONE_READ_WRITE_ALL;
import static io.github.b2cpermissions.testkit.ReportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.AadstsError;
import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.ConsentCallback;
import io.github.b2cpermissions.ConsentStateMismatchException;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.testkit.AdminConsentOutcome;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Consent end to end: the builder's URL, the fake's admin consent page, the redirect parsed back,
 * and the verifier seeing the new grants.
 */
class ConsentRoundTripTest {
  private FakeGraphTenant tenant;

  @BeforeEach
  void start() {
    tenant = FakeGraphTenant.builder().b2c("roundtrip.onmicrosoft.com").build().start();
    tenant.app().removeServicePrincipal();
  }

  @AfterEach
  void stop() {
    tenant.stop();
  }

  private GraphConsentUrls consent(ConsentEndpointVersion version) {
    return GraphConsentUrls.builder()
        .clientId(tenant.clientId())
        .redirectUri(tenant.redirectUris().get(0))
        .cloud(GraphCloud.custom(tenant.authorityHost(), tenant.graphHost()))
        .endpointVersion(version)
        .build();
  }

  private HttpResponse<String> open(URI url) throws Exception {
    HttpClient browser = HttpClient.newBuilder().sslContext(tenant.sslContext())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    return browser.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private GraphPermissionVerifier verifier(GraphConsentUrls consent) {
    return GraphPermissionVerifier.builder()
        .clientId(tenant.clientId())
        .credentials(t -> tenant.credential())
        .cloud(GraphCloud.custom(tenant.authorityHost(), tenant.graphHost()))
        .httpClient(new OkHttpClient.Builder()
            .sslSocketFactory(tenant.sslContext().getSocketFactory(), tenant.trustManager()).build())
        .consentUrlBuilder(consent)
        .build();
  }

  @ParameterizedTest
  @EnumSource(ConsentEndpointVersion.class)
  void unconsentedTenantBecomesSatisfiedThroughTheConsentUrl(ConsentEndpointVersion version)
      throws Exception {
    GraphConsentUrls consent = consent(version);
    try (GraphPermissionVerifier verifier = verifier(consent)) {
      VerificationReport before = verifier.verify(tenant.domain());
      assertThat(before).hasOutcome(VerificationOutcome.APP_NOT_CONSENTED).hasConsentUrl();

      AdminConsentRequest request = before.consentRequest().orElseThrow();
      HttpResponse<String> page = open(request.url());
      assertThat(page.statusCode()).isEqualTo(302);
      String redirect = page.headers().firstValue("Location").orElseThrow();
      ConsentCallback callback = ConsentCallback.parse(redirect, request.state(), tenant.tenantId());
      assertThat(callback.isGranted()).isTrue();
      assertThat(callback.reportedTenantId()).contains(tenant.tenantId());
      assertThat(callback.scope().isPresent()).isEqualTo(version == ConsentEndpointVersion.V2);

      assertThat(verifier.awaitSatisfied(tenant.tenantId(), Duration.ofSeconds(10))).isSatisfied();
    }
  }

  @Test
  void declinedConsentIsParsedWithItsAadstsCodeAndGrantsNothing() throws Exception {
    tenant.app().onAdminConsent(AdminConsentOutcome.DECLINE);
    AdminConsentRequest request = consent(ConsentEndpointVersion.V2).adminConsentUrl(tenant.tenantId());
    String redirect = open(request.url()).headers().firstValue("Location").orElseThrow();
    ConsentCallback callback = ConsentCallback.parse(redirect, request.state());
    assertThat(callback.status()).isEqualTo(ConsentCallback.Status.DECLINED);
    assertThat(callback.aadstsError()).contains(AadstsError.CONSENT_DECLINED);
    assertThat(tenant.app().grantedPermissions()).isEmpty();
  }

  @Test
  void forgedStateIsRejected() throws Exception {
    AdminConsentRequest request = consent(ConsentEndpointVersion.V2).adminConsentUrl(tenant.tenantId());
    String redirect = open(request.url()).headers().firstValue("Location").orElseThrow();
    assertThatThrownBy(() -> ConsentCallback.parse(redirect, "another-state"))
        .isInstanceOf(ConsentStateMismatchException.class)
        .hasMessageNotContaining(request.state());
  }

  @Test
  void unregisteredRedirectUriGetsNoRedirect() throws Exception {
    tenant.app().createServicePrincipal();
    GraphConsentUrls wrong = GraphConsentUrls.builder().clientId(tenant.clientId())
        .redirectUri("https://evil.example/callback")
        .cloud(GraphCloud.custom(tenant.authorityHost(), tenant.graphHost())).build();
    HttpResponse<String> page = open(wrong.adminConsentUrl(tenant.tenantId()).url());
    assertThat(page.statusCode()).isNotEqualTo(302);
    assertThat(page.headers().firstValue("Location")).isEmpty();
    assertThat(page.body()).contains("AADSTS50011");
  }

  @Test
  void partiallyGrantedTenantGetsAConsentUrlThatClosesTheGap() throws Exception {
    tenant.app().createServicePrincipal();
    tenant.app().grant(io.github.b2cpermissions.B2cBackupPermission.all()
        .toArray(new io.github.b2cpermissions.B2cBackupPermission[0]));
    tenant.app().revoke(USER_PHONE_READ_WRITE_ALL);
    try (GraphPermissionVerifier verifier = verifier(consent(ConsentEndpointVersion.V2))) {
      VerificationReport before = verifier.verify(tenant.tenantId());
      assertThat(before).isMissingExactly(USER_PHONE_READ_WRITE_ALL).hasConsentUrl();
      AdminConsentRequest request = before.consentRequest().orElseThrow();
      String redirect = open(request.url()).headers().firstValue("Location").orElseThrow();
      assertThat(ConsentCallback.parse(redirect, request.state()).isGranted()).isTrue();
      assertThat(verifier.awaitSatisfied(tenant.tenantId(), Duration.ofSeconds(10))).isSatisfied();
    }
  }
}
