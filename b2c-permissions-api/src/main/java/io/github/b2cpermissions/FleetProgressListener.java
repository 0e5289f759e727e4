package io.github.b2cpermissions;

/**
 * Told as each tenant of a fleet check finishes. Called from the verifier's threads, possibly
 * concurrently: implementations must be thread-safe and quick. An exception thrown here is logged
 * and otherwise ignored; it never stops the fleet check.
 */
@FunctionalInterface
public interface FleetProgressListener {

  /** A listener that does nothing. */
  FleetProgressListener NONE = (result, done, total) -> {};

  /**
   * One tenant finished.
   *
   * @param result the tenant's report or failure
   * @param done how many tenants have finished so far, this one included
   * @param total how many tenants the fleet check has
   */
  void onTenantDone(TenantVerification result, int done, int total);
}
