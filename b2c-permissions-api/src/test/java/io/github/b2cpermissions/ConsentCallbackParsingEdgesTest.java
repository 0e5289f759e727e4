package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The edges of what a consent redirect may hold, one behaviour per test. */
class ConsentCallbackParsingEdgesTest {

  private static final String STATE = "edge-state-123";
  private static final String GRANT = "admin_consent=True&state=" + STATE;

  @Test
  void redirectOfExactlyTheLongestAcceptedLengthIsParsed() {
    String prefix = GRANT + "&pad=";
    String redirect = prefix + "a".repeat(ConsentCallback.MAX_REDIRECT_LENGTH - prefix.length());
    assertThat(redirect).hasSize(ConsentCallback.MAX_REDIRECT_LENGTH);

    assertThat(ConsentCallback.parse(redirect, STATE).isGranted()).isTrue();
    assertThatThrownBy(() -> ConsentCallback.parse(redirect + "a", STATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 16384");
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\u007f", "\u0000", "\u00e9"})
  void unencodedSpaceDeleteControlOrNonAsciiIsRefused(String bad) {
    assertThatThrownBy(() -> ConsentCallback.parse(GRANT + "&x=a" + bad + "b", STATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot hold unencoded");
  }

  @Test
  void theHighestAndLowestPrintableCharactersAreAccepted() {
    ConsentCallback callback = ConsentCallback.parse(GRANT + "&x=!~", STATE);
    assertThat(callback.isGranted()).isTrue();
  }

  @Test
  void aRedirectThatIsOnlyAFragmentCarriesNoQuery() {
    assertThatThrownBy(() -> ConsentCallback.parse("#" + GRANT, STATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("carries no query parameters");
  }

  @Test
  void aFragmentAfterTheQueryIsIgnored() {
    ConsentCallback callback = ConsentCallback.parse("?" + GRANT + "#error=access_denied", STATE);
    assertThat(callback.isGranted()).isTrue();
  }

  @Test
  void anEmptyStateIsReportedAsMissingNotAsDifferent() {
    assertThatThrownBy(() -> ConsentCallback.parse("admin_consent=True&state=", STATE))
        .isInstanceOf(ConsentStateMismatchException.class)
        .hasMessageContaining("carries no state");
    assertThatThrownBy(() -> ConsentCallback.parse("admin_consent=True&state=other", STATE))
        .isInstanceOf(ConsentStateMismatchException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void brokenPercentEncodingNamesTheParameterByPosition() {
    assertThatThrownBy(() -> ConsentCallback.parse("state=" + STATE + "&error=%zz", STATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter #2 ");
  }

  @Test
  void aParameterWithoutAnEqualsSignIsNotAnError() {
    ConsentCallback callback = ConsentCallback.parse(GRANT + "&flag&&", STATE);
    assertThat(callback.isGranted()).isTrue();
  }

  @Test
  void aKnownParameterWithoutAValueHasAnEmptyValue() {
    ConsentCallback callback = ConsentCallback.parse("error&state=" + STATE, STATE);
    assertThat(callback.status()).isEqualTo(ConsentCallback.Status.ERROR);
    assertThat(callback.error()).contains("");
  }

  @Test
  void summaryOfAWellKnownCodeUsesItsAdvice() {
    ConsentCallback callback =
        ConsentCallback.parse("error=invalid_client&error_description=AADSTS7000215:+bad&state=" + STATE, STATE);

    assertThat(callback.summary())
        .isEqualTo("Admin consent failed with AADSTS7000215: " + AadstsError.INVALID_CLIENT_SECRET.message());
    assertThat(callback.aadstsError()).contains(AadstsError.INVALID_CLIENT_SECRET);
  }

  @Test
  void summaryOfAnUnknownCodeShowsTheCodeAndTheDescription() {
    ConsentCallback callback =
        ConsentCallback.parse("error=server_error&error_description=AADSTS12345:+odd&state=" + STATE, STATE);

    assertThat(callback.summary())
        .isEqualTo("Admin consent failed: Entra ID returned error [server_error] (AADSTS12345): [AADSTS12345: odd].");
    assertThat(callback.aadstsCode()).hasValue(12345);
    assertThat(callback.aadstsError()).isEmpty();
  }

  @Test
  void summaryAndToStringOfAnErrorWithoutCodeShowNoCode() {
    ConsentCallback callback = ConsentCallback.parse("error=server_error&state=" + STATE, STATE);

    assertThat(callback.summary()).isEqualTo("Admin consent failed: Entra ID returned error [server_error].");
    assertThat(callback.toString()).isEqualTo("ConsentCallback{status=ERROR, error=[server_error]}");
    assertThat(callback.aadstsCode()).isEmpty();
  }

  @Test
  void toStringOfAGrantShowsTenantAndScope() {
    ConsentCallback callback = ConsentCallback.parse(
        "admin_consent=True&tenant=72F988BF-86F1-41AF-91AB-2D7CD011DB47&scope=a+b&state=" + STATE, STATE);

    assertThat(callback.toString()).isEqualTo(
        "ConsentCallback{status=GRANTED, reportedTenantId=72f988bf-86f1-41af-91ab-2d7cd011db47, scope=[a b]}");
  }

  @Test
  void summaryOfAGrantWithoutATenantNamesNone() {
    ConsentCallback callback = ConsentCallback.parse(GRANT, STATE);

    assertThat(callback.summary()).startsWith(
        "The redirect reports that an administrator granted admin consent. Verify");
    assertThat(callback.reportedTenantId()).isEmpty();
  }

  @Test
  void codesOfOneToNineDigitsInAnyLetterCaseAreRead() {
    assertThat(AadstsError.parseCode("AADSTS7: x")).hasValue(7);
    assertThat(AadstsError.parseCode("aadsts65004: declined")).hasValue(65004);
    assertThat(AadstsError.parseCode("x AaDsTs123456789")).hasValue(123456789);
    assertThat(AadstsError.parseCode("AADSTS1234567890")).isEmpty();
    assertThat(AadstsError.parseCode("AADSTS")).isEmpty();
    assertThat(AadstsError.parseCode("AADSTS: then AADSTS50011")).hasValue(50011);
  }
}
