package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code /groups}: security groups and their members (users and groups). */
final class GroupHandler {
  private static final Set<String> WRITABLE =
      Set.of(
          "displayName", "description", "mailEnabled", "mailNickname", "securityEnabled", "groupTypes", "visibility", "classification",
          "isAssignableToRole", "membershipRule", "membershipRuleProcessingState", "preferredDataLocation", "preferredLanguage", "theme",
          "uniqueName");
  private static final String DYNAMIC = "DynamicMembership";
  private static final Pattern MEMBER_REF =
      Pattern.compile("^.*/(?:directoryObjects|users|groups|servicePrincipals)(?:/([^/?'()]+)|\\('([^']+)'\\))/?$", Pattern.CASE_INSENSITIVE);

  void register(RouteTable routes) {
    routes.collection("LIST_GROUPS", op -> DirectoryObjects.list(op, B2cSeed.GROUPS, "groups"));
    routes.entity("GET_GROUP", op -> DirectoryObjects.get(op, B2cSeed.GROUPS, "groups"));
    routes.write("CREATE_GROUP", this::create);
    routes.write("DELETE_GROUP", op -> DirectoryObjects.delete(op, B2cSeed.GROUPS));
    routes.collection("LIST_GROUP_MEMBERS", op -> members(op, true));
    routes.write("ADD_GROUP_MEMBER", this::addMember);
    routes.write("REMOVE_GROUP_MEMBER", this::removeMember);
  }

  /** The members of a group or of a directory role, as directory objects. */
  static Reply members(GraphRequest op, boolean group) {
    B2cStore s = op.b2c();
    String id = op.var("id");
    if (s.object(group ? B2cSeed.GROUPS : B2cSeed.DIRECTORY_ROLES, id) == null) {
      throw GraphErrorException.notFound(id);
    }
    List<ObjectNode> items = new ArrayList<>();
    for (String m : s.members(group, id)) {
      ObjectNode o = s.directoryObject(m);
      if (o != null) {
        items.add(o);
      }
    }
    return ODataReplies.collection(op, "directoryObjects", "directoryObject", ODataSource.of(items), List.of("id", "displayName"), null, null);
  }

  private Reply create(GraphRequest op) {
    ObjectNode b = op.body();
    DirectoryObjects.onlyWritable(op, b, WRITABLE, "Group");
    String name = B2cStore.text(b, "displayName");
    if (name == null || name.isBlank()) {
      throw GraphErrorException.invalidValue("displayName", "Group");
    }
    String nick = B2cStore.text(b, "mailNickname");
    if (nick == null || nick.isBlank() || !nick.matches("^[\\x21-\\x7E&&[^@()\\\\\\[\\]\";:<>,]]{1,64}$")) {
      throw GraphErrorException.invalidValue("mailNickname", "Group");
    }
    for (String flag : List.of("mailEnabled", "securityEnabled")) {
      if (!b.path(flag).isBoolean()) {
        throw GraphErrorException.invalidValue(flag, "Group");
      }
    }
    boolean dynamic = dynamic(b);
    if (b.path("mailEnabled").asBoolean() || !b.path("securityEnabled").asBoolean()) {
      throw GraphErrorException.badRequest("Only security groups (mailEnabled false, securityEnabled true) can be created in this tenant.");
    }
    if (b.has("isAssignableToRole") && !b.get("isAssignableToRole").isBoolean()) {
      throw GraphErrorException.invalidValue("isAssignableToRole", "Group");
    }
    if (b.path("isAssignableToRole").asBoolean() && dynamic) {
      throw GraphErrorException.badRequest("A group with dynamic membership cannot be assignable to a role (isAssignableToRole).");
    }
    String rule = B2cStore.text(b, "membershipRule");
    if (dynamic != (rule != null && !rule.isBlank())) {
      throw GraphErrorException.badRequest(
          dynamic ? "A group with 'DynamicMembership' in groupTypes needs a membershipRule." : "membershipRule is only valid on a group with 'DynamicMembership' in groupTypes.");
    }
    String state = B2cStore.text(b, "membershipRuleProcessingState");
    if (b.has("membershipRuleProcessingState") && (!dynamic || state == null || !(state.equals("On") || state.equals("Paused")))) {
      throw GraphErrorException.invalidValue("membershipRuleProcessingState", "Group");
    }
    ObjectNode given = b.deepCopy();
    if (dynamic && state == null) {
      given.put("membershipRuleProcessingState", "On");
    }
    ObjectNode group = B2cObjects.withDefaults(B2cSeed.GROUPS, given, Json.timestamp(op.server.clock().instant()));
    op.b2c().addObject(B2cSeed.GROUPS, group);
    return ODataReplies.created(op, "groups", "groups", DirectoryObjects.shown(B2cSeed.GROUPS, group.deepCopy(), true));
  }

  /**
   * Whether a create body asks for a dynamic security group; the only other group type Graph has,
   * Microsoft 365 ({@code Unified}), does not exist in B2C tenants.
   *
   * @throws GraphErrorException for any other {@code groupTypes}
   */
  private static boolean dynamic(ObjectNode b) {
    if (!b.has("groupTypes")) {
      return false;
    }
    JsonNode types = b.get("groupTypes");
    if (!types.isArray() || types.size() > 1 || (types.size() == 1 && !DYNAMIC.equals(types.get(0).asText()))) {
      throw GraphErrorException.badRequest(
          "Invalid value specified for property 'groupTypes' of resource 'Group': only security groups, assigned or dynamic ('DynamicMembership'), are modelled.");
    }
    return types.size() == 1;
  }

  private Reply addMember(GraphRequest op) {
    ObjectNode b = op.body();
    B2cStore s = op.b2c();
    String id = op.var("id");
    if (s.object(B2cSeed.GROUPS, id) == null) {
      throw GraphErrorException.notFound(id);
    }
    String memberId = DirectoryObjects.referencedId(b, MEMBER_REF);
    ObjectNode member = s.directoryObject(memberId);
    if (member == null) {
      throw GraphErrorException.notFound(memberId);
    }
    if (!s.addMember(true, id, member.path("id").asText())) {
      throw GraphErrorException.badRequest("One or more added object references already exist for the following modified properties: 'members'.");
    }
    return Reply.noContent();
  }

  private Reply removeMember(GraphRequest op) {
    B2cStore s = op.b2c();
    String id = op.var("id");
    if (s.object(B2cSeed.GROUPS, id) == null) {
      throw GraphErrorException.notFound(id);
    }
    String memberId = op.var("memberId");
    if (!s.removeMember(true, id, memberId)) {
      throw GraphErrorException.notFound(memberId);
    }
    return Reply.noContent();
  }
}
