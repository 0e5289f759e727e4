package io.github.b2cpermissions;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * The rules that turn a report's facts into its {@link VerificationOutcome}, and the combinations
 * of facts no verifier can observe, which {@link VerificationReportBuilder#build()} refuses. The
 * rules are documented, in order, on {@link VerificationReport}; they live here so that the report
 * holds its facts and this class alone decides what they mean.
 */
final class OutcomeRules {

  private OutcomeRules() {}

  /**
   * The outcome the facts lead to: the first rule that matches wins.
   *
   * @param profile the profile checked, whose tenant kind names the one tenant type covered
   * @param tenantType the tenant type Graph reported, or null when it was not read
   * @param app whether the app's service principal was found and enabled
   * @param directoryRoleNeeded the role a refused directory read needs, or null
   * @param checks the status of every role the profile requires
   */
  static VerificationOutcome derive(
      PermissionProfile profile,
      @Nullable String tenantType,
      AppPresence app,
      @Nullable String directoryRoleNeeded,
      Collection<PermissionStatus> checks) {
    if (tenantType != null && !profile.tenantKind().tenantType().equals(tenantType)) {
      return VerificationOutcome.NOT_A_B2C_TENANT;
    }
    if (app == AppPresence.NOT_FOUND) {
      return VerificationOutcome.APP_NOT_CONSENTED;
    }
    if (app == AppPresence.DISABLED) {
      return VerificationOutcome.APP_DISABLED;
    }
    if (directoryRoleNeeded != null) {
      return VerificationOutcome.DIRECTORY_UNREADABLE;
    }
    if (any(checks, PermissionStatus.MISSING)) {
      return VerificationOutcome.MISSING_PERMISSIONS;
    }
    if (any(checks, PermissionStatus.PROPAGATING)) {
      return VerificationOutcome.PERMISSIONS_PROPAGATING;
    }
    return VerificationOutcome.SATISFIED;
  }

  /**
   * Whether the permission checks of a report with this outcome say what a backup can cover: not
   * when the app is absent or disabled, the tenant is not of the profile's kind, or the directory
   * was unreadable.
   */
  static boolean permissionsApply(VerificationOutcome outcome) {
    return outcome != VerificationOutcome.APP_NOT_CONSENTED
        && outcome != VerificationOutcome.APP_DISABLED
        && outcome != VerificationOutcome.NOT_A_B2C_TENANT
        && outcome != VerificationOutcome.DIRECTORY_UNREADABLE;
  }

  /**
   * Refuses facts no check can observe together.
   *
   * @throws IllegalStateException if an absent app holds a permission, a permission is
   *     propagating without both a directory read and a token, or the facts would make the report
   *     {@link VerificationOutcome#SATISFIED} without a confirmed tenant type of the profile's kind
   *     and an enabled app
   */
  static void requireConsistent(
      String tenantId,
      PermissionProfile profile,
      @Nullable String tenantType,
      AppPresence app,
      @Nullable String directoryRoleNeeded,
      VerificationStrategy strategy,
      Collection<PermissionStatus> checks) {
    boolean anyHeld = checks.stream().anyMatch(c -> c != PermissionStatus.MISSING);
    if (app == AppPresence.NOT_FOUND && anyHeld) {
      throw new IllegalStateException(
          "an app with no service principal cannot hold permissions (tenant " + tenantId + ")");
    }
    if (any(checks, PermissionStatus.PROPAGATING)
        && strategy != VerificationStrategy.DIRECTORY_AND_TOKEN) {
      throw new IllegalStateException(
          "PROPAGATING needs both the directory and a token; strategy is " + strategy);
    }
    String expected = profile.tenantKind().tenantType();
    if (derive(profile, tenantType, app, directoryRoleNeeded, checks) == VerificationOutcome.SATISFIED
        && (!expected.equals(tenantType) || app != AppPresence.ENABLED)) {
      throw new IllegalStateException("a report can only be SATISFIED for a confirmed "
          + expected + " tenant with an ENABLED app; tenant " + tenantId + " has tenantType "
          + (tenantType == null ? "(not read)" : tenantType) + " and app " + app);
    }
  }

  private static boolean any(Collection<PermissionStatus> checks, PermissionStatus status) {
    return checks.stream().anyMatch(c -> c == status);
  }
}
