package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** {@code /identity/identityProviders}: social, Apple and OpenID Connect providers. */
final class IdentityProviderHandler {
  private static final String IDPS = B2cSeed.IDENTITY_PROVIDERS;
  private static final String RESOURCE = "IdentityProviderBase";
  private static final Set<String> TYPES =
      Set.of("#microsoft.graph.socialIdentityProvider", "#microsoft.graph.appleManagedIdentityProvider", "#microsoft.graph.openIdConnectIdentityProvider");
  private static final Set<String> WRITABLE =
      Set.of("@odata.type", "id", "displayName", "identityProviderType", "clientId", "clientSecret", "developerId", "serviceId", "keyId", "certificateData", "metadataUrl", "scope", "responseType", "responseMode", "domainHint", "claimsMapping");
  /** Set at creation only. */
  private static final Set<String> FIXED = Set.of("id", "@odata.type", "identityProviderType");

  void register(RouteTable routes) {
    routes.collection("LIST_IDENTITY_PROVIDERS", op -> DirectoryObjects.list(op, IDPS, "identity/identityProviders"));
    routes.entity("GET_IDENTITY_PROVIDER", op -> DirectoryObjects.get(op, IDPS, "identity/identityProviders"));
    routes.write("CREATE_IDENTITY_PROVIDER", this::create);
    routes.write("UPDATE_IDENTITY_PROVIDER", this::update);
    routes.write("DELETE_IDENTITY_PROVIDER", op -> DirectoryObjects.delete(op, IDPS));
  }

  private Reply create(GraphRequest op) {
    ObjectNode b = op.body();
    String type = B2cStore.text(b, "@odata.type");
    if (type != null && !type.startsWith("#")) {
      type = "#" + type;
    }
    if (type == null || !TYPES.contains(type)) {
      throw GraphErrorException.invalidValue("@odata.type", RESOURCE);
    }
    DirectoryObjects.onlyWritable(op, b, WRITABLE, RESOURCE);
    boolean social = type.endsWith("socialIdentityProvider");
    for (String required : social ? List.of("displayName", "identityProviderType", "clientId", "clientSecret") : List.of("displayName")) {
      String value = B2cStore.text(b, required);
      if (value == null || value.isBlank()) {
        throw GraphErrorException.invalidValue(required, RESOURCE);
      }
    }
    ObjectNode given = b.deepCopy();
    given.put("@odata.type", type);
    if (!given.hasNonNull("id") && !social) {
      given.put("id", (type.endsWith("appleManagedIdentityProvider") ? "Apple-Managed-OIDC" : "OIDC-" + Ids.fastRandom().toString().substring(0, 8)));
    }
    ObjectNode idp = B2cObjects.withDefaults(IDPS, given, Json.timestamp(op.server.clock().instant()));
    B2cStore s = op.b2c();
    synchronized (s) {
      if (s.object(IDPS, idp.path("id").asText()) != null) {
        throw new GraphErrorException(409, "Conflict", "An identity provider with the id '" + idp.path("id").asText() + "' already exists.");
      }
      s.addObject(IDPS, idp);
    }
    return ODataReplies.created(op, "identity/identityProviders", "identity/identityProviders", idp.deepCopy());
  }

  private Reply update(GraphRequest op) {
    ObjectNode b = op.body();
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!WRITABLE.contains(f) || FIXED.contains(f)) {
        throw GraphErrorException.invalidProperty(op, f, RESOURCE);
      }
    }
    B2cStore s = op.b2c();
    synchronized (s) {
      ObjectNode idp = DirectoryObjects.require(op, IDPS);
      idp.setAll(b.deepCopy());
      if (idp.has("clientSecret")) {
        idp.put("clientSecret", "*****");
      }
      s.replaceObject(IDPS, idp);
    }
    return Reply.noContent();
  }
}
