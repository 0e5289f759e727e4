package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code /identity/b2cUserFlows}: user flows, their identity providers and their user attribute
 * assignments.
 */
final class UserFlowHandler {
  private static final String FLOWS = B2cSeed.USER_FLOWS;
  private static final String RESOURCE = "B2cIdentityUserFlow";
  private static final String ASSIGNMENT = "IdentityUserFlowAttributeAssignment";
  private static final Pattern FLOW_NAME = Pattern.compile("^[A-Za-z0-9_-]{1,100}$");
  private static final Set<String> FLOW_TYPES = Set.of("signUp", "signIn", "signUpOrSignIn", "passwordReset", "profileUpdate", "resourceOwner");
  private static final Set<String> UPDATABLE = Set.of("isLanguageCustomizationEnabled", "defaultLanguageTag");
  private static final Set<String> FIXED = Set.of("id", "userFlowType", "userFlowTypeVersion", "identityProviders", "userAttributeAssignments");
  private static final Pattern IDP_REF =
      Pattern.compile("^.*/identity/identityProviders(?:/([^/?'()]+)|\\('([^']+)'\\))/?$", Pattern.CASE_INSENSITIVE);
  private static final Set<String> ASSIGNMENT_WRITABLE =
      Set.of("displayName", "isOptional", "requiresVerification", "userInputType", "userAttributeValues", "userAttribute");
  private static final Set<String> USER_INPUT_TYPES =
      Set.of("textBox", "dateTimeDropdown", "radioSingleSelect", "dropdownSingleSelect", "emailBox", "checkboxMultiSelect");

  void register(RouteTable routes) {
    routes.collection("LIST_B2C_USER_FLOWS", op -> DirectoryObjects.list(op, FLOWS, "identity/b2cUserFlows"));
    routes.entity("GET_B2C_USER_FLOW", op -> DirectoryObjects.get(op, FLOWS, "identity/b2cUserFlows"));
    routes.collection("LIST_B2C_USER_FLOW_IDENTITY_PROVIDERS", this::identityProviders);
    routes.collection("LIST_B2C_USER_FLOW_ATTRIBUTE_ASSIGNMENTS", op -> navigation(op, "userAttributeAssignments", "identityUserFlowAttributeAssignment"));
    routes.write("CREATE_B2C_USER_FLOW", this::create);
    routes.write("UPDATE_B2C_USER_FLOW", this::update);
    routes.write("DELETE_B2C_USER_FLOW", op -> DirectoryObjects.delete(op, FLOWS));
    routes.write("ADD_B2C_USER_FLOW_IDENTITY_PROVIDER", this::addIdentityProvider);
    routes.write("REMOVE_B2C_USER_FLOW_IDENTITY_PROVIDER", op -> removeFromFlow(op, "identityProviders", op.var("providerId")));
    routes.write("CREATE_B2C_USER_FLOW_ATTRIBUTE_ASSIGNMENT", this::createAttributeAssignment);
    routes.write("DELETE_B2C_USER_FLOW_ATTRIBUTE_ASSIGNMENT", op -> removeFromFlow(op, "userAttributeAssignments", op.var("attributeId")));
  }

  private Reply navigation(GraphRequest op, String nav, String type) {
    ObjectNode flow = DirectoryObjects.require(op, FLOWS);
    String ctx = "identity/b2cUserFlows('" + flow.path("id").asText() + "')/" + nav;
    return ODataReplies.collection(op, ctx, type, DirectoryObjects.arrayOf(flow.path(nav)), List.of("id"), null, null);
  }

