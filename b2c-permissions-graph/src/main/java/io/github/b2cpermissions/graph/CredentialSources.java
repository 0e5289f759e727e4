package io.github.b2cpermissions.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import io.github.b2cpermissions.graph.internal.credentials.IdentityCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The credential sources a {@link GraphPermissionVerifierBuilder} was given: each setter checks
 * its argument, {@link #check} checks that exactly one source is set and fits the cloud, and
 * {@link #resolve} turns that source into the credential of each tenant. Its description names
 * the kind of source and never a secret. Not thread-safe, like the builder that owns it.
 */
final class CredentialSources {
  private @Nullable Function<String, TokenCredential> perTenant;
  private @Nullable TokenCredential shared;
  private @Nullable String clientSecret;
  private @Nullable Path certificatePath;
  private @Nullable String certificatePassword;
  private boolean passTenantId;
  private String description = "(none)";

  /** Takes every source and setting of {@code other} (a builder derived from another). */
  void copyFrom(CredentialSources other) {
    this.perTenant = other.perTenant;
    this.shared = other.shared;
    this.clientSecret = other.clientSecret;
    this.certificatePath = other.certificatePath;
    this.certificatePassword = other.certificatePassword;
    this.passTenantId = other.passTenantId;
    this.description = other.description;
  }

  /** One credential per tenant, from {@code source}; the token requests do not name the tenant. */
  void perTenant(Function<String, TokenCredential> source) {
    this.perTenant = Objects.requireNonNull(source, "source");
    this.passTenantId = false;
    this.description = "per-tenant credential source";
  }

  /** One multi-tenant credential for every tenant; each token request names the tenant. */
  void shared(TokenCredential credential) {
    this.shared = Objects.requireNonNull(credential, "credential");
    this.passTenantId = true;
    this.description = "shared credential " + credential.getClass().getSimpleName();
  }

  /** The app's client secret, which must not be blank. */
  void clientSecret(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.isBlank()) {
      throw new IllegalArgumentException("the client secret must not be blank");
    }
    this.clientSecret = secret;
    this.passTenantId = true;
    this.description = "client secret (***)";
  }

  /** The app's certificate file, which must be readable; the password only for a PFX file. */
  void clientCertificate(Path path, @Nullable String pfxPassword) {
    Objects.requireNonNull(path, "path");
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException("the certificate file is not readable: " + path);
    }
    this.certificatePath = path;
    this.certificatePassword = pfxPassword;
    this.passTenantId = true;
    this.description = "client certificate " + path.getFileName();
  }

  /**
   * Checks the combination at build time.
   *
   * @throws IllegalStateException if not exactly one source is set, or a secret or certificate is
   *     set with a cloud that has no authority host to get tokens from
   */
  void check(GraphCloud cloud) {
    int sources = (perTenant != null ? 1 : 0) + (shared != null ? 1 : 0)
        + (clientSecret != null ? 1 : 0) + (certificatePath != null ? 1 : 0);
    if (sources != 1) {
      throw new IllegalStateException("set exactly one credential source (credentials, credential,"
          + " clientSecret or clientCertificate); " + sources + " were set");
    }
    if ((clientSecret != null || certificatePath != null) && cloud.authorityHost().isEmpty()) {
      throw new IllegalStateException("clientSecret and clientCertificate need a cloud with an"
          + " authority host to get tokens from; " + cloud + " has none. Set one on the cloud, or"
          + " pass your own TokenCredential with credential(...) or credentials(...)");
    }
  }

  /**
   * The credential of each tenant, from whichever source is set ({@link #check} passed): a secret
   * or certificate becomes one azure-identity credential against the cloud's authority host.
   */
  Function<String, TokenCredential> resolve(
      GraphCloud cloud, String clientId, @Nullable HttpClient identityHttpClient) {
    Function<String, TokenCredential> source = perTenant;
    if (source != null) {
      return source;
    }
    TokenCredential credential = shared;
    String secret = clientSecret;
    Path certificate = certificatePath;
    if (credential == null && secret != null) {
      credential = IdentityCredentials.clientSecret(cloud.authorityHost().orElseThrow(),
          cloud.isCustom(), clientId, secret, identityHttpClient);
    } else if (credential == null && certificate != null) {
      credential = IdentityCredentials.clientCertificate(cloud.authorityHost().orElseThrow(),
          cloud.isCustom(), clientId, certificate, certificatePassword, identityHttpClient);
    }
    TokenCredential resolved = Objects.requireNonNull(credential);
    return tenant -> resolved;
  }

  /** Whether each token request must name the tenant (every source but the per-tenant one). */
  boolean passTenantId() {
    return passTenantId;
  }

  /** What kind of source is set, for {@code toString()}; never a secret. */
  String description() {
    return description;
  }
}
