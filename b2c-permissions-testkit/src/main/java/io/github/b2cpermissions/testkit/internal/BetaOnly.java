package io.github.b2cpermissions.testkit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The navigation segments Graph serves only in beta, checked against Microsoft's v1.0 CSDL (its
 * {@code identityContainer} has no {@code b2cUserFlows}). A v1.0 request through one of them is
 * answered as Graph answers any segment its v1.0 schema lacks: 400 "Resource not found for the
 * segment".
 */
final class BetaOnly {
  private static final Set<String> SEGMENTS = Set.of("b2cuserflows");

  private BetaOnly() {}

  /** The first beta-only segment of a v1.0 path, as the request spelled it, or null. */
  static @Nullable String segmentIn(List<String> segments) {
    if (segments.isEmpty() || !segments.get(0).equalsIgnoreCase("v1.0")) {
      return null;
    }
    for (String seg : segments) {
      if (SEGMENTS.contains(seg.toLowerCase(Locale.ROOT))) {
        return seg;
      }
    }
    return null;
  }

  /** The same path under {@code /beta}. */
  static String betaPath(String v1Path) {
    return "/beta" + v1Path.substring("/v1.0".length());
  }
}
