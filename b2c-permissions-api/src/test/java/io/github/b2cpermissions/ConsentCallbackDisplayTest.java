package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ConsentCallback#summary()} and {@link ConsentCallback#toString()} go straight into web pages
 * (the README shows {@code showAdmin(callback.summary())}), so whatever a hostile redirect carries
 * must come out inert: no HTML metacharacter, no quote of either kind, no control or non-ASCII
 * character, and a bounded length.
 */
class ConsentCallbackDisplayTest {

  private static final String STATE = "Zq8-wV_3.kT~9xYb";
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  /** Every character the two texts may contain. Anything else breaks the promise. */
  private static final Pattern PAGE_SAFE = Pattern.compile("[A-Za-z0-9 .,:;_\\-+=/()!?@#%*~^|${}\\[\\]\\\\]*");

  private static final String BOMB_REPEAT = "<script>alert(1)</script>".repeat(150);

  static Stream<String> hostileTexts() {
    return Stream.of(
        "<script>alert(document.cookie)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "' onmouseover='alert(1)",
        "` onfocus=`alert(1)",
        "&lt;b&gt; &#x3C;script&#x3E; &amp;",
        "javascript:alert(1)//",
        "</textarea></title><script>x</script>",
        "line1\r\nX-Injected: yes\u0000\u0007\u001b[31m",
        "\u202eevil\u202c \u200b zero width \ufeff bom",
        "\uff1cscript\uff1e fullwidth angle brackets",
        "caf\u00e9 \u4e2d\u6587 \ud83d\ude00 emoji",
        "\ud83d unpaired surrogate \ude00",
        "back\\slash \\u003cscript\\u003e pre-escaped",
        "[fake] ] [ bracket games",
        "AADSTS65001: <b>consent</b> needed",
        BOMB_REPEAT);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** What the accessors give back: the text after percent-encoding and decoding. */
  private static String roundTrip(String value) {
    return URLDecoder.decode(enc(value), StandardCharsets.UTF_8);
  }

  private static ConsentCallback errorCallback(String error, String description) {
    return ConsentCallback.parse(
        "error=" + enc(error) + "&error_description=" + enc(description) + "&state=" + STATE, STATE);
  }

  private static void assertPageSafe(String text) {
    assertThat(text).matches(PAGE_SAFE);
    assertThat(text).doesNotContain("<", ">", "&", "\"", "'", "`");
    assertThat(text.length()).isLessThan(2_500);
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void hostileErrorCodeComesOutInertInSummaryAndToString(String hostile) {
    ConsentCallback callback = errorCallback(hostile, "plain description");

    assertPageSafe(callback.summary());
    assertPageSafe(callback.toString());
    assertThat(callback.error()).contains(roundTrip(hostile));
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void hostileErrorDescriptionComesOutInertInSummaryAndToString(String hostile) {
    ConsentCallback callback = errorCallback("invalid_request", hostile);

    assertPageSafe(callback.summary());
    assertPageSafe(callback.toString());
    assertThat(callback.errorDescription()).contains(roundTrip(hostile));
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void hostileScopeOfAGrantComesOutInertInToString(String hostile) {
    ConsentCallback callback =
        ConsentCallback.parse(
            "admin_consent=True&tenant=" + TENANT + "&scope=" + enc(hostile) + "&state=" + STATE,
            STATE);

    assertPageSafe(callback.summary());
    assertPageSafe(callback.toString());
  }

  @Test
  void imgOnerrorFromTheIssueIsEscapedNotPassedThrough() {
    ConsentCallback callback =
        errorCallback("<img src=x onerror=alert(1)>", "<b>bold</b> description");

    assertThat(callback.summary())
        .isEqualTo(
            "Admin consent failed: Entra ID returned error"
                + " [\\u003cimg src=x onerror=alert(1)\\u003e]:"
                + " [\\u003cb\\u003ebold\\u003c/b\\u003e description].");
    assertThat(callback.toString())
        .contains("error=[\\u003cimg src=x onerror=alert(1)\\u003e]")
        .contains("errorDescription=[\\u003cb\\u003ebold\\u003c/b\\u003e description]");
  }

  @Test
  void safeTextIsShownAsItIsInsideBrackets() {
    ConsentCallback callback = errorCallback("server_error", "Try again (later), please: 50%.");

    assertThat(callback.summary())
        .isEqualTo(
            "Admin consent failed: Entra ID returned error [server_error]:"
                + " [Try again (later), please: 50%.].");
  }

  @Test
  void aBracketInTheValueCannotCloseTheDelimiterEarly() {
    ConsentCallback callback = errorCallback("x] Verify nothing [y", "d");

    assertThat(callback.summary()).contains("[x\\u005d Verify nothing \\u005by]");
  }

  @Test
  void aBackslashInTheValueIsEscapedSoEscapesCannotBeForged() {
    ConsentCallback callback = errorCallback("a\\u003cb", "d");

    assertThat(callback.summary()).contains("[a\\u005cu003cb]");
  }

  @Test
  void nonAsciiAndControlCharactersBecomeEscapes() {
    ConsentCallback callback = errorCallback("e", "caf\u00e9\r\n\u202e");

    assertThat(callback.summary()).endsWith("[caf\\u00e9\\u000d\\u000a\\u202e].");
  }

  @Test
  void veryLongTextIsCutAndItsLengthIsReported() {
    ConsentCallback callback = errorCallback("e".repeat(5_000), BOMB_REPEAT);

    String summary = callback.summary();
    assertThat(summary).contains("[" + "e".repeat(64) + "]... (5000 characters)");
    assertThat(summary).contains("... (" + BOMB_REPEAT.length() + " characters)");
    assertPageSafe(summary);
  }

  @ParameterizedTest
  @EnumSource(AadstsError.class)
  void summaryOfEveryWellKnownAadstsErrorIsPageSafe(AadstsError known) {
    ConsentCallback callback =
        errorCallback("<x>", "AADSTS" + known.code() + ": <script>alert(1)</script>");

    assertPageSafe(callback.summary());
    assertPageSafe(callback.toString());
  }

  @Test
  void grantedAndDeclinedSummariesArePageSafe() {
    ConsentCallback granted =
        ConsentCallback.parse("admin_consent=True&tenant=" + TENANT + "&state=" + STATE, STATE);
    ConsentCallback declined = errorCallback("access_denied", "<i>no</i>");

    assertPageSafe(granted.summary());
    assertPageSafe(granted.toString());
    assertPageSafe(declined.summary());
    assertPageSafe(declined.toString());
  }

  @Test
  void randomTextInEveryFieldAlwaysComesOutPageSafe() {
    Random random = new Random(20261201L);
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      ConsentCallback callback = errorCallback(randomText(random), randomText(random));
      shown.add(callback.summary());
      shown.add(callback.toString());
    }
    assertThat(shown).hasSize(300).allSatisfy(ConsentCallbackDisplayTest::assertPageSafe);
  }

  /** Text of up to 300 characters drawn from ASCII, HTML metacharacters and the whole BMP. */
  private static String randomText(Random random) {
    int length = 1 + random.nextInt(300);
    StringBuilder sb = new StringBuilder(length);
    String nasty = "<>&\"'`\\[]\r\n\t\u0000";
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(3);
      if (pick == 0) {
        sb.append(nasty.charAt(random.nextInt(nasty.length())));
      } else if (pick == 1) {
        sb.append((char) (0x20 + random.nextInt(0x5f)));
      } else {
        sb.append((char) random.nextInt(0xd800));
      }
    }
    return sb.toString();
  }
}
