package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Graph's JSON shapes for the B2C objects other than users: the default properties of each type,
 * filled in around what a seed or a create request gives, and the properties that may be filtered
 * on. Public because the facade's {@code B2cData} builder, in another package, normalizes what it is
 * given with it; users never need it.
 */
public final class B2cObjects {
  /** Navigation properties a user flow seed may carry; never returned as properties. */
  static final List<String> USER_FLOW_NAVIGATION = List.of("identityProviders", "userAttributeAssignments", "languages");
  /** The navigation an application seed may carry: its directory extensions; never returned as a property. */
  static final String EXTENSION_PROPERTIES = "extensionProperties";

  static final Map<String, List<String>> FILTERABLE =
      Map.ofEntries(
          Map.entry(B2cSeed.GROUPS, List.of("id", "displayName", "mailNickname", "securityEnabled", "mailEnabled")),
          Map.entry(B2cSeed.APPLICATIONS, List.of("id", "appId", "displayName", "signInAudience")),
          Map.entry(B2cSeed.USER_FLOWS, List.of("id", "userFlowType", "userFlowTypeVersion")),
          Map.entry(B2cSeed.IDENTITY_PROVIDERS, List.of("id", "displayName", "identityProviderType")),
          Map.entry(B2cSeed.DIRECTORY_ROLES, List.of("id", "displayName", "roleTemplateId")),
          Map.entry(B2cSeed.ROLE_ASSIGNMENTS, List.of("id", "principalId", "roleDefinitionId", "directoryScopeId")),
          Map.entry(
              B2cSeed.DIRECTORY_AUDITS,
              List.of("id", "activityDateTime", "activityDisplayName", "category", "correlationId", "loggedByService", "operationType", "result")),
          Map.entry(B2cSeed.USER_FLOW_ATTRIBUTES, List.of("id", "displayName", "dataType", "userFlowAttributeType")),
          Map.entry(B2cSeed.DOMAINS, List.of("id", "isDefault", "isInitial", "isVerified", "authenticationType")),
          Map.entry(B2cSeed.API_CONNECTORS, List.of("id", "displayName")),
          Map.entry(B2cSeed.BRANDING, List.of("id")),
          Map.entry(B2cSeed.OAUTH2_PERMISSION_GRANTS, List.of("id", "clientId", "consentType", "principalId", "resourceId")));

  /**
   * Properties an object keeps but Graph shows only when {@code $select} names them, by
   * collection (the v1.0 reference pages: "returned only on $select").
   */
  static final Map<String, Set<String>> SELECT_ONLY =
      Map.of(
          B2cSeed.GROUPS,
              Set.of(
                  "accessType", "allowExternalSenders", "assignedLabels", "assignedLicenses", "autoSubscribeNewMembers",
                  "hasMembersWithLicenseErrors", "hideFromAddressLists", "hideFromOutlookClients", "infoCatalogs",
                  "isArchived", "isFavorite", "isManagementRestricted", "isSubscribedByMail", "licenseProcessingState",
                  "onPremisesExtensionAttributes", "organizationId", "unseenConversationsCount", "unseenCount",
                  "unseenMessagesCount", "welcomeMessageEnabled"),
          B2cSeed.APPLICATIONS, Set.of("authenticationBehaviors"));

