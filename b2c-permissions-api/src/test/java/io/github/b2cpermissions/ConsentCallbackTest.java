package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentCallbackTest {

  private static final String STATE = "s7Qm-4vR_x9.Kp~2";
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String OTHER_TENANT = "0b5e3f2a-1c4d-4e6f-8a9b-0c1d2e3f4a5b";
  private static final String GRAPH_SCOPE = "https%3A%2F%2Fgraph.microsoft.com%2F.default";

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String errorQuery(String error, String description) {
    return "error=" + enc(error) + "&error_description=" + enc(description) + "&state=" + STATE;
  }

  // --- granted --------------------------------------------------------------------------------

  @Test
  void grantedV2RedirectReportsTenantAndScope() {
    ConsentCallback callback =
        ConsentCallback.parse(
            "https://app.example.com/consent/callback?admin_consent=True&tenant="
                + TENANT
                + "&scope="
                + GRAPH_SCOPE
                + "&state="
                + STATE,
            STATE);

    assertThat(callback.status()).isEqualTo(ConsentCallback.Status.GRANTED);
    assertThat(callback.isGranted()).isTrue();
    assertThat(callback.reportedTenantId()).contains(TENANT);
    assertThat(callback.scope()).contains("https://graph.microsoft.com/.default");
    assertThat(callback.error()).isEmpty();
    assertThat(callback.aadstsCode()).isEmpty();
    assertThat(callback.aadstsError()).isEmpty();
    assertThat(callback.summary()).contains("granted").contains(TENANT);
  }

  @Test
  void grantedV1RedirectHasNoScope() {
    ConsentCallback callback =
        ConsentCallback.parse(
            "https://app.example.com/cb?tenant=" + TENANT + "&state=" + STATE + "&admin_consent=True",
            STATE,
            TENANT);

    assertThat(callback.status()).isEqualTo(ConsentCallback.Status.GRANTED);
    assertThat(callback.scope()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"True", "true", "TRUE"})
  void adminConsentTrueIsReadWithoutRegardToCase(String value) {
    assertThat(
            ConsentCallback.parse(
                    "admin_consent=" + value + "&tenant=" + TENANT + "&state=" + STATE, STATE)
                .isGranted())
        .isTrue();
  }

  @Test
  void reportedTenantIsLowerCased() {
    ConsentCallback callback =
        ConsentCallback.parse(
            "admin_consent=True&tenant=" + TENANT.toUpperCase() + "&state=" + STATE,
            STATE,
            TENANT);

    assertThat(callback.reportedTenantId()).contains(TENANT);
  }

  // --- declined and errors ----------------------------------------------------------------------

  @Test
  void v1CancelledConsentIsDeclined() {
    ConsentCallback callback =
        ConsentCallback.parse(errorQuery("permission_denied", "The admin canceled the request"), STATE);

    assertThat(callback.status()).isEqualTo(ConsentCallback.Status.DECLINED);
    assertThat(callback.isGranted()).isFalse();
    assertThat(callback.error()).contains("permission_denied");
    assertThat(callback.errorDescription()).contains("The admin canceled the request");
    assertThat(callback.aadstsCode()).isEmpty();
    assertThat(callback.summary()).contains("declined");
  }

  @Test
  void v2DeclineWithAadsts65004IsDeclined() {
    ConsentCallback callback =
        ConsentCallback.parse(
            errorQuery(
                "access_denied",
                "AADSTS65004: User declined to consent to access the app.\r\nTrace ID: 1"),
            STATE);

    assertThat(callback.status()).isEqualTo(ConsentCallback.Status.DECLINED);
    assertThat(callback.aadstsCode()).hasValue(65004);
    assertThat(callback.aadstsError()).contains(AadstsError.CONSENT_DECLINED);
  }

  @Test
  void accessDeniedWithAnotherCodeIsAnError() {
    ConsentCallback callback =
        ConsentCallback.parse(
            errorQuery("access_denied", "AADSTS90094: The grant requires admin permission."),
            STATE);

    assertThat(callback.status()).isEqualTo(ConsentCallback.Status.ERROR);
    assertThat(callback.aadstsError()).contains(AadstsError.ADMIN_CONSENT_REQUIRED);
  }

  @ParameterizedTest
  @EnumSource(value = AadstsError.class, mode = EnumSource.Mode.EXCLUDE, names = "CONSENT_DECLINED")
  void eachKnownCodeIsAnErrorWithItsMessage(AadstsError expected) {
    ConsentCallback callback =
        ConsentCallback.parse(
            errorQuery("invalid_request", "AADSTS" + expected.code() + ": Entra's own words."),
            STATE);

    assertThat(callback.status()).isEqualTo(ConsentCallback.Status.ERROR);
    assertThat(callback.aadstsCode()).hasValue(expected.code());
    assertThat(callback.aadstsError()).contains(expected);
    assertThat(callback.summary())
        .contains("AADSTS" + expected.code())
        .contains(expected.message());
  }

  @Test
  void unknownCodeIsKeptAndTheDescriptionShownEscaped() {
    ConsentCallback callback =
        ConsentCallback.parse(
            errorQuery("server_error", "AADSTS123456: new\r\nFAKE LOG LINE"), STATE);

    assertThat(callback.status()).isEqualTo(ConsentCallback.Status.ERROR);
    assertThat(callback.aadstsCode()).hasValue(123456);
    assertThat(callback.aadstsError()).isEmpty();
    assertThat(callback.summary())
        .contains("server_error")
        .contains("AADSTS123456")
        .contains("\\u000d\\u000a")
        .doesNotContain("\r")
        .doesNotContain("\n");
  }

  @Test
  void errorWithoutDescriptionIsAnError() {
    ConsentCallback callback = ConsentCallback.parse("error=server_error&state=" + STATE, STATE);

    assertThat(callback.status()).isEqualTo(ConsentCallback.Status.ERROR);
    assertThat(callback.errorDescription()).isEmpty();
    assertThat(callback.summary()).contains("server_error");
  }

  @Test
  void errorWinsOverAdminConsentTrue() {
    ConsentCallback callback =
        ConsentCallback.parse(
            "admin_consent=True&tenant="
                + TENANT
                + "&"
                + errorQuery("access_denied", "AADSTS90095: Admin approval required."),
            STATE);

    assertThat(callback.status()).isEqualTo(ConsentCallback.Status.ERROR);
    assertThat(callback.isGranted()).isFalse();
    assertThat(callback.aadstsError()).contains(AadstsError.ADMIN_APPROVAL_REQUIRED);
  }

  @Test
  void anEmptyErrorStillWinsOverAdminConsentTrue() {
    ConsentCallback callback =
        ConsentCallback.parse(
            "admin_consent=True&tenant=" + TENANT + "&error=&state=" + STATE, STATE);

    assertThat(callback.isGranted()).isFalse();
  }

  @Test
  void redirectWithNeitherGrantNorErrorIsRejected() {
    assertThatThrownBy(() -> ConsentCallback.parse("tenant=" + TENANT + "&state=" + STATE, STATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither admin_consent nor error");
  }

  @Test
  void adminConsentOtherThanTrueIsRejected() {
    assertThatThrownBy(
            () -> ConsentCallback.parse("admin_consent=False&state=" + STATE, STATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'False'");
  }

  // --- state ---------------------------------------------------------------------------------

  @Test
  void missingStateIsRejectedAsCsrf() {
    assertThatThrownBy(
            () -> ConsentCallback.parse("admin_consent=True&tenant=" + TENANT, STATE))
        .isInstanceOf(ConsentStateMismatchException.class)
        .isInstanceOf(B2cPermissionsException.class)
        .hasMessageContaining("no state");
  }

  @Test
  void emptyStateIsRejectedAsCsrf() {
    assertThatThrownBy(
            () -> ConsentCallback.parse("admin_consent=True&tenant=" + TENANT + "&state=", STATE))
        .isInstanceOf(ConsentStateMismatchException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"s7Qm-4vR_x9.Kp~3", "s7Qm-4vR_x9.Kp~", "s7Qm-4vR_x9.Kp~22", "S7QM-4VR_X9.KP~2"})
  void mismatchedStateIsRejectedWithoutShowingEitherValue(String forged) {
    assertThatThrownBy(
            () ->
                ConsentCallback.parse(
                    "admin_consent=True&tenant=" + TENANT + "&state=" + forged, STATE))
        .isInstanceOf(ConsentStateMismatchException.class)
        .hasMessageContaining("cross-site request forgery")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain(STATE)
                    .doesNotContain(forged)
                    .doesNotContain("s7Qm"));
  }

  @Test
  void stateIsCheckedBeforeTheRestIsInterpreted() {
    // A forged redirect with a hostile tenant fails on the state, not on the tenant.
    assertThatThrownBy(
            () -> ConsentCallback.parse("admin_consent=True&tenant=evil.example&state=x", STATE))
        .isInstanceOf(ConsentStateMismatchException.class);
  }

  @Test
  void percentEncodedStateIsDecodedBeforeComparison() {
    ConsentCallback callback =
        ConsentCallback.parse(
            "admin_consent=True&tenant=" + TENANT + "&state=s7Qm%2D4vR_x9.Kp%7E2", STATE);

    assertThat(callback.isGranted()).isTrue();
  }

  @Test
  void repeatedStateIsRejected() {
    assertThatThrownBy(
            () ->
                ConsentCallback.parse(
                    "admin_consent=True&state=" + STATE + "&tenant=" + TENANT + "&state=" + STATE,
                    STATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("state more than once")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(STATE));
  }

  @Test
  void repeatedParameterHiddenByEncodingIsRejected() {
    assertThatThrownBy(
            () ->
                ConsentCallback.parse(
                    "admin_consent=True&tenant="
                        + TENANT
                        + "&t%65nant="
                        + OTHER_TENANT
                        + "&state="
                        + STATE,
                    STATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant more than once");
  }

  @Test
  void blankExpectedStateIsAPreconditionFailure() {
    assertThatThrownBy(() -> ConsentCallback.parse("admin_consent=True&state=x", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expectedState");
  }

  @Test
  void nullArgumentsAreRejected() {
    assertThatNullPointerException()
        .isThrownBy(() -> ConsentCallback.parse(null, STATE))
        .withMessage("redirect");
    assertThatNullPointerException()
        .isThrownBy(() -> ConsentCallback.parse("state=x", null))
        .withMessage("expectedState");
  }

  // --- tenant --------------------------------------------------------------------------------

  @Test
  void tenantMismatchIsReportedWithBothTenants() {
    assertThatThrownBy(
            () ->
                ConsentCallback.parse(
                    "admin_consent=True&tenant=" + OTHER_TENANT + "&state=" + STATE,
                    STATE,
                    TENANT))
        .isInstanceOfSatisfying(
            ConsentTenantMismatchException.class,
            e -> {
              assertThat(e.expectedTenantId()).isEqualTo(TENANT);
              assertThat(e.reportedTenantId()).contains(OTHER_TENANT);
              assertThat(e.tenantId()).contains(TENANT);
              assertThat(e.getMessage())
                  .contains(TENANT)
                  .contains(OTHER_TENANT)
                  .contains("another tenant")
                  .doesNotContain(STATE);
            });
  }

  @Test
  void expectedTenantIsComparedWithoutRegardToCase() {
    assertThat(
            ConsentCallback.parse(
                    "admin_consent=True&tenant=" + TENANT + "&state=" + STATE,
                    STATE,
                    TENANT.toUpperCase())
                .isGranted())
        .isTrue();
  }

  @Test
  void grantWithoutTenantIsRejectedWhenATenantIsExpected() {
    assertThatThrownBy(
            () -> ConsentCallback.parse("admin_consent=True&state=" + STATE, STATE, TENANT))
        .isInstanceOfSatisfying(
            ConsentTenantMismatchException.class,
            e -> assertThat(e.reportedTenantId()).isEmpty());
  }

  @Test
  void grantWithoutTenantIsAcceptedWhenNoTenantIsExpected() {
    ConsentCallback callback = ConsentCallback.parse("admin_consent=True&state=" + STATE, STATE);

    assertThat(callback.isGranted()).isTrue();
    assertThat(callback.reportedTenantId()).isEmpty();
  }

  @Test
  void errorWithoutTenantIsAcceptedWhenATenantIsExpected() {
    ConsentCallback callback =
        ConsentCallback.parse(
            errorQuery("access_denied", "AADSTS65004: declined"), STATE, TENANT);

    assertThat(callback.status()).isEqualTo(ConsentCallback.Status.DECLINED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"contoso.onmicrosoft.com", "organizations", "", "not-a-guid"})
  void expectedTenantMustBeAGuid(String expected) {
    assertThatThrownBy(
            () ->
                ConsentCallback.parse(
                    "admin_consent=True&tenant=" + TENANT + "&state=" + STATE, STATE, expected))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expectedTenantId must be the tenant id");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "contoso.onmicrosoft.com",
        "evil%0d%0aSet-Cookie:%20x",
        "72f988bf-86f1-41af-91ab-2d7cd011db47%00",
        "72f988bf-86f1-41af-91ab-2d7cd011db4%D0%B0",
        ""
      })
  void reportedTenantThatIsNotAGuidIsRejectedAndShownEscaped(String tenant) {
    assertThatThrownBy(
            () ->
                ConsentCallback.parse(
                    "admin_consent=True&tenant=" + tenant + "&state=" + STATE, STATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a tenant id")
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n")
                .doesNotContain("\u0000").doesNotContain("\u0430"));
  }

  // --- shapes of input ---------------------------------------------------------------------------

  @Test
  void fullUriPathAndQueryStringGiveTheSameResult() {
    String query =
        "admin_consent=True&tenant=" + TENANT + "&scope=" + GRAPH_SCOPE + "&state=" + STATE;

    ConsentCallback fromUri =
        ConsentCallback.parse("https://app.example.com:8443/cb/?" + query + "#ignored", STATE);
    ConsentCallback fromLoopback = ConsentCallback.parse("http://127.0.0.1:53127/?" + query, STATE);
    ConsentCallback fromPath = ConsentCallback.parse("/cb?" + query, STATE);
    ConsentCallback fromQuery = ConsentCallback.parse(query, STATE);
    ConsentCallback fromQuestionMark = ConsentCallback.parse("?" + query, STATE);

    assertThat(fromUri)
        .isEqualTo(fromLoopback)
        .isEqualTo(fromPath)
        .isEqualTo(fromQuery)
        .isEqualTo(fromQuestionMark)
        .hasSameHashCodeAs(fromQuery);
  }

  @Test
  void formEncodingIsDecodedOnce() {
    ConsentCallback callback =
        ConsentCallback.parse(
            "error=access_denied&error_description=AADSTS65004%3A+User+declined%2525+to+consent"
                + "&state="
                + STATE,
            STATE);

    // %2525 decodes once to %25, not twice to %.
    assertThat(callback.errorDescription()).contains("AADSTS65004: User declined%25 to consent");
  }

  @Test
  void unknownParametersAreIgnored() {
    ConsentCallback callback =
        ConsentCallback.parse(
            "session_state=abc&admin_consent=True&x=%zz&tenant=" + TENANT + "&state=" + STATE,
            STATE);

    assertThat(callback.isGranted()).isTrue();
  }

  @Test
  void brokenPercentEncodingIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(
            () -> ConsentCallback.parse("admin_consent=True&state=" + STATE + "&tenant=%zzSECRETISH", STATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broken percent-encoding")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRETISH").doesNotContain(STATE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "?",
        "https://app.example.com/cb",
        "https://app.example.com/cb?",
        "/cb",
        "https://app.example.com/cb#admin_consent=True"
      })
  void redirectWithoutQueryIsRejected(String redirect) {
    assertThatThrownBy(() -> ConsentCallback.parse(redirect, STATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no query");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "admin_consent=True&state=x\r\nLocation: https://evil.example",
        "admin_consent=True&state=a b",
        "admin_consent=True&tenant=\u0430&state=x",
        "admin_consent=True&state=x\u0000"
      })
  void rawControlSpaceAndNonAsciiCharactersAreRejected(String redirect) {
    assertThatThrownBy(() -> ConsentCallback.parse(redirect, STATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot hold unencoded")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain("\r")
                    .doesNotContain("\n")
                    .doesNotContain("\u0000")
                    .doesNotContain("\u0430"));
  }

  @Test
  void invalidUriIsRejected() {
    assertThatThrownBy(() -> ConsentCallback.parse("https://app.example.com/c|b?state=" + STATE, STATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid URI")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(STATE));
  }

  @Test
  void overlongRedirectIsRejected() {
    String redirect =
        "admin_consent=True&state=" + STATE + "&pad=" + "a".repeat(ConsentCallback.MAX_REDIRECT_LENGTH);

    assertThatThrownBy(() -> ConsentCallback.parse(redirect, STATE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 16384");
  }

  @Test
  void tenKilobyteErrorDescriptionIsAcceptedButShownShortened() {
    ConsentCallback callback =
        ConsentCallback.parse(errorQuery("server_error", "d".repeat(10_000)), STATE);

    assertThat(callback.errorDescription()).hasValueSatisfying(d -> assertThat(d).hasSize(10_000));
    assertThat(callback.toString()).hasSizeLessThan(400).contains("10000 characters");
    assertThat(callback.summary()).hasSizeLessThan(400);
  }

  // --- toString ------------------------------------------------------------------------------

  @Test
  void toStringNeverShowsTheStateAndEscapesUntrustedText() {
    ConsentCallback callback =
        ConsentCallback.parse(
            "admin_consent=True&tenant="
                + TENANT
                + "&scope=x%0d%0ay%E2%80%AE&state="
                + STATE,
            STATE);

    assertThat(callback.toString())
        .contains("GRANTED")
        .contains(TENANT)
        .contains("x\\u000d\\u000ay\\u202e")
        .doesNotContain(STATE)
        .doesNotContain("\r")
        .doesNotContain("\u202e");
  }

  @Test
  void toStringOfAnErrorShowsCodeAndError() {
    ConsentCallback callback =
        ConsentCallback.parse(errorQuery("access_denied", "AADSTS90094: needs admin"), STATE);

    assertThat(callback.toString())
        .contains("ERROR")
        .contains("error=[access_denied]")
        .contains("aadstsCode=90094")
        .doesNotContain(STATE);
  }
}
