package io.github.b2cpermissions.graph;

import io.github.b2cpermissions.graph.internal.observe.CheckObserver;
import io.github.b2cpermissions.graph.internal.observe.MicrometerCheckObserver;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;

/**
 * Micrometer observations of a verifier, for {@link
 * GraphPermissionVerifierBuilder#observations(VerifierObservations)}. Micrometer's {@code
 * micrometer-observation} is an optional dependency: only this class needs it, and only when it is
 * used. Each check is one {@code b2c.permissions.check} observation (low-cardinality {@code
 * outcome}, {@code strategy}, {@code profile}, {@code failure}; high-cardinality {@code tenant.id}
 * and {@code graph.requests}), each retry one {@code b2c.permissions.graph.retry} ({@code status},
 * {@code retry.after}), each token request one {@code b2c.permissions.token} ({@code outcome}). With
 * a meter handler each becomes a timer; with Micrometer Tracing each is a span named as the
 * observation, a check's retries and token requests children of its span. Immutable.
 */
public final class VerifierObservations {
  private final ObservationRegistry registry;
  private final boolean tenantIds;

  private VerifierObservations(ObservationRegistry registry, boolean tenantIds) {
    this.registry = registry;
    this.tenantIds = tenantIds;
  }

  /**
   * Observations on {@code registry}, with the tenant id of each check.
   *
   * @throws NullPointerException if {@code registry} is null
   */
  public static VerifierObservations of(ObservationRegistry registry) {
    return new VerifierObservations(Objects.requireNonNull(registry, "registry"), true);
  }

  /**
   * The same observations without the {@code tenant.id} key value (for example where tenant ids
   * must not reach a tracing backend).
   */
  public VerifierObservations withoutTenantIds() {
    return new VerifierObservations(registry, false);
  }

  /** Whether each check's observation carries the tenant id. */
  public boolean tenantIds() {
    return tenantIds;
  }

  /** The observer a verifier with {@code strategy} reports to. */
  CheckObserver observer(String strategy) {
    return MicrometerCheckObserver.create(registry, strategy, tenantIds);
  }

  @Override
  public String toString() {
    return "VerifierObservations{tenantIds=" + tenantIds + "}";
  }
}
