package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AadstsErrorTest {

  @Test
  void mapsEveryCodeListedInTheGraphFacts() {
    Set<Integer> codes =
        Arrays.stream(AadstsError.values()).map(AadstsError::code).collect(Collectors.toSet());

    assertThat(codes)
        .containsExactlyInAnyOrder(
            65001, 65004, 700016, 90094, 90095, 50011, 900971, 90002, 500011, 50194, 7000215,
            7000222, 90038);
  }

  @ParameterizedTest
  @EnumSource(AadstsError.class)
  void fromCodeFindsEachError(AadstsError error) {
    assertThat(AadstsError.fromCode(error.code())).contains(error);
  }

  @ParameterizedTest
  @EnumSource(AadstsError.class)
  void everyMessageIsASentenceWithoutTheEnumName(AadstsError error) {
    assertThat(error.message()).hasSizeGreaterThan(40).endsWith(".").doesNotContain(error.name());
  }

  @Test
  void messagesAreDistinct() {
    assertThat(Arrays.stream(AadstsError.values()).map(AadstsError::message).distinct().count())
        .isEqualTo(AadstsError.values().length);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1, 65000, 999999999, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void fromCodeIsEmptyForUnknownCodes(int code) {
    assertThat(AadstsError.fromCode(code)).isEmpty();
  }

  @Test
  void specificCodesMapToTheirMeaning() {
    assertThat(AadstsError.fromCode(65004)).contains(AadstsError.CONSENT_DECLINED);
    assertThat(AadstsError.fromCode(7000222)).contains(AadstsError.CLIENT_SECRET_EXPIRED);
    assertThat(AadstsError.fromCode(90038)).contains(AadstsError.TENANT_IN_OTHER_CLOUD);
    assertThat(AadstsError.CLIENT_SECRET_EXPIRED.message()).containsIgnoringCase("expired");
    assertThat(AadstsError.REDIRECT_URI_MISMATCH.message()).containsIgnoringCase("redirect URI");
  }

  @Test
  void parseCodeReadsTheCodeAtTheStartOfADescription() {
    assertThat(
            AadstsError.parseCode(
                "AADSTS65004: User declined to consent to access the app.\r\nTrace ID: abc"))
        .hasValue(65004);
  }

  @Test
  void parseCodeReadsACodeInTheMiddleOfText() {
    assertThat(AadstsError.parseCode("invalid_client: AADSTS7000215: Invalid client secret"))
        .hasValue(7000215);
  }

  @Test
  void parseCodeAcceptsLowerCasePrefix() {
    assertThat(AadstsError.parseCode("aadsts50011: reply url mismatch")).hasValue(50011);
  }

  @Test
  void parseCodeTakesTheFirstValidCode() {
    assertThat(AadstsError.parseCode("AADSTS: none; AADSTS90002 then AADSTS90038"))
        .hasValue(90002);
  }

  @Test
  void parseCodeReturnsUnknownCodesToo() {
    assertThat(AadstsError.parseCode("AADSTS123456: something new")).hasValue(123456);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "AADSTS",
        "AADSTS:",
        "The admin canceled the request",
        "AADSTS 65004",
        "AADSTS-65004",
        "AADSTS1234567890",
        // Arabic-Indic and full-width digits are not ASCII digits.
        "AADSTS\u0666\u0665\u0660\u0660\u0664",
        "AADSTS\uff16\uff15\uff10\uff10\uff14",
        // U+017F (long s) upper-cases to S; it must not count as part of the prefix.
        "AADST\u017f65004",
      })
  void parseCodeIsEmptyWhenThereIsNoCode(String description) {
    assertThat(AadstsError.parseCode(description)).isEmpty();
  }

  @Test
  void parseCodeSkipsAnOverlongRunAndFindsALaterCode() {
    assertThat(AadstsError.parseCode("AADSTS99999999999999 then AADSTS65001")).hasValue(65001);
  }

  @Test
  void parseCodeIsEmptyForNull() {
    assertThat(AadstsError.parseCode(null)).isEmpty();
  }

  @Test
  void parseCodeHandlesAHugeDescription() {
    String huge = "x".repeat(100_000) + "AADSTS90094";
    assertThat(AadstsError.parseCode(huge)).hasValue(90094);
  }
}