  /**
   * A flow's identity providers in beta's {@code identityProvider} shape ({@code id}, {@code type},
   * {@code name}, {@code clientId}, {@code clientSecret}), taken from the tenant's identity provider
   * of the same id where there is one: the secret is write-only, shown as {@code *****} when set.
   */
  private Reply identityProviders(GraphRequest op) {
    ObjectNode flow = DirectoryObjects.require(op, FLOWS);
    B2cStore s = op.b2c();
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode entry : flow.path("identityProviders")) {
      if (entry.isObject()) {
        out.add(asIdentityProvider((ObjectNode) entry, s.object(B2cSeed.IDENTITY_PROVIDERS, entry.path("id").asText())));
      }
    }
    String ctx = "identity/b2cUserFlows('" + flow.path("id").asText() + "')/identityProviders";
    return ODataReplies.collection(op, ctx, "identityProvider", ODataSource.of(out), List.of("id"), null, null);
  }

  private static ObjectNode asIdentityProvider(ObjectNode entry, @Nullable ObjectNode tenantProvider) {
    JsonNode src = tenantProvider != null ? tenantProvider : entry;
    ObjectNode o = Json.object();
    o.put("id", entry.path("id").asText());
    o.set("type", value(src, tenantProvider != null ? "identityProviderType" : "type"));
    o.set("name", value(src, tenantProvider != null ? "displayName" : "name"));
    o.set("clientId", value(src, "clientId"));
    JsonNode secret = src.get("clientSecret");
    if (secret == null || secret.isNull()) {
      o.putNull("clientSecret");
    } else {
      o.put("clientSecret", "*****");
    }
    return o;
  }

  private static JsonNode value(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null ? Json.object().nullNode() : v.deepCopy();
  }

  private Reply create(GraphRequest op) {
    ObjectNode b = op.body();
    String name = B2cStore.text(b, "id");
    if (name == null || !FLOW_NAME.matcher(name).matches()) {
      throw GraphErrorException.invalidValue("id", RESOURCE);
    }
    String type = B2cStore.text(b, "userFlowType");
    if (type == null || !FLOW_TYPES.contains(type)) {
      throw GraphErrorException.invalidValue("userFlowType", RESOURCE);
    }
    if (!b.path("userFlowTypeVersion").isNumber()) {
      throw GraphErrorException.invalidValue("userFlowTypeVersion", RESOURCE);
    }
    String id = name.regionMatches(true, 0, "B2C_1_", 0, 6) ? "B2C_1_" + name.substring(6) : "B2C_1_" + name;
    B2cStore s = op.b2c();
    ObjectNode flow = Json.object();
    flow.put("id", id);
    flow.put("userFlowType", type);
    flow.put("userFlowTypeVersion", b.path("userFlowTypeVersion").asDouble());
    flow.put("isLanguageCustomizationEnabled", b.path("isLanguageCustomizationEnabled").asBoolean(false));
    flow.put("defaultLanguageTag", b.path("defaultLanguageTag").asText("en"));
    ArrayNode idps = flow.putArray("identityProviders");
    for (JsonNode p : b.path("identityProviders")) {
      String pid = p.path("id").asText("");
      ObjectNode known = s.object(B2cSeed.IDENTITY_PROVIDERS, pid);
      if (pid.isEmpty()) {
        throw GraphErrorException.invalidValue("identityProviders", RESOURCE);
      }
      idps.add(known != null ? known : Json.object().put("id", pid));
    }
    if (b.has("userAttributeAssignments")) {
      flow.set("userAttributeAssignments", b.get("userAttributeAssignments").deepCopy());
    }
    synchronized (s) {
      if (s.object(FLOWS, id) != null) {
        throw new GraphErrorException(409, "AADB2C_UserFlowAlreadyExists", "A user flow with the id '" + id + "' already exists.");
      }
      s.addObject(FLOWS, flow);
    }
    return ODataReplies.created(op, "identity/b2cUserFlows", "identity/b2cUserFlows", DirectoryObjects.strip(FLOWS, flow.deepCopy()));
  }

  private Reply update(GraphRequest op) {
    ObjectNode b = op.body();
    for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (FIXED.contains(f)) {
        // Graph's own refusal, not a gap of the fake: these are set once, at creation.
        throw GraphErrorException.badRequest("Property '" + f + "' of resource '" + RESOURCE + "' cannot be updated after creation.");
      }
      if (!UPDATABLE.contains(f)) {
        throw GraphErrorException.invalidProperty(op, f, RESOURCE);
      }
    }
    if (b.has("isLanguageCustomizationEnabled") && !b.get("isLanguageCustomizationEnabled").isBoolean()) {
      throw GraphErrorException.invalidValue("isLanguageCustomizationEnabled", RESOURCE);
    }
    if (b.has("defaultLanguageTag") && (!b.get("defaultLanguageTag").isTextual() || b.get("defaultLanguageTag").asText().isBlank())) {
      throw GraphErrorException.invalidValue("defaultLanguageTag", RESOURCE);
    }
    B2cStore s = op.b2c();
    synchronized (s) {
      ObjectNode flow = DirectoryObjects.require(op, FLOWS);
      flow.setAll(b.deepCopy());
      s.replaceObject(FLOWS, flow);
    }
    return Reply.noContent();
  }

  private Reply addIdentityProvider(GraphRequest op) {
    ObjectNode b = op.body();
    String pid = DirectoryObjects.referencedId(b, IDP_REF);
    B2cStore s = op.b2c();
    synchronized (s) {
      ObjectNode flow = DirectoryObjects.require(op, FLOWS);
      ObjectNode idp = s.object(B2cSeed.IDENTITY_PROVIDERS, pid);
      if (idp == null) {
        throw GraphErrorException.notFound(pid);
      }
      ArrayNode list = arrayProperty(flow, "identityProviders");
      for (JsonNode p : list) {
        if (p.path("id").asText().equalsIgnoreCase(pid)) {
          throw GraphErrorException.badRequest("One or more added object references already exist for the following modified properties: 'identityProviders'.");
        }
      }
      list.add(idp);
      s.replaceObject(FLOWS, flow);
    }
    return Reply.noContent();
  }

  private static ArrayNode arrayProperty(ObjectNode flow, String name) {
    return flow.has(name) && flow.get(name).isArray() ? (ArrayNode) flow.get(name) : flow.putArray(name);
  }

  /** Removes the entry {@code id} from the user flow's {@code list}; 404 for an unknown flow or entry. */
  private Reply removeFromFlow(GraphRequest op, String list, String id) {
    B2cStore s = op.b2c();
    synchronized (s) {
      ObjectNode flow = DirectoryObjects.require(op, FLOWS);
      if (!removeById(flow.path(list), id)) {
        throw GraphErrorException.notFound(id);
      }
      s.replaceObject(FLOWS, flow);
    }
    return Reply.noContent();
  }

  private static boolean removeById(JsonNode list, String id) {
    if (!list.isArray()) {
      return false;
    }
    for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
      if (it.next().path("id").asText().equalsIgnoreCase(id)) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  private Reply createAttributeAssignment(GraphRequest op) {
    ObjectNode b = op.body();
    DirectoryObjects.onlyWritable(op, b, ASSIGNMENT_WRITABLE, ASSIGNMENT);
    String attribute = B2cStore.text(b.path("userAttribute"), "id");
    if (attribute == null || attribute.isBlank()) {
      throw GraphErrorException.invalidValue("userAttribute", ASSIGNMENT);
    }
    String inputType = b.has("userInputType") ? B2cStore.text(b, "userInputType") : "textBox";
    if (inputType == null || !USER_INPUT_TYPES.contains(inputType)) {
      throw GraphErrorException.invalidValue("userInputType", ASSIGNMENT);
    }
    for (String flag : List.of("isOptional", "requiresVerification")) {
      if (b.has(flag) && !b.get(flag).isBoolean()) {
        throw GraphErrorException.invalidValue(flag, ASSIGNMENT);
      }
    }
    if (b.has("userAttributeValues") && !b.get("userAttributeValues").isArray()) {
      throw GraphErrorException.invalidValue("userAttributeValues", ASSIGNMENT);
    }
    ObjectNode a = Json.object();
    a.put("id", attribute);
    a.put("displayName", b.has("displayName") ? b.path("displayName").asText() : attribute);
    a.put("isOptional", b.path("isOptional").asBoolean(false));
    a.put("requiresVerification", b.path("requiresVerification").asBoolean(false));
    a.put("userInputType", inputType);
    a.set("userAttributeValues", b.has("userAttributeValues") ? b.get("userAttributeValues").deepCopy() : Json.object().arrayNode());
    B2cStore s = op.b2c();
    String flowId;
    synchronized (s) {
      ObjectNode flow = DirectoryObjects.require(op, FLOWS);
      flowId = flow.path("id").asText();
      ArrayNode list = arrayProperty(flow, "userAttributeAssignments");
      for (JsonNode x : list) {
        if (x.path("id").asText().equalsIgnoreCase(attribute)) {
          throw new GraphErrorException(409, "Conflict", "The user attribute '" + attribute + "' is already assigned to the user flow '" + flowId + "'.");
        }
      }
      list.add(a);
      s.replaceObject(FLOWS, flow);
    }
    String nav = "identity/b2cUserFlows('" + flowId + "')/userAttributeAssignments";
    return ODataReplies.created(op, nav, nav, a.deepCopy());
  }
}
