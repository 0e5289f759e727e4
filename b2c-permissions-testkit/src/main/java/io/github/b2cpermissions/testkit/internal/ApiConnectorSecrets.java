package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What Graph keeps of an API connector's {@code authenticationConfiguration}: a basic
 * authentication keeps its user name and never shows the password (the reference pages: "It isn't
 * returned in the responses"; their example replies show {@code ******}); an uploaded PKCS #12
 * certificate ({@code pkcs12Certificate}, with its password) comes back as a {@code
 * clientCertificateAuthentication} listing the certificate's thumbprint and validity only.
 */
final class ApiConnectorSecrets {
  static final String MASK = "******";
  static final String BASIC = "#microsoft.graph.basicAuthentication";
  static final String PKCS12 = "#microsoft.graph.pkcs12Certificate";
  static final String CLIENT_CERTIFICATE = "#microsoft.graph.clientCertificateAuthentication";

  /** A year of validity for the certificates the fake cannot parse; seconds. */
  private static final long VALIDITY = 365L * 24 * 3600;

  private ApiConnectorSecrets() {}

  /** Whether {@code config} is an authentication configuration the fake accepts in a write. */
  static boolean isWritable(JsonNode config) {
    String type = config.path("@odata.type").asText("");
    if (type.equals(BASIC)) {
      return config.path("username").isTextual() && config.path("password").isTextual();
    }
    return type.equals(PKCS12) && config.path("pkcs12Value").isTextual() && !config.path("pkcs12Value").asText().isEmpty();
  }

  /** Replaces the connector's secrets in place by what Graph returns; {@code now} starts a new certificate's validity. */
  static void mask(ObjectNode connector, Instant now) {
    JsonNode config = connector.get("authenticationConfiguration");
    if (config == null || !config.isObject()) {
      return;
    }
    String type = config.path("@odata.type").asText("");
    if (type.equals(BASIC)) {
      ((ObjectNode) config).put("password", MASK);
    } else if (type.equals(PKCS12)) {
      connector.set("authenticationConfiguration", certificateList(config.path("pkcs12Value").asText(""), now));
    } else if (type.equals(CLIENT_CERTIFICATE)) {
      ((ObjectNode) config).remove("password");
    }
  }

  private static ObjectNode certificateList(String pkcs12Value, Instant now) {
    ObjectNode out = Json.object();
    out.put("@odata.type", CLIENT_CERTIFICATE);
    ObjectNode cert = out.putArray("certificateList").addObject();
    // The fake does not open the PKCS #12 file: a stable thumbprint of its bytes stands for the
    // certificate's, and the validity starts now.
    cert.put("thumbprint", sha1(pkcs12Value));
    cert.put("notBefore", now.getEpochSecond());
    cert.put("notAfter", now.getEpochSecond() + VALIDITY);
    cert.put("isActive", true);
    return out;
  }

  private static String sha1(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from the JDK", e);
    }
  }
}
