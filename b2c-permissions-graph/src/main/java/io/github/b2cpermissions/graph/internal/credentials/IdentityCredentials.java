package io.github.b2cpermissions.graph.internal.credentials;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Builds the azure-identity credentials the verifier creates itself, from a client secret or a
 * certificate: one multi-tenant credential against the cloud's authority host, which skips
 * instance discovery for a custom cloud (its authority is one Microsoft does not know).
 */
public final class IdentityCredentials {
  private IdentityCredentials() {}

  /**
   * A client-secret credential allowed in every tenant.
   *
   * @throws RuntimeException whatever azure-identity throws for an unusable configuration
   */
  public static TokenCredential clientSecret(URI authorityHost, boolean customCloud,
      String clientId, String secret, @Nullable HttpClient identityHttpClient) {
    ClientSecretCredentialBuilder builder = new ClientSecretCredentialBuilder()
        .authorityHost(authorityHost.toString())
        .tenantId("organizations")
        .clientId(clientId)
        .clientSecret(secret)
        .additionallyAllowedTenants("*");
    if (identityHttpClient != null) {
      builder.httpClient(identityHttpClient);
    }
    if (customCloud) {
      builder.disableInstanceDiscovery();
    }
    return builder.build();
  }

  /**
   * A certificate credential allowed in every tenant: a PFX file when {@code pfxPassword} is
   * given, else a PEM file.
   *
   * @throws RuntimeException whatever azure-identity throws for an unusable configuration
   */
  public static TokenCredential clientCertificate(URI authorityHost, boolean customCloud,
      String clientId, Path certificate, @Nullable String pfxPassword,
      @Nullable HttpClient identityHttpClient) {
    ClientCertificateCredentialBuilder builder = new ClientCertificateCredentialBuilder()
        .authorityHost(authorityHost.toString())
        .tenantId("organizations")
        .clientId(clientId)
        .additionallyAllowedTenants("*");
    if (identityHttpClient != null) {
      builder.httpClient(identityHttpClient);
    }
    if (customCloud) {
      builder.disableInstanceDiscovery();
    }
    if (pfxPassword != null) {
      builder.pfxCertificate(certificate.toString()).clientCertificatePassword(pfxPassword);
    } else {
      builder.pemCertificate(certificate.toString());
    }
    return builder.build();
  }
}
