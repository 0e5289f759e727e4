package io.github.b2cpermissions.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeGraphTenantTest {
  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(
          FakeGraphTenant.builder()
              .b2c("contoso.onmicrosoft.com")
              .tenantId("6f2b3c4d-1111-4222-8333-944445555666")
              .grantedAll()
              .without(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL, B2cBackupPermission.AUDIT_LOG_READ_ALL));

  @Test
  void builtTenantHasTheSeededIdentityAndEndpoints(FakeGraphTenant t) {
    assertThat(t.tenantId()).isEqualTo("6f2b3c4d-1111-4222-8333-944445555666");
    assertThat(t.domain()).isEqualTo("contoso.onmicrosoft.com");
    assertThat(t.tenantType()).isEqualTo("AAD B2C");
    assertThat(t.displayName()).isEqualTo("contoso");
    assertThat(t.clientId()).isEqualTo(FakeGraphTenant.DEFAULT_CLIENT_ID);
    assertThat(t.graphHost().toString()).matches("https://127\\.0\\.0\\.1:\\d+");
    assertThat(t.graphEndpoint()).isEqualTo(URI.create(t.graphHost() + "/v1.0"));
    assertThat(t.authorityHost()).isEqualTo(t.graphHost());
    assertThat(t.tokenEndpoint().toString()).isEqualTo(t.graphHost() + "/" + t.tenantId() + "/oauth2/v2.0/token");
    assertThat(t.graphDefaultScope()).isEqualTo(t.graphHost() + "/.default");
  }

  @Test
  void withoutRemovesFromTheGrantedSetWhateverTheOrder() {
    FakeGraphTenant t =
        FakeGraphTenant.builder().without(B2cBackupPermission.AUDIT_LOG_READ_ALL).grantedAll().build();
    assertThat(t.app().grantedPermissions()).hasSize(13).doesNotContain(B2cBackupPermission.AUDIT_LOG_READ_ALL);
  }

  @Test
  void grantAndRevokeChangeTheDirectory(FakeGraphTenant t) {
    assertThat(t.app().grantedPermissions()).hasSize(12);
    t.app().grant(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL, B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
    t.app().revoke(B2cBackupPermission.USER_READ_WRITE_ALL);
    assertThat(t.app().grantedPermissions())
        .contains(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL)
        .doesNotContain(B2cBackupPermission.USER_READ_WRITE_ALL)
        .hasSize(12);
    String id = t.app().grantRole("User.Read.All");
    assertThat(t.app().grantRole("User.Read.All")).isEqualTo(id);
    assertThat(t.app().grantedRoles()).contains("User.Read.All");
    assertThat(t.app().revokeRole("User.Read.All")).isTrue();
    assertThat(t.app().revokeRole("User.Read.All")).isFalse();
  }

  @Test
  void resetGoesBackToTheSeed(FakeGraphTenant t) {
    t.app().revoke(B2cBackupPermission.values());
    t.app().disableServicePrincipal();
    t.app().grantPropagationDelay(Duration.ofHours(1));
    t.app().onAdminConsent(AdminConsentOutcome.DECLINE);
    t.reset();
    assertThat(t.app().grantedPermissions()).hasSize(12);
    assertThat(t.app().servicePrincipalPresence()).isEqualTo(AppPresence.ENABLED);
    assertThat(Http.claims(t.issueAccessToken()).path("roles")).hasSize(12);
  }

  @Test
  void removedServicePrincipalTakesItsGrantsAndRefusesNewOnes(FakeGraphTenant t) {
    String before = t.servicePrincipalId();
    t.app().removeServicePrincipal();
    assertThat(t.app().servicePrincipalPresence()).isEqualTo(AppPresence.NOT_FOUND);
    assertThat(t.app().grantedPermissions()).isEmpty();
    assertThatThrownBy(() -> t.app().grant(B2cBackupPermission.AUDIT_LOG_READ_ALL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no service principal");
    assertThatThrownBy(t::issueAccessToken).isInstanceOf(IllegalStateException.class);
    assertThat(t.app().createServicePrincipal()).isTrue();
    assertThat(t.app().createServicePrincipal()).isFalse();
    assertThat(t.servicePrincipalId()).isNotEqualTo(before);
    assertThat(t.app().grantedPermissions()).isEmpty();
  }

  @Test
  void neverConsentedTenantGetsThePredictableIdOnFirstConsent() {
    FakeGraphTenant t = FakeGraphTenant.builder().servicePrincipal(AppPresence.NOT_FOUND).build();
    String reserved = t.servicePrincipalId();
    t.app().createServicePrincipal();
    assertThat(t.servicePrincipalId()).isEqualTo(reserved);
  }

  @Test
  void disabledServicePrincipalKeepsItsGrants(FakeGraphTenant t) {
    t.app().disableServicePrincipal();
    assertThat(t.app().servicePrincipalPresence()).isEqualTo(AppPresence.DISABLED);
    assertThat(t.app().grantedPermissions()).hasSize(12);
    t.app().enableServicePrincipal();
    assertThat(t.app().servicePrincipalPresence()).isEqualTo(AppPresence.ENABLED);
  }

  @Test
  void otherTenantTypesAreSeeded() {
    assertThat(FakeGraphTenant.builder().b2c("x.onmicrosoft.com").tenantType("CIAM").build().tenantType()).isEqualTo("CIAM");
    assertThat(FakeGraphTenant.builder().tenantType("AAD").b2c("x.onmicrosoft.com").build().tenantType()).isEqualTo("AAD B2C");
    assertThat(FakeGraphTenant.builder().tenantType("AAD").domain("x.onmicrosoft.com").build().tenantType()).isEqualTo("AAD");
  }

  @Test
  void builderRefusesBadInput() {
    FakeGraphTenantBuilder b = FakeGraphTenant.builder();
    assertThatThrownBy(() -> b.b2c("not a domain")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.tenantId("123")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GUID");
    assertThatThrownBy(() -> b.backupApp("abc", URI.create("https://x.example/cb"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.redirectUris(URI.create("http://x.example/cb"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.redirectUris(URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.grantedRoles("user.read.all")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("case-sensitive");
    assertThatThrownBy(() -> b.servicePrincipal(AppPresence.NOT_CHECKED)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.pageSize(1000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.grantPropagationDelay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.otherResourceRole(B2cBackupPermission.MICROSOFT_GRAPH_APP_ID, "Graph", UUID.randomUUID()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.clientSecret(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.granted((B2cBackupPermission) null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void settingsThatDoNotGoTogetherAreRefusedByBuildWithIllegalState() {
    assertThatThrownBy(() -> FakeGraphTenant.builder().servicePrincipal(AppPresence.NOT_FOUND).grantedAll().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot have grants");
    FakeGraphTenantBuilder itself =
        FakeGraphTenant.builder().otherResourceRole(FakeGraphTenant.DEFAULT_CLIENT_ID, "Backup", UUID.randomUUID());
    assertThatThrownBy(itself::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("backup app itself");
    try (FakeGraph graph = FakeGraph.builder().build()) {
      assertThatThrownBy(() -> graph.addTenant(itself)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aTenantWithItsOwnServerGetsTheServerSettingsItIsBuiltWith() {
    FakeGraphTenant lenient = FakeGraphTenant.builder().grantedAll().build(FakeGraph.builder().strict(false));
    FakeGraphTenant strict = FakeGraphTenant.builder().grantedAll().build();

    assertThat(lenient.server().isStrict()).isFalse();
    assertThat(strict.server().isStrict()).isTrue();
  }

  @Test
  void grantRoleRefusesUnknownRoles(FakeGraphTenant t) {
    assertThatThrownBy(() -> t.app().grantRole("Made.Up.All")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requiredPermissionsDriveWhatConsentGrants() throws Exception {
    FakeGraphTenant t =
        FakeGraphTenant.builder()
            .servicePrincipal(AppPresence.NOT_FOUND)
            .requiredPermissions(B2cBackupPermission.USER_READ_WRITE_ALL, B2cBackupPermission.AUDIT_LOG_READ_ALL)
            .build()
            .start();
    try {
      assertThat(Http.get(t, "/" + t.tenantId() + "/adminconsent?client_id=" + t.clientId()).statusCode()).isEqualTo(302);
      assertThat(t.app().grantedPermissions())
          .isEqualTo(EnumSet.of(B2cBackupPermission.USER_READ_WRITE_ALL, B2cBackupPermission.AUDIT_LOG_READ_ALL));
    } finally {
      t.stop();
    }
  }

  @Test
  void toStringNeverShowsTheSecret(FakeGraphTenant t) {
    assertThat(t.toString()).contains("contoso.onmicrosoft.com").doesNotContain(t.clientSecret());
    assertThat(FakeGraphTenant.builder().clientSecret("s3cr3t-value").toString()).doesNotContain("s3cr3t-value");
  }

  @Test
  void appIsOneViewOfTheTenantsStateAndItsToStringLeavesTheSecretOut(FakeGraphTenant t) {
    assertThat(t.app()).isSameAs(t.app());
    t.app().revoke(B2cBackupPermission.USER_READ_WRITE_ALL);
    assertThat(t.toString()).doesNotContain(B2cBackupPermission.USER_READ_WRITE_ALL.scope());
    assertThat(t.app().toString())
        .contains(t.clientId(), "ENABLED", B2cBackupPermission.IDENTITY_PROVIDER_READ_WRITE_ALL.scope())
        .doesNotContain(B2cBackupPermission.USER_READ_WRITE_ALL.scope())
        .doesNotContain(t.clientSecret());
  }

  @Test
  void credentialIsWiredToTheFake(FakeGraphTenant t) {
    com.azure.core.credential.AccessToken token =
        t.credential().getTokenSync(new com.azure.core.credential.TokenRequestContext().addScopes(t.graphDefaultScope()));
    assertThat(Http.claims(token.getToken()).path("tid").asText()).isEqualTo(t.tenantId());
    assertThat(token.getExpiresAt()).isAfter(java.time.OffsetDateTime.now());
  }
}