  static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry(B2cSeed.GROUPS, "group"),
          Map.entry(B2cSeed.APPLICATIONS, "application"),
          Map.entry(B2cSeed.USER_FLOWS, "b2cIdentityUserFlow"),
          Map.entry(B2cSeed.IDENTITY_PROVIDERS, "identityProviderBase"),
          Map.entry(B2cSeed.DIRECTORY_ROLES, "directoryRole"),
          Map.entry(B2cSeed.ROLE_ASSIGNMENTS, "unifiedRoleAssignment"),
          Map.entry(B2cSeed.DIRECTORY_AUDITS, "directoryAudit"),
          Map.entry(B2cSeed.USER_FLOW_ATTRIBUTES, "identityUserFlowAttribute"),
          Map.entry(B2cSeed.DOMAINS, "domain"),
          Map.entry(B2cSeed.API_CONNECTORS, "identityApiConnector"),
          Map.entry(B2cSeed.BRANDING, "organizationalBrandingLocalization"),
          Map.entry(B2cSeed.OAUTH2_PERMISSION_GRANTS, "oAuth2PermissionGrant"));

  private B2cObjects() {}

  /**
   * An object of a collection with Graph's default properties around the given ones; an id is
   * drawn when absent.
   *
   * @throws IllegalArgumentException when the JSON is not an object or the collection is unknown
   */
  public static ObjectNode normalize(String collection, String json) {
    JsonNode n = Json.parseOrThrow(json, collection + " object");
    if (!n.isObject()) {
      throw new IllegalArgumentException(collection + " object must be a JSON object, was " + n.getNodeType());
    }
    return withDefaults(collection, (ObjectNode) n, "2023-03-01T08:00:00Z");
  }

  static ObjectNode withDefaults(String collection, ObjectNode given, String created) {
    ObjectNode o = ObjectDefaults.of(collection, created);
    o.setAll(given);
    if (collection.equals(B2cSeed.GROUPS) && o.path("securityIdentifier").isNull()) {
      o.put("securityIdentifier", securityIdentifier(o.path("id").asText()));
    }
    if (collection.equals(B2cSeed.APPLICATIONS) && o.has(EXTENSION_PROPERTIES)) {
      JsonNode given2 = o.get(EXTENSION_PROPERTIES);
      if (!given2.isArray()) {
        throw new IllegalArgumentException("an application's extensionProperties must be an array");
      }
      ArrayNode out = Json.MAPPER.createArrayNode();
      for (JsonNode e : given2) {
        if (!e.isObject()) {
          throw new IllegalArgumentException("an extension property must be a JSON object");
        }
        out.add(extensionProperty(o, (ObjectNode) e));
      }
      o.set(EXTENSION_PROPERTIES, out);
    }
    if (collection.equals(B2cSeed.IDENTITY_PROVIDERS)) {
      if (o.path("id").asText().isEmpty() && o.hasNonNull("identityProviderType")) {
        o.put("id", o.path("identityProviderType").asText() + "-OAUTH");
      }
      if (o.has("clientSecret")) {
        o.put("clientSecret", "*****");
      }
    }
    if (collection.equals(B2cSeed.USER_FLOWS)) {
      for (JsonNode l : o.path("languages")) {
        if (l.isObject()) {
          // Graph's userFlowLanguageConfiguration: a language is enabled unless it says otherwise.
          ObjectNode language = (ObjectNode) l;
          if (!language.has("displayName")) {
            language.putNull("displayName");
          }
          if (!language.has("isEnabled")) {
            language.put("isEnabled", true);
          }
        }
      }
    }
    if (collection.equals(B2cSeed.API_CONNECTORS)) {
      ApiConnectorSecrets.mask(o, Instant.parse(created));
    }
    if (collection.equals(B2cSeed.USER_FLOW_ATTRIBUTES) && o.path("id").asText().isEmpty() && !o.path("displayName").asText().isEmpty()) {
      // Custom attributes are named after the b2c-extensions-app; the fake keeps the plain name.
      o.put("id", "extension_" + o.path("displayName").asText());
    }
    if (o.path("id").asText().isEmpty()) {
      throw new IllegalArgumentException(collection + " object needs an id");
    }
    return o;
  }

  /**
   * A v1.0 extensionProperty of an application with Graph's defaults around the given properties; a
   * bare {@code name} becomes {@code extension_{appId without dashes}_{name}}, as Graph names it.
   */
  static ObjectNode extensionProperty(ObjectNode app, ObjectNode given) {
    ObjectNode o = Json.object();
    o.put("id", UUID.randomUUID().toString());
    o.putNull("deletedDateTime");
    o.put("appDisplayName", app.path("displayName").asText(""));
    o.put("dataType", "String");
    o.put("isMultiValued", false);
    o.put("isSyncedFromOnPremises", false);
    o.put("name", "");
    o.putArray("targetObjects").add("User");
    o.setAll(given);
    String name = o.path("name").asText();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an extension property needs a name");
    }
    String prefix = "extension_" + app.path("appId").asText().replace("-", "") + "_";
    if (!name.startsWith("extension_")) {
      o.put("name", prefix + name);
    }
    return o;
  }

  /**
   * The security identifier Entra ID derives from an object id ({@code S-1-12-1-} and the GUID's
   * 16 bytes, in .NET order, as four unsigned 32-bit numbers), or null when the id is no GUID.
   */
  static @Nullable String securityIdentifier(String id) {
    UUID u;
    try {
      u = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
    long msb = u.getMostSignificantBits();
    long lsb = u.getLeastSignificantBits();
    long a = msb >>> 32;
    long b = ((msb >>> 16) & 0xFFFFL) | ((msb & 0xFFFFL) << 16);
    long c = Integer.toUnsignedLong(Integer.reverseBytes((int) (lsb >>> 32)));
    long d = Integer.toUnsignedLong(Integer.reverseBytes((int) lsb));
    return "S-1-12-1-" + a + "-" + b + "-" + c + "-" + d;
  }
}
