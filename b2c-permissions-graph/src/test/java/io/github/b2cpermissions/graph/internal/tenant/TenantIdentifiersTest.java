package io.github.b2cpermissions.graph.internal.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdentifiersTest {

  @ParameterizedTest
  @ValueSource(strings = {"8F0C1D2E-3A4B-4C5D-8E6F-0A1B2C3D4E5F", "contoso.onmicrosoft.com",
      "Backup.Contoso.COM", "xn--bcher-kva.example", "a.b2clogin.com"})
  void acceptsGuidsAndDomainsInLowerCase(String tenant) {
    assertThat(TenantIdentifiers.requireTenant(tenant)).isEqualTo(tenant.toLowerCase());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "contoso", "contoso.onmicrosoft.com/../x", "a@b.com",
      "contoso.onmicrosoft.com#x", "contoso.onmicrosoft.com?x=1", "contoso.onmicrosoft.com\r\nX: y",
      "c\u043entoso.onmicrosoft.com", "contoso\uff0eonmicrosoft.com", "contoso.onmicrosoft.com%00",
      "-contoso.com", "contoso-.com", "contoso..com", "contoso.c0m", "8f0c1d2e-3a4b-4c5d-8e6f-0a1b2c3d4e5"})
  void rejectsEverythingElse(String tenant) {
    assertThatThrownBy(() -> TenantIdentifiers.requireTenant(tenant))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant must be a GUID or a domain name");
  }

  @Test
  void rejectsOverlongInputWithAShortMessage() {
    String huge = "a".repeat(10_000) + ".com";
    assertThatThrownBy(() -> TenantIdentifiers.requireTenant(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("10004 characters"));
  }

  @Test
  void describeEscapesControlAndNonAsciiCharacters() {
    assertThat(TenantIdentifiers.describe("a\r\nb\u043e")).isEqualTo("'a\\u000d\\u000ab\\u043e'");
  }
}
