package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * RS256 JSON Web Tokens signed with one RSA key per JVM (generated once, on first use). Each server
 * has its own key id; a token whose {@code kid} is not the server's is foreign to it.
 */
final class Jwt {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static volatile @Nullable KeyPair keyPair;

  private Jwt() {}

  static KeyPair keyPair() {
    KeyPair kp = keyPair;
    if (kp == null) {
      synchronized (Jwt.class) {
        kp = keyPair;
        if (kp == null) {
          try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
            kpg.initialize(2048);
            kp = kpg.generateKeyPair();
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the token signing key", e);
          }
          keyPair = kp;
        }
      }
    }
    return kp;
  }

  /** Starts key generation on a daemon thread so that the first token does not wait for it. */
  static void warmUp() {
    if (keyPair == null) {
      Thread t = new Thread(Jwt::keyPair, "b2c-permissions-testkit-keygen");
      t.setDaemon(true);
      t.start();
    }
  }

  private static final ThreadLocal<SecureRandom> BLINDING =
      ThreadLocal.withInitial(() -> {
        try {
          return SecureRandom.getInstance("SHA1PRNG");
        } catch (GeneralSecurityException e) {
          return new SecureRandom();
        }
      });

  static String sign(String kid, ObjectNode claims) {
    ObjectNode header = Json.object();
    header.put("typ", "JWT");
    header.put("alg", "RS256");
    header.put("x5t", kid);
    header.put("kid", kid);
    String signingInput = B64.encodeToString(Json.bytes(header)) + "." + B64.encodeToString(Json.bytes(claims));
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      // A per-thread generator for RSA blinding: the shared default one serializes the fake's
      // threads under a fleet's load.
      s.initSign(keyPair().getPrivate(), BLINDING.get());
      s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  /** Why a token was not accepted; null fields mean "accepted". */
  static final class Verified {
    final @Nullable JsonNode claims;
    final @Nullable String problem;

    private Verified(@Nullable JsonNode claims, @Nullable String problem) {
      this.claims = claims;
      this.problem = problem;
    }

    static Verified ok(JsonNode claims) {
      return new Verified(claims, null);
    }

    static Verified bad(String problem) {
      return new Verified(null, problem);
    }
  }

  /** Checks the shape, the key id and the signature; claims are the caller's business. */
  static Verified verify(String token, String kid) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Verified.bad("IDX14100: JWT is not well formed, there are no dots (.).");
    }
    JsonNode header;
    JsonNode claims;
    try {
      header = Json.parse(B64D.decode(parts[0]));
      claims = Json.parse(B64D.decode(parts[1]));
    } catch (IllegalArgumentException e) {
      return Verified.bad("IDX14100: JWT is not well formed.");
    }
    if (header == null || claims == null || !claims.isObject()) {
      return Verified.bad("IDX14100: JWT is not well formed.");
    }
    if (!"RS256".equals(header.path("alg").asText())) {
      return Verified.bad("Access token validation failure. Unsupported signing algorithm.");
    }
    if (!kid.equals(header.path("kid").asText())) {
      return Verified.bad("Access token validation failure. Signing key not found.");
    }
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initVerify(keyPair().getPublic());
      s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!s.verify(B64D.decode(parts[2]))) {
        return Verified.bad("Access token validation failure. Invalid signature.");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Verified.bad("Access token validation failure. Invalid signature.");
    }
    return Verified.ok(claims);
  }

  /** The JSON Web Key Set publishing the signing key under {@code kid}. */
  static ObjectNode jwks(String kid) {
    RSAPublicKey pub = (RSAPublicKey) keyPair().getPublic();
    ObjectNode root = Json.object();
    ObjectNode key = root.putArray("keys").addObject();
    key.put("kty", "RSA");
    key.put("use", "sig");
    key.put("kid", kid);
    key.put("x5t", kid);
    key.put("n", B64.encodeToString(unsigned(pub.getModulus())));
    key.put("e", B64.encodeToString(unsigned(pub.getPublicExponent())));
    return root;
  }

  private static byte[] unsigned(BigInteger v) {
    byte[] b = v.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      byte[] t = new byte[b.length - 1];
      System.arraycopy(b, 1, t, 0, t.length);
      return t;
    }
    return b;
  }

  /** A random key id in the shape Entra uses (a base64url thumbprint). */
  static String newKid() {
    try {
      byte[] seed = new byte[20];
      new SecureRandom().nextBytes(seed);
      return B64.encodeToString(MessageDigest.getInstance("SHA-1").digest(seed));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
