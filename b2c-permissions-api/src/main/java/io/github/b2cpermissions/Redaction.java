package io.github.b2cpermissions;

import java.util.Locale;

/** Hides secret values before text reaches a log, a message or a {@code toString()}. */
final class Redaction {

  private Redaction() {}

  /** Replaces the value of every {@code name=...} query parameter in {@code url} with {@code ***}. */
  static String redactQueryParameter(String url, String name) {
    StringBuilder out = new StringBuilder(url.length());
    int i = 0;
    while (i < url.length()) {
      char c = url.charAt(i);
      out.append(c);
      i++;
      if ((c == '?' || c == '&') && url.startsWith(name + "=", i)) {
        out.append(name).append("=***");
        i += name.length() + 1;
        while (i < url.length() && url.charAt(i) != '&' && url.charAt(i) != '#') {
          i++;
        }
      }
    }
    return out.toString();
  }

  /**
   * Shows untrusted text safely in a message or {@code toString()}: quoted, cut to {@code max}
   * characters, with control and non-ASCII characters written as {@code \\uXXXX} so they cannot
   * forge log lines or hide look-alike characters.
   */
  static String printable(String value, int max) {
    StringBuilder sb = new StringBuilder("'");
    int limit = Math.min(value.length(), max);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        sb.append("\\u").append(String.format(Locale.ROOT, "%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('\'');
    if (value.length() > limit) {
      sb.append("... (").append(value.length()).append(" characters)");
    }
    return sb.toString();
  }
}
