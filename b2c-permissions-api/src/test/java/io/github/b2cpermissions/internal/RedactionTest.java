package io.github.b2cpermissions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void printableKeepsEveryPrintableAsciiCharacterFromSpaceToTilde() {
    assertThat(Redaction.printable(" azAZ09~!", 20)).isEqualTo("' azAZ09~!'");
  }

  @Test
  void printableEscapesControlDeleteAndNonAsciiCharacters() {
    assertThat(Redaction.printable("\u001f\r\u007f\u00e9", 20)).isEqualTo("'\\u001f\\u000d\\u007f\\u00e9'");
  }

  @Test
  void printableCutsLongTextAndSaysHowLongItWas() {
    assertThat(Redaction.printable("abcdef", 3)).isEqualTo("'abc'... (6 characters)");
    assertThat(Redaction.printable("abc", 3)).isEqualTo("'abc'");
  }

  @Test
  void displayableShowsTheEdgesOfEverySafeRangeAsThemselves() {
    assertThat(Redaction.displayable("azAZ09 .,:;_-+=/()!?@#%*~^|$", 100))
        .isEqualTo("[azAZ09 .,:;_-+=/()!?@#%*~^|$]");
  }

  @Test
  void displayableEscapesTheNeighboursOfTheSafeRanges() {
    // '`' and '{' surround a-z, '@' is safe but '[' and '\\' surround A-Z, '/' and ':' are safe.
    assertThat(Redaction.displayable("`{[\\]<>&\"'", 100))
        .isEqualTo("[\\u0060\\u007b\\u005b\\u005c\\u005d\\u003c\\u003e\\u0026\\u0022\\u0027]");
  }

  @Test
  void displayableCutsLongText() {
    assertThat(Redaction.displayable("<<<<", 2)).isEqualTo("[\\u003c\\u003c]... (4 characters)");
    assertThat(Redaction.displayable("", 2)).isEqualTo("[]");
  }

  @Test
  void queryParameterIsRedactedOnlyWhereItStands() {
    assertThat(Redaction.redactQueryParameter("https://h/p?state=s1&a=1&state=s2#state=s3", "state"))
        .isEqualTo("https://h/p?state=***&a=1&state=***#state=***");
    assertThat(Redaction.redactQueryParameter("https://h/p?a=1&xstate=v&statex=w", "state"))
        .isEqualTo("https://h/p?a=1&xstate=v&statex=w");
    assertThat(Redaction.redactQueryParameter("state=v", "state")).isEqualTo("state=v");
    assertThat(Redaction.redactQueryParameter("https://h/p?state=", "state")).isEqualTo("https://h/p?state=***");
  }
}
