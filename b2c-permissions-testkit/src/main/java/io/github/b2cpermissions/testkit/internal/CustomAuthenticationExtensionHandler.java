package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /identity/customAuthenticationExtensions}: the REST APIs an External ID tenant calls
 * during sign-in and sign-up (token issuance start, attribute collection start and submit, one-time
 * passcode send). Each is one of the derived types of {@code customAuthenticationExtension} in the
 * v1.0 CSDL, named by {@code @odata.type}, which a create must give and an update cannot change;
 * the endpoint is an https {@code httpRequestEndpoint}. Authentication is by a Microsoft Entra
 * token for {@code resourceId} ({@code azureAdTokenAuthentication}), so there is no secret to hide.
 */
final class CustomAuthenticationExtensionHandler {
  private static final String EXTENSIONS = ExternalIdSeed.EXTENSIONS;
  private static final String CONTEXT = "identity/customAuthenticationExtensions";
  private static final String RESOURCE = "customAuthenticationExtension";
  /** The derived types of customAuthenticationExtension in the v1.0 CSDL (commit f54f11b6). */
  static final Set<String> TYPES =
      Set.of(
          "#microsoft.graph.onTokenIssuanceStartCustomExtension",
          "#microsoft.graph.onAttributeCollectionStartCustomExtension",
          "#microsoft.graph.onAttributeCollectionSubmitCustomExtension",
          "#microsoft.graph.onOtpSendCustomExtension",
          "#microsoft.graph.onPasswordSubmitCustomExtension",
          "#microsoft.graph.onVerifiedIdClaimValidationCustomExtension");
  private static final Set<String> WRITABLE =
      Set.of(
          "@odata.type", "displayName", "description", "authenticationConfiguration", "clientConfiguration",
          "endpointConfiguration", "behaviorOnError", "claimsForTokenConfiguration");

  void register(RouteTable routes) {
    routes.collection("LIST_CUSTOM_AUTHENTICATION_EXTENSIONS", op -> ExternalIdReads.list(op, EXTENSIONS, CONTEXT));
    routes.entity("GET_CUSTOM_AUTHENTICATION_EXTENSION", op -> ExternalIdReads.get(op, EXTENSIONS, CONTEXT));
    routes.write("CREATE_CUSTOM_AUTHENTICATION_EXTENSION", this::create);
    routes.write("UPDATE_CUSTOM_AUTHENTICATION_EXTENSION", this::update);
    routes.write("DELETE_CUSTOM_AUTHENTICATION_EXTENSION", op -> ExternalIdReads.delete(op, EXTENSIONS));
  }

  private Reply create(GraphRequest op) {
    ObjectNode b = op.body();
    DirectoryObjects.onlyWritable(op, b, WRITABLE, RESOURCE);
    if (!TYPES.contains(b.path("@odata.type").asText())) {
      throw GraphErrorException.invalidValue("@odata.type", RESOURCE);
    }
    for (String required : new String[] {"displayName", "endpointConfiguration", "authenticationConfiguration"}) {
      if (!b.hasNonNull(required)) {
        throw GraphErrorException.invalidValue(required, RESOURCE);
      }
    }
    check(b);
    ObjectNode given = b.deepCopy();
    given.put("id", UUID.randomUUID().toString());
    ObjectNode extension = ExternalIdObjects.withDefaults(EXTENSIONS, given);
    op.externalId().add(EXTENSIONS, extension);
    return ODataReplies.created(op, CONTEXT, CONTEXT, extension.deepCopy());
  }

  private Reply update(GraphRequest op) {
    ObjectNode b = op.body();
    DirectoryObjects.onlyWritable(op, b, WRITABLE, RESOURCE);
    check(b);
    ExternalIdStore s = op.externalId();
    synchronized (s) {
      ObjectNode extension = ExternalIdReads.require(op, EXTENSIONS);
      if (b.has("@odata.type") && !b.path("@odata.type").asText().equals(extension.path("@odata.type").asText())) {
        throw GraphErrorException.invalidValue("@odata.type", RESOURCE);
      }
      extension.setAll(b.deepCopy());
      s.replace(EXTENSIONS, extension);
    }
    return Reply.noContent();
  }

  /** Checks the values a create or update sets. */
  private static void check(ObjectNode b) {
    JsonNode name = b.get("displayName");
    if (name != null && (!name.isTextual() || name.asText().isBlank())) {
      throw GraphErrorException.invalidValue("displayName", RESOURCE);
    }
    JsonNode endpoint = b.get("endpointConfiguration");
    if (endpoint != null
        && (!"#microsoft.graph.httpRequestEndpoint".equals(endpoint.path("@odata.type").asText())
            || !isHttps(endpoint.path("targetUrl").asText("")))) {
      throw GraphErrorException.invalidValue("endpointConfiguration", RESOURCE);
    }
    JsonNode auth = b.get("authenticationConfiguration");
    if (auth != null && !"#microsoft.graph.azureAdTokenAuthentication".equals(auth.path("@odata.type").asText())) {
      throw GraphErrorException.invalidValue("authenticationConfiguration", RESOURCE);
    }
  }

  private static boolean isHttps(String text) {
    try {
      URI u = new URI(text);
      return "https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
