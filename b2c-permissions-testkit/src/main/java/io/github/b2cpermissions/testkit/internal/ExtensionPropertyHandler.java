package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * {@code /applications/{id}/extensionProperties}: the directory extensions an application defines.
 * In a B2C tenant the b2c-extensions-app defines one per custom attribute, named {@code
 * extension_{appId without dashes}_{attribute}}, which is where a restore recreates them. Kept in
 * the application's JSON as a navigation the application's own replies never show.
 */
final class ExtensionPropertyHandler {
  private static final String APPS = B2cSeed.APPLICATIONS;
  private static final String NAV = B2cObjects.EXTENSION_PROPERTIES;
  private static final Set<String> WRITABLE = Set.of("name", "dataType", "targetObjects", "isMultiValued");
  private static final Set<String> DATA_TYPES = Set.of("Binary", "Boolean", "DateTime", "Integer", "LargeInteger", "String");
  private static final Set<String> TARGETS = Set.of("User", "Group", "AdministrativeUnit", "Application", "Device", "Organization");

  void register(RouteTable routes) {
    routes.collection("LIST_EXTENSION_PROPERTIES", this::list);
    routes.entity("GET_EXTENSION_PROPERTY", this::get);
    routes.write("CREATE_EXTENSION_PROPERTY", this::create);
    routes.write("DELETE_EXTENSION_PROPERTY", this::delete);
  }

  private static String context(ObjectNode app) {
    return "applications('" + app.path("id").asText() + "')/extensionProperties";
  }

  private Reply list(GraphRequest op) {
    ObjectNode app = DirectoryObjects.require(op, APPS);
    return ODataReplies.collection(op, context(app), "extensionProperty", DirectoryObjects.arrayOf(app.path(NAV)), List.of("id", "name"), null, null);
  }

  private Reply get(GraphRequest op) {
    ObjectNode app = DirectoryObjects.require(op, APPS);
    String id = op.var("extensionId");
    for (JsonNode e : app.path(NAV)) {
      if (e.path("id").asText().equalsIgnoreCase(id)) {
        return ODataReplies.entity(op, context(app), ((ObjectNode) e).deepCopy(), "microsoft.graph.extensionProperty");
      }
    }
    throw GraphErrorException.notFound(id);
  }

  private Reply create(GraphRequest op) {
    ObjectNode b = op.body();
    DirectoryObjects.onlyWritable(op, b, WRITABLE, "ExtensionProperty");
    String name = B2cStore.text(b, "name");
    if (name == null || !name.matches("^[A-Za-z][A-Za-z0-9_]{0,119}$")) {
      throw GraphErrorException.invalidValue("name", "ExtensionProperty");
    }
    if (!DATA_TYPES.contains(String.valueOf(B2cStore.text(b, "dataType")))) {
      throw GraphErrorException.invalidValue("dataType", "ExtensionProperty");
    }
    JsonNode targets = b.path("targetObjects");
    if (!targets.isArray() || targets.isEmpty()) {
      throw GraphErrorException.invalidValue("targetObjects", "ExtensionProperty");
    }
    for (JsonNode t : targets) {
      if (!TARGETS.contains(t.asText())) {
        throw GraphErrorException.invalidValue("targetObjects", "ExtensionProperty");
      }
    }
    if (b.has("isMultiValued") && !b.get("isMultiValued").isBoolean()) {
      throw GraphErrorException.invalidValue("isMultiValued", "ExtensionProperty");
    }
    B2cStore s = op.b2c();
    ObjectNode created;
    synchronized (s) {
      ObjectNode app = DirectoryObjects.require(op, APPS);
      created = B2cObjects.extensionProperty(app, b.deepCopy());
      ArrayNode all = app.has(NAV) ? (ArrayNode) app.get(NAV) : app.putArray(NAV);
      for (JsonNode e : all) {
        if (e.path("name").asText().equalsIgnoreCase(created.path("name").asText())) {
          throw GraphErrorException.badRequest("Property '" + created.path("name").asText() + "' already exists on application '" + app.path("appId").asText() + "'.");
        }
      }
      all.add(created);
      s.replaceObject(APPS, app);
      return ODataReplies.created(op, context(app), "applications/" + app.path("id").asText() + "/extensionProperties", created.deepCopy());
    }
  }

  private Reply delete(GraphRequest op) {
    B2cStore s = op.b2c();
    String id = op.var("extensionId");
    synchronized (s) {
      ObjectNode app = DirectoryObjects.require(op, APPS);
      JsonNode all = app.path(NAV);
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).path("id").asText().equalsIgnoreCase(id)) {
          ((ArrayNode) all).remove(i);
          s.replaceObject(APPS, app);
          return Reply.noContent();
        }
      }
    }
    throw GraphErrorException.notFound(id);
  }
}
