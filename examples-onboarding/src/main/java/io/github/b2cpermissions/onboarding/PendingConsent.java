package io.github.b2cpermissions.onboarding;

import java.io.Serializable;
import java.util.Objects;

/**
 * The consent link an administrator was sent to, kept in their browser session until the callback
 * comes back: the tenant they typed and the link's {@code state}. {@link #toString()} leaves the
 * state out.
 *
 * @param tenant the tenant id or domain the administrator typed
 * @param state the state the consent link carries
 */
record PendingConsent(String tenant, String state) implements Serializable {
  /** The session attribute it is kept under. */
  static final String SESSION_KEY = PendingConsent.class.getName();

  PendingConsent {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(state, "state");
  }

  @Override
  public String toString() {
    return "PendingConsent[tenant=" + tenant + ", state=(redacted)]";
  }
}
