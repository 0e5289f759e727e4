package io.github.b2cpermissions.testkit.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.FakeUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code b2cData} key of a tenant in the JSON seed format into {@link B2cData}: users in
 * Graph's {@code user} shape (with {@code identities} and an {@code authentication} object holding
 * {@code phoneMethods} and {@code emailMethods}), generated users, and the other kinds as Graph
 * JSON; groups and directory roles may carry a {@code members} array of object ids. Errors name
 * the JSON path.
 */
final class B2cSeedJson {
  private static final Set<String> KEYS =
      Set.of("sample", "externalIdSample", "generatedUsers", "users", "groups", "applications", "userFlows", "identityProviders", "directoryRoles", "roleAssignments", "directoryAudits", "userFlowAttributes",
          "oauth2PermissionGrants", "deletedItems", "domains", "branding", "apiConnectors");
  private static final Set<String> DELETED_KEYS = Set.of("users", "applications");
  private static final Set<String> GENERATED_KEYS = Set.of("count", "seed");
  private static final Set<String> USER_KEYS =
      Set.of("id", "displayName", "givenName", "surname", "mail", "userPrincipalName", "accountEnabled", "otherMails", "mobilePhone", "businessPhones", "identities", "authentication");
  private static final Set<String> IDENTITY_KEYS = Set.of("signInType", "issuer", "issuerAssignedId");
  private static final Set<String> AUTH_KEYS = Set.of("phoneMethods", "emailMethods");
  private static final Set<String> PHONE_KEYS = Set.of("id", "phoneNumber", "phoneType", "smsSignInState");
  private static final Set<String> EMAIL_KEYS = Set.of("id", "emailAddress");

  private B2cSeedJson() {}

  /**
   * The B2C data of one tenant.
   *
   * @param domain the tenant's domain when the seed names one, to check local identities' issuer
   * @throws IllegalArgumentException naming the JSON path of the first problem
   */
  static B2cData read(JsonNode node, String path, @Nullable String domain) {
    Seeds.checkKeys(node, KEYS, path);
    B2cData.Builder b = B2cData.builder();
    try {
      if (node.has("sample")) {
        JsonNode s = node.get("sample");
        if (!s.isBoolean()) {
          throw new IllegalArgumentException(path + ".sample must be true or false");
        }
        if (s.asBoolean()) {
          b.sample();
        }
      }
      if (node.has("externalIdSample")) {
        if (!node.get("externalIdSample").isBoolean()) {
          throw new IllegalArgumentException(path + ".externalIdSample must be true or false");
        }
        if (node.get("externalIdSample").asBoolean()) {
          b.externalIdSample();
        }
      }
      JsonNode gen = node.path("generatedUsers");
      if (!gen.isMissingNode()) {
        String p = path + ".generatedUsers";
        Seeds.checkKeys(gen, GENERATED_KEYS, p);
        if (!gen.path("count").isInt()) {
          throw new IllegalArgumentException(p + ".count must be an integer");
        }
        JsonNode seed = gen.path("seed");
        if (!seed.isMissingNode() && !seed.isIntegralNumber()) {
          throw new IllegalArgumentException(p + ".seed must be an integer");
        }
        try {
          b.generatedUsers(gen.get("count").asInt(), seed.asLong(0));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
        }
      }
      JsonNode users = array(node, "users", path);
      for (int i = 0; i < users.size(); i++) {
        String p = path + ".users[" + i + "]";
        try {
          b.user(user(users.get(i), p, domain));
        } catch (IllegalArgumentException e) {
          throw prefixed(p, e);
        }
      }
      Map<String, List<String>> groupMembers = new LinkedHashMap<>();
      Map<String, List<String>> roleMembers = new LinkedHashMap<>();
      Map<String, List<String>> owners = new LinkedHashMap<>();
      objects(b, node, "groups", B2cData.Kind.GROUPS, path, groupMembers, owners);
      objects(b, node, "applications", B2cData.Kind.APPLICATIONS, path, null, owners);
      objects(b, node, "userFlows", B2cData.Kind.USER_FLOWS, path, null);
      objects(b, node, "identityProviders", B2cData.Kind.IDENTITY_PROVIDERS, path, null);
      objects(b, node, "directoryRoles", B2cData.Kind.DIRECTORY_ROLES, path, roleMembers);
      objects(b, node, "roleAssignments", B2cData.Kind.ROLE_ASSIGNMENTS, path, null);
      objects(b, node, "directoryAudits", B2cData.Kind.DIRECTORY_AUDITS, path, null);
      objects(b, node, "userFlowAttributes", B2cData.Kind.USER_FLOW_ATTRIBUTES, path, null);
      objects(b, node, "oauth2PermissionGrants", B2cData.Kind.OAUTH2_PERMISSION_GRANTS, path, null);
      deletedItems(b, node.path("deletedItems"), path + ".deletedItems", domain);
      objects(b, node, "domains", B2cData.Kind.DOMAINS, path, null);
      objects(b, node, "branding", B2cData.Kind.COMPANY_BRANDING, path, null);
      objects(b, node, "apiConnectors", B2cData.Kind.API_CONNECTORS, path, null);
      groupMembers.forEach((id, ms) -> b.groupMembers(id, ms.toArray(new String[0])));
      roleMembers.forEach((id, ms) -> b.directoryRoleMembers(id, ms.toArray(new String[0])));
      owners.forEach((id, os) -> b.owners(id, os.toArray(new String[0])));
    } catch (IllegalArgumentException e) {
      throw prefixed(path, e);
    }
    return b.build();
  }

