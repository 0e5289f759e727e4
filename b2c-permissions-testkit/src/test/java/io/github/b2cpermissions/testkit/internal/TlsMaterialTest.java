package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsMaterialTest {

  @Test
  void certificateIsSelfSignedForLoopbackAndTrustedByItsTrustManager() throws Exception {
    TlsMaterial tls = TlsMaterial.shared();
    X509Certificate cert = tls.certificate();
    cert.checkValidity();
    cert.verify(cert.getPublicKey());
    assertThat(cert.getSubjectX500Principal()).isEqualTo(cert.getIssuerX500Principal());
    assertThat(cert.getSubjectAlternativeNames())
        .contains(List.of(7, "127.0.0.1"))
        .contains(List.of(2, "localhost"));
    assertThat(cert.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
    tls.trustManager().checkServerTrusted(new X509Certificate[] {cert}, "ECDHE_ECDSA");
    assertThat(tls.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
    assertThat(TlsMaterial.shared()).isSameAs(tls);
  }

  @Test
  void trustManagerRejectsAnyOtherCertificate() {
    X509Certificate other = TlsMaterial.generate().certificate();
    assertThatThrownBy(
            () -> TlsMaterial.shared().trustManager().checkServerTrusted(new X509Certificate[] {other}, "ECDHE_ECDSA"))
        .isInstanceOf(CertificateException.class);
    assertThat(TlsMaterial.shared().trustManager().getAcceptedIssuers()).containsExactly(TlsMaterial.shared().certificate());
  }
}
