package io.github.b2cpermissions.testkit.internal;

/**
 * How the consent endpoint answers a tenant's admin consent request: the server's side of the
 * public {@code AdminConsentOutcome}, which the tenant's public API maps onto these constants.
 */
public enum ConsentAnswer {
  /** Grant the app's required roles and redirect with {@code admin_consent=True}. */
  ACCEPT,
  /** Redirect with {@code error=access_denied} and AADSTS65004; grant nothing. */
  DECLINE,
  /**
   * Show a consent page with Accept and Cancel buttons ({@link ConsentPage}); Accept then answers
   * as {@link #ACCEPT}, Cancel as {@link #DECLINE}.
   */
  ASK,
  /** Show the AADSTS50011 redirect URI mismatch page. */
  REDIRECT_URI_MISMATCH,
  /** Show the AADSTS700016 application-not-found page. */
  UNKNOWN_APP
}
