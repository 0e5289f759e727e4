package io.github.b2cpermissions.graph.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Parses an HTTP {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110). */
final class RetryAfter {
  private RetryAfter() {}

  /**
   * Parses {@code value}. A date in the past means "now" (zero). Garbage means "not given".
   *
   * @param value the header value, or null
   * @param clock the clock an HTTP date is measured against
   */
  public static Optional<Duration> parse(@Nullable String value, Clock clock) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.chars().allMatch(Character::isDigit)) {
      if (v.length() > 9) {
        return Optional.of(Duration.ofSeconds(999_999_999L));
      }
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }
}
