package io.github.b2cpermissions.internal;

import java.util.Locale;

/**
 * Hides secret values and shows untrusted text safely before it reaches a log, a message, a web page
 * or a {@code toString()}. The one copy of this logic in the project: the Graph module uses it too.
 */
public final class Redaction {

  /** What a hidden value is replaced with. */
  public static final String MASK = "***";

  private Redaction() {}

  /**
   * Replaces the value of every {@code name=...} query parameter of {@code url} with {@link #MASK},
   * wherever the parameter stands: first after the {@code ?}, later after a {@code &}, or in the
   * fragment. A parameter whose name only starts or ends with {@code name} is left alone.
   *
   * @param url the URL as text
   * @param name the parameter name, matched exactly
   * @return the URL with those values hidden
   */
  public static String redactQueryParameter(String url, String name) {
    String prefix = name + "=";
    StringBuilder out = new StringBuilder(url.length());
    int i = 0;
    while (i < url.length()) {
      char c = url.charAt(i);
      out.append(c);
      i++;
      if ((c == '?' || c == '&' || c == '#') && url.startsWith(prefix, i)) {
        out.append(prefix).append(MASK);
        i += prefix.length();
        while (i < url.length() && url.charAt(i) != '&' && url.charAt(i) != '#') {
          i++;
        }
      }
    }
    return out.toString();
  }

  /**
   * Shows untrusted text in an exception message or log line: quoted with {@code '}, cut to {@code
   * max} characters, with control and non-ASCII characters written as {@code \\uXXXX} so they cannot
   * forge log lines or hide look-alike characters.
   *
   * @param value the untrusted text
   * @param max how many characters of it to show at most
   * @return the quoted text, followed by the full length when it was cut
   */
  public static String printable(String value, int max) {
    StringBuilder sb = new StringBuilder("'");
    int limit = Math.min(value.length(), max);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        appendEscape(sb, c);
      } else {
        sb.append(c);
      }
    }
    sb.append('\'');
    return appendCut(sb, value, limit);
  }

  /**
   * Shows untrusted text so that it can go straight into a web page: inside {@code [} and {@code ]},
   * cut to {@code max} characters, and with every character outside a small safe set written as
   * {@code \\uXXXX}. The safe set is ASCII letters, digits, the space and {@code .,:;_-+=/()!?@#%*~^|$};
   * so the result never holds {@code < > & " ' `}, a backslash that is not an escape, a bracket that
   * is not the delimiter, a control character or a non-ASCII character. It is safe as HTML element
   * content and inside a quoted HTML attribute value, without further escaping.
   *
   * @param value the untrusted text
   * @param max how many characters of it to show at most
   * @return the bracketed text, followed by the full length when it was cut
   */
  public static String displayable(String value, int max) {
    StringBuilder sb = new StringBuilder("[");
    int limit = Math.min(value.length(), max);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (isDisplaySafe(c)) {
        sb.append(c);
      } else {
        appendEscape(sb, c);
      }
    }
    sb.append(']');
    return appendCut(sb, value, limit);
  }

  /** Whether {@link #displayable} shows {@code c} as itself. */
  static boolean isDisplaySafe(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || " .,:;_-+=/()!?@#%*~^|$".indexOf(c) >= 0;
  }

  private static void appendEscape(StringBuilder sb, char c) {
    sb.append("\\u").append(String.format(Locale.ROOT, "%04x", (int) c));
  }

  private static String appendCut(StringBuilder sb, String value, int limit) {
    if (value.length() > limit) {
      sb.append("... (").append(value.length()).append(" characters)");
    }
    return sb.toString();
  }
}
