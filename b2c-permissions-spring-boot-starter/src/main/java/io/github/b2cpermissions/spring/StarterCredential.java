package io.github.b2cpermissions.spring;

import com.azure.core.credential.TokenCredential;
import io.github.b2cpermissions.graph.GraphCloud;
import java.util.Objects;

/**
 * The credential and cloud the auto-configured verifier uses, resolved once from the properties
 * (or the application's {@code TokenCredential} bean), so that the health indicator asks the very
 * same credential for its canary token.
 */
final class StarterCredential {
  private final TokenCredential credential;
  private final GraphCloud cloud;
  private final String clientId;

  StarterCredential(TokenCredential credential, GraphCloud cloud, String clientId) {
    this.credential = Objects.requireNonNull(credential, "credential");
    this.cloud = Objects.requireNonNull(cloud, "cloud");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
  }

  TokenCredential credential() {
    return credential;
  }

  GraphCloud cloud() {
    return cloud;
  }

  String clientId() {
    return clientId;
  }

  @Override
  public String toString() {
    return "StarterCredential{clientId=" + clientId + ", cloud=" + cloud.name() + ", credential="
        + credential.getClass().getSimpleName() + "}";
  }
}
