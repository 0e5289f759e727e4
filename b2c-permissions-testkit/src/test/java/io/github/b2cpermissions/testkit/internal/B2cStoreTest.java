package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The B2C directory store on its own, built straight from a seed. */
class B2cStoreTest {
  private static final String DOMAIN = "store.onmicrosoft.com";
  private static final String ALICE = "11111111-1111-1111-1111-111111111111";
  private static final String SALES = "22222222-2222-2222-2222-222222222222";

  private static B2cStore store(int generated) {
    UserRec alice = new UserRec(ALICE, "Alice");
    alice.identities = new UserRec.Identity[] {new UserRec.Identity("emailAddress", null, "alice@example.com")};
    ObjectNode sales = Json.object().put("id", SALES).put("displayName", "Sales");
    B2cSeed seed = B2cSeed.builder().users(List.of(alice)).generated(generated, 7L)
        .objects(Map.of(B2cSeed.GROUPS, List.of(sales))).members(Map.of(SALES, List.of(ALICE)), Map.of())
        .build();
    return new B2cStore(seed, DOMAIN);
  }

  @Test
  void seededUsersGetTheTenantDomainAsIssuerAndAUserPrincipalNameIdentity() {
    B2cStore s = store(0);
    UserRec alice = s.user(ALICE);
    assertThat(alice.userPrincipalName).isEqualTo(ALICE + "@" + DOMAIN);
    assertThat(alice.identities).extracting(i -> i.signInType + "/" + i.issuer + "/" + i.issuerAssignedId)
        .containsExactly("emailAddress/" + DOMAIN + "/alice@example.com", "userPrincipalName/" + DOMAIN + "/" + alice.userPrincipalName);
    assertThat(s.user(alice.userPrincipalName.toUpperCase(java.util.Locale.ROOT))).isSameAs(alice);
  }

  @Test
  void generatedUsersComeFirstAndADeleteLeavesAHoleSoPositionsStayValid() {
    B2cStore s = store(3);
    assertThat(s.userPositions()).isEqualTo(4);
    assertThat(s.userCount()).isEqualTo(4);
    assertThat(s.userAt(3).id).isEqualTo(ALICE);
    String generated = s.userAt(1).id;
    assertThat(s.user(generated)).isNotNull();

    assertThat(s.deleteUser(generated)).isTrue();
    assertThat(s.deleteUser(generated)).isFalse();
    assertThat(s.userAt(1)).isNull();
    assertThat(s.userAt(3).id).isEqualTo(ALICE);
    assertThat(s.userPositions()).isEqualTo(4);
    assertThat(s.userCount()).isEqualTo(3);
  }

  @Test
  void aChangedGeneratedUserIsAnOverlayFoundByIdAndByItsNewIdentity() {
    B2cStore s = store(2);
    UserRec changed = s.userAt(0).copy();
    changed.identities = new UserRec.Identity[] {new UserRec.Identity("emailAddress", DOMAIN, "new@example.com")};
    s.replaceUser(changed);
    assertThat(s.user(changed.id)).isSameAs(changed);
    assertThat(s.positionsWithIdentity(DOMAIN, "NEW@example.com")).containsExactly(0);
    assertThat(s.identityOwner(DOMAIN, "new@example.com", null)).isSameAs(changed);
    assertThat(s.identityOwner(DOMAIN, "new@example.com", changed.id)).isNull();
  }

  @Test
  void identityLookupsIgnoreCaseAndAnyIssuerMatchesWhenNoneIsGiven() {
    B2cStore s = store(0);
    assertThat(s.positionsWithIdentity(null, "ALICE@example.com")).containsExactly(0);
    assertThat(s.positionsWithIdentity("other.example", "alice@example.com")).isEmpty();
    assertThat(s.identityOwner(DOMAIN.toUpperCase(java.util.Locale.ROOT), "alice@example.com", null).id).isEqualTo(ALICE);
  }

  @Test
  void deletingAUserRemovesItFromTheGroupsItWasIn() {
    B2cStore s = store(0);
    assertThat(s.members(true, SALES)).containsExactly(ALICE);
    assertThat(s.directoryObject(ALICE).path("@odata.type").asText()).isEqualTo("#microsoft.graph.user");
    assertThat(s.directoryObject(SALES).path("@odata.type").asText()).isEqualTo("#microsoft.graph.group");
    s.deleteUser(ALICE);
    assertThat(s.members(true, SALES)).isEmpty();
    assertThat(s.directoryObject(ALICE)).isNull();
  }

  @Test
  void membershipsAreSetsThatIgnoreCase() {
    B2cStore s = store(0);
    assertThat(s.addMember(true, SALES, ALICE.toUpperCase(java.util.Locale.ROOT))).isFalse();
    assertThat(s.addMember(false, "role-1", ALICE)).isTrue();
    assertThat(s.removeMember(false, "ROLE-1", ALICE)).isTrue();
    assertThat(s.removeMember(false, "role-1", ALICE)).isFalse();
  }

  @Test
  void objectsAreHandedOutAsCopiesAndChangeOnlyThroughTheStore() {
    B2cStore s = store(0);
    ObjectNode copy = s.object(B2cSeed.GROUPS, SALES.toUpperCase(java.util.Locale.ROOT));
    copy.put("displayName", "Changed");
    assertThat(s.object(B2cSeed.GROUPS, SALES).path("displayName").asText()).isEqualTo("Sales");
    assertThat(s.replaceObject(B2cSeed.GROUPS, copy)).isTrue();
    assertThat(s.object(B2cSeed.GROUPS, SALES).path("displayName").asText()).isEqualTo("Changed");

    assertThat(s.deleteObject(B2cSeed.GROUPS, SALES)).isTrue();
    assertThat(s.objectAt(B2cSeed.GROUPS, 0)).isNull();
    assertThat(s.objectPositions(B2cSeed.GROUPS)).isEqualTo(1);
    assertThat(s.replaceObject(B2cSeed.GROUPS, copy)).isFalse();
    assertThat(s.members(true, SALES)).isEmpty();
  }
}
