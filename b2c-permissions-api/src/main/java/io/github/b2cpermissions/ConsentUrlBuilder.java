package io.github.b2cpermissions;

import org.jspecify.annotations.Nullable;

/**
 * Builds the Entra ID admin consent link through which a tenant's administrator grants the backup
 * app its permissions, and reads the redirect Entra ID sends the administrator back with.
 * Implementations are immutable and thread-safe.
 *
 * <p>A round trip: call {@link #adminConsentUrl(String)}, keep {@link AdminConsentRequest#state()}
 * (for example in the user's session), send the administrator to {@link AdminConsentRequest#url()},
 * and when the browser comes back to the redirect URI pass what it brought to {@link
 * #parseCallback(String, String, String)} with the kept state. A granted callback is a claim, not
 * proof: confirm it with a {@link PermissionVerifier}, allowing a few minutes for the grant to
 * reach Microsoft Graph.
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

  /**
   * Reads a consent redirect and checks its state. Same as {@link ConsentCallback#parse(String,
   * String)}.
   *
   * @param redirect the redirect as received: full URI, path with query, or bare query string
   * @param expectedState the state of the {@link AdminConsentRequest} the redirect answers
   * @return the outcome
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the redirect is not a well-formed admin consent response
   * @throws ConsentStateMismatchException if the redirect's state is missing or differs
   */
  default ConsentCallback parseCallback(String redirect, String expectedState) {
    return ConsentCallback.parse(redirect, expectedState);
  }

  /**
   * Reads a consent redirect, checks its state and the tenant it names. Same as {@link
   * ConsentCallback#parse(String, String, String)}.
   *
   * @param redirect the redirect as received: full URI, path with query, or bare query string
   * @param expectedState the state of the {@link AdminConsentRequest} the redirect answers
   * @param expectedTenantId the tenant id (GUID) the consent was requested for, or null to skip
   *     the tenant check
   * @return the outcome
   * @throws NullPointerException if {@code redirect} or {@code expectedState} is null
   * @throws IllegalArgumentException if {@code expectedTenantId} is not a GUID, or the redirect is
   *     not a well-formed admin consent response
   * @throws ConsentStateMismatchException if the redirect's state is missing or differs
   * @throws ConsentTenantMismatchException if the redirect names another tenant, or reports a
   *     grant without naming one
   */
  default ConsentCallback parseCallback(
      String redirect, String expectedState, @Nullable String expectedTenantId) {
    return ConsentCallback.parse(redirect, expectedState, expectedTenantId);
  }
}
