package io.github.b2cpermissions;

/**
 * Builds the Entra ID admin consent link through which a tenant's administrator grants the backup
 * app its permissions. Implementations are immutable and thread-safe.
 */
public interface ConsentUrlBuilder {

  /**
   * Builds an admin consent link for {@code tenant} with a freshly generated, unguessable {@code
   * state}.
   *
   * @param tenant the tenant's id (a GUID), one of its verified domains, or {@code organizations}
   *     (v2 endpoint) or {@code common} (v1 endpoint)
   * @return the URL and the state it carries
   * @throws NullPointerException if {@code tenant} is null
   * @throws IllegalArgumentException if {@code tenant} is not a GUID, a domain name or a value the
   *     endpoint version accepts
   */
  AdminConsentRequest adminConsentUrl(String tenant);

  /**
   * Builds an admin consent link for {@code tenant} carrying the caller's {@code state}.
   *
   * @param tenant as in {@link #adminConsentUrl(String)}
   * @param state an opaque value of URL-safe characters the caller keeps to check the redirect
   * @return the URL and the state it carries
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code tenant} is not acceptable, or {@code state} is
   *     blank, too long or not URL-safe
   */
  AdminConsentRequest adminConsentUrl(String tenant, String state);
}
