package io.github.b2cpermissions.testkit.seed;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.testkit.ExternalIdData;
import java.util.Set;

/**
 * Reads the {@code externalIdData} key of a tenant in the JSON seed format into {@link
 * ExternalIdData}: {@code sample}, then {@code authenticationEventsFlows}, {@code
 * customAuthenticationExtensions} and {@code authenticationMethodConfigurations} as arrays of Graph
 * JSON (a flow may carry {@code includeApplications}, {@code attributes} and {@code
 * identityProviders} arrays of ids), and {@code authenticationMethodsPolicy} as one object. Errors
 * name the JSON path.
 */
final class ExternalIdSeedJson {
  static final Set<String> KEYS =
      Set.of("sample", "authenticationEventsFlows", "customAuthenticationExtensions", "authenticationMethodsPolicy", "authenticationMethodConfigurations");

  private ExternalIdSeedJson() {}

  /**
   * The External ID configuration of one tenant.
   *
   * @throws IllegalArgumentException naming the JSON path of the first problem
   */
  static ExternalIdData read(JsonNode node, String path) {
    Seeds.checkKeys(node, KEYS, path);
    ExternalIdData.Builder b = ExternalIdData.builder();
    JsonNode sample = node.path("sample");
    if (!sample.isMissingNode()) {
      if (!sample.isBoolean()) {
        throw new IllegalArgumentException(path + ".sample must be true or false");
      }
      if (sample.asBoolean()) {
        b.sample();
      }
    }
    objects(b, node, "authenticationEventsFlows", ExternalIdData.Kind.AUTHENTICATION_EVENTS_FLOWS, path);
    objects(b, node, "customAuthenticationExtensions", ExternalIdData.Kind.CUSTOM_AUTHENTICATION_EXTENSIONS, path);
    objects(b, node, "authenticationMethodConfigurations", ExternalIdData.Kind.AUTHENTICATION_METHOD_CONFIGURATIONS, path);
    JsonNode policy = node.path("authenticationMethodsPolicy");
    if (!policy.isMissingNode()) {
      if (!policy.isObject()) {
        throw new IllegalArgumentException(path + ".authenticationMethodsPolicy must be an object");
      }
      b.authenticationMethodsPolicy(policy.toString());
    }
    return b.build();
  }

  private static void objects(ExternalIdData.Builder b, JsonNode node, String key, ExternalIdData.Kind kind, String path) {
    JsonNode a = node.path(key);
    if (a.isMissingNode()) {
      return;
    }
    if (!a.isArray()) {
      throw new IllegalArgumentException(path + "." + key + " must be an array");
    }
    for (int i = 0; i < a.size(); i++) {
      String p = path + "." + key + "[" + i + "]";
      if (!a.get(i).isObject()) {
        throw new IllegalArgumentException(p + " must be an object");
      }
      try {
        b.add(kind, a.get(i).toString());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
      }
    }
  }
}
