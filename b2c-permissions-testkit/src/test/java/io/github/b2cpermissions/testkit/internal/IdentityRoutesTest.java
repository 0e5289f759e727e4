package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.claims;
import static io.github.b2cpermissions.testkit.Http.form;
import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.AdminConsentOutcome;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeRoute;
import io.github.b2cpermissions.testkit.Http;
import io.github.b2cpermissions.buildsupport.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdentityRoutesTest {
  static final MutableClock CLOCK = MutableClock.now();

  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.builder()
          .tenant(
              FakeGraphTenant.builder()
                  .b2c("fabrikam.onmicrosoft.com")
                  .grantedAll()
                  .without(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL)
                  .redirectUris(URI.create("https://backup.example.com/consent"), URI.create("http://localhost:8080/cb")))
          .server(FakeGraph.builder().clock(CLOCK))
          .build();

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> tokenRequest(FakeGraphTenant t, String tenant, String clientId, String secret, String scope) {
    return form(
        t,
        "/" + tenant + "/oauth2/v2.0/token",
        "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret) + "&scope=" + enc(scope));
  }

  private static void assertEntraError(HttpResponse<String> r, int status, String error, int code) {
    assertThat(r.statusCode()).isEqualTo(status);
    JsonNode body = json(r);
    assertThat(body.path("error").asText()).isEqualTo(error);
    assertThat(body.path("error_description").asText()).startsWith("AADSTS" + code + ":");
    assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(code);
    assertThat(body.path("trace_id").asText()).isNotBlank();
    assertThat(body.path("correlation_id").asText()).isNotBlank();
  }

  @Test
  void clientSecretCredentialGetsAnAppOnlyTokenWithEntrasClaims(FakeGraphTenant t) {
    AccessToken token = t.credential().getTokenSync(new TokenRequestContext().addScopes(t.graphDefaultScope()));
    JsonNode c = claims(token.getToken());
    assertThat(c.path("aud").asText()).isEqualTo(t.graphHost().toString());
    assertThat(c.path("tid").asText()).isEqualTo(t.tenantId());
    assertThat(c.path("iss").asText()).isEqualTo(t.authorityHost() + "/" + t.tenantId() + "/");
    assertThat(c.path("appid").asText()).isEqualTo(t.clientId());
    assertThat(c.path("azp").asText()).isEqualTo(t.clientId());
    assertThat(c.path("oid").asText()).isEqualTo(t.servicePrincipalId());
    assertThat(c.path("idtyp").asText()).isEqualTo("app");
    assertThat(c.path("exp").asLong()).isGreaterThan(CLOCK.instant().getEpochSecond());
    assertThat(c.path("nbf").asLong()).isLessThanOrEqualTo(CLOCK.instant().getEpochSecond());
    assertThat(c.path("roles")).hasSize(13);
    assertThat(c.path("roles").toString()).doesNotContain("User-Phone.ReadWrite.All").contains("User.ReadWrite.All");
    assertThat(t.journal().count(FakeRoute.TOKEN)).isEqualTo(1);
    assertThat(t.journal().count(FakeRoute.INSTANCE_DISCOVERY)).isZero();
  }

  @Test
  void tenantMayBeNamedByDomainAndSecretSentByBasicAuth(FakeGraphTenant t) {
    assertThat(tokenRequest(t, t.domain(), t.clientId(), t.clientSecret(), t.graphDefaultScope()).statusCode()).isEqualTo(200);
    HttpResponse<String> basic =
        Http.send(
            t,
            java.net.http.HttpRequest.newBuilder(Http.uri(t, "/" + t.tenantId() + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((t.clientId() + ":" + enc(t.clientSecret())).getBytes(StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + enc(t.graphDefaultScope())))
                .build());
    assertThat(basic.statusCode()).isEqualTo(200);
  }

  @Test
  void wrongSecretIsInvalidClient7000215(FakeGraphTenant t) {
    assertEntraError(tokenRequest(t, t.tenantId(), t.clientId(), "wrong", t.graphDefaultScope()), 401, "invalid_client", 7000215);
  }

  @Test
  void credentialWithAWrongSecretFailsWithTheAadstsCode(FakeGraphTenant t) {
    com.azure.core.credential.TokenCredential bad =
        new com.azure.identity.ClientSecretCredentialBuilder()
            .authorityHost(t.authorityHost().toString())
            .tenantId(t.tenantId())
            .clientId(t.clientId())
            .clientSecret("wrong")
            .disableInstanceDiscovery()
            .httpClient(new LoopbackAzureHttpClient(t.sslContext()))
            .build();
    assertThatThrownBy(() -> bad.getTokenSync(new TokenRequestContext().addScopes(t.graphDefaultScope())))
        .hasStackTraceContaining("AADSTS7000215");
  }

  @Test
  void unknownClientIs700016(FakeGraphTenant t) {
    assertEntraError(
        tokenRequest(t, t.tenantId(), "11111111-2222-3333-4444-555555555555", "x", t.graphDefaultScope()),
        400,
        "unauthorized_client",
        700016);
  }

  @Test
  void unknownTenantIs90002(FakeGraphTenant t) {
    assertEntraError(
        tokenRequest(t, "nowhere.onmicrosoft.com", t.clientId(), t.clientSecret(), t.graphDefaultScope()),
        400,
        "invalid_tenant",
        90002);
  }

  @Test
  void absentServicePrincipalMeansNoTokenAndDisabledOneToo(FakeGraphTenant t) {
    t.app().disableServicePrincipal();
    assertEntraError(tokenRequest(t, t.tenantId(), t.clientId(), t.clientSecret(), t.graphDefaultScope()), 400, "unauthorized_client", 7000112);
    t.app().removeServicePrincipal();
    assertEntraError(tokenRequest(t, t.tenantId(), t.clientId(), t.clientSecret(), t.graphDefaultScope()), 400, "unauthorized_client", 700016);
  }

  @Test
  void scopesOtherThanTheFakesGraphAreRefused(FakeGraphTenant t) {
    assertEntraError(
        tokenRequest(t, t.tenantId(), t.clientId(), t.clientSecret(), "https://graph.microsoft.com/.default"),
        400,
        "invalid_resource",
        500011);
    assertEntraError(tokenRequest(t, t.tenantId(), t.clientId(), t.clientSecret(), "User.Read"), 400, "invalid_scope", 1002012);
  }

  @Test
  void tokensAreSnapshotsOfTheGrantsAtIssue(FakeGraphTenant t) {
    String before = t.issueAccessToken();
    t.app().grant(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
    assertThat(claims(before).path("roles").toString()).doesNotContain("User-Phone.ReadWrite.All");
    assertThat(claims(t.issueAccessToken()).path("roles").toString()).contains("User-Phone.ReadWrite.All");
  }

  @Test
  void aRepeatedTokenRequestWithinAMinuteGetsTheSameTokenUnlessTheRolesChanged(FakeGraphTenant t) {
    String first = Http.token(t);
    CLOCK.advance(Duration.ofSeconds(30));
    HttpResponse<String> again = tokenRequest(t, t.tenantId(), t.clientId(), t.clientSecret(), t.graphDefaultScope());
    assertThat(json(again).path("access_token").asText()).isEqualTo(first);
    assertThat(json(again).path("expires_in").asLong()).isEqualTo(3600 - 30);
    t.app().grant(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
    String afterGrant = Http.token(t);
    assertThat(afterGrant).isNotEqualTo(first);
    CLOCK.advance(Duration.ofSeconds(61));
    assertThat(Http.token(t)).isNotEqualTo(afterGrant);
  }

  @Test
  void propagationDelayKeepsNewGrantsOutOfNewTokensUntilItPasses(FakeGraphTenant t) {
    t.app().grantPropagationDelay(Duration.ofMinutes(5));
    t.app().grant(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
    t.app().revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL);
    assertThat(t.app().grantedPermissions()).contains(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL).doesNotContain(B2cBackupPermission.AUDIT_LOG_READ_ALL);
    String roles = claims(t.issueAccessToken()).path("roles").toString();
    assertThat(roles).doesNotContain("User-Phone.ReadWrite.All").contains("AuditLog.Read.All");
    CLOCK.advance(Duration.ofMinutes(6));
    roles = claims(t.issueAccessToken()).path("roles").toString();
    assertThat(roles).contains("User-Phone.ReadWrite.All").doesNotContain("AuditLog.Read.All");
  }

  @Test
  void unknownGrantTypeAndMissingParametersAreRefused(FakeGraphTenant t) {
    assertEntraError(form(t, "/" + t.tenantId() + "/oauth2/v2.0/token", "grant_type=password"), 400, "unsupported_grant_type", 70003);
    assertEntraError(form(t, "/" + t.tenantId() + "/oauth2/v2.0/token", "client_id=x"), 400, "invalid_request", 900144);
    assertEntraError(form(t, "/common/oauth2/v2.0/token", "grant_type=client_credentials"), 400, "invalid_request", 50059);
  }

  @Test
  void clientCertificateCredentialSignsInWithARegisteredCertificate() throws Exception {
    java.security.KeyPairGenerator kpg = java.security.KeyPairGenerator.getInstance("RSA");
    kpg.initialize(2048);
    java.security.KeyPair keys = kpg.generateKeyPair();
    java.security.cert.X509Certificate cert = TlsMaterial.selfSigned(keys, "backup app", false);
    java.security.KeyStore pfx = java.security.KeyStore.getInstance("PKCS12");
    pfx.load(null, null);
    pfx.setKeyEntry("app", keys.getPrivate(), "pw".toCharArray(), new java.security.cert.Certificate[] {cert});
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    pfx.store(bytes, "pw".toCharArray());
    FakeGraphTenant t =
        FakeGraphTenant.builder()
            .backupApp("0c0c0c0c-1111-2222-3333-444444444444", URI.create("https://cert.example.com/cb"))
            .backupAppCertificate(cert)
            .grantedAll()
            .build()
            .start();
    try {
      com.azure.core.credential.TokenCredential credential =
          new com.azure.identity.ClientCertificateCredentialBuilder()
              .authorityHost(t.authorityHost().toString())
              .tenantId(t.tenantId())
              .clientId(t.clientId())
              .pfxCertificate(new java.io.ByteArrayInputStream(bytes.toByteArray()))
              .clientCertificatePassword("pw")
              .disableInstanceDiscovery()
              .httpClient(new LoopbackAzureHttpClient(t.sslContext()))
              .build();
      AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(t.graphDefaultScope()));
      assertThat(claims(token.getToken()).path("appidacr").asText()).isEqualTo("2");
      assertThat(claims(token.getToken()).path("roles")).hasSize(14);

      java.security.KeyPair other = kpg.generateKeyPair();
      java.security.KeyStore wrong = java.security.KeyStore.getInstance("PKCS12");
      wrong.load(null, null);
      wrong.setKeyEntry("app", other.getPrivate(), "pw".toCharArray(), new java.security.cert.Certificate[] {TlsMaterial.selfSigned(other, "impostor", false)});
      java.io.ByteArrayOutputStream wrongBytes = new java.io.ByteArrayOutputStream();
      wrong.store(wrongBytes, "pw".toCharArray());
      com.azure.core.credential.TokenCredential impostor =
          new com.azure.identity.ClientCertificateCredentialBuilder()
              .authorityHost(t.authorityHost().toString())
              .tenantId(t.tenantId())
              .clientId(t.clientId())
              .pfxCertificate(new java.io.ByteArrayInputStream(wrongBytes.toByteArray()))
              .clientCertificatePassword("pw")
              .disableInstanceDiscovery()
              .httpClient(new LoopbackAzureHttpClient(t.sslContext()))
              .build();
      assertThatThrownBy(() -> impostor.getTokenSync(new TokenRequestContext().addScopes(t.graphDefaultScope())))
          .hasStackTraceContaining("AADSTS700027");
    } finally {
      t.stop();
    }
  }

  @Test
  void clientAssertionWithoutARegisteredCertificateIsRefused(FakeGraphTenant t) {
    HttpResponse<String> r =
        form(
            t,
            "/" + t.tenantId() + "/oauth2/v2.0/token",
            "grant_type=client_credentials&client_id=" + t.clientId()
                + "&client_assertion_type=" + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + t.issueAccessToken()
                + "&scope=" + enc(t.graphDefaultScope()));
    assertEntraError(r, 401, "invalid_client", 700027);
  }

  // ---- admin consent --------------------------------------------------------------------------

  private static HttpResponse<String> consent(FakeGraphTenant t, String version, Map<String, String> params) {
    StringBuilder q = new StringBuilder();
    params.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(enc(v)));
    return get(t, "/" + t.tenantId() + version + "/adminconsent" + q);
  }

  private static Map<String, String> query(String location) {
    return Exchange.parseForm(URI.create(location).getRawQuery());
  }

  @Test
  void acceptingCreatesTheServicePrincipalGrantsAndRedirects(FakeGraphTenant t) {
    t.app().removeServicePrincipal();
    HttpResponse<String> r =
        consent(t, "", Map.of("client_id", t.clientId(), "redirect_uri", "https://backup.example.com/consent", "state", "s-123"));
    assertThat(r.statusCode()).isEqualTo(302);
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("https://backup.example.com/consent?");
    assertThat(query(location)).containsEntry("tenant", t.tenantId()).containsEntry("state", "s-123").containsEntry("admin_consent", "True");
    assertThat(t.app().servicePrincipalPresence()).isEqualTo(AppPresence.ENABLED);
    assertThat(t.app().grantedPermissions()).containsExactlyInAnyOrderElementsOf(B2cBackupPermission.all());
    assertThat(t.journal().requests().get(0).toString()).doesNotContain("s-123");
  }

  @Test
  void v2AddsTheScopeAndAcceptsAnExtraPathSegment(FakeGraphTenant t) {
    HttpResponse<String> r =
        consent(
            t,
            "/v2.0",
            Map.of(
                "client_id", t.clientId(),
                "redirect_uri", "https://backup.example.com/consent/tenant-42",
                "scope", t.graphDefaultScope(),
                "state", "xyz"));
    assertThat(r.statusCode()).isEqualTo(302);
    Map<String, String> q = query(r.headers().firstValue("Location").orElseThrow());
    assertThat(q).containsEntry("admin_consent", "True").containsEntry("scope", t.graphDefaultScope()).containsEntry("tenant", t.tenantId());
    assertThat(t.app().grantedPermissions()).contains(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
  }

  @Test
  void v2WithoutTheDefaultScopeRedirectsWithAnError(FakeGraphTenant t) {
    HttpResponse<String> r =
        consent(t, "/v2.0", Map.of("client_id", t.clientId(), "redirect_uri", "https://backup.example.com/consent", "scope", "User.Read", "state", "x"));
    assertThat(query(r.headers().firstValue("Location").orElseThrow())).containsEntry("error", "invalid_scope");
  }

  @Test
  void decliningRedirectsWithAccessDeniedAnd65004AndGrantsNothing(FakeGraphTenant t) {
    t.app().onAdminConsent(AdminConsentOutcome.DECLINE);
    HttpResponse<String> r =
        consent(t, "", Map.of("client_id", t.clientId(), "redirect_uri", "https://backup.example.com/consent", "state", "abc"));
    assertThat(r.statusCode()).isEqualTo(302);
    Map<String, String> q = query(r.headers().firstValue("Location").orElseThrow());
    assertThat(q).containsEntry("error", "access_denied").containsEntry("state", "abc");
    assertThat(q.get("error_description")).startsWith("AADSTS65004");
    assertThat(t.app().grantedPermissions()).doesNotContain(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
  }

  @Test
  void aRedirectUriThatIsNotRegisteredGets50011AndNoRedirect(FakeGraphTenant t) {
    for (String uri :
        new String[] {"https://evil.example.com/consent", "https://backup.example.com/consentx", "https://backup.example.com:444/consent", "http://backup.example.com/consent"}) {
      HttpResponse<String> r = consent(t, "", Map.of("client_id", t.clientId(), "redirect_uri", uri, "state", "s"));
      assertThat(r.statusCode()).as(uri).isEqualTo(400);
      assertThat(r.headers().firstValue("Location")).as(uri).isEmpty();
      assertThat(r.body()).contains("AADSTS50011");
    }
    assertThat(consent(t, "", Map.of("client_id", t.clientId(), "redirect_uri", "http://localhost:8080/cb")).statusCode()).isEqualTo(302);
  }

  @Test
  void scriptedOutcomesOverrideACorrectRequest(FakeGraphTenant t) {
    Map<String, String> good = Map.of("client_id", t.clientId(), "redirect_uri", "https://backup.example.com/consent");
    t.app().onAdminConsent(AdminConsentOutcome.REDIRECT_URI_MISMATCH);
    assertThat(consent(t, "", good).body()).contains("AADSTS50011");
    t.app().onAdminConsent(AdminConsentOutcome.UNKNOWN_APP);
    HttpResponse<String> unknown = consent(t, "", good);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("AADSTS700016");
    t.reset();
    assertThat(consent(t, "", good).statusCode()).isEqualTo(302);
  }

  @Test
  void unknownClientIdGets700016Page(FakeGraphTenant t) {
    HttpResponse<String> r = consent(t, "", Map.of("client_id", "11111111-2222-3333-4444-555555555555"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("AADSTS700016");
  }

  @Test
  void commonResolvesToTheOnlyTenantOnV1(FakeGraphTenant t) {
    HttpResponse<String> r = get(t, "/common/adminconsent?client_id=" + t.clientId());
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(query(r.headers().firstValue("Location").orElseThrow())).containsEntry("tenant", t.tenantId());
  }

  // ---- discovery ------------------------------------------------------------------------------

  @Test
  void discoveryDocumentsPointAtTheFake(FakeGraphTenant t) {
    JsonNode oidc = json(get(t, "/" + t.tenantId() + "/v2.0/.well-known/openid-configuration"));
    assertThat(oidc.path("token_endpoint").asText()).isEqualTo(t.tokenEndpoint().toString());
    JsonNode keys = json(get(t, "/" + t.tenantId() + "/discovery/v2.0/keys"));
    assertThat(keys.path("keys").get(0).path("kty").asText()).isEqualTo("RSA");
    JsonNode instance = json(get(t, "/common/discovery/instance?api-version=1.1&authorization_endpoint=" + enc(t.authorityHost() + "/" + t.tenantId() + "/oauth2/v2.0/authorize")));
    assertThat(instance.path("tenant_discovery_endpoint").asText()).startsWith(t.authorityHost().toString());
  }

  @Test
  void tokenSignatureVerifiesWithThePublishedKey(FakeGraphTenant t) throws Exception {
    String token = t.issueAccessToken();
    JsonNode key = json(get(t, "/" + t.tenantId() + "/discovery/v2.0/keys")).path("keys").get(0);
    java.security.spec.RSAPublicKeySpec spec =
        new java.security.spec.RSAPublicKeySpec(
            new java.math.BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())),
            new java.math.BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText())));
    java.security.PublicKey pub = java.security.KeyFactory.getInstance("RSA").generatePublic(spec);
    String[] parts = token.split("\\.");
    java.security.Signature s = java.security.Signature.getInstance("SHA256withRSA");
    s.initVerify(pub);
    s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(s.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    assertThat(json(get(t, "/" + t.tenantId() + "/discovery/v2.0/keys")).path("keys").get(0).path("kid").asText())
        .isEqualTo(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1"));
    assertThat(Instant.ofEpochSecond(claims(token).path("exp").asLong())).isAfter(CLOCK.instant());
  }
}
