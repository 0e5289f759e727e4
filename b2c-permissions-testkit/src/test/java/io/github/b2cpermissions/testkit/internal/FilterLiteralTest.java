package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FilterLiteralTest {
  @Test
  void aQuotedTokenIsText() {
    assertThat(FilterLiteral.of("'Alice")).isEqualTo(new FilterLiteral("Alice", null, null, false, "'Alice"));
  }

  @Test
  void trueFalseAndNullAreTheirOwnKinds() {
    assertThat(FilterLiteral.of("true").bool()).isTrue();
    assertThat(FilterLiteral.of("false").bool()).isFalse();
    assertThat(FilterLiteral.of("null").isNull()).isTrue();
    assertThat(FilterLiteral.of("true").isNull()).isFalse();
  }

  @Test
  void aGuidIsTextWhetherItStartsWithALetterOrADigit() {
    assertThat(FilterLiteral.of("b5e1c3f0-0000-4000-8000-00000000000a").text()).isEqualTo("b5e1c3f0-0000-4000-8000-00000000000a");
    assertThat(FilterLiteral.of("#15e1c3f0-0000-4000-8000-00000000000a").text()).isEqualTo("15e1c3f0-0000-4000-8000-00000000000a");
  }

  @Test
  void aNumberIsANumberAndADateTimeIsComparedByItsText() {
    assertThat(FilterLiteral.of("#-3.5").number()).isEqualTo(-3.5);
    FilterLiteral date = FilterLiteral.of("#2024-06-01T00:00:00Z");
    assertThat(date.number()).isNull();
    assertThat(date.text()).isNull();
    assertThat(date.raw()).isEqualTo("2024-06-01T00:00:00Z");
  }

  @Test
  void aBareNameIsNotALiteral() {
    assertThatThrownBy(() -> FilterLiteral.of("displayName"))
        .isInstanceOf(ODataFilter.Unsupported.class)
        .hasMessage("Invalid filter clause: 'displayName' is not a literal.");
  }
}
