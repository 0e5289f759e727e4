package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /identity/apiConnectors}: the REST APIs B2C user flows call during sign-up. Their
 * credentials are write-only, as in Graph ({@link ApiConnectorSecrets}): a backup reads the user
 * name or the certificate thumbprint, never a password, and a restore must supply the secret again.
 */
final class ApiConnectorHandler {
  private static final String CONNECTORS = B2cSeed.API_CONNECTORS;
  private static final String CONTEXT = "identity/apiConnectors";
  private static final String RESOURCE = "IdentityApiConnector";
  private static final Set<String> WRITABLE = Set.of("displayName", "targetUrl", "authenticationConfiguration");

  void register(RouteTable routes) {
    routes.collection("LIST_API_CONNECTORS", op -> DirectoryObjects.list(op, CONNECTORS, CONTEXT));
    routes.entity("GET_API_CONNECTOR", op -> DirectoryObjects.get(op, CONNECTORS, CONTEXT));
    routes.write("CREATE_API_CONNECTOR", this::create);
    routes.write("UPDATE_API_CONNECTOR", this::update);
    routes.write("DELETE_API_CONNECTOR", op -> DirectoryObjects.delete(op, CONNECTORS));
  }

  private Reply create(GraphRequest op) {
    ObjectNode b = op.body();
    DirectoryObjects.onlyWritable(op, b, WRITABLE, RESOURCE);
    for (String required : WRITABLE) {
      if (!b.hasNonNull(required)) {
        throw GraphErrorException.invalidValue(required, RESOURCE);
      }
    }
    check(b);
    ObjectNode given = b.deepCopy();
    given.put("id", UUID.randomUUID().toString());
    String now = Json.timestamp(op.server.clock().instant());
    ObjectNode connector = B2cObjects.withDefaults(CONNECTORS, given, now);
    op.b2c().addObject(CONNECTORS, connector);
    return ODataReplies.created(op, CONTEXT, CONTEXT, connector.deepCopy());
  }

  private Reply update(GraphRequest op) {
    ObjectNode b = op.body();
    DirectoryObjects.onlyWritable(op, b, WRITABLE, RESOURCE);
    check(b);
    B2cStore s = op.b2c();
    synchronized (s) {
      ObjectNode connector = DirectoryObjects.require(op, CONNECTORS);
      connector.setAll(b.deepCopy());
      ApiConnectorSecrets.mask(connector, op.server.clock().instant());
      s.replaceObject(CONNECTORS, connector);
    }
    return Reply.noContent();
  }

  /** Checks the values a create or update sets. */
  private static void check(ObjectNode b) {
    JsonNode name = b.get("displayName");
    if (name != null && (!name.isTextual() || name.asText().isBlank())) {
      throw GraphErrorException.invalidValue("displayName", RESOURCE);
    }
    JsonNode url = b.get("targetUrl");
    if (url != null && (!url.isTextual() || !isHttps(url.asText()))) {
      throw GraphErrorException.invalidValue("targetUrl", RESOURCE);
    }
    JsonNode config = b.get("authenticationConfiguration");
    if (config != null && (!config.isObject() || !ApiConnectorSecrets.isWritable(config))) {
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
