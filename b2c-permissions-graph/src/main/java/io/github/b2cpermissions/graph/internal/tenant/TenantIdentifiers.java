package io.github.b2cpermissions.graph.internal.tenant;

import io.github.b2cpermissions.internal.Redaction;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validates tenant identifiers before they reach a URL: a GUID or a DNS domain name, ASCII only
 * (internationalized names in their {@code xn--} form). Anything else, including path, query, host
 * or user-info tricks, look-alike characters and control characters, is rejected with an {@link
 * IllegalArgumentException} whose message shows the offending value safely.
 */
public final class TenantIdentifiers {

  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern TOP_LABEL = Pattern.compile("(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})");
  private static final int MAX_DOMAIN_LENGTH = 253;

  private TenantIdentifiers() {}

  /** Whether {@code value} is a GUID in its 8-4-4-4-12 form. */
  public static boolean isGuid(String value) {
    return value.length() == 36 && GUID.matcher(value).matches();
  }

  /**
   * Returns the tenant id or domain in canonical (lower-case) form.
   *
   * @throws NullPointerException if {@code tenant} is null
   * @throws IllegalArgumentException if it is neither a GUID nor a domain name
   */
  public static String requireTenant(String tenant) {
    Objects.requireNonNull(tenant, "tenant");
    if (isGuid(tenant)) {
      return tenant.toLowerCase(Locale.ROOT);
    }
    // Check for ASCII before lower-casing: some non-ASCII letters lower-case to ASCII ones (the
    // Kelvin sign U+212A becomes 'k'), which would let a look-alike through.
    String lower = tenant.toLowerCase(Locale.ROOT);
    if (isPrintableAscii(tenant) && isDomain(lower)) {
      return lower;
    }
    throw new IllegalArgumentException(
        "tenant must be a GUID or a domain name such as contoso.onmicrosoft.com, was "
            + describe(tenant));
  }

  /** Whether {@code lower} (already lower-cased) is an ASCII domain name of two or more labels. */
  public static boolean isDomain(String lower) {
    if (lower.isEmpty() || lower.length() > MAX_DOMAIN_LENGTH) {
      return false;
    }
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c > 0x7e || c < 0x21) {
        return false;
      }
    }
    String[] labels = lower.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (int i = 0; i < labels.length - 1; i++) {
      if (!LABEL.matcher(labels[i]).matches()) {
        return false;
      }
    }
    return TOP_LABEL.matcher(labels[labels.length - 1]).matches();
  }

  /**
   * Describes a rejected value for an error message: quoted, shortened to 64 characters, and with
   * control and non-ASCII characters shown as {@code \\uXXXX} so they cannot forge log lines. The
   * escaping itself is the api module's {@link Redaction#printable(String, int)}, shared so that the
   * modules cannot drift apart.
   */
  public static String describe(String value) {
    return Redaction.printable(value, 64);
  }

  /**
   * Returns a GUID in canonical (lower-case) form, for ids such as an application (client) id or a
   * tenant id where a domain name is not acceptable.
   *
   * @param value the value to check
   * @param name what the value is, for the message (for example {@code "clientId"})
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is not a GUID in its 8-4-4-4-12 form
   */
  public static String requireGuid(String value, String name) {
    Objects.requireNonNull(value, name);
    if (!isGuid(value)) {
      throw new IllegalArgumentException(
          name + " must be a GUID such as 00000000-0000-0000-0000-000000000000, was "
              + describe(value));
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** Whether every character of {@code value} is printable ASCII ({@code !} to {@code ~}). */
  public static boolean isPrintableAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
