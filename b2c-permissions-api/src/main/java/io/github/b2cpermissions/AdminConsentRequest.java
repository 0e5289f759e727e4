package io.github.b2cpermissions;

import io.github.b2cpermissions.internal.Redaction;
import java.net.URI;
import java.util.Objects;

/**
 * An admin consent link and the {@code state} value it carries. Keep the state (for example in the
 * user's session) and hand it to the consent callback check: it is what ties the redirect back to
 * this request. {@link #toString()} never prints the state, neither alone nor inside the URL.
 *
 * @param url the URL to send the tenant's administrator to
 * @param state the opaque value the URL carries, returned unchanged on the redirect
 */
public record AdminConsentRequest(URI url, String state) {

  /**
   * Creates a request.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code state} is blank
   */
  public AdminConsentRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(state, "state");
    if (state.isBlank()) {
      throw new IllegalArgumentException("state must not be blank");
    }
  }

  /**
   * The URL with the value of its {@code state} parameter replaced by {@code ***}, whether the state
   * is the first query parameter or a later one.
   */
  public String redactedUrl() {
    return Redaction.redactQueryParameter(url.toString(), "state");
  }

  @Override
  public String toString() {
    return "AdminConsentRequest{url=" + redactedUrl() + ", state=***}";
  }
}
