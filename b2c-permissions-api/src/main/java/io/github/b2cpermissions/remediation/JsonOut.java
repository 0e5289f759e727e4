package io.github.b2cpermissions.remediation;

import org.jspecify.annotations.Nullable;

/**
 * A minimal JSON writer for the remediation types (the API module has no runtime dependencies):
 * members are written in the order the caller adds them, so the output is stable.
 */
final class JsonOut {
  private final StringBuilder sb = new StringBuilder(512);
  private boolean first = true;

  JsonOut open() {
    comma();
    sb.append('{');
    first = true;
    return this;
  }

  JsonOut close() {
    sb.append('}');
    first = false;
    return this;
  }

  JsonOut openArray(String name) {
    name(name);
    sb.append('[');
    first = true;
    return this;
  }

  JsonOut closeArray() {
    sb.append(']');
    first = false;
    return this;
  }

  JsonOut string(String name, @Nullable String value) {
    name(name);
    if (value == null) {
      sb.append("null");
    } else {
      quote(value);
    }
    first = false;
    return this;
  }

  JsonOut element(String value) {
    comma();
    quote(value);
    first = false;
    return this;
  }

  /** Writes a member whose value is JSON already written by another {@code JsonOut}. */
  JsonOut raw(String name, String json) {
    name(name);
    sb.append(json);
    first = false;
    return this;
  }

  JsonOut number(String name, long value) {
    name(name);
    sb.append(value);
    first = false;
    return this;
  }

  JsonOut bool(String name, boolean value) {
    name(name);
    sb.append(value);
    first = false;
    return this;
  }

  private void name(String name) {
    comma();
    quote(name);
    sb.append(':');
    first = true;
  }

  private void comma() {
    if (!first) {
      sb.append(',');
    }
  }

  private void quote(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
