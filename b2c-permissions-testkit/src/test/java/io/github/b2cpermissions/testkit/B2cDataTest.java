package io.github.b2cpermissions.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class B2cDataTest {
  @Test
  void badInputIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> B2cData.builder().generatedUsers(-1, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
    assertThatThrownBy(() -> B2cData.builder().generatedUsers(B2cData.MAX_GENERATED_USERS + 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> B2cData.builder().add(B2cData.Kind.GROUPS, "[1]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> B2cData.builder().add(B2cData.Kind.GROUPS, "{not json")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> B2cData.builder().add(B2cData.Kind.IDENTITY_PROVIDERS, "{\"displayName\":\"x\"}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an id");
    assertThatThrownBy(() -> B2cData.builder().groupMembers("22222222-0000-4000-8000-000000000009", "x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before its members");
    assertThatThrownBy(() -> B2cData.builder().sample().sample()).isInstanceOf(IllegalArgumentException.class);
    FakeUser u = FakeUser.builder("A").build();
    assertThatThrownBy(() -> B2cData.builder().user(u).user(u)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(u.id());
  }

  @Test
  void graphDefaultsAreFilledAroundTheGivenJsonAndTheSampleIsComplete() {
    B2cData d = B2cData.builder().add(B2cData.Kind.IDENTITY_PROVIDERS, "{\"identityProviderType\":\"Amazon\",\"displayName\":\"Amazon\",\"clientSecret\":\"s3cret\"}").build();
    assertThat(d.seed().objects.get("identityProviders").get(0).path("id").asText()).isEqualTo("Amazon-OAUTH");
    assertThat(d.seed().objects.get("identityProviders").get(0).path("clientSecret").asText()).isEqualTo("*****");
    assertThat(d.toString()).doesNotContain("s3cret");
    B2cData sample = B2cData.sample();
    assertThat(sample.userCount()).isEqualTo(5);
    assertThat(sample.seed().objects.keySet())
        .containsExactlyInAnyOrder("groups", "identityProviders", "b2cUserFlows", "applications", "directoryRoles", "roleAssignments", "directoryAudits", "userFlowAttributes",
            "oauth2PermissionGrants", "domains", "branding", "apiConnectors");
    assertThat(sample.seed().deletedUsers).hasSize(1);
    assertThat(sample.seed().deletedObjects.get("applications")).hasSize(1);
  }
}
