package io.github.b2cpermissions.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The flow over plain HTTP, with a cookie-keeping client and no browser: the state checks and the
 * pages the browser test relies on, so that they are tested where no Chromium is installed too.
 */
class OnboardingPagesTest extends RunningOnboardingApp {
  private HttpClient browser;

  @BeforeEach
  void newBrowserSession() {
    browser = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .sslContext(tenant.sslContext())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Test
  void connectSendsTheBrowserToTheFakesConsentPageWithAState() throws Exception {
    String consentUrl = location(post("/connect", "tenant=" + FakeTenantConfiguration.DEMO_DOMAIN));

    assertThat(consentUrl).startsWith(tenant.authorityHost() + "/" + FakeTenantConfiguration.DEMO_DOMAIN + "/")
        .contains("client_id=" + tenant.clientId(), "state=")
        .contains("redirect_uri=" + java.net.URLEncoder.encode(BASE + "/consent/callback", java.nio.charset.StandardCharsets.UTF_8));
    HttpResponse<String> page = get(consentUrl);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Permissions requested", "id=\"accept\"");
  }

  @Test
  void acceptedConsentEndsOnASatisfiedReport() throws Exception {
    String consentUrl = location(post("/connect", "tenant=" + FakeTenantConfiguration.DEMO_DOMAIN));
    String callback = location(get(consentUrl + "&fake_admin_answer=accept"));

    HttpResponse<String> afterCallback = get(callback);
    assertThat(afterCallback.statusCode()).isEqualTo(302);
    assertThat(location(afterCallback)).isEqualTo(BASE + "/report");
    HttpResponse<String> report = get(BASE + "/report");
    assertThat(report.body()).contains("id=\"outcome\"", ">SATISFIED<", "Nothing: the full backup can run.");
  }

  @Test
  void aCallbackWithAnotherStateIsRefused() throws Exception {
    String consentUrl = location(post("/connect", "tenant=" + FakeTenantConfiguration.DEMO_DOMAIN));
    String callback = location(get(consentUrl + "&fake_admin_answer=accept"));
    String forged = callback.replaceAll("state=[^&]*", "state=forged-state-value");

    HttpResponse<String> refused = get(forged);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("does not belong to the consent this browser started");
    assertThat(get(callback).statusCode()).as("the state is used up by the refused attempt").isEqualTo(400);
  }

  @Test
  void aCallbackWithoutAConsentInTheSessionIsRefused() throws Exception {
    HttpResponse<String> refused = get(BASE + "/consent/callback?admin_consent=True&tenant="
        + tenant.tenantId() + "&state=anything");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("No admin consent was started in this browser session");
  }

  @Test
  void somethingThatIsNoTenantShowsTheConnectPageAgain() throws Exception {
    HttpResponse<String> page = post("/connect", "tenant=not%20a%20tenant%3Cscript%3E");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"error\"", "not a tenant id or domain").doesNotContain("<script>");
  }

  private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(URI.create(BASE + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String location(HttpResponse<String> r) {
    assertThat(r.statusCode()).as("a redirect, got: %s", r.body()).isEqualTo(302);
    return r.headers().firstValue("Location").orElseThrow();
  }
}
