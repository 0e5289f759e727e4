package io.github.b2cpermissions.testkit.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parsing of GUIDs as Entra and Graph write them, and random ids for things that are not secrets
 * (request, correlation and object ids). {@link UUID#randomUUID()} draws on one shared {@code
 * SecureRandom}, whose lock becomes the fake's bottleneck under a fleet's concurrency; the random
 * ids here come from {@link ThreadLocalRandom}.
 */
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

  /** A random version-4 UUID, not for secrets. */
  static UUID uuid() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(msb, lsb);
  }

  /** A random version-4 UUID as text, not for secrets. */
  static String uuidText() {
    return uuid().toString();
  }
}
