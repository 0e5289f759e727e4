package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code /organization}: the tenant itself, with its id, display name and verified domain. */
final class OrganizationHandler {
  void register(RouteTable routes) {
    routes.collection("LIST_ORGANIZATION", this::list);
    routes.entity("GET_ORGANIZATION", this::get);
  }

  private Reply list(GraphRequest op) {
    return ODataReplies.collection(op, "organization", "organization", ODataSource.of(List.of(organization(op.tenant))), List.of("id", "displayName"), null, null);
  }

  private Reply get(GraphRequest op) {
    String id = op.var("id");
    if (!id.equalsIgnoreCase(op.tenant.seed.tenantId.toString())) {
      throw GraphErrorException.notFound(id);
    }
    return ODataReplies.entity(op, "organization", organization(op.tenant), "microsoft.graph.organization");
  }

  private static ObjectNode organization(TenantModel t) {
    TenantSeed s = t.seed;
    ObjectNode o = Json.object();
    o.put("id", s.tenantId.toString());
    o.putNull("deletedDateTime");
    o.putArray("businessPhones");
    o.putNull("city");
    o.putNull("country");
    o.put("countryLetterCode", "US");
    o.put("createdDateTime", "2021-01-04T09:00:00Z");
    o.putNull("defaultUsageLocation");
    o.put("displayName", s.displayName);
    o.putArray("marketingNotificationEmails");
    o.put("mobileDeviceManagementAuthority", "unknown");
    o.putNull("onPremisesLastSyncDateTime");
    o.putNull("onPremisesSyncEnabled");
    o.putNull("partnerTenantType");
    o.putNull("postalCode");
    o.put("preferredLanguage", "en");
    o.putNull("privacyProfile");
    o.putArray("securityComplianceNotificationMails");
    o.putArray("securityComplianceNotificationPhones");
    o.putNull("state");
    o.putNull("street");
    o.putArray("technicalNotificationMails");
    o.put("tenantType", s.tenantType);
    o.putArray("assignedPlans");
    o.putArray("provisionedPlans");
    ObjectNode d = o.putArray("verifiedDomains").addObject();
    d.put("capabilities", "None");
    d.put("isDefault", true);
    d.put("isInitial", true);
    d.put("name", s.domain);
    d.put("type", "Managed");
    return o;
  }
}
