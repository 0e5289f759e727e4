package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The state of a consent link never shows in its redacted form or its {@code toString()}. */
class AdminConsentRequestTest {

  private static final String STATE = "Secret-State_42.x~y";

  private static AdminConsentRequest request(String url) {
    return new AdminConsentRequest(URI.create(url), STATE);
  }

  @Test
  void stateAsTheFirstQueryParameterIsRedacted() {
    AdminConsentRequest r =
        request("https://login.example/t/v2.0/adminconsent?state=" + STATE + "&client_id=abc");

    assertThat(r.redactedUrl())
        .isEqualTo("https://login.example/t/v2.0/adminconsent?state=***&client_id=abc");
    assertThat(r.toString()).doesNotContain(STATE).contains("?state=***&client_id=abc");
  }

  @Test
  void stateAsTheOnlyQueryParameterIsRedacted() {
    AdminConsentRequest r = request("https://login.example/adminconsent?state=" + STATE);

    assertThat(r.redactedUrl()).isEqualTo("https://login.example/adminconsent?state=***");
  }

  @Test
  void stateAsALaterQueryParameterIsRedactedAndTheRestKept() {
    AdminConsentRequest r =
        request("https://login.example/adminconsent?client_id=abc&state=" + STATE + "&x=1#frag");

    assertThat(r.redactedUrl())
        .isEqualTo("https://login.example/adminconsent?client_id=abc&state=***&x=1#frag");
  }

  @Test
  void everyRepeatOfTheStateParameterIsRedacted() {
    AdminConsentRequest r =
        request("https://login.example/a?state=" + STATE + "&state=" + STATE + "#state=" + STATE);

    assertThat(r.redactedUrl()).isEqualTo("https://login.example/a?state=***&state=***#state=***");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mystate=keep", "states=keep", "xstate=keep"})
  void parametersThatOnlyLookLikeStateAreKept(String parameter) {
    AdminConsentRequest r = request("https://login.example/a?" + parameter + "&state=" + STATE);

    assertThat(r.redactedUrl()).isEqualTo("https://login.example/a?" + parameter + "&state=***");
  }

  @Test
  void toStringHidesTheStateField() {
    AdminConsentRequest r = request("https://login.example/a?client_id=abc&state=" + STATE);

    assertThat(r.toString())
        .isEqualTo("AdminConsentRequest{url=https://login.example/a?client_id=abc&state=***, state=***}");
  }

  @Test
  void blankOrMissingPartsAreRejected() {
    URI url = URI.create("https://login.example/a");
    assertThatIllegalArgumentException().isThrownBy(() -> new AdminConsentRequest(url, " "));
    assertThatNullPointerException().isThrownBy(() -> new AdminConsentRequest(url, null));
    assertThatNullPointerException().isThrownBy(() -> new AdminConsentRequest(null, STATE));
  }
}
