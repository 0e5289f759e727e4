package io.github.b2cpermissions.graph.internal;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Finds the {@code AADSTS} code in an Entra ID error text. */
public final class AadstsCodes {
  private static final Pattern CODE = Pattern.compile("AADSTS(\\d{4,9})");

  private AadstsCodes() {}

  /** The first AADSTS code in {@code text}, if any. */
  public static OptionalInt find(@Nullable String text) {
    if (text == null) {
      return OptionalInt.empty();
    }
    Matcher m = CODE.matcher(text);
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }
}
