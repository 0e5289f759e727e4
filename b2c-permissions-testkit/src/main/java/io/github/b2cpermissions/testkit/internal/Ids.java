package io.github.b2cpermissions.testkit.internal;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Parsing of GUIDs as Entra and Graph write them. */
final class Ids {
  private static final Pattern GUID =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private Ids() {}

  /** The GUID in canonical 8-4-4-4-12 form, or null for anything else. */
  static @Nullable UUID parseGuid(@Nullable String s) {
    if (s == null || s.length() != 36 || !GUID.matcher(s).matches()) {
      return null;
    }
    return UUID.fromString(s);
  }
}
