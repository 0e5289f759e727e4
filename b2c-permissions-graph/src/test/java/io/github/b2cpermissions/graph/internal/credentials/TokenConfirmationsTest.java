package io.github.b2cpermissions.graph.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A cached confirmation keeps its tenant's ids, and shares the token's role set with equal ones. */
class TokenConfirmationsTest {

  /** A fresh set of fresh strings, as each tenant's parsed token gives. */
  private static Set<String> roles(String... values) {
    Set<String> set = new LinkedHashSet<>();
    for (String v : values) {
      set.add(new String(v));
    }
    return Set.copyOf(set);
  }

  private static AccessTokenClaims claims(String tid, String oid, Set<String> roles) {
    return new AccessTokenClaims(tid, "app", roles, 0, "https://graph.microsoft.com", oid);
  }

  private static TokenConfirmations.Confirmation confirmation(String tid, Set<String> roles) {
    return new TokenConfirmations.Confirmation("B2C", "sp-" + tid, roles, "oid-" + tid, tid);
  }

  @Test
  void tenantsWhoseTokensCarryTheSameRolesShareOneRoleSet() {
    TokenConfirmations confirmations = new TokenConfirmations(10, Duration.ofMinutes(10), () -> 0L);
    Set<String> first = roles("User.Read.All", "Policy.Read.All");
    Set<String> second = roles("Policy.Read.All", "User.Read.All");
    assertThat(second).isNotSameAs(first).isEqualTo(first);

    confirmations.put("t1", confirmation("t1", first));
    confirmations.put("t2", confirmation("t2", second));

    assertThat(confirmations.get("t2").roles()).isSameAs(confirmations.get("t1").roles());
    assertThat(confirmations.get("t2").servicePrincipalId()).isEqualTo("sp-t2");
    assertThat(confirmations.get("t2").objectId()).isEqualTo("oid-t2");
    assertThat(confirmations.get("t2").tokenTenantId()).isEqualTo("t2");
  }

  @Test
  void aTenantWithOtherRolesKeepsItsOwnSetAndItsTokenIsJudgedByIt() {
    TokenConfirmations confirmations = new TokenConfirmations(10, Duration.ofMinutes(10), () -> 0L);
    confirmations.put("t1", confirmation("t1", roles("User.Read.All", "Policy.Read.All")));
    confirmations.put("t2", confirmation("t2", roles("User.Read.All")));

    TokenConfirmations.Confirmation t2 = confirmations.get("t2");
    assertThat(t2.roles()).containsExactly("User.Read.All");
    assertThat(t2.stillHolds(claims("t2", "oid-t2", Set.of("User.Read.All"))))
        .isTrue();
    assertThat(t2.stillHolds(claims("t2", "oid-t2",
        Set.of("User.Read.All", "Policy.Read.All")))).isFalse();
  }
}
