package io.github.b2cpermissions.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import io.github.b2cpermissions.graph.internal.credentials.IdentityCredentials;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Turns the one credential source a builder was given into the credential of each tenant. */
final class CredentialSources {
  private CredentialSources() {}

  /**
   * The credential of each tenant, from whichever source is set (the builder checked that exactly
   * one is, and that a secret or certificate comes with a cloud that has an authority host).
   */
  static Function<String, TokenCredential> resolve(
      @Nullable Function<String, TokenCredential> credentials,
      @Nullable TokenCredential sharedCredential, @Nullable String clientSecret,
      @Nullable Path certificatePath, @Nullable String certificatePassword, GraphCloud cloud,
      String clientId, @Nullable HttpClient identityHttpClient) {
    if (credentials != null) {
      return credentials;
    }
    TokenCredential shared = sharedCredential;
    if (shared == null && clientSecret != null) {
      shared = IdentityCredentials.clientSecret(cloud.authorityHost().orElseThrow(),
          cloud.isCustom(), clientId, clientSecret, identityHttpClient);
    } else if (shared == null && certificatePath != null) {
      shared = IdentityCredentials.clientCertificate(cloud.authorityHost().orElseThrow(),
          cloud.isCustom(), clientId, certificatePath, certificatePassword, identityHttpClient);
    }
    TokenCredential credential = Objects.requireNonNull(shared);
    return tenant -> credential;
  }
}
