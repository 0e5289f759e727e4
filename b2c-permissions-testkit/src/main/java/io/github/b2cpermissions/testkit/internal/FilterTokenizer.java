package io.github.b2cpermissions.testkit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code $filter} text into the tokens {@link FilterParser} reads: punctuation as itself,
 * string literals with their leading quote kept (and doubled quotes undone), numbers, GUIDs and
 * date-times behind a {@code #}, and names as they are written.
 */
final class FilterTokenizer {
  private FilterTokenizer() {}

  /**
   * The tokens of a filter.
   *
   * @throws ODataFilter.Unsupported for an unterminated string or a character no token starts with
   */
  static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ',' || c == '/' || c == ':') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '\'') {
        StringBuilder b = new StringBuilder("'");
        i++;
        boolean closed = false;
        while (i < s.length()) {
          char d = s.charAt(i);
          if (d == '\'') {
            if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
              b.append('\'');
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          b.append(d);
          i++;
        }
        if (!closed) {
          throw new ODataFilter.Unsupported("Invalid filter clause: unterminated string literal.");
        }
        out.add(b.toString());
      } else if (Character.isDigit(c) || c == '-') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "-:.+".indexOf(s.charAt(i)) >= 0)) {
          i++;
        }
        out.add("#" + s.substring(start, i));
      } else if (Character.isLetter(c) || c == '_' || c == '@') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.' || s.charAt(i) == '@' || s.charAt(i) == '-')) {
          i++;
        }
        out.add(s.substring(start, i));
      } else {
        throw new ODataFilter.Unsupported("Invalid filter clause: unexpected character '" + c + "'.");
      }
    }
    return out;
  }
}
