package io.github.b2cpermissions.graph.internal.check;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads Graph's timestamps ({@code createdDateTime} of an app role assignment) into an {@link
 * Instant}, with the answer {@link Instant#parse} gives. Graph writes them in one shape, {@code
 * yyyy-MM-ddTHH:mm:ssZ} with an optional fraction of 1 to 9 digits; that shape is read here digit
 * by digit, because the JDK's general formatter costs microseconds per value and a warm check reads
 * one per assignment. Any other text (an offset, a leap second, a sign, an invalid date) goes to
 * {@link Instant#parse}, so what is accepted and refused does not change.
 */
final class GraphTimestamps {
  /** The length of {@code yyyy-MM-ddTHH:mm:ssZ}. */
  private static final int WHOLE_SECONDS_LENGTH = 20;
  private static final int NANOS_DIGITS = 9;

  private GraphTimestamps() {}

  /**
   * The instant {@code text} names, or null when it is null, empty or not an ISO-8601 instant.
   */
  static @Nullable Instant parse(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    Instant fast = fastPath(text);
    if (fast != null) {
      return fast;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The instant of a timestamp in Graph's shape with valid fields, else null (for the JDK to read). */
  static @Nullable Instant fastPath(String s) {
    int n = s.length();
    if (n < WHOLE_SECONDS_LENGTH || n > WHOLE_SECONDS_LENGTH + 1 + NANOS_DIGITS
        || n == WHOLE_SECONDS_LENGTH + 1
        || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59
        || day > lengthOfMonth(year, month)) {
      return null;
    }
    int nanos = 0;
    if (n > WHOLE_SECONDS_LENGTH) {
      if (s.charAt(19) != '.') {
        return null;
      }
      int fractionDigits = n - WHOLE_SECONDS_LENGTH - 1;
      int fraction = digits(s, 20, fractionDigits);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = fractionDigits; i < NANOS_DIGITS; i++) {
        nanos *= 10;
      }
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The value of {@code count} ASCII digits of {@code s} from {@code from}, or -1 if one is not. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }
}
