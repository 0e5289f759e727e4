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

  @Test
  void aLookAlikeThatLowerCasesToAsciiIsRejected() {
    // The Kelvin sign (U+212A) lower-cases to an ASCII 'k'.
    assertThatThrownBy(() -> TenantIdentifiers.requireTenant("\u212Aontoso.onmicrosoft.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\\u212a");
  }

  @Test
  void domainsUpTo253CharactersAreAcceptedAndLongerOnesRejected() {
    String label = "a".repeat(63);
    String longest = label + "." + label + "." + label + "." + "b".repeat(57) + ".com";
    assertThat(longest).hasSize(253);
    assertThat(TenantIdentifiers.isDomain(longest)).isTrue();
    assertThat(TenantIdentifiers.requireTenant(longest)).isEqualTo(longest);
    String tooLong = label + "." + label + "." + label + "." + "b".repeat(58) + ".com";
    assertThat(tooLong).hasSize(254);
    assertThat(TenantIdentifiers.isDomain(tooLong)).isFalse();
  }

  @Test
  void aDomainNeedsTwoLabelsAndAnAlphabeticOrPunycodeTopLabel() {
    assertThat(TenantIdentifiers.isDomain("contoso.com")).isTrue();
    assertThat(TenantIdentifiers.isDomain("contoso.xn--p1ai")).isTrue();
    assertThat(TenantIdentifiers.isDomain("com")).isFalse();
    assertThat(TenantIdentifiers.isDomain("")).isFalse();
    assertThat(TenantIdentifiers.isDomain("contoso.com.")).isFalse();
    assertThat(TenantIdentifiers.isDomain("-x.contoso.com")).isFalse();
    assertThat(TenantIdentifiers.isDomain("con toso.com")).isFalse();
  }

  @Test
  void guidsAreRecognisedOnlyInTheir8x4x4x4x12Form() {
    assertThat(TenantIdentifiers.isGuid("8f0c1d2e-3a4b-4c5d-8e6f-0a1b2c3d4e5f")).isTrue();
    assertThat(TenantIdentifiers.isGuid("8F0C1D2E-3A4B-4C5D-8E6F-0A1B2C3D4E5F")).isTrue();
    assertThat(TenantIdentifiers.isGuid("8f0c1d2e3a4b4c5d8e6f0a1b2c3d4e5f")).isFalse();
    assertThat(TenantIdentifiers.isGuid("{8f0c1d2e-3a4b-4c5d-8e6f-0a1b2c3d4e5f}")).isFalse();
    assertThat(TenantIdentifiers.isGuid("8f0c1d2e-3a4b-4c5d-8e6f-0a1b2c3d4e5g")).isFalse();
  }

  @Test
  void requireGuidLowerCasesAGuidAndNamesTheValueItRejects() {
    assertThat(TenantIdentifiers.requireGuid("8F0C1D2E-3A4B-4C5D-8E6F-0A1B2C3D4E5F", "clientId"))
        .isEqualTo("8f0c1d2e-3a4b-4c5d-8e6f-0a1b2c3d4e5f");
    assertThatThrownBy(() -> TenantIdentifiers.requireGuid("contoso.onmicrosoft.com", "clientId"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientId must be a GUID such as 00000000-0000-0000-0000-000000000000, was"
            + " 'contoso.onmicrosoft.com'");
    assertThatThrownBy(() -> TenantIdentifiers.requireGuid(null, "clientId"))
        .isInstanceOf(NullPointerException.class).hasMessage("clientId");
  }

  @Test
  void printableAsciiRunsFromExclamationMarkToTilde() {
    assertThat(TenantIdentifiers.isPrintableAscii("!~azAZ09")).isTrue();
    assertThat(TenantIdentifiers.isPrintableAscii("")).isTrue();
    assertThat(TenantIdentifiers.isPrintableAscii(" ")).isFalse();
    assertThat(TenantIdentifiers.isPrintableAscii("a\u007f")).isFalse();
    assertThat(TenantIdentifiers.isPrintableAscii("\u0430")).isFalse();
  }
}
