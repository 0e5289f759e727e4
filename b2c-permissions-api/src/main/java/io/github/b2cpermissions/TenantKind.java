package io.github.b2cpermissions;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of customer identity tenant this library knows how to check, each named by the {@code
 * tenantType} Microsoft Graph reports on the tenant's {@code organization}. A workforce tenant
 * ({@code AAD}) and any value Graph may add later are not a kind: {@link #fromTenantType(String)}
 * answers empty for them, and such a tenant is never verified as covered.
 */
public enum TenantKind {
  /** An Azure AD B2C tenant: {@code tenantType} {@code AAD B2C}. */
  B2C("AAD B2C"),
  /**
   * A Microsoft Entra External ID tenant for customers: {@code tenantType} {@code CIAM}. New
   * customer identity tenants are of this kind since Azure AD B2C stopped being sold (1 May 2025).
   */
  EXTERNAL_ID("CIAM");

  private final String tenantType;

  TenantKind(String tenantType) {
    this.tenantType = tenantType;
  }

  /** The exact {@code tenantType} value Graph reports for a tenant of this kind. */
  public String tenantType() {
    return tenantType;
  }

  /**
   * The kind whose {@code tenantType} is exactly {@code tenantType}. The match is case-sensitive,
   * like Graph's values: {@code aad b2c} is not a B2C tenant type.
   *
   * @param tenantType a value Graph reported, or null when it was not read
   * @return the kind, or empty for {@code AAD}, any other value, blank or null
   */
  public static Optional<TenantKind> fromTenantType(@Nullable String tenantType) {
    for (TenantKind kind : values()) {
      if (kind.tenantType.equals(tenantType)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
