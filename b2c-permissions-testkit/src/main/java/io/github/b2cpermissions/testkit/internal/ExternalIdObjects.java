package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Graph's shapes of the External ID objects: the default properties around a seeded or created
 * object (every property of the v1.0 CSDL type, commit f54f11b6, as the resource pages list them),
 * the types Graph's messages name and the properties {@code $filter} may name.
 */
public final class ExternalIdObjects {
  /** The one derived flow type Graph lets a tenant create (the identitycontainer-post-authenticationeventsflows page). */
  static final String SIGN_UP_FLOW_TYPE = "#microsoft.graph.externalUsersSelfServiceSignUpEventsFlow";
  static final String ATTRIBUTE_COLLECTION_TYPE = "#microsoft.graph.onAttributeCollectionExternalUsersSelfServiceSignUp";
  static final String METHOD_LOAD_TYPE = "#microsoft.graph.onAuthenticationMethodLoadStartExternalUsersSelfServiceSignUp";
  static final String AUTH_FLOW_START_TYPE = "#microsoft.graph.onInteractiveAuthFlowStartExternalUsersSelfServiceSignUp";
  static final String USER_CREATE_TYPE = "#microsoft.graph.onUserCreateStartExternalUsersSelfServiceSignUp";

  static final Map<String, String> TYPES =
      Map.of(
          ExternalIdSeed.FLOWS, "authenticationEventsFlow",
          ExternalIdSeed.EXTENSIONS, "customAuthenticationExtension",
          ExternalIdSeed.METHOD_CONFIGURATIONS, "authenticationMethodConfiguration");

  static final Map<String, List<String>> FILTERABLE =
      Map.of(
          ExternalIdSeed.FLOWS, List.of("id", "displayName"),
          ExternalIdSeed.EXTENSIONS, List.of("id", "displayName"),
          ExternalIdSeed.METHOD_CONFIGURATIONS, List.of("id", "state"));

  private ExternalIdObjects() {}

  /**
   * An object of a collection as Graph returns it, from seed JSON.
   *
   * @throws IllegalArgumentException when the JSON is not an object, or the collection is unknown
   */
  public static ObjectNode normalize(String collection, String json) {
    return withDefaults(collection, parseObject(json, collection));
  }

  /**
   * Seed JSON as an object.
   *
   * @throws IllegalArgumentException when the JSON is malformed or not an object
   */
  public static ObjectNode parseObject(String json, String what) {
    JsonNode n = Json.parseOrThrow(json, what + " object");
    if (!n.isObject()) {
      throw new IllegalArgumentException(what + " object must be a JSON object, was " + n.getNodeType());
    }
    return (ObjectNode) n;
  }

  /** The policy as Graph returns it, from seed JSON: Graph's defaults around the given properties. */
  public static ObjectNode normalizePolicy(String json) {
    JsonNode n = Json.parseOrThrow(json, "authenticationMethodsPolicy");
    if (!n.isObject()) {
      throw new IllegalArgumentException("authenticationMethodsPolicy must be a JSON object, was " + n.getNodeType());
    }
    ObjectNode o = defaultPolicy();
    o.setAll(((ObjectNode) n).deepCopy());
    o.remove(ExternalIdSeed.METHOD_CONFIGURATIONS);
    return o;
  }

  /**
   * Graph's properties of an authentication methods policy nobody changed. The values are the
   * fake's choice (the metadata gives no defaults): id and name as on every tenant's policy.
   */
  static ObjectNode defaultPolicy() {
    ObjectNode o = Json.object();
    o.put("id", "authenticationMethodsPolicy");
    o.put("displayName", "Authentication Methods Policy");
    o.put("description", "The tenant-wide policy that controls which authentication methods are allowed in the tenant, authentication method registration requirements, and self-service password reset settings");
    o.put("lastModifiedDateTime", "2024-01-15T09:00:00Z");
    o.put("policyMigrationState", "migrationComplete");
    o.put("policyVersion", "1.5");
    o.put("reconfirmationInDays", 0);
    ObjectNode campaign = o.putObject("registrationEnforcement").putObject("authenticationMethodsRegistrationCampaign");
    campaign.put("snoozeDurationInDays", 1);
    campaign.put("state", "default");
    campaign.putArray("excludeTargets");
    ObjectNode target = campaign.putArray("includeTargets").addObject();
    target.put("id", "all_users");
    target.put("targetType", "group");
    target.put("targetedAuthenticationMethod", "microsoftAuthenticator");
    return o;
  }

