package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/**
 * {@code /policies/authenticationMethodsPolicy}: which sign-in methods the tenant allows, such as
 * email one-time passcode for External ID sign-up ({@code Email}'s {@code
 * allowExternalIdToUseEmailOtp}). The policy reads without its {@code
 * authenticationMethodConfigurations} (a navigation property); each configuration is read and
 * changed by its fixed id ({@code Email}, {@code Sms}, …). A PATCH changes {@code state}, {@code
 * excludeTargets} and the properties of the configuration's own type, never its id or type.
 */
final class AuthenticationMethodsPolicyHandler {
  private static final String CONFIGURATIONS = ExternalIdSeed.METHOD_CONFIGURATIONS;
  private static final String POLICY_CONTEXT = "policies/authenticationMethodsPolicy";
  private static final String CONFIGURATION_CONTEXT = "policies/authenticationMethodsPolicy/authenticationMethodConfigurations";
  private static final Set<String> POLICY_WRITABLE =
      Set.of("description", "displayName", "policyMigrationState", "reconfirmationInDays", "registrationEnforcement");
  private static final Set<String> STATES = Set.of("enabled", "disabled");

  void register(RouteTable routes) {
    routes.entity(
        "GET_AUTHENTICATION_METHODS_POLICY", op -> ODataReplies.entity(op, POLICY_CONTEXT, op.externalId().policy(), "authenticationMethodsPolicy"));
    routes.write("UPDATE_AUTHENTICATION_METHODS_POLICY", this::updatePolicy);
    routes.entity("GET_AUTHENTICATION_METHOD_CONFIGURATION", op -> ExternalIdReads.get(op, CONFIGURATIONS, CONFIGURATION_CONTEXT));
    routes.write("UPDATE_AUTHENTICATION_METHOD_CONFIGURATION", this::updateConfiguration);
  }

  private Reply updatePolicy(GraphRequest op) {
    ObjectNode b = op.body();
    DirectoryObjects.onlyWritable(op, b, POLICY_WRITABLE, "authenticationMethodsPolicy");
    if (b.has("reconfirmationInDays") && !b.get("reconfirmationInDays").canConvertToInt()) {
      throw GraphErrorException.invalidValue("reconfirmationInDays", "authenticationMethodsPolicy");
    }
    ExternalIdStore s = op.externalId();
    synchronized (s) {
      ObjectNode p = s.policy();
      p.setAll(b.deepCopy());
      p.put("lastModifiedDateTime", Json.timestamp(op.server.clock().instant()));
      s.replacePolicy(p);
    }
    return Reply.noContent();
  }

  private Reply updateConfiguration(GraphRequest op) {
    ObjectNode b = op.body();
    ExternalIdStore s = op.externalId();
    synchronized (s) {
      ObjectNode c = ExternalIdReads.require(op, CONFIGURATIONS);
      String resource = c.path("@odata.type").asText().substring(1).replace("microsoft.graph.", "");
      for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        boolean sameType = f.equals("@odata.type") && b.path(f).asText().equals(c.path(f).asText());
        if (f.equals("id") || !(sameType || c.has(f) && !f.equals("@odata.type"))) {
          throw GraphErrorException.invalidProperty(op, f, resource);
        }
      }
      JsonNode state = b.get("state");
      if (state != null && !STATES.contains(state.asText())) {
        throw GraphErrorException.invalidValue("state", resource);
      }
      c.setAll(b.deepCopy());
      s.replace(CONFIGURATIONS, c);
    }
    return Reply.noContent();
  }
}
