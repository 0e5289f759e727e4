package io.github.b2cpermissions;

import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The Entra ID ({@code AADSTS}) error codes a backup app for Azure AD B2C commonly meets while
 * asking for admin consent or a token, each with a message that says what went wrong and what to
 * do. Entra ID puts the code at the start of its {@code error_description}, for example {@code
 * AADSTS65004: User declined to consent...}; {@link #parseCode(String)} finds it and {@link
 * #fromCode(int)} maps it. Codes not listed here are still reported by number by the callers that
 * parse them.
 */
public enum AadstsError {

  /** 65001: the app has not been granted consent in the tenant. */
  CONSENT_REQUIRED(
      65001,
      "The app has not been granted consent in this tenant. Have an administrator of the tenant open"
          + " the admin consent link and accept the requested permissions."),

  /** 65004: the administrator declined (or cancelled) the consent prompt. */
  CONSENT_DECLINED(
      65004,
      "The administrator declined or cancelled the consent prompt, so nothing was granted. Ask the"
          + " administrator to open the admin consent link again and accept."),

  /** 700016: no app with this client id exists in the tenant. */
  APPLICATION_NOT_FOUND(
      700016,
      "No application with this client id was found in the tenant. Check the client id and the"
          + " tenant (a wrong tenant or a different national cloud causes this too), and make sure"
          + " an administrator has granted admin consent there, which adds the app to the tenant."),

  /** 90094: the signed-in user may not grant these permissions; an administrator must. */
  ADMIN_CONSENT_REQUIRED(
      90094,
      "Granting these permissions needs an administrator. Send the admin consent link to a Global"
          + " Administrator or Privileged Role Administrator of the tenant."),

  /** 90095: the tenant requires an administrator to approve the requested permissions. */
  ADMIN_APPROVAL_REQUIRED(
      90095,
      "The tenant requires an administrator to approve the permissions this app asks for. An"
          + " administrator who can grant application permissions (Global Administrator or"
          + " Privileged Role Administrator) must open the admin consent link; a request raised"
          + " through the admin consent workflow of the tenant also needs that approval."),

  /** 50011: the redirect URI is not one registered on the app. */
  REDIRECT_URI_MISMATCH(
      50011,
      "The redirect URI sent with the request does not match any redirect URI registered on the app."
          + " Register the exact URI (scheme, host, port, path and trailing slash) on the Web platform"
          + " of the app registration, or configure the one already registered."),

  /** 900971: no reply address was given or registered. */
  NO_REPLY_ADDRESS(
      900971,
      "The app has no reply address. Add a redirect URI to the app registration and send that"
          + " same URI with the consent request."),

  /** 90002: the tenant does not exist in the cloud that was asked. */
  TENANT_NOT_FOUND(
      90002,
      "The tenant was not found. Check the tenant id or domain; if it is right, the tenant may live"
          + " in another national cloud (configure the matching cloud) or may have been deleted."),

  /** 500011: the resource (Microsoft Graph) was not found in the tenant. */
  RESOURCE_NOT_FOUND(
      500011,
      "The requested resource was not found in the tenant. Check that the scope names the Microsoft"
          + " Graph host of the national cloud the tenant lives in (for example https://graph.microsoft.com"
          + " in the global cloud) and that the cloud setting matches the tenant."),

  /** 50194: the app is single-tenant and cannot be used from another tenant. */
  APP_NOT_MULTI_TENANT(
      50194,
      "The app is registered as single-tenant, so other tenants cannot consent to it or get tokens"
          + " for it. In the app registration set the supported account types to accounts in any"
          + " organizational directory (multi-tenant)."),

  /** 7000215: the client secret is wrong. */
  INVALID_CLIENT_SECRET(
      7000215,
      "The client secret is not valid. Use the value of the secret, not its secret id, or create a new"
          + " client secret in the app registration and update the configuration."),

  /** 7000222: the client secret has expired. */
  CLIENT_SECRET_EXPIRED(
      7000222,
      "The client secret has expired. Create a new client secret in the app registration and update"
          + " the configuration before removing the old one."),

  /** 90038: the tenant lives in a different national cloud. */
  TENANT_IN_OTHER_CLOUD(
      90038,
      "The tenant belongs to a different national cloud than the one asked (for example China or US"
          + " Government). Configure the cloud that hosts the tenant; tokens and consent from one"
          + " cloud are not valid in another.");

  /** The longest run of digits read as a code; longer runs are not a code. */
  private static final int MAX_CODE_DIGITS = 9;

  private static final String PREFIX = "AADSTS";

  private final int code;
  private final String message;

  AadstsError(int code, String message) {
    this.code = code;
    this.message = message;
  }

  /** The numeric code, such as {@code 65004} for {@code AADSTS65004}. */
  public int code() {
    return code;
  }

  /**
   * What went wrong and what to do about it, in one or two sentences. Never contains tenant data,
   * tokens or secrets.
   */
  public String message() {
    return message;
  }

  /**
   * The error a code stands for.
   *
   * @param code the number after {@code AADSTS}
   * @return the matching error, or empty when the code is not one this enum describes
   */
  public static Optional<AadstsError> fromCode(int code) {
    for (AadstsError error : values()) {
      if (error.code == code) {
        return Optional.of(error);
      }
    }
    return Optional.empty();
  }

  /**
   * Finds the code in an Entra ID {@code error_description}: the first {@code AADSTS} (ASCII letters in any case)
   * followed directly by one to nine ASCII digits, such as {@code 65004} in {@code "AADSTS65004:
   * User declined to consent"}. A run of more than nine digits is not taken as a code.
   *
   * @param errorDescription the description, or null
   * @return the code, or empty when the text is null or carries none
   */
  public static OptionalInt parseCode(@Nullable String errorDescription) {
    if (errorDescription == null) {
      return OptionalInt.empty();
    }
    int from = 0;
    int limit = errorDescription.length() - PREFIX.length();
    while (from <= limit) {
      int at = indexOfPrefix(errorDescription, from, limit);
      if (at < 0) {
        return OptionalInt.empty();
      }
      int start = at + PREFIX.length();
      int end = start;
      while (end < errorDescription.length() && isAsciiDigit(errorDescription.charAt(end))) {
        end++;
      }
      int digits = end - start;
      if (digits >= 1 && digits <= MAX_CODE_DIGITS) {
        return OptionalInt.of(Integer.parseInt(errorDescription, start, end, 10));
      }
      from = Math.max(end, at + 1);
    }
    return OptionalInt.empty();
  }

  private static int indexOfPrefix(String text, int from, int limit) {
    for (int i = from; i <= limit; i++) {
      if (startsWithAsciiIgnoreCase(text, i)) {
        return i;
      }
    }
    return -1;
  }

  /** ASCII-only comparison: no Unicode case folding, so look-alikes such as U+017F never match. */
  private static boolean startsWithAsciiIgnoreCase(String text, int at) {
    for (int k = 0; k < PREFIX.length(); k++) {
      char c = text.charAt(at + k);
      if (c >= 'a' && c <= 'z') {
        c = (char) (c - ('a' - 'A'));
      }
      if (c != PREFIX.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
