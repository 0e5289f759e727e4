package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.VerificationReport;

/** Entry point for the testkit's AssertJ assertions. Needs AssertJ on the test classpath. */
public final class ReportAssertions {
  private ReportAssertions() {}

  /** Starts assertions on a verification report. */
  public static VerificationReportAssert assertThat(VerificationReport actual) {
    return new VerificationReportAssert(actual);
  }
}
