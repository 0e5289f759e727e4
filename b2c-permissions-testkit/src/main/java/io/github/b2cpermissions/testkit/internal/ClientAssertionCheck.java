package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Checks a client assertion as Entra does: signed (RS256 or PS256) by the key of the app's
 * registered certificate, named by {@code x5t} or {@code x5t#S256}; {@code iss} and {@code sub} the
 * client id; {@code aud} the token endpoint; within its validity.
 */
final class ClientAssertionCheck {
  private final GraphServer server;
  private final ErrorEnvelopes errors;

  ClientAssertionCheck(GraphServer server, ErrorEnvelopes errors) {
    this.server = server;
    this.errors = errors;
  }

  /** The refusal of an assertion, or null when it is good. */
  @Nullable
  Reply refusal(String assertion, AppRegistration app, TenantModel tenant, String tenantSegment) {
    X509Certificate cert = app.certificate;
    String[] parts = assertion.split("\\.", -1);
    if (parts.length != 3) {
      return malformed();
    }
    JsonNode header;
    JsonNode claims;
    byte[] signature;
    try {
      header = Json.parse(Base64.getUrlDecoder().decode(parts[0]));
      claims = Json.parse(Base64.getUrlDecoder().decode(parts[1]));
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return malformed();
    }
    if (header == null || claims == null) {
      return malformed();
    }
    if (cert == null) {
      return refuse(700027, "Client assertion failed signature validation. The key was not found: app '" + app.clientId + "' has no certificate credential.");
    }
    Reply badSignature = signatureRefusal(cert, header, parts, signature);
    if (badSignature != null) {
      return badSignature;
    }
    if (!app.clientId.equalsIgnoreCase(claims.path("iss").asText()) || !app.clientId.equalsIgnoreCase(claims.path("sub").asText())) {
      return refuse(700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
    }
    String aud = claims.path("aud").isArray() ? claims.path("aud").path(0).asText() : claims.path("aud").asText();
    String base = server.host() + "/";
    boolean audience =
        aud.equalsIgnoreCase(base + tenantSegment + "/oauth2/v2.0/token")
            || aud.equalsIgnoreCase(base + tenant.seed.tenantId + "/oauth2/v2.0/token")
            || aud.equalsIgnoreCase(base + tenant.seed.domain + "/oauth2/v2.0/token");
    if (!audience) {
      return refuse(700023, "Client assertion audience claim does not match Realm issuer.");
    }
    long now = server.clock().instant().getEpochSecond();
    if (claims.path("exp").asLong(0) <= now - 300 || claims.path("nbf").asLong(0) > now + 300) {
      return refuse(700024, "Client assertion is not within its valid time range.");
    }
    return null;
  }

  private @Nullable Reply signatureRefusal(X509Certificate cert, JsonNode header, String[] parts, byte[] signature) {
    try {
      byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(cert.getEncoded());
      byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      // MSAL writes the thumbprint in standard Base64 with padding, the JOSE spec in base64url:
      // Entra takes both, so compare the bytes.
      boolean named =
          Arrays.equals(sha1, thumbprint(header.path("x5t").asText("")))
              || Arrays.equals(sha256, thumbprint(header.path("x5t#S256").asText("")));
      if (!named) {
        return refuse(700027, "Client assertion failed signature validation. The key was not found: the assertion names another certificate.");
      }
      Signature verifier;
      String alg = header.path("alg").asText();
      if (alg.equals("RS256")) {
        verifier = Signature.getInstance("SHA256withRSA");
      } else if (alg.equals("PS256")) {
        verifier = Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      } else {
        return refuse(700027, "Client assertion failed signature validation. Unsupported algorithm '" + alg + "'.");
      }
      verifier.initVerify(cert.getPublicKey());
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(signature)) {
        return refuse(700027, "Client assertion failed signature validation.");
      }
      return null;
    } catch (GeneralSecurityException e) {
      return refuse(700027, "Client assertion failed signature validation.");
    }
  }

  private Reply malformed() {
    return refuse(50027, "JWT token is invalid or malformed.");
  }

  private Reply refuse(int code, String text) {
    return errors.entra(401, "invalid_client", code, text);
  }

  private static byte[] thumbprint(String encoded) {
    String b64 = encoded.trim().replace('-', '+').replace('_', '/').replace("=", "");
    while (b64.length() % 4 != 0) {
      b64 += "=";
    }
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }
}
