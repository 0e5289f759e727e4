package io.github.b2cpermissions.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import io.github.b2cpermissions.graph.internal.credentials.IdentityCredentials;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Turns the credential source a {@link GraphPermissionVerifierBuilder} was given into one per tenant. */
final class CredentialSources {
  private CredentialSources() {}

  /**
   * The credential of each tenant, from whichever one source was set (the builder has checked that
   * exactly one was).
   */
  static Function<String, TokenCredential> resolve(String clientId, GraphCloud cloud,
      @Nullable Function<String, TokenCredential> credentials, @Nullable TokenCredential sharedCredential,
      @Nullable String clientSecret, @Nullable Path certificatePath, @Nullable String certificatePassword,
      @Nullable HttpClient identityHttpClient) {
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
