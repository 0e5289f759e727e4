package io.github.b2cpermissions.graph.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Graph's timestamps are read as {@link Instant#parse} reads them, whichever path reads them. */
class GraphTimestampsTest {

  /** What the JDK makes of {@code text}: the instant, or null where it refuses it. */
  private static @Nullable Instant jdk(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Test
  void nothingIsNoTimestamp() {
    assertThat(GraphTimestamps.parse(null)).isNull();
    assertThat(GraphTimestamps.parse("")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2024-02-29T23:59:59Z", "2021-03-04T10:15:30.1234567Z", "2021-03-04T10:15:30.1Z",
      "2021-03-04T10:15:30.123456789Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
      "9999-12-31T23:59:59.999999999Z", "2000-02-29T12:00:00Z", "1969-12-31T23:59:59.5Z"})
  void graphsShapeIsReadOnTheFastPathAsTheJdkReadsIt(String text) {
    assertThat(GraphTimestamps.fastPath(text)).isNotNull().isEqualTo(jdk(text));
    assertThat(GraphTimestamps.parse(text)).isEqualTo(jdk(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1900-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2021-04-31T00:00:00Z", "2021-13-01T00:00:00Z",
      "2021-00-01T00:00:00Z", "2021-01-00T00:00:00Z", "2021-01-01T24:00:00Z", "2021-01-01T23:60:00Z",
      "2016-12-31T23:59:60Z", "2021-01-01T00:00:00.Z", "2021-01-01T00:00:00.1234567890Z",
      "2021-01-01T00:00:00+01:00", "2021-01-01T00:00:00z", "2021-01-01 00:00:00Z",
      "+2021-01-01T00:00:00Z", "2021-1-01T00:00:00Z", "2021-01-01T00:00:0xZ", "２０２１-01-01T00:00:00Z",
      "2021-01-01T00:00:00,5Z", "2021-01-01T00:00Z", "not a date", "Z"})
  void anythingElseIsLeftToTheJdk(String text) {
    assertThat(GraphTimestamps.fastPath(text)).isNull();
    assertThat(GraphTimestamps.parse(text)).isEqualTo(jdk(text));
  }

  @Property(tries = 2_000)
  void generatedTimestampsAgreeWithTheJdk(@ForAll("timestamps") String text) {
    assertThat(GraphTimestamps.parse(text)).isEqualTo(jdk(text));
  }

  @Property(tries = 2_000)
  void aChangedCharacterStillAgreesWithTheJdk(@ForAll("timestamps") String text,
      @ForAll @IntRange(min = 0, max = 29) int at, @ForAll("characters") char replacement) {
    String changed = at < text.length()
        ? text.substring(0, at) + replacement + text.substring(at + 1) : text + replacement;
    assertThat(GraphTimestamps.parse(changed)).isEqualTo(jdk(changed));
  }

  @Provide
  Arbitrary<String> timestamps() {
    Arbitrary<Integer> year = Arbitraries.oneOf(Arbitraries.integers().between(0, 9999),
        Arbitraries.of(1900, 2000, 2023, 2024, 2100, 2400));
    Arbitrary<Integer> month = Arbitraries.integers().between(0, 13);
    Arbitrary<Integer> day = Arbitraries.integers().between(0, 32);
    Arbitrary<Integer> hour = Arbitraries.integers().between(0, 24);
    Arbitrary<Integer> minute = Arbitraries.integers().between(0, 60);
    Arbitrary<Integer> second = Arbitraries.integers().between(0, 60);
    Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(10)
        .map(f -> f.isEmpty() ? "" : "." + f);
    return Combinators.combine(year, month, day, hour, minute, second, fraction)
        .as((y, mo, d, h, mi, s, f) -> String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d%sZ",
            y, mo, d, h, mi, s, f));
  }

  @Provide
  Arbitrary<Character> characters() {
    return Arbitraries.of('0', '9', '-', ':', '.', 'T', 'Z', 'z', '+', ' ', '/', 'a');
  }
}
