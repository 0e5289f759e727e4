package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.BackupCapability;
import io.github.b2cpermissions.BackupOperation;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions for a {@link VerificationReport}. Every failure message ends with the whole
 * report, so a failing test shows what the verifier saw. Start with {@link
 * ReportAssertions#assertThat(VerificationReport)}.
 *
 * <pre>{@code
 * assertThat(report).hasOutcome(MISSING_PERMISSIONS).isMissing(USER_PHONE_READ_WRITE_ALL);
 * }</pre>
 */
public final class VerificationReportAssert
    extends AbstractAssert<VerificationReportAssert, VerificationReport> {

  VerificationReportAssert(VerificationReport actual) {
    super(actual, VerificationReportAssert.class);
  }

  private String whole() {
    return "%nReport:%n" + String.valueOf(actual).replace("%", "%%");
  }

  /** Checks that the report is satisfied: every permission confirmed, nothing in the way. */
  public VerificationReportAssert isSatisfied() {
    isNotNull();
    if (!actual.isSatisfied()) {
      failWithMessage("Expected a satisfied report but the outcome was %s" + whole(), actual.outcome());
    }
    return this;
  }

  /** Checks that the report is not satisfied. */
  public VerificationReportAssert isNotSatisfied() {
    isNotNull();
    if (actual.isSatisfied()) {
      failWithMessage("Expected a report that is not satisfied" + whole());
    }
    return this;
  }

  /** Checks the overall outcome. */
  public VerificationReportAssert hasOutcome(VerificationOutcome expected) {
    isNotNull();
    if (actual.outcome() != expected) {
      failWithMessage("Expected outcome %s but was %s" + whole(), expected, actual.outcome());
    }
    return this;
  }

  /** Checks that each given permission is {@link PermissionStatus#MISSING}. */
  public VerificationReportAssert isMissing(B2cBackupPermission... permissions) {
    return hasStatus(PermissionStatus.MISSING, permissions);
  }

  /** Checks that each given permission is {@link PermissionStatus#GRANTED}. */
  public VerificationReportAssert hasGranted(B2cBackupPermission... permissions) {
    return hasStatus(PermissionStatus.GRANTED, permissions);
  }

  /** Checks that each given permission is {@link PermissionStatus#PROPAGATING}. */
  public VerificationReportAssert isPropagating(B2cBackupPermission... permissions) {
    return hasStatus(PermissionStatus.PROPAGATING, permissions);
  }

  /** Checks that exactly the given permissions are missing, no more and no fewer. */
  public VerificationReportAssert isMissingExactly(B2cBackupPermission... permissions) {
    isNotNull();
    Set<B2cBackupPermission> expected = EnumSet.noneOf(B2cBackupPermission.class);
    expected.addAll(Arrays.asList(permissions));
    if (!actual.missing().equals(expected)) {
      failWithMessage(
          "Expected exactly %s to be missing but missing were %s" + whole(), expected, actual.missing());
    }
    return this;
  }

  /** Checks the status of each given permission. */
  public VerificationReportAssert hasStatus(
      PermissionStatus status, B2cBackupPermission... permissions) {
    isNotNull();
    for (B2cBackupPermission p : permissions) {
      if (actual.status(p) != status) {
        failWithMessage(
            "Expected %s to be %s but it was %s" + whole(), p.scope(), status, actual.status(p));
      }
    }
    return this;
  }

  /** Checks that a backup would skip exactly the given capabilities. */
  public VerificationReportAssert skipsExactly(BackupCapability... capabilities) {
    isNotNull();
    Set<BackupCapability> expected = EnumSet.noneOf(BackupCapability.class);
    expected.addAll(Arrays.asList(capabilities));
    Set<BackupCapability> skipped = actual.skippedCapabilities(BackupOperation.BACKUP);
    if (!skipped.equals(expected)) {
      failWithMessage(
          "Expected a backup to skip exactly %s but it skips %s" + whole(), expected, skipped);
    }
    return this;
  }

  /** Checks that the report carries a consent URL. */
  public VerificationReportAssert hasConsentUrl() {
    isNotNull();
    if (actual.consentUrl().isEmpty()) {
      failWithMessage("Expected the report to carry a consent URL" + whole());
    }
    return this;
  }

  /** Checks that the report names an excess role with this value. */
  public VerificationReportAssert hasExcessRole(String value) {
    isNotNull();
    if (actual.excessRoles().stream().noneMatch(r -> r.value().equals(value))) {
      failWithMessage("Expected excess role %s" + whole(), value);
    }
    return this;
  }

  /** Checks that the check took at most this many Graph requests. */
  public VerificationReportAssert tookAtMostGraphRequests(int max) {
    isNotNull();
    if (actual.graphRequestCount() > max) {
      failWithMessage(
          "Expected at most %s Graph requests but the check took %s" + whole(),
          max, actual.graphRequestCount());
    }
    return this;
  }
}
