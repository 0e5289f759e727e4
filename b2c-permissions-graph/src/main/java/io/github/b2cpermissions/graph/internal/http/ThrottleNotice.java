package io.github.b2cpermissions.graph.internal.http;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One throttling signal from Graph, parsed: a 429 (top-level or of a {@code $batch} item), or any
 * answer that carries {@code x-ms-throttle-limit-percentage} (Graph sends it above 80% of a limit).
 *
 * @param tenantId the tenant the check is for
 * @param status the HTTP status of the answer (or of the {@code $batch} item)
 * @param retryAfter the {@code Retry-After} Graph asked for, or null
 * @param scope {@code x-ms-throttle-scope} as sent ({@code Tenant_Application}, {@code Tenant},
 *     {@code Application}, possibly followed by {@code /}-separated details), or null
 * @param limitPercentage {@code x-ms-throttle-limit-percentage}, or null when absent or malformed
 * @param batchItem whether the signal came from an item inside a {@code $batch}
 */
public record ThrottleNotice(
    String tenantId,
    int status,
    @Nullable Duration retryAfter,
    @Nullable String scope,
    @Nullable Double limitPercentage,
    boolean batchItem) {

  /** Parses Graph's percentage header; null when absent or not a number. */
  static @Nullable Double percentage(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(header.trim());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
