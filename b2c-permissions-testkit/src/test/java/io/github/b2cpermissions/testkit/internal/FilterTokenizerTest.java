package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FilterTokenizerTest {
  @Test
  void punctuationNamesAndNumbersBecomeTheirOwnTokens() {
    assertThat(FilterTokenizer.tokenize("identities/any(c:c/issuer eq 'x') and age ge -3.5"))
        .containsExactly("identities", "/", "any", "(", "c", ":", "c", "/", "issuer", "eq", "'x", ")", "and", "age", "ge", "#-3.5");
  }

  @Test
  void aStringKeepsItsOpeningQuoteAndUndoesDoubledQuotes() {
    assertThat(FilterTokenizer.tokenize("displayName eq 'O''Hara'")).containsExactly("displayName", "eq", "'O'Hara");
    assertThat(FilterTokenizer.tokenize("x eq ''")).containsExactly("x", "eq", "'");
  }

  @Test
  void aDateTimeIsOneTokenWithItsColonsAndZone() {
    assertThat(FilterTokenizer.tokenize("createdDateTime lt 2024-06-01T00:00:00+02:00"))
        .containsExactly("createdDateTime", "lt", "#2024-06-01T00:00:00+02:00");
  }

  @Test
  void namesMayHoldDotsDashesAndAnnotations() {
    assertThat(FilterTokenizer.tokenize("@odata.type eq 'a' or extension_1-b.c eq 'b'"))
        .containsExactly("@odata.type", "eq", "'a", "or", "extension_1-b.c", "eq", "'b");
  }

  @Test
  void anUnterminatedStringOrAStrayCharacterIsRefused() {
    assertThatThrownBy(() -> FilterTokenizer.tokenize("displayName eq 'x"))
        .isInstanceOf(ODataFilter.Unsupported.class)
        .hasMessageContaining("unterminated string literal");
    assertThatThrownBy(() -> FilterTokenizer.tokenize("displayName eq 'x' ; 1"))
        .isInstanceOf(ODataFilter.Unsupported.class)
        .hasMessageContaining("unexpected character ';'");
  }
}
