package io.github.b2cpermissions;

import io.github.b2cpermissions.internal.Redaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What Entra ID's admin consent endpoint answered, read from the redirect it sent the administrator's
 * browser back with. Immutable and thread-safe; create one with {@link #parse(String, String,
 * String)}, which checks the {@code state} before anything else.
 *
 * <p>Everything in a redirect comes from the browser and can be edited by whoever holds it. The
 * {@code state} check ties the redirect to the consent link the product created; {@link
 * #reportedTenantId()} is only what the redirect <em>says</em>: report it, compare it, but never use
 * it to decide what the product may do in a tenant. Confirm the grant with a {@link
 * PermissionVerifier} instead.
 *
 * <p>{@link #summary()} and {@link #toString()} are safe to put in a web page as they are: every
 * value taken from the redirect is shown inside {@code [} and {@code ]}, cut to a bounded length,
 * and any character other than ASCII letters, digits, the space and {@code .,:;_-+=/()!?@#%*~^|$} is
 * written as a {@code \\uXXXX} escape. Neither text therefore ever holds {@code < > & " ' `}, a
 * control character or a non-ASCII character, and both may be used as HTML element content or in a
 * quoted attribute without further escaping. The accessors ({@link #error()}, {@link
 * #errorDescription()}, {@link #scope()}) return the decoded text unchanged: escape it yourself
 * before display. The state is not kept at all.
 */
public final class ConsentCallback {

  /** How the administrator's consent ended. */
  public enum Status {
    /** The redirect says consent was granted ({@code admin_consent=True} and no {@code error}). */
    GRANTED,
    /** The administrator declined or cancelled the consent prompt; nothing was granted. */
    DECLINED,
    /** Entra ID reported an error; {@link ConsentCallback#summary()} says what to do. */
    ERROR
  }

  /** Longest redirect accepted, in characters; browsers and servers cut URLs well below this. */
  static final int MAX_REDIRECT_LENGTH = ConsentRedirectQuery.MAX_LENGTH;

  private static final int SHOWN_TEXT_LENGTH = 200;
  private static final int SHOWN_ERROR_LENGTH = 64;
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Set<String> DECLINE_ERRORS = Set.of("access_denied", "permission_denied");

  private final Status status;
  private final @Nullable String reportedTenantId;
  private final @Nullable String scope;
  private final @Nullable String error;
  private final @Nullable String errorDescription;
  private final int aadstsCode;

  private ConsentCallback(
      Status status,
      @Nullable String reportedTenantId,
      @Nullable String scope,
      @Nullable String error,
      @Nullable String errorDescription,
      int aadstsCode) {
    this.status = status;
    this.reportedTenantId = reportedTenantId;
    this.scope = scope;
    this.error = error;
    this.errorDescription = errorDescription;
    this.aadstsCode = aadstsCode;
  }

  /**
   * Parses a consent redirect without comparing tenants. Same as {@link #parse(String, String,
   * String)} with a null {@code expectedTenantId}.
   *
   * @param redirect the full redirect URI, a path with its query ({@code /callback?...}), or the
   *     bare query string (with or without a leading {@code ?})
   * @param expectedState the state the consent link carried ({@link AdminConsentRequest#state()})
   * @return the outcome
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code expectedState} is blank, or the redirect is too long,
   *     not a URL, carries no query, repeats a consent parameter, has broken percent-encoding,
   *     names a tenant that is not a GUID, or is neither a grant nor an error
   * @throws ConsentStateMismatchException if the redirect's state is missing or differs
   */
  public static ConsentCallback parse(String redirect, String expectedState) {
    return parse(redirect, expectedState, null);
  }

  /**
   * Parses a consent redirect, checks its {@code state} and, when {@code expectedTenantId} is
   * given, the tenant it names.
   *
   * <p>The state is compared in constant time, before any other parameter is interpreted. The
   * outcome is {@link Status#ERROR} or {@link Status#DECLINED} whenever the redirect carries an
   * {@code error} parameter, even alongside {@code admin_consent=True}; {@link Status#DECLINED}
   * when the AADSTS code is 65004, or when there is no code and the error is {@code access_denied}
   * or {@code permission_denied}. The AADSTS code is read from {@code error_description}.
   *
   * @param redirect the full redirect URI, a path with its query ({@code /callback?...}), or the
   *     bare query string (with or without a leading {@code ?}), still percent-encoded
   * @param expectedState the state the consent link carried ({@link AdminConsentRequest#state()})
   * @param expectedTenantId the tenant id (GUID) the consent was meant for, or null to skip the
   *     tenant check (for example for links built for {@code organizations} or {@code common})
   * @return the outcome
   * @throws NullPointerException if {@code redirect} or {@code expectedState} is null
   * @throws IllegalArgumentException if {@code expectedState} is blank or {@code expectedTenantId}
   *     is not a GUID; or the redirect is longer than 16384 characters, holds characters a URL
   *     cannot, is not a URL, carries no query, repeats a consent parameter, has broken
   *     percent-encoding, names a tenant that is not a GUID, or is neither a grant nor an error
   * @throws ConsentStateMismatchException if the redirect's state is missing or differs from
   *     {@code expectedState}
   * @throws ConsentTenantMismatchException if {@code expectedTenantId} is given and the redirect
   *     names another tenant, or names none although it reports a grant
   */
  public static ConsentCallback parse(
      String redirect, String expectedState, @Nullable String expectedTenantId) {
    Objects.requireNonNull(redirect, "redirect");
    Objects.requireNonNull(expectedState, "expectedState");
    if (expectedState.isBlank()) {
      throw new IllegalArgumentException("expectedState must not be blank");
    }
    String expectedTenant = null;
    if (expectedTenantId != null) {
      if (!isGuid(expectedTenantId)) {
        throw new IllegalArgumentException(
            "expectedTenantId must be the tenant id (a GUID), because the redirect names the tenant"
                + " by id; was "
                + Redaction.printable(expectedTenantId, 64));
      }
      expectedTenant = expectedTenantId.toLowerCase(Locale.ROOT);
    }

    Map<String, String> parameters = ConsentRedirectQuery.parameters(redirect);

    checkState(parameters.get("state"), expectedState);

    String tenant = parameters.get("tenant");
    if (tenant != null) {
      if (!isGuid(tenant)) {
        throw new IllegalArgumentException(
            "The consent redirect names a tenant that is not a tenant id (GUID): "
                + Redaction.printable(tenant, 64));
      }
      tenant = tenant.toLowerCase(Locale.ROOT);
    }

    ConsentCallback callback = interpret(parameters, tenant);

    if (expectedTenant != null) {
      if (tenant == null && callback.status == Status.GRANTED) {
        throw new ConsentTenantMismatchException(
            "The consent redirect reports a grant but names no tenant, so it cannot be tied to"
                + " tenant "
                + expectedTenant
                + ". Verify that tenant's permissions before relying on the grant.",
            expectedTenant,
            null);
      }
      if (tenant != null && !tenant.equals(expectedTenant)) {
        throw new ConsentTenantMismatchException(
            "The consent redirect names tenant "
                + tenant
                + " but consent was requested for tenant "
                + expectedTenant
                + ": the administrator probably signed in to another tenant. Nothing is known to"
                + " be granted in "
                + expectedTenant
                + "; ask an administrator of that tenant to use the consent link again.",
            expectedTenant,
            tenant);
      }
    }
    return callback;
  }

  private static ConsentCallback interpret(Map<String, String> parameters, @Nullable String tenant) {
    String scope = parameters.get("scope");
    String error = parameters.get("error");
    String description = parameters.get("error_description");
    if (error != null) {
      OptionalInt code = AadstsError.parseCode(description);
      boolean declined =
          code.isPresent()
              ? code.getAsInt() == AadstsError.CONSENT_DECLINED.code()
              : DECLINE_ERRORS.contains(error.toLowerCase(Locale.ROOT));
      return new ConsentCallback(
          declined ? Status.DECLINED : Status.ERROR,
          tenant,
          scope,
          error,
          description,
          code.orElse(0));
    }
    String adminConsent = parameters.get("admin_consent");
    if (adminConsent == null) {
      throw new IllegalArgumentException(
          "The redirect is not an admin consent response: it carries neither admin_consent nor"
              + " error");
    }
    if (!adminConsent.equalsIgnoreCase("True")) {
      throw new IllegalArgumentException(
          "The consent redirect carries admin_consent="
              + Redaction.printable(adminConsent, 16)
              + " without an error; only True is a grant");
    }
    return new ConsentCallback(Status.GRANTED, tenant, scope, null, description, 0);
  }

  private static void checkState(@Nullable String actual, String expected) {
    if (actual == null || actual.isEmpty()) {
      throw new ConsentStateMismatchException(
          "The consent redirect carries no state, so it cannot be tied to a consent request this"
              + " product made. Ignore it and start a new consent request.");
    }
    // MessageDigest.isEqual takes the same time wherever the first difference is; only the
    // lengths (not secret: generated states all have one length) can show.
    boolean same =
        MessageDigest.isEqual(
            actual.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    if (!same) {
      throw new ConsentStateMismatchException(
          "The consent redirect's state does not match the state of the consent request: the"
              + " redirect answers another request or was forged (possible cross-site request"
              + " forgery). Ignore it and start a new consent request.");
    }
  }

  private static boolean isGuid(String value) {
    return value.length() == 36 && GUID.matcher(value).matches();
  }

  /** How the consent ended. */
  public Status status() {
    return status;
  }

  /** Whether the redirect reports a grant: {@link #status()} is {@link Status#GRANTED}. */
  public boolean isGranted() {
    return status == Status.GRANTED;
  }

  /**
   * The tenant id (lower case) the redirect names. Untrusted: anyone can edit a redirect, so use it
   * for reports and comparison only, never to authorize anything.
   */
  public Optional<String> reportedTenantId() {
    return Optional.ofNullable(reportedTenantId);
  }

  /** The {@code scope} the redirect reports (the v2 endpoint sends it), decoded. Untrusted. */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  /** The {@code error} code, such as {@code access_denied}, when Entra ID reported one. Untrusted. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** The decoded {@code error_description}, when present. Untrusted text: escape before display. */
  public Optional<String> errorDescription() {
    return Optional.ofNullable(errorDescription);
  }

  /** The AADSTS code found in {@link #errorDescription()}, if any. */
  public OptionalInt aadstsCode() {
    return aadstsCode > 0 ? OptionalInt.of(aadstsCode) : OptionalInt.empty();
  }

  /** The well-known error {@link #aadstsCode()} stands for, if it is one of {@link AadstsError}. */
  public Optional<AadstsError> aadstsError() {
    return aadstsCode > 0 ? AadstsError.fromCode(aadstsCode) : Optional.empty();
  }

  /**
   * One or two sentences for the product's user: what happened and, for errors, what to do. Safe to
   * put in a web page without escaping (see the class description): values taken from the redirect
   * appear in {@code [...]}, at most 64 characters of the error code and 200 of its description,
   * with anything outside the safe character set written as {@code \\uXXXX}.
   */
  public String summary() {
    switch (status) {
      case GRANTED:
        return "The redirect reports that an administrator granted admin consent"
            + (reportedTenantId == null ? "" : " in tenant " + reportedTenantId)
            + ". Verify the permissions in that tenant before relying on it; new grants can take a"
            + " few minutes to reach Microsoft Graph.";
      case DECLINED:
        return "The administrator declined or cancelled admin consent, so nothing was granted. Ask"
            + " the administrator to open the consent link again and accept.";
      default:
        Optional<AadstsError> known = aadstsError();
        if (known.isPresent()) {
          return "Admin consent failed with AADSTS" + aadstsCode + ": " + known.get().message();
        }
        StringBuilder sb =
            new StringBuilder("Admin consent failed: Entra ID returned error ")
                .append(Redaction.displayable(Objects.requireNonNull(error), SHOWN_ERROR_LENGTH));
        if (aadstsCode > 0) {
          sb.append(" (AADSTS").append(aadstsCode).append(')');
        }
        if (errorDescription != null) {
          sb.append(": ").append(Redaction.displayable(errorDescription, SHOWN_TEXT_LENGTH));
        }
        return sb.append('.').toString();
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConsentCallback)) {
      return false;
    }
    ConsentCallback other = (ConsentCallback) o;
    return status == other.status
        && aadstsCode == other.aadstsCode
        && Objects.equals(reportedTenantId, other.reportedTenantId)
        && Objects.equals(scope, other.scope)
        && Objects.equals(error, other.error)
        && Objects.equals(errorDescription, other.errorDescription);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, reportedTenantId, scope, error, errorDescription, aadstsCode);
  }

  /**
   * Describes the outcome for logs; never the state. Safe to put in a web page, like {@link
   * #summary()}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ConsentCallback{status=").append(status);
    if (reportedTenantId != null) {
      sb.append(", reportedTenantId=").append(reportedTenantId);
    }
    if (scope != null) {
      sb.append(", scope=").append(Redaction.displayable(scope, SHOWN_TEXT_LENGTH));
    }
    if (error != null) {
      sb.append(", error=").append(Redaction.displayable(error, SHOWN_ERROR_LENGTH));
    }
    if (aadstsCode > 0) {
      sb.append(", aadstsCode=").append(aadstsCode);
    }
    if (errorDescription != null) {
      sb.append(", errorDescription=")
          .append(Redaction.displayable(errorDescription, SHOWN_TEXT_LENGTH));
    }
    return sb.append('}').toString();
  }
}
