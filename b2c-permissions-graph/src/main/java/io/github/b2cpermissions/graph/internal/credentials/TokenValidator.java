package io.github.b2cpermissions.graph.internal.credentials;

import com.azure.core.credential.AccessToken;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.graph.internal.cache.BoundedCache;
import io.github.b2cpermissions.graph.internal.tenant.TenantIdentifiers;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import java.util.function.Predicate;

/**
 * Reads an access token's claims and fails closed unless the token is what a check needs: for
 * Microsoft Graph of the verifier's cloud, issued to the backup app, for the tenant being checked,
 * and not expired.
 */
public final class TokenValidator {
  /** The code given to {@link AuthenticationFailedException} when Entra ID gave none. */
  private static final int NO_AADSTS_CODE = 0;

  private final String clientId;
  private final Predicate<String> graphAudience;
  private final String expectedAudience;
  private final Clock clock;
  private final @Nullable BoundedCache<String, AccessTokenClaims> parsed;

  /**
   * @param clientId the backup app's client id
   * @param graphAudience whether an {@code aud} claim names Graph of the cloud
   * @param expectedAudience the cloud's token audience, for messages
   * @param clock the clock that decides expiry
   */
  public TokenValidator(String clientId, Predicate<String> graphAudience, String expectedAudience,
      Clock clock) {
    this(clientId, graphAudience, expectedAudience, clock, null);
  }

  /**
   * As {@link #TokenValidator(String, Predicate, String, Clock)}, remembering the parsed claims of
   * each token string in {@code parsed} (a warm check then decodes nothing; every rule is still
   * checked on each call). The key is the token string the credential handed out, the same
   * instance it caches, so the cache holds no copy of it.
   */
  public TokenValidator(String clientId, Predicate<String> graphAudience, String expectedAudience,
      Clock clock, @Nullable BoundedCache<String, AccessTokenClaims> parsed) {
    this.parsed = parsed;
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.graphAudience = Objects.requireNonNull(graphAudience, "graphAudience");
    this.expectedAudience = Objects.requireNonNull(expectedAudience, "expectedAudience");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The claims of {@code token}, obtained for {@code tenant}.
   *
   * @throws AuthenticationFailedException if the token cannot be read, or is not for Graph, the
   *     backup app or the tenant, or has expired
   */
  public AccessTokenClaims validate(String tenant, AccessToken token) {
    AccessTokenClaims claims;
    try {
      claims = parsed(token.getToken());
    } catch (IllegalArgumentException e) {
      throw failure("the credential for tenant " + tenant + " returned a token that cannot be read: "
          + e.getMessage(), tenant);
    }
    String aud = claims.audience();
    if (aud == null || !graphAudience.test(aud)) {
      throw failure("the token for tenant " + tenant + " is for audience " + aud
          + ", not for Microsoft Graph (" + expectedAudience
          + "); check the credential and the cloud's tokenAudience", tenant);
    }
    if (claims.expiresAtEpochSecond() <= clock.instant().getEpochSecond()) {
      throw failure("the credential returned an expired token for tenant " + tenant, tenant);
    }
    String tid = claims.tenantId();
    String appId = claims.appId();
    if (tid == null || appId == null) {
      throw failure(
          "the token for tenant " + tenant + " names no tenant (tid) or app (appid/azp)", tenant);
    }
    if (TenantIdentifiers.isGuid(tenant) && !tenant.equalsIgnoreCase(tid)) {
      throw failure("the token for tenant " + tenant + " was issued for tenant " + tid
          + "; the credential source returned a credential for the wrong tenant", tenant);
    }
    if (!clientId.equalsIgnoreCase(appId)) {
      throw failure("the token for tenant " + tenant + " was issued to app " + appId
          + ", not to the backup app " + clientId + "; check the configured credential", tenant);
    }
    return claims;
  }

  private AccessTokenClaims parsed(String jwt) {
    BoundedCache<String, AccessTokenClaims> cache = parsed;
    if (cache == null) {
      return AccessTokenClaims.parse(jwt);
    }
    AccessTokenClaims known = cache.get(jwt);
    if (known == null) {
      known = cache.putIfAbsent(jwt, AccessTokenClaims.parse(jwt));
    }
    return known;
  }

  private static AuthenticationFailedException failure(String message, String tenant) {
    return new AuthenticationFailedException(message, tenant, NO_AADSTS_CODE, null);
  }
}
