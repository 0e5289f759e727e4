package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /identity/b2cUserFlows/{id}/languages} (Graph beta only): the languages of a user flow,
 * kept in the flow's {@code languages} array, each with its {@code defaultPages} and {@code
 * overridesPages} (the page ids, such as {@code api.selfasserted}; their content is a stream, read
 * at its own URL, which the fake does not serve).
 */
final class UserFlowLanguageHandler {
  private static final String FLOWS = B2cSeed.USER_FLOWS;
  private static final List<String> PAGES = List.of("defaultPages", "overridesPages");

  void register(RouteTable routes) {
    routes.collection("LIST_B2C_USER_FLOW_LANGUAGES", this::list);
    routes.entity("GET_B2C_USER_FLOW_LANGUAGE", this::get);
    routes.collection("LIST_B2C_USER_FLOW_LANGUAGE_DEFAULT_PAGES", op -> pages(op, "defaultPages"));
    routes.collection("LIST_B2C_USER_FLOW_LANGUAGE_OVERRIDES_PAGES", op -> pages(op, "overridesPages"));
  }

  private Reply list(GraphRequest op) {
    ObjectNode flow = DirectoryObjects.require(op, FLOWS);
    List<ObjectNode> languages = new ArrayList<>();
    for (JsonNode l : flow.path("languages")) {
      if (l.isObject()) {
        languages.add(shown((ObjectNode) l));
      }
    }
    String ctx = "identity/b2cUserFlows('" + flow.path("id").asText() + "')/languages";
    return ODataReplies.collection(op, ctx, "userFlowLanguageConfiguration", ODataSource.of(languages), List.of("id", "isEnabled"), null, null);
  }

  private Reply get(GraphRequest op) {
    ObjectNode flow = DirectoryObjects.require(op, FLOWS);
    ObjectNode language = language(op, flow);
    String ctx = "identity/b2cUserFlows('" + flow.path("id").asText() + "')/languages";
    return ODataReplies.entity(op, ctx, shown(language), "microsoft.graph.userFlowLanguageConfiguration");
  }

  private Reply pages(GraphRequest op, String nav) {
    ObjectNode flow = DirectoryObjects.require(op, FLOWS);
    ObjectNode language = language(op, flow);
    String ctx = "identity/b2cUserFlows('" + flow.path("id").asText() + "')/languages('" + language.path("id").asText() + "')/" + nav;
    return ODataReplies.collection(op, ctx, "userFlowLanguagePage", DirectoryObjects.arrayOf(language.path(nav)), List.of("id"), null, null);
  }

  /** The flow's language the route's {@code languageId} names (any case). */
  private static ObjectNode language(GraphRequest op, ObjectNode flow) {
    String id = op.var("languageId");
    for (JsonNode l : flow.path("languages")) {
      if (l.isObject() && l.path("id").asText().equalsIgnoreCase(id)) {
        return (ObjectNode) l;
      }
    }
    throw GraphErrorException.notFound(id);
  }

  /** A language without its page navigations. */
  private static ObjectNode shown(ObjectNode language) {
    ObjectNode o = language.deepCopy();
    o.remove(PAGES);
    return o;
  }
}
