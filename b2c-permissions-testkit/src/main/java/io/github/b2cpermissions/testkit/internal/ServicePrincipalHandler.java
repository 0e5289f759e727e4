package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code /servicePrincipals}: Microsoft Graph's own principal with its app roles, the backup app's
 * principal and the other resources the tenant's grants name. A caller may read its own principal
 * without any role.
 */
final class ServicePrincipalHandler {
  static final String MICROSOFT_TENANT = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
  /** Kept on every principal, shown only when $select names them (the v1.0 reference page). */
  private static final List<String> SELECT_ONLY = List.of("customSecurityAttributes");
  private static final List<String> FILTERABLE = List.of("appId", "displayName", "servicePrincipalType", "id");

  private final GraphServer server;
  private volatile @Nullable ObjectNode graphTemplate;

  ServicePrincipalHandler(GraphServer server) {
    this.server = server;
  }

  void register(RouteTable routes) {
    Authorization selfOrTable = op -> Authorization.TABLE.allows(op) || (op.route.allowsSelf() && isSelf(op));
    routes.add("GET_SERVICE_PRINCIPAL_BY_APP_ID", RouteTable.ENTITY, selfOrTable, this::get);
    routes.add("GET_SERVICE_PRINCIPAL", RouteTable.ENTITY, selfOrTable, this::get);
    routes.collection("LIST_SERVICE_PRINCIPALS", this::list);
  }

  private static ServicePrincipalRef target(GraphRequest op) {
    if (op.route.is("GET_SERVICE_PRINCIPAL_BY_APP_ID")) {
      return ServicePrincipalLookup.byAppId(op, op.var("appId").replace("''", "'"));
    }
    return ServicePrincipalLookup.resolve(op, op.var("id"));
  }

  /** Whether the request names the caller's own (backup app) service principal. */
  private static boolean isSelf(GraphRequest op) {
    try {
      ServicePrincipalRef sp = target(op);
      return sp.kind == ServicePrincipalRef.Kind.BACKUP && sp.id.equals(op.caller.oid);
    } catch (GraphErrorException e) {
      return false;
    }
  }

  private Reply get(GraphRequest op) {
    return ODataReplies.entity(op, "servicePrincipals", shown(op, json(target(op), op.tenant)), "microsoft.graph.servicePrincipal");
  }

  private Reply list(GraphRequest op) {
    List<ObjectNode> items = new ArrayList<>();
    for (ServicePrincipalRef sp : op.tenant.allSps()) {
      items.add(shown(op, json(sp, op.tenant)));
    }
    return ODataReplies.collection(op, "servicePrincipals", "servicePrincipal", ODataSource.of(items), FILTERABLE, null, null);
  }

  // ---- shapes ---------------------------------------------------------------------------------

  /** A principal without what Graph returns only on $select, unless $select is given. */
  private static ObjectNode shown(GraphRequest op, ObjectNode o) {
    if (op.query("$select") == null) {
      o.remove(SELECT_ONLY);
    }
    return o;
  }

  private ObjectNode json(ServicePrincipalRef sp, TenantModel t) {
    ObjectNode o = Json.object();
    o.put("id", sp.id.toString());
    switch (sp.kind) {
      case GRAPH:
        o.setAll(graphTemplate());
        break;
      case BACKUP:
        {
          AppRegistration app = t.seed.app;
          common(o, sp.enabled, app.displayName, app.clientId, app.homeTenantId);
          ArrayNode reply = o.putArray("replyUrls");
          for (URI u : app.redirectUris) {
            reply.add(u.toString());
          }
          o.putArray("servicePrincipalNames").add(app.clientId);
          o.putArray("tags").add("WindowsAzureActiveDirectoryIntegratedApp");
          break;
        }
      default:
        {
          OtherResource other = sp.other;
          common(o, true, sp.displayName, sp.appId, MICROSOFT_TENANT);
          o.putArray("servicePrincipalNames").add(sp.appId);
          ArrayNode roles = o.putArray("appRoles");
          int n = 1;
          if (other != null) {
            for (UUID id : other.roleIds) {
              ObjectNode role = roles.addObject();
              role.putArray("allowedMemberTypes").add("Application");
              role.put("description", "An app role of " + sp.displayName + ".");
              role.put("displayName", sp.displayName + " role " + n);
              role.put("id", id.toString());
              role.put("isEnabled", true);
              role.put("origin", "Application");
              role.put("value", "FakeResourceRole" + n++);
            }
          }
        }
    }
    return o;
  }

  private ObjectNode graphTemplate() {
    ObjectNode tpl = graphTemplate;
    if (tpl == null) {
      tpl = Json.object();
      common(tpl, true, "Microsoft Graph", "00000003-0000-0000-c000-000000000000", MICROSOFT_TENANT);
      ArrayNode names = tpl.putArray("servicePrincipalNames");
      names.add("00000003-0000-0000-c000-000000000000");
      names.add(server.host());
      tpl.set("appRoles", RoleCatalog.appRolesJson());
      graphTemplate = tpl;
    }
    return tpl;
  }

  private static void common(ObjectNode o, boolean enabled, String name, String appId, String owner) {
    o.putNull("deletedDateTime");
    o.put("accountEnabled", enabled);
    o.putArray("alternativeNames");
    o.put("appDisplayName", name);
    o.putNull("appDescription");
    o.put("appId", appId);
    o.putNull("applicationTemplateId");
    o.put("appOwnerOrganizationId", owner);
    o.put("appRoleAssignmentRequired", false);
    o.putNull("createdByAppId");
    o.putNull("customSecurityAttributes");
    o.putNull("description");
    o.putNull("disabledByMicrosoftStatus");
    o.put("displayName", name);
    o.putNull("homepage");
    ObjectNode info = o.putObject("info");
    info.putNull("logoUrl");
    info.putNull("marketingUrl");
    info.putNull("privacyStatementUrl");
    info.putNull("supportUrl");
    info.putNull("termsOfServiceUrl");
    o.putNull("isDisabled");
    o.putNull("loginUrl");
    o.putNull("logoutUrl");
    o.putNull("notes");
    o.putArray("notificationEmailAddresses");
    o.putNull("preferredSingleSignOnMode");
    o.putNull("preferredTokenSigningKeyThumbprint");
    o.putArray("replyUrls");
    o.putNull("samlSingleSignOnSettings");
    o.put("servicePrincipalType", "Application");
    o.put("signInAudience", "AzureADMultipleOrgs");
    o.putArray("tags");
    o.putNull("tokenEncryptionKeyId");
    o.putArray("addIns");
    o.putArray("appRoles");
    o.putArray("keyCredentials");
    o.putArray("oauth2PermissionScopes");
    o.putArray("passwordCredentials");
    o.putArray("resourceSpecificApplicationPermissions");
    ObjectNode vp = o.putObject("verifiedPublisher");
    vp.putNull("displayName");
    vp.putNull("verifiedPublisherId");
    vp.putNull("addedDateTime");
  }
}
