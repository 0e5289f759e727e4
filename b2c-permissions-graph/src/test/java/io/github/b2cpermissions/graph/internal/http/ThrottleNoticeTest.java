package io.github.b2cpermissions.graph.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Graph's {@code x-ms-throttle-limit-percentage} header, read leniently: a number or nothing. */
class ThrottleNoticeTest {
  @Test
  void aNumberIsReadWithSpacesAround() {
    assertThat(ThrottleNotice.percentage("0.85")).isEqualTo(0.85);
    assertThat(ThrottleNotice.percentage(" 1.2 ")).isEqualTo(1.2);
  }

  @Test
  void anAbsentBlankMalformedOrInfiniteValueIsNone() {
    assertThat(ThrottleNotice.percentage(null)).isNull();
    assertThat(ThrottleNotice.percentage("")).isNull();
    assertThat(ThrottleNotice.percentage("  ")).isNull();
    assertThat(ThrottleNotice.percentage("85%")).isNull();
    assertThat(ThrottleNotice.percentage("NaN")).isNull();
    assertThat(ThrottleNotice.percentage("Infinity")).isNull();
  }
}
