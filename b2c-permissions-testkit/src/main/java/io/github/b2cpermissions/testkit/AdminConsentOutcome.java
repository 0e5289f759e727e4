package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.testkit.internal.ConsentAnswer;

/**
 * What the fake's administrator does on the admin consent page. Set it with {@link
 * FakeBackupApp#onAdminConsent(AdminConsentOutcome)}; {@link FakeGraphTenant#reset()} goes back
 * to {@link #ACCEPT}.
 */
public enum AdminConsentOutcome {
  /**
   * Accepts: creates the backup app's service principal if it is absent, grants the app's required
   * roles and redirects with {@code admin_consent=True}. A request whose {@code client_id} or
   * {@code redirect_uri} is wrong still fails as Entra would.
   */
  ACCEPT,
  /** Declines: redirects with {@code error=access_denied} and AADSTS65004; nothing is granted. */
  DECLINE,
  /**
   * Asks: shows a consent page naming the app, the tenant and the roles it asks for, with an Accept
   * and a Cancel button, for a person or a browser test to click. Accept then does what {@link
   * #ACCEPT} does, Cancel what {@link #DECLINE} does (Entra ID answers a cancelled prompt with
   * AADSTS65004 too). The buttons repeat the consent request with one more query parameter, so the
   * page works in any browser without scripts.
   */
  ASK,
  /** Shows the AADSTS50011 redirect URI mismatch page, whatever redirect URI was sent. */
  REDIRECT_URI_MISMATCH,
  /** Shows the AADSTS700016 "application not found" page, whatever client id was sent. */
  UNKNOWN_APP;

  /** How the server's consent endpoint answers for this outcome. */
  ConsentAnswer answer() {
    return switch (this) {
      case ACCEPT -> ConsentAnswer.ACCEPT;
      case DECLINE -> ConsentAnswer.DECLINE;
      case ASK -> ConsentAnswer.ASK;
      case REDIRECT_URI_MISMATCH -> ConsentAnswer.REDIRECT_URI_MISMATCH;
      case UNKNOWN_APP -> ConsentAnswer.UNKNOWN_APP;
    };
  }
}
