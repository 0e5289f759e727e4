package io.github.b2cpermissions.graph;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant keywords the Entra ID admin consent endpoints know in place of a tenant, each with the
 * endpoint versions that take it: {@code organizations} (V2 only), {@code common} (V1 only) and
 * {@code consumers} (neither: personal accounts cannot grant admin consent).
 */
enum ConsentTenantKeyword {
  ORGANIZATIONS(
      Set.of(ConsentEndpointVersion.V2),
      "is accepted by the V2 admin consent endpoint only; with V1 use 'common', the tenant's id or"
          + " one of its domains"),
  COMMON(
      Set.of(ConsentEndpointVersion.V1),
      "is not accepted by the V2 admin consent endpoint; use 'organizations', the tenant's id or"
          + " one of its domains, or the V1 endpoint"),
  CONSUMERS(
      Set.of(),
      "(personal Microsoft accounts) cannot grant admin consent; use the tenant's id or one of its"
          + " domains");

  private final String keyword = name().toLowerCase(Locale.ROOT);
  private final Set<ConsentEndpointVersion> acceptedBy;
  private final String refusal;

  ConsentTenantKeyword(Set<ConsentEndpointVersion> acceptedBy, String refusal) {
    this.acceptedBy = acceptedBy;
    this.refusal = refusal;
  }

  /** The keyword {@code tenant} spells in any case, or empty when it is none of them. */
  static Optional<ConsentTenantKeyword> of(String tenant) {
    for (ConsentTenantKeyword k : values()) {
      if (k.keyword.equalsIgnoreCase(tenant)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /**
   * The keyword as the tenant segment of a consent URL for {@code version}.
   *
   * @throws IllegalArgumentException if that endpoint version does not take this keyword
   */
  String segmentFor(ConsentEndpointVersion version) {
    if (!acceptedBy.contains(version)) {
      throw new IllegalArgumentException("tenant '" + keyword + "' " + refusal);
    }
    return keyword;
  }
}
