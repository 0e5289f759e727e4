package io.github.b2cpermissions.spring;

import io.github.b2cpermissions.FleetVerification;
import java.time.Instant;
import java.util.Objects;

/**
 * The summary of one scheduled fleet check, published after its drift events (every run, whether
 * or not anything changed).
 *
 * @param fleet every tenant's result
 * @param finishedAt when the run finished
 * @param driftEvents how many drift events this run published
 * @param tenantsChanged how many tenants had at least one drift event
 */
public record FleetVerifiedEvent(FleetVerification fleet, Instant finishedAt, int driftEvents,
    int tenantsChanged) {

  /**
   * Creates the summary.
   *
   * @throws NullPointerException if {@code fleet} or {@code finishedAt} is null
   */
  public FleetVerifiedEvent {
    Objects.requireNonNull(fleet, "fleet");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  /** How many tenants were checked. */
  public int tenants() {
    return fleet.results().size();
  }

  /** How many tenants are satisfied. */
  public long satisfied() {
    return fleet.satisfiedCount();
  }

  /** How many checks could not finish. */
  public int failed() {
    return fleet.failures().size();
  }
}
