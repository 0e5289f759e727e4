package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A small OData {@code $filter} evaluator over Graph JSON: {@code eq}, {@code ne}, {@code ge},
 * {@code gt}, {@code le}, {@code lt} against string, GUID, boolean, number, date-time and {@code
 * null} literals; {@code startswith(prop,'x')}; {@code and}, {@code or}, {@code not}, parentheses;
 * and lambdas {@code prop/any(x:…)} over arrays, such as {@code identities/any(c:c/issuerAssignedId
 * eq 'a@b.com' and c/issuer eq 'contoso.onmicrosoft.com')} or {@code otherMails/any(m:m eq 'x')}.
 * String comparisons ignore case, as Graph's directory does. Only the properties the collection
 * lists may be filtered on; anything else is rejected with the message Graph gives. The fake's only
 * {@code $filter} parser: every collection route filters through it.
 */
final class ODataFilter {
  /** A filter the fake cannot or Graph would not evaluate; the message is Graph's wording. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message, null, false, false);
    }
  }

  private final FilterNode root;

  private ODataFilter(FilterNode root) {
    this.root = root;
  }

  boolean test(JsonNode item) {
    return root.test(item, Map.of());
  }

  /**
   * Parses a filter.
   *
   * @param filter the {@code $filter} text
   * @param properties the top-level properties that may be filtered on (canonical spelling)
   * @param resource the resource name for messages, such as {@code User}
   * @throws Unsupported when the filter cannot be evaluated
   */
  static ODataFilter parse(String filter, List<String> properties, String resource) {
    return new ODataFilter(new FilterParser(FilterTokenizer.tokenize(filter), properties, resource).whole());
  }
}