  /**
   * {@code "deletedItems": {"users": [...], "applications": [...]}}: users as in {@code users} and
   * applications as Graph JSON, each with its {@code deletedDateTime}.
   */
  private static void deletedItems(B2cData.Builder b, JsonNode node, String path, @Nullable String domain) {
    if (node.isMissingNode()) {
      return;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(path + " must be an object");
    }
    Seeds.checkKeys(node, DELETED_KEYS, path);
    for (String key : List.of("users", "applications")) {
      JsonNode a = array(node, key, path);
      for (int i = 0; i < a.size(); i++) {
        String p = path + "." + key + "[" + i + "]";
        if (!a.get(i).isObject()) {
          throw new IllegalArgumentException(p + " must be an object");
        }
        ObjectNode copy = ((ObjectNode) a.get(i)).deepCopy();
        JsonNode when = copy.remove("deletedDateTime");
        if (when == null || !when.isTextual()) {
          throw new IllegalArgumentException(p + ".deletedDateTime must be an ISO 8601 text");
        }
        try {
          if (key.equals("users")) {
            b.deletedUser(user(copy, p, domain), when.asText());
          } else {
            b.deletedApplication(copy.toString(), when.asText());
          }
        } catch (IllegalArgumentException e) {
          throw prefixed(p, e);
        }
      }
    }
  }

  private static IllegalArgumentException prefixed(String path, IllegalArgumentException e) {
    if (e.getMessage() != null && e.getMessage().startsWith("$")) {
      return e;
    }
    return new IllegalArgumentException(path + ": " + e.getMessage(), e);
  }

  private static JsonNode array(JsonNode node, String key, String path) {
    JsonNode a = node.path(key);
    if (a.isMissingNode()) {
      return MissingNode.getInstance();
    }
    if (!a.isArray()) {
      throw new IllegalArgumentException(path + "." + key + " must be an array");
    }
    return a;
  }

  private static void objects(
      B2cData.Builder b, JsonNode node, String key, B2cData.Kind kind, String path, @Nullable Map<String, List<String>> members) {
    objects(b, node, key, kind, path, members, null);
  }

  /** As above; {@code owners}, when given, collects each object's {@code owners} array (user ids). */
  private static void objects(
      B2cData.Builder b,
      JsonNode node,
      String key,
      B2cData.Kind kind,
      String path,
      @Nullable Map<String, List<String>> members,
      @Nullable Map<String, List<String>> owners) {
    JsonNode a = array(node, key, path);
    for (int i = 0; i < a.size(); i++) {
      String p = path + "." + key + "[" + i + "]";
      JsonNode o = a.get(i);
      if (!o.isObject()) {
        throw new IllegalArgumentException(p + " must be an object");
      }
      ObjectNode copy = ((ObjectNode) o).deepCopy();
      List<String> ms = new ArrayList<>();
      if (members != null && copy.has("members")) {
        ms.addAll(Seeds.strings(copy.remove("members"), p + ".members"));
      }
      List<String> os = new ArrayList<>();
      if (owners != null && copy.has("owners")) {
        os.addAll(Seeds.strings(copy.remove("owners"), p + ".owners"));
      }
      if ((!ms.isEmpty() || !os.isEmpty()) && !copy.path("id").isTextual()) {
        throw new IllegalArgumentException(p + ": an object with members needs an id");
      }
      try {
        b.add(kind, copy.toString());
      } catch (IllegalArgumentException e) {
        throw prefixed(p, e);
      }
      if (members != null && !ms.isEmpty()) {
        members.computeIfAbsent(copy.path("id").asText(), k -> new ArrayList<>()).addAll(ms);
      }
      if (owners != null && !os.isEmpty()) {
        owners.computeIfAbsent(copy.path("id").asText(), k -> new ArrayList<>()).addAll(os);
      }
    }
  }


