package io.github.b2cpermissions;

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
}
