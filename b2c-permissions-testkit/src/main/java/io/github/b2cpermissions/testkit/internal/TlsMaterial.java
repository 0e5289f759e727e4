package io.github.b2cpermissions.testkit.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost} (EC P-256, made with the
 * JDK alone), the PKCS #12 key store the server loads, and a trust manager that trusts exactly this
 * certificate. One instance serves every fake in the JVM: key generation happens once.
 */
public final class TlsMaterial {
  /** Password of the generated key store; it protects nothing (the file is a throwaway). */
  static final String KEY_STORE_PASSWORD = "b2c-permissions-testkit";

  private static volatile TlsMaterial shared;

  private final X509Certificate certificate;
  private final Path keyStoreFile;
  private final X509TrustManager trustManager;
  private final SSLContext sslContext;

  private TlsMaterial(X509Certificate certificate, Path keyStoreFile) {
    this.certificate = certificate;
    this.keyStoreFile = keyStoreFile;
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("fake-graph", certificate);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(trust);
      X509TrustManager found = null;
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager) {
          found = (X509TrustManager) tm;
        }
      }
      if (found == null) {
        throw new IllegalStateException("the JDK offered no X509TrustManager");
      }
      this.trustManager = found;
      this.sslContext = SSLContext.getInstance("TLS");
      sslContext.init(null, new TrustManager[] {found}, null);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build trust material for the fake's certificate", e);
    }
  }

  /** The material shared by all fakes in this JVM, generated on first use. */
  public static TlsMaterial shared() {
    TlsMaterial m = shared;
    if (m == null) {
      synchronized (TlsMaterial.class) {
        m = shared;
        if (m == null) {
          m = generate();
          shared = m;
        }
      }
    }
    return m;
  }

  static TlsMaterial generate() {
    try {
      KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
      kpg.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = kpg.generateKeyPair();
      X509Certificate cert = selfSign(pair);
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(
          "fake-graph", pair.getPrivate(), KEY_STORE_PASSWORD.toCharArray(), new Certificate[] {cert});
      Path file = Files.createTempFile("b2c-permissions-testkit-", ".p12");
      file.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(file)) {
        ks.store(out, KEY_STORE_PASSWORD.toCharArray());
      }
      return new TlsMaterial(cert, file);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate the fake's TLS certificate", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fake's key store", e);
    }
  }

  private static X509Certificate selfSign(KeyPair pair) throws GeneralSecurityException {
    return selfSigned(pair, "b2c-permissions testkit fake Graph", true);
  }

  /**
   * A self-signed X.509 v3 certificate for an EC (P-256, signed with ECDSA/SHA-256) or RSA key
   * (signed with SHA-256/RSA), valid from yesterday for ten years.
   *
   * @param pair the key pair
   * @param commonName the subject and issuer CN
   * @param server true for a TLS server certificate (SAN 127.0.0.1 and localhost, serverAuth)
   */
  public static X509Certificate selfSigned(KeyPair pair, String commonName, boolean server)
      throws GeneralSecurityException {
    boolean rsa = pair.getPrivate().getAlgorithm().equals("RSA");
    byte[] algorithm =
        rsa
            ? Der.sequence(Der.oid("1.2.840.113549.1.1.11"), new byte[] {0x05, 0x00})
            : Der.sequence(Der.oid("1.2.840.10045.4.3.2"));
    byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))));
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
    byte[] validity =
        Der.sequence(Der.generalizedTime(now.minusDays(1)), Der.generalizedTime(now.plusYears(10)));
    List<byte[]> ext = new ArrayList<>();
    ext.add(Der.sequence(Der.oid("2.5.29.19"), Der.bool(true), Der.octetString(Der.sequence())));
    // keyUsage: digitalSignature
    ext.add(
        Der.sequence(
            Der.oid("2.5.29.15"),
            Der.bool(true),
            Der.octetString(Der.tlv(0x03, new byte[] {7, (byte) 0x80}))));
    if (server) {
      byte[] san =
          Der.sequence(
              Der.tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)),
              Der.tlv(0x87, new byte[] {127, 0, 0, 1}));
      // extendedKeyUsage: serverAuth
      ext.add(
          Der.sequence(
              Der.oid("2.5.29.37"), Der.octetString(Der.sequence(Der.oid("1.3.6.1.5.5.7.3.1")))));
      ext.add(Der.sequence(Der.oid("2.5.29.17"), Der.octetString(san)));
    }
    byte[] extensions = Der.explicit(3, Der.sequence(ext.toArray(new byte[0][])));
    byte[] serial = new byte[16];
    new SecureRandom().nextBytes(serial);
    byte[] tbs =
        Der.sequence(
            Der.explicit(0, Der.integer(BigInteger.TWO)),
            Der.integer(new BigInteger(1, serial)),
            algorithm,
            name,
            validity,
            name,
            pair.getPublic().getEncoded(),
            extensions);
    Signature signer = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
    signer.initSign(pair.getPrivate());
    signer.update(tbs);
    byte[] der = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  /** The server certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The certificate in PEM form, for clients outside the JVM. */
  public String certificatePem() {
    try {
      String b64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The PKCS #12 file holding the key and certificate, for the server. */
  public Path keyStoreFile() {
    return keyStoreFile;
  }

  /** Trusts exactly the fake's certificate. */
  public X509TrustManager trustManager() {
    return trustManager;
  }

  /** A TLS context whose only trust anchor is the fake's certificate. */
  public SSLContext sslContext() {
    return sslContext;
  }
}
