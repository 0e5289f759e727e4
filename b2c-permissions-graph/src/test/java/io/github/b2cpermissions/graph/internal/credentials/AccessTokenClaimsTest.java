package io.github.b2cpermissions.graph.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AccessTokenClaimsTest {

  static String jwt(String payloadJson) {
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    return enc.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + enc.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
  }

  @Test
  void readsTenantAppAndRoles() {
    AccessTokenClaims c = AccessTokenClaims.parse(jwt(
        "{\"tid\":\"t1\",\"appid\":\"a1\",\"roles\":[\"User.Read.All\",\"AuditLog.Read.All\"],\"exp\":42}"));
    assertThat(c.tenantId()).isEqualTo("t1");
    assertThat(c.appId()).isEqualTo("a1");
    assertThat(c.roles()).containsExactlyInAnyOrder("User.Read.All", "AuditLog.Read.All");
    assertThat(c.expiresAtEpochSecond()).isEqualTo(42);
  }

  @Test
  void fallsBackToAzpAndToNoRoles() {
    AccessTokenClaims c = AccessTokenClaims.parse(jwt("{\"azp\":\"a2\"}"));
    assertThat(c.appId()).isEqualTo("a2");
    assertThat(c.roles()).isEmpty();
    assertThat(c.tenantId()).isNull();
  }

  @Test
  void rejectsNonJwtWithoutEchoingIt() {
    String secretish = "not-a-jwt-but-secret-material";
    assertThatThrownBy(() -> AccessTokenClaims.parse(secretish))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(secretish);
    assertThatThrownBy(() -> AccessTokenClaims.parse("a.%%%.c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64url");
    assertThatThrownBy(() -> AccessTokenClaims.parse(jwt("[1,2]")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object");
  }
}
