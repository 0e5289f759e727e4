package io.github.b2cpermissions.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FakeUserTest {
  @Test
  void settersRefuseBadValues() {
    FakeUser.Builder b = FakeUser.builder("Alice");
    assertThatThrownBy(() -> FakeUser.builder(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("displayName");
    assertThatThrownBy(() -> b.id("nope")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GUID");
    assertThatThrownBy(() -> b.emailIdentity("no-at-sign")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.phoneMethod("pager", "+1 1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phoneType");
    assertThatThrownBy(() -> b.phoneMethod("mobile", "4255550101")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("+");
    b.phoneMethod("mobile", "+1 4255550101");
    assertThatThrownBy(() -> b.phoneMethod("mobile", "+1 4255550102")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
    b.emailIdentity("a@example.com");
    assertThatThrownBy(() -> b.emailIdentity("A@example.com")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
    assertThatThrownBy(() -> b.federatedIdentity("google.com", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void builtUsersAreImmutableSnapshots() {
    FakeUser.Builder b = FakeUser.builder("Alice").id("AAAAAAAA-0000-4000-8000-000000000001").emailIdentity("a@example.com");
    FakeUser first = b.build();
    b.federatedIdentity("google.com", "123");
    FakeUser second = b.build();
    assertThat(first.id()).isEqualTo("aaaaaaaa-0000-4000-8000-000000000001");
    assertThat(first.record().identities).hasSize(1);
    assertThat(second.record().identities).hasSize(2);
    assertThat(first.toString()).contains("identities=1");
  }
}
