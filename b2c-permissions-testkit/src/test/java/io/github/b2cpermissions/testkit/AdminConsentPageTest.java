package io.github.b2cpermissions.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.B2cBackupPermission;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminConsentPageTest {
  private static final URI CALLBACK = URI.create("http://localhost:8080/consent/callback");

  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(
          FakeGraphTenant.builder()
              .b2c("contoso.onmicrosoft.com")
              .backupAppDisplayName("Backup <b>&amp; Co")
              .redirectUris(CALLBACK)
              .grantedAll()
              .without(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL, B2cBackupPermission.AUDIT_LOG_READ_ALL));

  @BeforeEach
  void ask(FakeGraphTenant t) {
    t.app().onAdminConsent(AdminConsentOutcome.ASK);
  }

  private static String consentPath(FakeGraphTenant t) {
    return "/" + t.tenantId() + "/adminconsent?client_id=" + t.clientId() + "&state=st-123&redirect_uri="
        + java.net.URLEncoder.encode(CALLBACK.toString(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void askShowsAPromptAndGrantsNothingYet(FakeGraphTenant t) {
    HttpResponse<String> page = Http.get(t, consentPath(t));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(page.body())
        .contains("Permissions requested", "contoso.onmicrosoft.com", "<li>User-Phone.ReadWrite.All</li>")
        .contains("id=\"accept\"", "id=\"cancel\"", "name=\"state\" value=\"st-123\"")
        .contains("Backup &lt;b&gt;&amp;amp; Co")
        .doesNotContain("<b>");
    assertThat(t.app().grantedPermissions()).doesNotContain(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
  }

  @Test
  void acceptButtonGrantsAndRedirectsWithTheState(FakeGraphTenant t) {
    HttpResponse<String> r = Http.get(t, consentPath(t) + "&fake_admin_answer=accept");

    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
        .startsWith(CALLBACK + "?")
        .contains("tenant=" + t.tenantId(), "state=st-123", "admin_consent=True")
        .doesNotContain("error"));
    assertThat(t.app().grantedPermissions()).containsAll(java.util.EnumSet.allOf(B2cBackupPermission.class));
  }

  @Test
  void cancelButtonRedirectsWithDeclinedConsentAndGrantsNothing(FakeGraphTenant t) {
    HttpResponse<String> r = Http.get(t, consentPath(t) + "&fake_admin_answer=cancel");

    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
        .startsWith(CALLBACK + "?")
        .contains("error=access_denied", "AADSTS65004", "state=st-123"));
    assertThat(t.app().grantedPermissions()).doesNotContain(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
  }

  @Test
  void anUnknownAnswerIsAnErrorPage(FakeGraphTenant t) {
    HttpResponse<String> r = Http.get(t, consentPath(t) + "&fake_admin_answer=maybe");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("AADSTS900144");
  }

  @Test
  void askStillRefusesAnUnregisteredRedirectUri(FakeGraphTenant t) {
    HttpResponse<String> r = Http.get(t, "/" + t.tenantId() + "/adminconsent?client_id=" + t.clientId()
        + "&redirect_uri=https%3A%2F%2Fevil.example%2Fcb");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("AADSTS50011").doesNotContain("id=\"accept\"");
  }
}
