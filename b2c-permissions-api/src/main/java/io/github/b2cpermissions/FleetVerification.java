package io.github.b2cpermissions;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The results of a fleet check: one {@link TenantVerification} per tenant, in the order asked, and
 * counts by outcome. Immutable.
 */
public final class FleetVerification {
  private final List<TenantVerification> results;
  private final Duration elapsed;

  /**
   * Creates fleet results.
   *
   * @param results every tenant's result, in the order asked
   * @param elapsed how long the fleet check took
   * @throws NullPointerException if an argument or a result is null
   */
  public FleetVerification(List<TenantVerification> results, Duration elapsed) {
    this.results = List.copyOf(results);
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Every tenant's result, in the order asked. */
  public List<TenantVerification> results() {
    return results;
  }

  /** How long the fleet check took. */
  public Duration elapsed() {
    return elapsed;
  }

  /** The results whose check failed. */
  public List<TenantVerification> failures() {
    return results.stream().filter(r -> r.failure().isPresent()).toList();
  }

  /** How many tenants ended with each outcome; failures are not counted here. */
  public Map<VerificationOutcome, Integer> countByOutcome() {
    EnumMap<VerificationOutcome, Integer> counts = new EnumMap<>(VerificationOutcome.class);
    for (TenantVerification r : results) {
      r.report().ifPresent(rep -> counts.merge(rep.outcome(), 1, Integer::sum));
    }
    return Collections.unmodifiableMap(counts);
  }

  /** How many tenants are satisfied. */
  public long satisfiedCount() {
    return results.stream().filter(TenantVerification::isSatisfied).count();
  }

  @Override
  public String toString() {
    return "FleetVerification{tenants=" + results.size() + ", satisfied=" + satisfiedCount()
        + ", failed=" + failures().size() + ", byOutcome=" + countByOutcome()
        + ", elapsed=" + elapsed + "}";
  }
}
