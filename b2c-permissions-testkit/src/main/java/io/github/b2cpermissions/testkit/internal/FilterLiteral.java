package io.github.b2cpermissions.testkit.internal;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A literal of a {@code $filter} comparison: a string or GUID ({@code text}), a boolean, a number,
 * {@code null}, or a date-time (none of those set: compared by its {@code raw} text).
 */
record FilterLiteral(@Nullable String text, @Nullable Boolean bool, @Nullable Double number, boolean isNull, String raw) {
  private static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  /**
   * The literal a token stands for.
   *
   * @throws ODataFilter.Unsupported if the token is not a literal
   */
  static FilterLiteral of(String t) {
    if (t.startsWith("'")) {
      return new FilterLiteral(t.substring(1), null, null, false, t);
    }
    if (t.equals("true") || t.equals("false")) {
      return new FilterLiteral(null, Boolean.parseBoolean(t), null, false, t);
    }
    if (t.equals("null")) {
      return new FilterLiteral(null, null, null, true, t);
    }
    if (GUID.matcher(t).matches()) {
      // An Edm.Guid literal is written without quotes and may start with a letter.
      return new FilterLiteral(t, null, null, false, t);
    }
    if (t.startsWith("#")) {
      String raw = t.substring(1);
      if (GUID.matcher(raw).matches()) {
        return new FilterLiteral(raw, null, null, false, raw);
      }
      try {
        return new FilterLiteral(null, null, Double.parseDouble(raw), false, raw);
      } catch (NumberFormatException e) {
        return new FilterLiteral(null, null, null, false, raw); // a date-time, compared as text
      }
    }
    throw new ODataFilter.Unsupported("Invalid filter clause: '" + t + "' is not a literal.");
  }
}
