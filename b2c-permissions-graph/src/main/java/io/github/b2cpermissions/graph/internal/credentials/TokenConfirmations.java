package io.github.b2cpermissions.graph.internal.credentials;

import io.github.b2cpermissions.graph.internal.cache.BoundedCache;
import io.github.b2cpermissions.graph.internal.cache.SharedCopies;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What the token strategy confirmed from the directory per tenant (a B2C tenant type and an enabled
 * service principal) together with the token it was confirmed for, bounded by size and age. An
 * entry is only good for a token that shows no sign of change: the same {@code roles}, {@code oid}
 * and {@code tid} as at confirmation.
 */
public final class TokenConfirmations {
  private final BoundedCache<String, Confirmation> cache;
  /** Equal token role sets of different tenants, held once. */
  private final SharedCopies<Set<String>> roleSets = new SharedCopies<>();

  /**
   * One tenant's confirmation.
   *
   * @param tenantType the organization's tenant type (always B2C: only satisfied checks are kept)
   * @param servicePrincipalId the backup app's service principal id
   * @param roles the token's roles at confirmation
   * @param objectId the token's {@code oid} at confirmation, or null when it had none
   * @param tokenTenantId the token's {@code tid} at confirmation
   */
  public record Confirmation(String tenantType, @Nullable String servicePrincipalId,
      Set<String> roles, @Nullable String objectId, String tokenTenantId) {

    /** Whether a token with these claims shows no sign of change since the confirmation. */
    public boolean stillHolds(AccessTokenClaims claims) {
      return roles.equals(claims.roles())
          && Objects.equals(objectId, claims.objectId())
          && tokenTenantId.equalsIgnoreCase(String.valueOf(claims.tenantId()));
    }
  }

  /**
   * Creates the cache.
   *
   * @param size how many tenants are remembered
   * @param expiry how long a confirmation lasts
   * @param ticker nanosecond time source
   */
  public TokenConfirmations(int size, Duration expiry, LongSupplier ticker) {
    this.cache = new BoundedCache<>(size, expiry, ticker);
  }

  /** The live confirmation of {@code tenantId}, or null. */
  public @Nullable Confirmation get(String tenantId) {
    return cache.get(tenantId);
  }

  /** Remembers a confirmation; its role set is shared with tenants whose token had the same. */
  public void put(String tenantId, Confirmation confirmation) {
    cache.put(tenantId, new Confirmation(confirmation.tenantType(),
        confirmation.servicePrincipalId(), roleSets.shared(Set.copyOf(confirmation.roles())),
        confirmation.objectId(), confirmation.tokenTenantId()));
  }

  /** Forgets the tenant, so its next check reads the directory again. */
  public void forget(String tenantId) {
    cache.remove(tenantId);
  }

  /** How many tenants are confirmed now. */
  public int size() {
    return cache.size();
  }
}
