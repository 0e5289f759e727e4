package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtTest {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final String kid = Jwt.newKid();

  private static ObjectNode claims() {
    ObjectNode c = Json.object();
    c.put("tid", "6f2b3c4d-1111-4222-8333-944445555666");
    c.putArray("roles").add("User.ReadWrite.All");
    return c;
  }

  @Test
  void aSignedTokenVerifiesWithItsClaims() {
    Jwt.Verified v = Jwt.verify(Jwt.sign(kid, claims()), kid);

    assertThat(v.problem).isNull();
    assertThat(v.claims).isNotNull();
    assertThat(v.claims.path("tid").asText()).isEqualTo("6f2b3c4d-1111-4222-8333-944445555666");
    assertThat(v.claims.path("roles").get(0).asText()).isEqualTo("User.ReadWrite.All");
  }

  @Test
  void theHeaderNamesRs256AndTheKeyId() {
    String header = Jwt.sign(kid, claims()).split("\\.")[0];
    String json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);

    assertThat(json).contains("\"alg\":\"RS256\"").contains("\"kid\":\"" + kid + "\"");
  }

  @Test
  void aTokenWithChangedClaimsFailsTheSignatureCheck() {
    String[] parts = Jwt.sign(kid, claims()).split("\\.");
    ObjectNode forged = claims();
    forged.putArray("roles").add("Directory.ReadWrite.All");
    String tampered = parts[0] + "." + B64.encodeToString(Json.bytes(forged)) + "." + parts[2];

    assertThat(Jwt.verify(tampered, kid).problem).contains("Invalid signature");
  }

  @Test
  void aTokenSignedUnderAnotherKeyIdIsRefused() {
    assertThat(Jwt.verify(Jwt.sign(Jwt.newKid(), claims()), kid).problem).contains("Signing key not found");
  }

  @Test
  void malformedTokensAreRefusedWithEntrasWording() {
    assertThat(Jwt.verify("no-dots", kid).problem).startsWith("IDX14100");
    assertThat(Jwt.verify("a.b", kid).problem).startsWith("IDX14100");
    assertThat(Jwt.verify("!!.!!.!!", kid).problem).startsWith("IDX14100");
    assertThat(Jwt.verify(B64.encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + ".bm90IGpzb24.sig", kid).problem)
        .startsWith("IDX14100");
  }

  @Test
  void aTokenWithAnotherAlgorithmIsRefused() {
    String[] parts = Jwt.sign(kid, claims()).split("\\.");
    String none = B64.encodeToString(("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));

    assertThat(Jwt.verify(none + "." + parts[1] + "." + parts[2], kid).problem).contains("Unsupported signing algorithm");
  }

  @Test
  void theKeySetPublishesTheSigningKeyUnderItsId() {
    ObjectNode jwks = Jwt.jwks(kid);

    assertThat(jwks.path("keys")).hasSize(1);
    assertThat(jwks.path("keys").get(0).path("kid").asText()).isEqualTo(kid);
    assertThat(jwks.path("keys").get(0).path("kty").asText()).isEqualTo("RSA");
    assertThat(jwks.path("keys").get(0).path("e").asText()).isEqualTo("AQAB");
  }
}
