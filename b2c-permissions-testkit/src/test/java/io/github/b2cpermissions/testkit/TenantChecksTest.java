package io.github.b2cpermissions.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.testkit.internal.TlsMaterial;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The argument checks the tenant builder and a running tenant share. */
class TenantChecksTest {
  @Test
  void redirectUrisAreCheckedOneByOneAndKeptInOrder() {
    URI a = URI.create("https://app.example/a");
    URI b = URI.create("http://localhost:8080/b");
    List<URI> uris = TenantChecks.redirectUris(a, b);
    assertThat(uris).containsExactly(a, b);
    assertThatThrownBy(() -> uris.add(a)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(TenantChecks.redirectUris()).isEmpty();
    assertThatThrownBy(() -> TenantChecks.redirectUris(a, URI.create("http://app.example/c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://app.example/c");
    assertThatThrownBy(() -> TenantChecks.redirectUris(a, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void onlyAnRsaCertificateCanSignClientAssertions() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    X509Certificate rsaCertificate = TlsMaterial.selfSigned(rsa.generateKeyPair(), "backup app", false);
    assertThat(TenantChecks.rsaCertificate(rsaCertificate)).isSameAs(rsaCertificate);
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    X509Certificate ecCertificate = TlsMaterial.selfSigned(ec.generateKeyPair(), "backup app", false);
    assertThatThrownBy(() -> TenantChecks.rsaCertificate(ecCertificate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs an RSA key, was EC");
  }

  @Test
  void aServicePrincipalIsEnabledDisabledOrAbsentButNeverUnchecked() {
    assertThat(TenantChecks.presence(AppPresence.DISABLED)).isEqualTo(AppPresence.DISABLED);
    assertThat(TenantChecks.presence(AppPresence.NOT_FOUND)).isEqualTo(AppPresence.NOT_FOUND);
    assertThatThrownBy(() -> TenantChecks.presence(AppPresence.NOT_CHECKED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a service principal is ENABLED, DISABLED or NOT_FOUND");
  }

  @Test
  void aBlankTenantTypeIsRefusedWithItsName() {
    assertThat(TenantChecks.notBlank("CIAM", "tenantType")).isEqualTo("CIAM");
    assertThatThrownBy(() -> FakeGraphTenant.builder().tenantType(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tenantType must not be blank");
  }
}
