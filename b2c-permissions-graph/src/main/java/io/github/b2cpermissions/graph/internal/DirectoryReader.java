package io.github.b2cpermissions.graph.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.GraphAppRoles;
import io.github.b2cpermissions.InsufficientPrivilegesException;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the backup app's grants from the directory in as few round trips as Graph allows.
 *
 * <p>Cold (first check of a tenant): one {@code $batch} with the app's service principal, Microsoft
 * Graph's service principal (its object id, and its app roles on the first check in this cloud),
 * the organization and the first page of the app's {@code appRoleAssignments} through the
 * service principal's alternate key ({@code appId}); where that navigation is refused, the
 * assignments are read by object id in a second round trip. Warm: the two object ids
 * are remembered per tenant, so one {@code $batch} reads the service principal, the organization and
 * the first page of assignments at once. Only assignments whose {@code resourceId} is the tenant's
 * Microsoft Graph service principal, and that are not deleted, count.
 */
public final class DirectoryReader {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryReader.class);
  private static final String ASSIGNMENT_SELECT =
      "$select=id,appRoleId,principalId,resourceId,createdDateTime,deletedDateTime&$top=999";
  private static final int MAX_PAGES = 10_000;

  private final GraphTransport transport;
  private final String clientId;
  private final Map<String, TenantObjects> objectIds = new ConcurrentHashMap<>();
  private volatile @Nullable Map<UUID, GraphAppRole> graphAppRoles;

  /** Remembered object ids of one tenant. */
  private record TenantObjects(String servicePrincipalId, String graphServicePrincipalId) {}

  /**
   * Creates a reader.
   *
   * @param transport the Graph transport of the cloud
   * @param clientId the backup app's client id (appId), already validated
   */
  public DirectoryReader(GraphTransport transport, String clientId) {
    this.transport = transport;
    this.clientId = clientId;
  }

  /**
   * The Graph app role with this id, as the tenant's Microsoft Graph service principal names it,
   * else as this library knows it.
   */
  public Optional<GraphAppRole> graphRole(UUID id) {
    Map<UUID, GraphAppRole> roles = graphAppRoles;
    GraphAppRole r = roles == null ? null : roles.get(id);
    return r != null ? Optional.of(r) : GraphAppRoles.byId(id);
  }

  /**
   * The id of the Graph app role with this value: Graph's own answer when its roles were read
   * (role ids are resolved by value), else the catalog's.
   */
  public Optional<GraphAppRole> graphRoleByValue(String value) {
    Map<UUID, GraphAppRole> roles = graphAppRoles;
    if (roles != null) {
      for (GraphAppRole r : roles.values()) {
        if (r.value().equals(value)) {
          return Optional.of(r);
        }
      }
    }
    return GraphAppRoles.byValue(value);
  }

  /**
   * Reads the facts of one tenant.
   *
   * @throws InsufficientPrivilegesException if Graph refuses a read the check needs
   * @throws io.github.b2cpermissions.B2cPermissionsException for every other failure
   */
  public DirectoryFacts read(CallContext ctx) {
    TenantObjects known = objectIds.get(ctx.tenantId());
    if (known != null) {
      DirectoryFacts warm = readWarm(ctx, known);
      if (warm != null) {
        return warm;
      }
      objectIds.remove(ctx.tenantId());
    }
    return readCold(ctx);
  }

  private @Nullable DirectoryFacts readWarm(CallContext ctx, TenantObjects known) {
    List<GraphResponse> r = transport.batchGet(ctx, List.of(
        servicePrincipalByAppId(),
        "/organization?$select=id,tenantType",
        "/servicePrincipals/" + known.servicePrincipalId() + "/appRoleAssignments?" + ASSIGNMENT_SELECT));
    GraphResponse sp = r.get(0);
    if (sp.status() == 404) {
      return new DirectoryFacts(AppPresence.NOT_FOUND, null, tenantType(ctx, r.get(1)),
          organizationId(r.get(1)), List.of());
    }
    requireOk(ctx, sp, "the backup app's service principal", "Application.Read.All");
    String spId = sp.body().path("id").asText("");
    GraphResponse assignments = r.get(2);
    if (!spId.equals(known.servicePrincipalId()) || assignments.status() == 404) {
      LOG.debug("tenant {}: the backup app's service principal changed; reading it again", ctx.tenantId());
      return null;
    }
    return facts(ctx, sp, r.get(1), assignments, known.graphServicePrincipalId());
  }

  private DirectoryFacts readCold(CallContext ctx) {
    boolean needRoles = graphAppRoles == null;
    List<GraphResponse> r = transport.batchGet(ctx, List.of(
        servicePrincipalByAppId(),
        "/servicePrincipals(appId='" + B2cBackupPermission.MICROSOFT_GRAPH_APP_ID + "')?$select="
            + (needRoles ? "id,appRoles" : "id"),
        "/organization?$select=id,tenantType",
        // Graph documents navigation from the alternate key; where a cloud refuses it, the
        // assignments are read by object id below (one more round trip).
        "/servicePrincipals(appId='" + clientId + "')/appRoleAssignments?" + ASSIGNMENT_SELECT));
    GraphResponse sp = r.get(0);
    if (sp.status() == 404) {
      return new DirectoryFacts(AppPresence.NOT_FOUND, null, tenantType(ctx, r.get(2)),
          organizationId(r.get(2)), List.of());
    }
    requireOk(ctx, sp, "the backup app's service principal", "Application.Read.All");
    GraphResponse graphSp = r.get(1);
    requireOk(ctx, graphSp, "Microsoft Graph's service principal", "Application.Read.All");
    String graphSpId = requireId(ctx, graphSp.body(), "Microsoft Graph's service principal");
    if (needRoles) {
      loadGraphRoles(ctx, graphSp.body());
    }
    String spId = requireId(ctx, sp.body(), "the backup app's service principal");
    GraphResponse assignments = r.get(3);
    if (!assignments.isSuccess()) {
      LOG.debug("tenant {}: assignments by alternate key answered {}; reading them by object id",
          ctx.tenantId(), assignments.status());
      assignments = transport.get(ctx,
          "servicePrincipals/" + spId + "/appRoleAssignments?" + ASSIGNMENT_SELECT);
    }
    DirectoryFacts facts = facts(ctx, sp, r.get(2), assignments, graphSpId);
    objectIds.put(ctx.tenantId(), new TenantObjects(spId, graphSpId));
    return facts;
  }

  private String servicePrincipalByAppId() {
    return "/servicePrincipals(appId='" + clientId + "')?$select=id,appId,accountEnabled";
  }

  private DirectoryFacts facts(
      CallContext ctx, GraphResponse sp, GraphResponse org, GraphResponse firstPage, String graphSpId) {
    requireOk(ctx, firstPage, "the backup app's app role assignments", "Application.Read.All");
    String spId = requireId(ctx, sp.body(), "the backup app's service principal");
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
    boolean enabled = enabledNode.booleanValue();
    Map<UUID, DirectoryFacts.HeldRole> held = new LinkedHashMap<>();
    Set<String> seenLinks = new HashSet<>();
    JsonNode page = firstPage.body();
    for (int pages = 1; ; pages++) {
      collect(ctx, page, spId, graphSpId, held);
      JsonNode next = page.get("@odata.nextLink");
      if (next == null || next.isNull()) {
        break;
      }
      String link = next.asText();
      if (!seenLinks.add(link) || pages >= MAX_PAGES) {
        throw new UnexpectedGraphResponseException(
            "Graph's paging of app role assignments loops (a nextLink came back twice)",
            ctx.tenantId(), 200, null);
      }
      GraphResponse more = transport.getNextLink(ctx, link);
      requireOk(ctx, more, "a page of app role assignments", "Application.Read.All");
      page = more.body();
    }
    return new DirectoryFacts(
        enabled ? AppPresence.ENABLED : AppPresence.DISABLED,
        spId,
        tenantType(ctx, org),
        organizationId(org),
        List.copyOf(held.values()));
  }

  private void collect(CallContext ctx, JsonNode page, String spId, String graphSpId,
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
      Instant created = instant(a.path("createdDateTime").asText(null));
      DirectoryFacts.HeldRole role = new DirectoryFacts.HeldRole(roleId, id, created);
      held.merge(roleId, role, DirectoryReader::earlier);
    }
  }

  private static DirectoryFacts.HeldRole earlier(DirectoryFacts.HeldRole a, DirectoryFacts.HeldRole b) {
    if (a.createdAt() == null) {
      return b.createdAt() == null ? a : b;
    }
    return b.createdAt() != null && b.createdAt().isBefore(a.createdAt()) ? b : a;
  }

  private static @Nullable Instant instant(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private void loadGraphRoles(CallContext ctx, JsonNode graphSp) {
    graphAppRoles = crossChecked(ctx, graphSp.path("appRoles"));
  }

  /**
   * Graph's app roles, checked against the catalog: a catalog id under another value, or a catalog
   * value under another id, means the answer cannot be trusted to say which permissions are held.
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
      roles.put(id, new GraphAppRole(value, id, role.path("displayName").asText("")));
    }
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      if (!roles.containsKey(p.appRoleId())) {
        LOG.debug("Microsoft Graph's service principal lists no app role {}; using the catalog's",
            p.scope());
      }
    }
    return Collections.unmodifiableMap(roles);
  }

  /**
   * The organization's tenant type. A directory check needs it: an unreadable organization fails
   * the check (403 names the role it needs), so a workforce tenant can never pass as B2C.
   */
  private static String tenantType(CallContext ctx, GraphResponse org) {
    requireOk(ctx, org, "the organization", "Organization.Read.All");
    String type = org.body().path("value").path(0).path("tenantType").asText("");
    if (type.isBlank()) {
      throw new UnexpectedGraphResponseException(
          "Graph's organization has no tenantType", ctx.tenantId(), org.status(), null);
    }
    return type;
  }

  private static @Nullable String organizationId(GraphResponse org) {
    String id = org.body().path("value").path(0).path("id").asText("");
    return id.isEmpty() ? null : id;
  }

  private static String requireId(CallContext ctx, JsonNode body, String what) {
    String id = body.path("id").asText("");
    if (id.isEmpty() || id.length() > 64 || !id.matches("[0-9A-Za-z-]+")) {
      throw new UnexpectedGraphResponseException(
          "Graph returned " + what + " without a usable id", ctx.tenantId(), 200, null);
    }
    return id;
  }

  private static void requireOk(CallContext ctx, GraphResponse r, String what, String leastRole) {
    if (r.isSuccess()) {
      return;
    }
    if (r.status() == 403) {
      throw new InsufficientPrivilegesException(
          "Graph refused to read " + what + " in tenant " + ctx.tenantId() + " (403 "
              + r.errorCode() + "); the backup app needs at least " + leastRole
              + " to be verified from the directory",
          ctx.tenantId(), leastRole);
    }
    if (r.status() == 401) {
      throw new AuthenticationFailedException(
          "Graph refused the app's token reading " + what + " in tenant " + ctx.tenantId()
              + " (401 " + r.errorCode() + ")", ctx.tenantId(), 0, null);
    }
    if (r.status() >= 500) {
      throw new GraphUnavailableException(
          "Graph failed the read of " + what + " in tenant " + ctx.tenantId() + " with "
              + r.status() + " " + r.errorCode(), ctx.tenantId(), null);
    }
    throw new UnexpectedGraphResponseException(
        "Graph answered the read of " + what + " in tenant " + ctx.tenantId() + " with "
            + r.status() + " " + r.errorCode(), ctx.tenantId(), r.status(), null);
  }

}
