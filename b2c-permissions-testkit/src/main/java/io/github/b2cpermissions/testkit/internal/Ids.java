package io.github.b2cpermissions.testkit.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Parsing of GUIDs as Entra and Graph write them, and fast random ids that are not secrets. */
final class Ids {
  private static final Pattern GUID =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private Ids() {}

  /**
   * A random version-4 UUID from {@link java.util.concurrent.ThreadLocalRandom}: for request and
   * trace ids, which need to be unique, not unpredictable ({@link UUID#randomUUID()} goes through
   * a shared SecureRandom, which threads contend for).
   */
  static UUID fastRandom() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  /** The GUID in canonical 8-4-4-4-12 form, or null for anything else. */
  static @Nullable UUID parseGuid(@Nullable String s) {
    if (s == null || s.length() != 36 || !GUID.matcher(s).matches()) {
      return null;
    }
    return UUID.fromString(s);
  }
}
