package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserGeneratorTest {
  @Test
  void theSameSeedGivesTheSameUsersAndAnotherSeedOthers() {
    UserGenerator a = new UserGenerator(42, "c.onmicrosoft.com");
    UserGenerator b = new UserGenerator(42, "c.onmicrosoft.com");
    UserGenerator c = new UserGenerator(43, "c.onmicrosoft.com");
    for (int i = 0; i < 100; i++) {
      assertThat(a.user(i).id).isEqualTo(b.user(i).id);
      assertThat(a.user(i).displayName).isEqualTo(b.user(i).displayName);
      assertThat(a.user(i).id).isNotEqualTo(c.user(i).id);
    }
  }

  @Test
  void idsAreDistinctGuidsThatDecodeToTheirIndex() {
    UserGenerator g = new UserGenerator(-7, "c.onmicrosoft.com");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i += 7) {
      String id = g.id(i);
      assertThat(Ids.parseGuid(id)).isNotNull();
      assertThat(id.charAt(14)).isEqualTo('4');
      assertThat(g.indexOf(id)).isEqualTo(i);
      ids.add(id);
    }
    assertThat(ids).hasSize(14_286);
    assertThat(g.indexOf("00000000-0000-4000-8000-000000000000")).isEqualTo(-1);
    assertThat(new UserGenerator(8, "c.onmicrosoft.com").indexOf(g.id(5))).isEqualTo(-1);
  }

  @Test
  void everyUserHasAUpnIdentityAndSignInIdentitiesAreFoundAgain() {
    UserGenerator g = new UserGenerator(1, "c.onmicrosoft.com");
    for (int i = 0; i < 2_000; i++) {
      UserRec u = g.user(i);
      assertThat(u.identities).extracting(x -> x.signInType).contains("userPrincipalName");
      UserRec.Identity first = u.identities[0];
      assertThat(g.findByIdentity(2_000, first.issuer, first.issuerAssignedId)).as(first.issuerAssignedId).isEqualTo(i);
    }
    assertThat(g.findByIdentity(2_000, "c.onmicrosoft.com", "nobody@example.com")).isEqualTo(-1);
  }
}
