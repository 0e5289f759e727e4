package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code /identity/authenticationEventsFlows}: an External ID tenant's user flows, each an {@code
 * externalUsersSelfServiceSignUpEventsFlow} (the only type Graph lets a tenant create). A create
 * may carry the flow's links inline, as Graph's create example does ({@code
 * conditions.applications.includeApplications}, {@code onAttributeCollection.attributes}, {@code
 * onAuthenticationMethodLoadStart.identityProviders}); they are kept as links and read back through
 * the flow's navigation routes ({@link AuthenticationEventsFlowLinkHandler}), never as properties.
 */
final class AuthenticationEventsFlowHandler {
  private static final String FLOWS = ExternalIdSeed.FLOWS;
  private static final String CONTEXT = "identity/authenticationEventsFlows";
  private static final String RESOURCE = "externalUsersSelfServiceSignUpEventsFlow";
  private static final Set<String> WRITABLE =
      Set.of(
          "@odata.type", "displayName", "description", "conditions", "onAttributeCollection", "onAttributeCollectionStart",
          "onAttributeCollectionSubmit", "onAuthenticationMethodLoadStart", "onInteractiveAuthFlowStart", "onUserCreateStart");

  void register(RouteTable routes) {
    routes.collection("LIST_AUTHENTICATION_EVENTS_FLOWS", op -> ExternalIdReads.list(op, FLOWS, CONTEXT));
    routes.entity("GET_AUTHENTICATION_EVENTS_FLOW", op -> ExternalIdReads.get(op, FLOWS, CONTEXT));
    routes.write("CREATE_AUTHENTICATION_EVENTS_FLOW", this::create);
    routes.write("UPDATE_AUTHENTICATION_EVENTS_FLOW", this::update);
    routes.write("DELETE_AUTHENTICATION_EVENTS_FLOW", op -> ExternalIdReads.delete(op, FLOWS));
  }

  private Reply create(GraphRequest op) {
    ObjectNode b = op.body();
    DirectoryObjects.onlyWritable(op, b, WRITABLE, RESOURCE);
    if (!ExternalIdObjects.SIGN_UP_FLOW_TYPE.equals(b.path("@odata.type").asText())) {
      throw GraphErrorException.invalidValue("@odata.type", RESOURCE);
    }
    String name = displayName(b);
    if (name == null) {
      throw GraphErrorException.invalidValue("displayName", RESOURCE);
    }
    ObjectNode given = b.deepCopy();
    List<String> apps = inline(given.path("conditions").path("applications"), "includeApplications", "appId");
    List<String> attributes = inline(given.path("onAttributeCollection"), "attributes", "id");
    List<String> providers = inline(given.path("onAuthenticationMethodLoadStart"), "identityProviders", "id");
    requireExisting(op, B2cSeed.USER_FLOW_ATTRIBUTES, attributes);
    requireExisting(op, B2cSeed.IDENTITY_PROVIDERS, providers);
    given.put("id", UUID.randomUUID().toString());
    ObjectNode flow = ExternalIdObjects.withDefaults(FLOWS, given);
    ExternalIdStore s = op.externalId();
    synchronized (s) {
      if (s.flowNameTaken(name, null)) {
        throw GraphErrorException.badRequest("A user flow with the display name '" + name + "' already exists.");
      }
      s.add(FLOWS, flow);
      String id = flow.path("id").asText();
      apps.forEach(a -> s.link(id, ExternalIdStore.Link.APPLICATIONS, a));
      attributes.forEach(a -> s.link(id, ExternalIdStore.Link.ATTRIBUTES, a));
      providers.forEach(p -> s.link(id, ExternalIdStore.Link.IDENTITY_PROVIDERS, p));
    }
    return ODataReplies.created(op, CONTEXT, CONTEXT, flow.deepCopy());
  }

  private Reply update(GraphRequest op) {
    ObjectNode b = op.body();
    DirectoryObjects.onlyWritable(op, b, WRITABLE, RESOURCE);
    if (b.has("@odata.type") && !ExternalIdObjects.SIGN_UP_FLOW_TYPE.equals(b.path("@odata.type").asText())) {
      throw GraphErrorException.invalidValue("@odata.type", RESOURCE);
    }
    if (b.has("displayName") && displayName(b) == null) {
      throw GraphErrorException.invalidValue("displayName", RESOURCE);
    }
    for (String handler : List.of("conditions", "onAttributeCollection", "onAuthenticationMethodLoadStart")) {
      if (b.path(handler).isObject()) {
        // The links are changed through their own routes; a PATCH keeps them.
        ObjectNode h = (ObjectNode) b.get(handler);
        h.remove(List.of("attributes", "identityProviders"));
        if (h.path("applications").isObject()) {
          ((ObjectNode) h.get("applications")).remove("includeApplications");
        }
      }
    }
    ExternalIdStore s = op.externalId();
    synchronized (s) {
      ObjectNode flow = ExternalIdReads.require(op, FLOWS);
      String name = displayName(b);
      if (name != null && s.flowNameTaken(name, flow.path("id").asText())) {
        throw GraphErrorException.badRequest("A user flow with the display name '" + name + "' already exists.");
      }
      flow.setAll(b.deepCopy());
      s.replace(FLOWS, flow);
    }
    return Reply.noContent();
  }

  private static @Nullable String displayName(ObjectNode b) {
    JsonNode n = b.get("displayName");
    return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
  }

  /** Removes an inline link array from a create body and returns the ids it named. */
  private static List<String> inline(JsonNode parent, String array, String key) {
    List<String> ids = new ArrayList<>();
    if (!parent.isObject() || !parent.has(array)) {
      return ids;
    }
    JsonNode items = ((ObjectNode) parent).remove(array);
    if (!items.isArray()) {
      throw GraphErrorException.invalidValue(array, RESOURCE);
    }
    for (JsonNode item : items) {
      String id = item.path(key).asText("");
      if (id.isBlank()) {
        throw GraphErrorException.invalidValue(array, RESOURCE);
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static void requireExisting(GraphRequest op, String collection, List<String> ids) {
    for (String id : ids) {
      if (op.b2c().object(collection, id) == null) {
        throw GraphErrorException.notFound(id);
      }
    }
  }
}