  static ObjectNode withDefaults(String collection, ObjectNode given) {
    ObjectNode o = Json.object();
    switch (collection) {
      case ExternalIdSeed.FLOWS:
        o.put("@odata.type", SIGN_UP_FLOW_TYPE);
        o.put("id", UUID.randomUUID().toString());
        o.put("displayName", "");
        o.putNull("description");
        o.putObject("conditions").putObject("applications");
        o.putObject("onAttributeCollection").put("@odata.type", ATTRIBUTE_COLLECTION_TYPE).putObject("attributeCollectionPage").putArray("views");
        o.putNull("onAttributeCollectionStart");
        o.putNull("onAttributeCollectionSubmit");
        o.putObject("onAuthenticationMethodLoadStart").put("@odata.type", METHOD_LOAD_TYPE);
        o.putObject("onInteractiveAuthFlowStart").put("@odata.type", AUTH_FLOW_START_TYPE).put("isSignUpAllowed", true);
        o.putObject("onUserCreateStart").put("@odata.type", USER_CREATE_TYPE).put("userTypeToCreate", "member");
        break;
      case ExternalIdSeed.EXTENSIONS:
        o.put("@odata.type", "#microsoft.graph.onTokenIssuanceStartCustomExtension");
        o.put("id", UUID.randomUUID().toString());
        o.put("displayName", "");
        o.putNull("description");
        o.putNull("authenticationConfiguration");
        o.putNull("clientConfiguration");
        o.putNull("endpointConfiguration");
        o.putNull("behaviorOnError");
        break;
      case ExternalIdSeed.METHOD_CONFIGURATIONS:
        o.put("state", "disabled");
        o.putArray("excludeTargets");
        break;
      default:
        throw new IllegalArgumentException("unknown External ID collection " + collection);
    }
    o.setAll(given.deepCopy());
    if (collection.equals(ExternalIdSeed.EXTENSIONS)
        && o.path("@odata.type").asText().equals("#microsoft.graph.onTokenIssuanceStartCustomExtension")
        && !o.has("claimsForTokenConfiguration")) {
      o.putArray("claimsForTokenConfiguration");
    }
    if (collection.equals(ExternalIdSeed.METHOD_CONFIGURATIONS)) {
      methodDefaults(o);
    }
    for (String nav : FLOW_NAVIGATION) {
      o.remove(nav);
    }
    return o;
  }

  /** Seed arrays that become a flow's linked objects instead of properties. */
  static final List<String> FLOW_NAVIGATION = List.of("includeApplications", "attributes", "identityProviders");

  /** The properties of a method configuration's type the seed left out: the id names the type, as in Graph. */
  private static void methodDefaults(ObjectNode o) {
    String id = o.path("id").asText();
    switch (id.toLowerCase(Locale.ROOT)) {
      case "email":
        o.put("@odata.type", "#microsoft.graph.emailAuthenticationMethodConfiguration");
        if (!o.has("allowExternalIdToUseEmailOtp")) {
          o.put("allowExternalIdToUseEmailOtp", "default");
        }
        break;
      case "sms":
        o.put("@odata.type", "#microsoft.graph.smsAuthenticationMethodConfiguration");
        break;
      case "voice":
        o.put("@odata.type", "#microsoft.graph.voiceAuthenticationMethodConfiguration");
        if (!o.has("isOfficePhoneAllowed")) {
          o.put("isOfficePhoneAllowed", false);
        }
        break;
      case "softwareoath":
        o.put("@odata.type", "#microsoft.graph.softwareOathAuthenticationMethodConfiguration");
        break;
      default:
        if (!o.has("@odata.type")) {
          throw new IllegalArgumentException(
              "an authentication method configuration needs an @odata.type unless its id is Email, Sms, Voice or SoftwareOath: " + id);
        }
    }
  }
}
