package io.github.b2cpermissions.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of the redirect URI rules, next to the hostile cases in {@link GraphConsentUrlsTest}:
 * the length limit exactly, query pairs without a name or a value, and separators encoded in
 * upper case.
 */
class RedirectUriRulesTest {
  private static final String BASE = "https://backup.example.com/";

  @Test
  void aRedirectUriOfExactlyTheLongestLengthEntraIdRegistersIsAccepted() {
    String longest = BASE + "a".repeat(GraphConsentUrls.MAX_REDIRECT_URI_LENGTH - BASE.length());
    assertThat(longest).hasSize(GraphConsentUrls.MAX_REDIRECT_URI_LENGTH);
    assertThat(RedirectUriRules.check(URI.create(longest))).hasToString(longest);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> RedirectUriRules.check(URI.create(longest + "a")))
        .withMessage("redirectUri is " + (GraphConsentUrls.MAX_REDIRECT_URI_LENGTH + 1)
            + " characters long; Entra ID accepts redirect URIs of at most "
            + GraphConsentUrls.MAX_REDIRECT_URI_LENGTH);
  }

  @Test
  void theLengthLimitAloneIsCheckedAgainstTheLimit() {
    RedirectUriRules.checkLength(GraphConsentUrls.MAX_REDIRECT_URI_LENGTH);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RedirectUriRules.checkLength(GraphConsentUrls.MAX_REDIRECT_URI_LENGTH + 1))
        .withMessageContaining("at most " + GraphConsentUrls.MAX_REDIRECT_URI_LENGTH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cb?=x", "cb?flag", "cb?a&b=&=c", "cb?x=a%3Db", "cb?next=%2Fhome"})
  void queryPairsWithoutANameOrAValueAreAccepted(String pathAndQuery) {
    URI uri = URI.create(BASE + pathAndQuery);
    assertThat(RedirectUriRules.check(uri)).isSameAs(uri);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cb?STATE=x", "cb?x=1&Client_Id=y", "cb?scope"})
  void reservedParametersAreRefusedWhereverAndHoweverTheyAreWritten(String pathAndQuery) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RedirectUriRules.check(URI.create(BASE + pathAndQuery)))
        .withMessageContaining("which the consent redirect uses");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a%2Fb", "a%5Cb"})
  void separatorsEncodedInUpperCaseAreRefusedToo(String path) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RedirectUriRules.check(URI.create(BASE + path)))
        .withMessageContaining("must not encode / or \\ in its path");
  }

  @Test
  void anOpaqueUriIsNotAbsoluteEnough() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RedirectUriRules.check(URI.create("urn:example:consent")))
        .withMessageStartingWith("redirectUri must be an absolute https URI");
  }

  @Test
  void aQueryValueThatDecodesToAControlCharacterIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RedirectUriRules.check(URI.create(BASE + "cb?%0a")))
        .withMessageContaining("control or non-ASCII characters in its query");
  }
}
