package io.github.b2cpermissions;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * Checks whether a tenant granted the backup app every {@link B2cBackupPermission}. Call {@link
 * #verify(String)} before each backup job and act on the {@link VerificationReport#outcome()}.
 *
 * <p>A verifier never reports {@link VerificationOutcome#SATISFIED} when it does not know: a check
 * that could not finish throws a {@link B2cPermissionsException} (or completes the future with one)
 * instead of returning a report. Implementations are thread-safe and meant to be built once and
 * shared by every tenant and thread.
 */
public interface PermissionVerifier {

  /**
   * Checks one tenant and blocks until the report is ready.
   *
   * @param tenantId the tenant's id (a GUID) or one of its verified domains
   * @return the report
   * @throws NullPointerException if {@code tenantId} is null
   * @throws IllegalArgumentException if {@code tenantId} is neither a GUID nor a domain name
   * @throws GraphThrottledException if Graph throttled the check beyond the retry budget
   * @throws GraphUnavailableException if Graph or the token endpoint kept failing or timing out
   * @throws AuthenticationFailedException if no token could be had, or Graph refused it
   * @throws InsufficientPrivilegesException if Graph refused a read the check itself needs
   * @throws UnexpectedGraphResponseException if Graph answered something that cannot be trusted
   * @throws VerificationCancelledException if the verifier was closed while the check ran, or the
   *     calling thread was interrupted
   * @throws B2cPermissionsException for any other failure that prevented a complete check
   */
  VerificationReport verify(String tenantId);

  /**
   * Checks one tenant without blocking the caller. Failures that {@link #verify(String)} would throw
   * complete the future exceptionally with the same exception. Cancelling the future stops the
   * check: its request in flight is abandoned and no further request is sent for it.
   *
   * @param tenantId the tenant's id (a GUID) or one of its verified domains
   * @return a future of the report
   * @throws NullPointerException if {@code tenantId} is null
   * @throws IllegalArgumentException if {@code tenantId} is neither a GUID nor a domain name
   */
  CompletableFuture<VerificationReport> verifyAsync(String tenantId);

  /**
   * Checks many tenants with the verifier's bounded concurrency. One tenant's failure never aborts
   * the others: it becomes that tenant's {@link TenantVerification#failure()}, with its {@link
   * TenantVerification#failureKind()}.
   *
   * <p>The result has exactly one {@link TenantVerification} per element of {@code tenantIds}, in
   * the same order, each carrying the id exactly as given. Elements that name the same tenant (ids
   * equal ignoring case) are checked once and share that check's report or failure. The listener is
   * told once per element.
   *
   * @param tenantIds the tenants, each a GUID or a verified domain
   * @param listener told as each tenant finishes, from the verifier's threads
   * @return every tenant's outcome, in the order of {@code tenantIds}
   * @throws NullPointerException if an argument or a tenant id is null
   * @throws IllegalArgumentException if a tenant id is neither a GUID nor a domain name; nothing is
   *     checked then
   */
  FleetVerification verifyFleet(Collection<String> tenantIds, FleetProgressListener listener);

  /**
   * Checks many tenants, as {@link #verifyFleet(Collection, FleetProgressListener)} with no listener.
   *
   * @throws NullPointerException if {@code tenantIds} or a tenant id is null
   * @throws IllegalArgumentException if a tenant id is neither a GUID nor a domain name
   */
  default FleetVerification verifyFleet(Collection<String> tenantIds) {
    return verifyFleet(tenantIds, FleetProgressListener.NONE);
  }

  /**
   * Checks a tenant again and again, with backoff, until it is {@linkplain
   * VerificationReport#isSatisfied() satisfied} or {@code timeout} passes: what a product calls
   * after an admin consented, while the new grants propagate.
   *
   * @param tenantId the tenant's id (a GUID) or one of its verified domains
   * @param timeout how long to keep trying; must be positive
   * @return the first satisfied report, or the last completed report when time ran out
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code timeout} is zero or negative, or the tenant id is
   *     malformed
   * @throws B2cPermissionsException as {@link #verify(String)}, when no check completed in time
   */
  VerificationReport awaitSatisfied(String tenantId, Duration timeout);
}
