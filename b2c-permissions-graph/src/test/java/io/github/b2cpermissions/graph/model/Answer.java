package io.github.b2cpermissions.graph.model;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.VerificationOutcome;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One answer a check may give: an outcome's name, or {@code "throws <ExceptionType>"}; for the
 * outcomes that rest on the permission statuses (SATISFIED, MISSING_PERMISSIONS,
 * PERMISSIONS_PROPAGATING) also the status of each catalog permission.
 *
 * @param label the outcome's name or the thrown type
 * @param statuses every catalog permission's status, or null where the answer does not fix them
 */
record Answer(String label, @Nullable Map<B2cBackupPermission, PermissionStatus> statuses) {
  static final String SATISFIED = "SATISFIED";
  static final String MISSING_PERMISSIONS = "MISSING_PERMISSIONS";
  static final String PERMISSIONS_PROPAGATING = "PERMISSIONS_PROPAGATING";
  static final String NOT_A_B2C_TENANT = "NOT_A_B2C_TENANT";
  static final String APP_NOT_CONSENTED = "APP_NOT_CONSENTED";
  static final String APP_DISABLED = "APP_DISABLED";
  static final String DIRECTORY_UNREADABLE = VerificationOutcome.DIRECTORY_UNREADABLE.name();

  static Answer outcome(String name) {
    return new Answer(name, null);
  }

  static Answer throwing(Class<? extends Throwable> type) {
    return new Answer(thrown(type), null);
  }

  static String thrown(Class<? extends Throwable> type) {
    return "throws " + type.getSimpleName();
  }

  /** Whether this is SATISFIED. */
  boolean satisfied() {
    return label.equals(SATISFIED);
  }

  /** Whether {@code other} (what the verifier gave) is this answer. */
  boolean admits(Answer other) {
    return label.equals(other.label) && (statuses == null || statuses.equals(other.statuses));
  }

  @Override
  public String toString() {
    return statuses == null ? label : label + " " + statuses;
  }
}