  private static FakeUser user(JsonNode u, String p, @Nullable String domain) {
    Seeds.checkKeys(u, USER_KEYS, p);
    FakeUser.Builder b = FakeUser.builder(text(u, "displayName", p, true));
    if (u.has("id")) {
      b.id(text(u, "id", p, true));
    }
    String given = text(u, "givenName", p, false);
    String surname = text(u, "surname", p, false);
    if (given != null || surname != null) {
      b.name(given == null ? "" : given, surname == null ? "" : surname);
    }
    String mail = text(u, "mail", p, false);
    if (mail != null) {
      b.mail(mail);
    }
    String upn = text(u, "userPrincipalName", p, false);
    if (upn != null) {
      b.userPrincipalName(upn);
    }
    if (u.has("accountEnabled")) {
      if (!u.get("accountEnabled").isBoolean()) {
        throw new IllegalArgumentException(p + ".accountEnabled must be true or false");
      }
      b.accountEnabled(u.get("accountEnabled").asBoolean());
    }
    if (u.has("otherMails")) {
      b.otherMails(Seeds.strings(u.get("otherMails"), p + ".otherMails").toArray(new String[0]));
    }
    String mobile = text(u, "mobilePhone", p, false);
    if (mobile != null) {
      b.mobilePhone(mobile);
    }
    if (u.has("businessPhones")) {
      List<String> phones = Seeds.strings(u.get("businessPhones"), p + ".businessPhones");
      if (phones.size() > 1) {
        throw new IllegalArgumentException(p + ".businessPhones: Graph allows one business phone, was " + phones.size());
      }
      if (!phones.isEmpty()) {
        b.businessPhone(phones.get(0));
      }
    }
    JsonNode ids = array(u, "identities", p);
    for (int i = 0; i < ids.size(); i++) {
      identity(b, ids.get(i), p + ".identities[" + i + "]", domain);
    }
    JsonNode auth = u.path("authentication");
    if (!auth.isMissingNode()) {
      String ap = p + ".authentication";
      Seeds.checkKeys(auth, AUTH_KEYS, ap);
      JsonNode phones = array(auth, "phoneMethods", ap);
      for (int i = 0; i < phones.size(); i++) {
        String pp = ap + ".phoneMethods[" + i + "]";
        Seeds.checkKeys(phones.get(i), PHONE_KEYS, pp);
        try {
          b.phoneMethod(text(phones.get(i), "phoneType", pp, true), text(phones.get(i), "phoneNumber", pp, true));
        } catch (IllegalArgumentException e) {
          throw prefixed(pp, e);
        }
      }
      JsonNode emails = array(auth, "emailMethods", ap);
      if (emails.size() > 1) {
        throw new IllegalArgumentException(ap + ".emailMethods: a user has at most one email method");
      }
      for (int i = 0; i < emails.size(); i++) {
        String ep = ap + ".emailMethods[" + i + "]";
        Seeds.checkKeys(emails.get(i), EMAIL_KEYS, ep);
        try {
          b.emailMethod(text(emails.get(i), "emailAddress", ep, true));
        } catch (IllegalArgumentException e) {
          throw prefixed(ep, e);
        }
      }
    }
    return b.build();
  }

  private static void identity(FakeUser.Builder b, JsonNode i, String p, @Nullable String domain) {
    Seeds.checkKeys(i, IDENTITY_KEYS, p);
    String type = text(i, "signInType", p, true);
    String issuer = text(i, "issuer", p, false);
    String assigned = text(i, "issuerAssignedId", p, true);
    try {
      switch (type) {
        case "emailAddress":
        case "userName":
          if (issuer != null && domain != null && !issuer.equalsIgnoreCase(domain)) {
            throw new IllegalArgumentException(p + ".issuer of a local identity must be the tenant's domain " + domain + ", was " + issuer);
          }
          if (type.equals("emailAddress")) {
            b.emailIdentity(assigned);
          } else {
            b.userNameIdentity(assigned);
          }
          break;
        case "federated":
          if (issuer == null) {
            throw new IllegalArgumentException(p + ".issuer is required for a federated identity");
          }
          b.federatedIdentity(issuer, assigned);
          break;
        case "userPrincipalName":
          // The fake adds the userPrincipalName identity itself, from userPrincipalName.
          break;
        default:
          throw new IllegalArgumentException(p + ".signInType must be emailAddress, userName, federated or userPrincipalName, was " + type);
      }
    } catch (IllegalArgumentException e) {
      throw prefixed(p, e);
    }
  }

  private static @Nullable String text(JsonNode node, String key, String path, boolean required) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        throw new IllegalArgumentException(path + "." + key + " is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(path + "." + key + " must be a string");
    }
    return v.asText();
  }


}
