package io.github.b2cpermissions.testkit.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The backup app as registered in its home tenant: one multi-tenant app serves every tenant of a
 * fleet, so the server keeps one registration per client id and each tenant only has (or lacks) a
 * service principal for it.
 */
public final class AppRegistration {
  public final String clientId;
  public final String clientSecret;
  public final String displayName;
  public final List<URI> redirectUris;
  /** Graph role values the app asks for: what admin consent grants. */
  public final List<String> requiredRoles;
  /** The id of the app's home tenant (derived from the client id; stable). */
  final String homeTenantId;
  /** A certificate credential of the app, or null: client assertions are then refused. */
  public final @Nullable X509Certificate certificate;

  public AppRegistration(
      String clientId,
      String clientSecret,
      String displayName,
      List<URI> redirectUris,
      List<String> requiredRoles,
      @Nullable X509Certificate certificate) {
    this.certificate = certificate;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.displayName = displayName;
    this.redirectUris = List.copyOf(redirectUris);
    this.requiredRoles = List.copyOf(requiredRoles);
    this.homeTenantId =
        UUID.nameUUIDFromBytes(
                ("home-tenant/" + clientId).getBytes(StandardCharsets.UTF_8))
            .toString();
  }

  /** Same registration in every respect (secrets compared too). */
  boolean sameAs(AppRegistration o) {
    return clientId.equals(o.clientId)
        && clientSecret.equals(o.clientSecret)
        && displayName.equals(o.displayName)
        && redirectUris.equals(o.redirectUris)
        && requiredRoles.equals(o.requiredRoles)
        && Objects.equals(certificate, o.certificate);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AppRegistration && sameAs((AppRegistration) o);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientId, displayName, redirectUris, requiredRoles);
  }

  @Override
  public String toString() {
    return "AppRegistration{clientId="
        + clientId
        + ", displayName="
        + displayName
        + ", redirectUris="
        + redirectUris
        + ", clientSecret=***}";
  }
}
