package io.github.b2cpermissions.graph.internal.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import io.github.b2cpermissions.graph.internal.http.GraphResponse;
import io.github.b2cpermissions.graph.internal.tenant.TenantIdentifiers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@link DirectoryReader} makes of each kind of Graph answer: the organization bound to
 * the token, the backup app's service principal, a page of app role assignments and Microsoft
 * Graph's app roles checked against the catalog.
 */
final class DirectoryAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryReader.class);

  private DirectoryAnswers() {}

  /**
   * Binds the organization to the token (rule a) and records its tenant type, or its refusal or
   * failure.
   */
  static void organization(
      CallContext ctx, String tokenTenantId, GraphResponse org, CollectedFacts c) {
    if (!c.usable(ctx, org, "the organization", DirectoryReader.ORGANIZATION_READ)) {
      return;
    }
    c.organizationAnswered = true;
    JsonNode o = org.body().path("value").path(0);
    String id = o.path("id").asText("");
    if (id.isEmpty()) {
      throw new UnexpectedGraphResponseException(
          "Graph answered the organization of tenant " + ctx.tenantId() + " without an id; the"
              + " directory cannot be bound to the token's tenant", ctx.tenantId(), 200, null);
    }
    if (!id.equalsIgnoreCase(tokenTenantId)) {
      throw new AuthenticationFailedException(
          "the token for " + ctx.tenantId() + " was issued for tenant " + tokenTenantId
              + " but Graph answered for organization " + id, ctx.tenantId(), 0, null);
    }
    c.organizationId = id;
    List<String> domains = new ArrayList<>();
    for (JsonNode d : o.path("verifiedDomains")) {
      String name = d.path("name").asText("");
      if (!name.isEmpty()) {
        domains.add(name);
      }
    }
    c.domains = List.copyOf(domains);
    if (!TenantIdentifiers.isGuid(ctx.tenantId())
        && domains.stream().noneMatch(d -> d.equalsIgnoreCase(ctx.tenantId()))) {
      throw new AuthenticationFailedException(
          "domain " + ctx.tenantId() + " is not a verified domain of tenant " + id,
          ctx.tenantId(), 0, null);
    }
    String type = o.path("tenantType").asText("");
    if (type.isBlank()) {
      c.fail(new UnexpectedGraphResponseException(
          "Graph's organization has no tenantType", ctx.tenantId(), org.status(), null));
      return;
    }
    c.tenantType = type;
  }

  /** Records the backup app's presence from its service principal, or the read's refusal or failure. */
  static void servicePrincipal(String clientId, CallContext ctx, GraphResponse sp, CollectedFacts c) {
    if (sp.status() == 404) {
      c.presence = AppPresence.NOT_FOUND;
      return;
    }
    if (!c.usable(ctx, sp, "the backup app's service principal", DirectoryReader.APPLICATION_READ)) {
      return;
    }
    try {
      String spId = GraphAnswers.requireId(ctx, sp.body(), "the backup app's service principal");
      if (!clientId.equalsIgnoreCase(sp.body().path("appId").asText(""))) {
        throw new UnexpectedGraphResponseException(
            "Graph answered the lookup of the backup app with a service principal of another app",
            ctx.tenantId(), 200, null);
      }
      JsonNode enabledNode = sp.body().get("accountEnabled");
      if (enabledNode == null || !enabledNode.isBoolean()) {
        throw new UnexpectedGraphResponseException(
            "the backup app's service principal has no boolean accountEnabled", ctx.tenantId(), 200,
            null);
      }
      c.spId = spId;
      c.presence = enabledNode.booleanValue() ? AppPresence.ENABLED : AppPresence.DISABLED;
    } catch (UnexpectedGraphResponseException e) {
      c.fail(e);
    }
  }

  static void collect(CallContext ctx, JsonNode page, String spId, String graphSpId,
      Map<UUID, DirectoryFacts.HeldRole> held) {
    JsonNode value = page.get("value");
    if (value == null || !value.isArray()) {
      throw new UnexpectedGraphResponseException(
          "a page of app role assignments has no value array", ctx.tenantId(), 200, null);
    }
    for (JsonNode a : value) {
      if (!spId.equalsIgnoreCase(a.path("principalId").asText(""))) {
        throw new UnexpectedGraphResponseException(
            "Graph listed an app role assignment of another principal among the backup app's",
            ctx.tenantId(), 200, null);
      }
      if (!graphSpId.equalsIgnoreCase(a.path("resourceId").asText(""))) {
        continue;
      }
      JsonNode deleted = a.get("deletedDateTime");
      if (deleted != null && !deleted.isNull()) {
        continue;
      }
      UUID roleId;
      try {
        roleId = UUID.fromString(a.path("appRoleId").asText(""));
      } catch (IllegalArgumentException notAUuid) {
        throw new UnexpectedGraphResponseException(
            "an app role assignment has no valid appRoleId", ctx.tenantId(), 200, null);
      }
      String id = a.path("id").asText("");
      Instant created = GraphTimestamps.parse(a.path("createdDateTime").asText(null));
      DirectoryFacts.HeldRole role = new DirectoryFacts.HeldRole(roleId, id, created);
      held.merge(roleId, role, DirectoryAnswers::earlier);
    }
  }

  private static DirectoryFacts.HeldRole earlier(DirectoryFacts.HeldRole a, DirectoryFacts.HeldRole b) {
    if (a.createdAt() == null) {
      return b.createdAt() == null ? a : b;
    }
    return b.createdAt() != null && b.createdAt().isBefore(a.createdAt()) ? b : a;
  }

  /**
   * The enabled app roles of one tenant's Microsoft Graph, checked against the catalog: a catalog
   * id under another value, or a catalog value under another id (enabled or not), means the answer
   * cannot be trusted to say which permissions are held.
   *
   * @throws UnexpectedGraphResponseException on any disagreement
   */
  static Map<UUID, GraphAppRole> crossChecked(CallContext ctx, JsonNode appRoles) {
    Map<UUID, GraphAppRole> roles = new HashMap<>();
    for (JsonNode role : appRoles) {
      UUID id;
      try {
        id = UUID.fromString(role.path("id").asText(""));
      } catch (IllegalArgumentException notAUuid) {
        continue; // An app role without a usable id cannot be assigned.
      }
      String value = role.path("value").asText("");
      if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
        continue;
      }
      Optional<B2cBackupPermission> byId = B2cBackupPermission.fromAppRoleId(id);
      Optional<B2cBackupPermission> byValue = B2cBackupPermission.fromScope(value);
      if ((byId.isPresent() && !byId.get().scope().equals(value))
          || (byValue.isPresent() && !byValue.get().appRoleId().equals(id))) {
        throw new UnexpectedGraphResponseException(
            "Microsoft Graph's service principal names app role " + id + " '" + value
                + "', which disagrees with the catalog; the grants cannot be trusted",
            ctx.tenantId(), 200, null);
      }
      JsonNode enabled = role.get("isEnabled");
      if (enabled == null || !enabled.isBoolean() || !enabled.booleanValue()) {
        continue; // A disabled role grants nothing, even where an assignment of it remains.
      }
      roles.put(id, new GraphAppRole(value, id, role.path("displayName").asText("")));
    }
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      if (!roles.containsKey(p.appRoleId())) {
        LOG.debug("Microsoft Graph's service principal lists no enabled app role {}; it cannot be"
            + " granted in this tenant", p.scope());
      }
    }
    return Collections.unmodifiableMap(roles);
  }
}
