package io.github.b2cpermissions.examples;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.BackupCapability;
import io.github.b2cpermissions.BackupOperation;
import io.github.b2cpermissions.GraphThrottledException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.PermissionVerifier;
import io.github.b2cpermissions.VerificationReport;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The pattern a backup product copies: check permissions first, back up what the grants allow, and
 * say plainly what was skipped and why. Nothing is backed up from a tenant whose check failed.
 */
public final class B2cBackupJob {

  /** Backs up one area of a tenant (in a product: reads it from Graph and stores it). */
  @FunctionalInterface
  public interface AreaExporter {
    /**
     * Exports {@code area} of {@code tenantId}.
     *
     * @throws RuntimeException if the export fails; the job records the area as failed
     */
    void export(String tenantId, BackupCapability area);
  }

  /** What the job decided to do. */
  public enum Decision {
    /** Every permission confirmed: everything was backed up. */
    FULL,
    /** Some permissions missing or still propagating: the areas they allow were backed up. */
    PARTIAL,
    /** The check could not finish (throttled, Graph unavailable): try the tenant later. */
    DEFERRED,
    /** Nothing can be backed up: not consented, disabled, not B2C, or authentication failed. */
    ABORTED
  }

  /**
   * The outcome of one run.
   *
   * @param tenantId the tenant
   * @param decision what the job did
   * @param backedUp the areas exported
   * @param skipped the areas not exported
   * @param reason why areas were skipped, or null for a full backup
   * @param report the verification report, or null when the check failed
   */
  public record BackupRun(
      String tenantId,
      Decision decision,
      Set<BackupCapability> backedUp,
      Set<BackupCapability> skipped,
      @Nullable String reason,
      @Nullable VerificationReport report) {}

  private final PermissionVerifier verifier;
  private final AreaExporter exporter;

  /**
   * Creates a job.
   *
   * @throws NullPointerException if an argument is null
   */
  public B2cBackupJob(PermissionVerifier verifier, AreaExporter exporter) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.exporter = Objects.requireNonNull(exporter, "exporter");
  }

  /**
   * Checks the tenant, then backs up what its grants allow.
   *
   * @throws NullPointerException if {@code tenantId} is null
   * @throws IllegalArgumentException if {@code tenantId} is malformed
   */
  public BackupRun run(String tenantId) {
    VerificationReport report;
    try {
      report = verifier.verify(tenantId);
    } catch (GraphThrottledException | GraphUnavailableException transientFailure) {
      return new BackupRun(tenantId, Decision.DEFERRED, Set.of(), allAreas(),
          "could not verify permissions, try later: " + transientFailure.getMessage(), null);
    } catch (B2cPermissionsException failure) {
      return new BackupRun(tenantId, Decision.ABORTED, Set.of(), allAreas(),
          "could not verify permissions: " + failure.getMessage(), null);
    }
    switch (report.outcome()) {
      case APP_NOT_CONSENTED:
      case APP_DISABLED:
      case NOT_A_B2C_TENANT:
        return new BackupRun(tenantId, Decision.ABORTED, Set.of(), allAreas(),
            report.outcome().name(), report);
      case DIRECTORY_UNREADABLE:
        // Nothing is confirmed: back up nothing, and ask the admin for the read the check needs.
        return new BackupRun(tenantId, Decision.ABORTED, Set.of(), allAreas(),
            report.outcome().name() + ": the app needs "
                + report.directoryRoleNeeded().orElse("a directory read role"), report);
      default:
        break;
    }
    Set<BackupCapability> allowed = report.capabilities(BackupOperation.BACKUP);
    Set<BackupCapability> done = new LinkedHashSet<>();
    Set<BackupCapability> skipped = allAreas();
    for (BackupCapability area : allowed) {
      exporter.export(tenantId, area);
      done.add(area);
      skipped.remove(area);
    }
    if (report.isSatisfied()) {
      return new BackupRun(tenantId, Decision.FULL, done, Set.of(), null, report);
    }
    String reason = !report.missing().isEmpty()
        ? "missing " + scopes(report.missing())
        : "still propagating " + scopes(report.propagating());
    return new BackupRun(tenantId, Decision.PARTIAL, done, skipped, reason, report);
  }

  private static String scopes(Set<B2cBackupPermission> permissions) {
    return permissions.stream().map(B2cBackupPermission::scope).toList().toString();
  }

  /** Every part the B2C backup covers (the default profile's parts). */
  private static Set<BackupCapability> allAreas() {
    return EnumSet.copyOf(PermissionProfile.B2C_BACKUP_AND_RESTORE.capabilities());
  }
}
