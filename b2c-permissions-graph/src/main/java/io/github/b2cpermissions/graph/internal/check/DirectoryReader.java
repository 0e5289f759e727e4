package io.github.b2cpermissions.graph.internal.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.graph.internal.cache.BoundedCache;
import io.github.b2cpermissions.graph.internal.cache.SharedCopies;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import io.github.b2cpermissions.graph.internal.http.GraphResponse;
import io.github.b2cpermissions.graph.internal.http.GraphTransport;
import io.github.b2cpermissions.graph.internal.tenant.TenantIdentifiers;
import java.time.Duration;
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
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the backup app's grants from the directory in as few round trips as Graph allows, and keeps
 * every answer it received: a refused or failed read is recorded next to the answers that did
 * arrive (see {@link DirectoryFacts}), so a decisive answer such as the organization's {@code
 * tenantType} is never lost to another item's failure.
 *
 * <p>Cold (first check of a tenant, or after its cache entry expired): one {@code $batch} with the
 * app's service principal, this tenant's Microsoft Graph service principal (its object id and its
 * app roles), the organization and the first page of the app's {@code appRoleAssignments} through
 * the service principal's alternate key ({@code appId}); where that navigation is refused, the
 * assignments are read by object id in a second round trip. Warm: the two object ids and the
 * tenant's Graph roles are remembered per tenant (bounded by size and age), so one {@code $batch}
 * reads the service principal, the organization and the first page of assignments. Only live
 * assignments whose {@code resourceId} is the tenant's Microsoft Graph service principal, of a role
 * that this tenant's Graph defines and has enabled, count.
 */
public final class DirectoryReader {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryReader.class);
  private static final String ASSIGNMENT_SELECT =
      "$select=id,appRoleId,principalId,resourceId,createdDateTime,deletedDateTime&$top=999";
  private static final String ORGANIZATION = "/organization?$select=id,tenantType,verifiedDomains";
  static final String APPLICATION_READ = "Application.Read.All";
  private static final String ORGANIZATION_READ = "Organization.Read.All";
  private static final int MAX_PAGES = 10_000;

  private final GraphTransport transport;
  private final String clientId;
  private final Set<String> coveredTenantTypes;
  private final BoundedCache<String, TenantObjects> tenants;
  /** Equal Graph role lists of different tenants, held once. */
  private final SharedCopies<Map<UUID, GraphAppRole>> roleLists = new SharedCopies<>();

  /**
   * Remembered object ids and Graph roles of one tenant. The roles are the instance {@link
   * SharedCopies} hands out, so tenants whose Graph answered the same list share it.
   */
  private record TenantObjects(
      String servicePrincipalId, String graphServicePrincipalId, Map<UUID, GraphAppRole> roles) {}

  /**
   * Creates a reader.
   *
   * @param transport the Graph transport of the cloud
   * @param clientId the backup app's client id (appId), already validated
   * @param cacheSize how many tenants' object ids and Graph roles are remembered
   * @param cacheExpiry how long they are remembered
   * @param ticker nanosecond time source for the cache
   * @param coveredTenantTypes the {@code tenantType} values a profile is configured for; any other
   *     answered type decides the tenant (not covered) whatever else fails
   */
  public DirectoryReader(GraphTransport transport, String clientId, int cacheSize,
      Duration cacheExpiry, LongSupplier ticker, Set<String> coveredTenantTypes) {
    this.transport = transport;
    this.clientId = clientId;
    this.coveredTenantTypes = Set.copyOf(coveredTenantTypes);
    this.tenants = new BoundedCache<>(cacheSize, cacheExpiry, ticker);
  }

  /** How many tenants' object ids and roles are cached now (for tests and benchmarks). */
  public int cachedTenants() {
    return tenants.size();
  }

  /**
   * Reads the facts of one tenant for a directory check: presence, tenant type, and (unless an
   * answer already decides the tenant, or a read was refused or failed) every page of assignments.
   *
   * @param tokenTenantId the token's {@code tid}, which the organization must match
   * @throws AuthenticationFailedException if the organization is another tenant's, or the tenant
   *     was named by a domain the organization does not list as verified
   * @throws UnexpectedGraphResponseException if the organization answered without an id, or a
   *     later page is malformed
   * @throws B2cPermissionsException when the {@code $batch} itself, or a
   *     later page, fails for another reason (a 403 on a page is recorded, not thrown)
   */
  DirectoryFacts read(CallContext ctx, String tokenTenantId) {
    TenantObjects known = tenants.get(ctx.tenantId());
    if (known != null) {
      DirectoryFacts warm = readWarm(ctx, tokenTenantId, known);
      if (warm != null) {
        return warm;
      }
      tenants.remove(ctx.tenantId());
    }
    return readCold(ctx, tokenTenantId);
  }

  /**
   * Confirms the tenant type and the app's service principal in one {@code $batch} (for the token
   * strategy): no assignments are read.
   *
   * @param tokenTenantId the token's {@code tid}, which the organization must match
   * @throws AuthenticationFailedException as {@link #read}
   * @throws UnexpectedGraphResponseException as {@link #read}
   * @throws B2cPermissionsException when the {@code $batch} fails
   */
  DirectoryFacts confirm(CallContext ctx, String tokenTenantId) {
    List<GraphResponse> r = transport.batchGet(ctx, List.of(servicePrincipalByAppId(), ORGANIZATION));
    CollectedFacts c = new CollectedFacts();
    organization(ctx, tokenTenantId, r.get(1), c);
    servicePrincipal(ctx, r.get(0), c);
    return c.facts(List.of(), null);
  }

  private @Nullable DirectoryFacts readWarm(CallContext ctx, String tokenTenantId, TenantObjects known) {
    List<GraphResponse> r = transport.batchGet(ctx, List.of(
        servicePrincipalByAppId(),
        ORGANIZATION,
        "/servicePrincipals/" + known.servicePrincipalId() + "/appRoleAssignments?" + ASSIGNMENT_SELECT));
    CollectedFacts c = new CollectedFacts();
    c.graphSpId = known.graphServicePrincipalId();
    organization(ctx, tokenTenantId, r.get(1), c);
    servicePrincipal(ctx, r.get(0), c);
    GraphResponse assignments = r.get(2);
    if (c.presence == AppPresence.NOT_FOUND) {
      tenants.remove(ctx.tenantId());
    }
    if (c.decisive(coveredTenantTypes)) {
      return c.facts(List.of(), known.roles());
    }
    if (c.spId != null
        && (!c.spId.equals(known.servicePrincipalId()) || assignments.status() == 404)) {
      LOG.debug("tenant {}: the backup app's service principal changed; reading it again",
          ctx.tenantId());
      return null;
    }
    return finishRead(ctx, c, assignments, known.graphServicePrincipalId(), known.roles());
  }

  private DirectoryFacts readCold(CallContext ctx, String tokenTenantId) {
    List<GraphResponse> r = transport.batchGet(ctx, List.of(
        servicePrincipalByAppId(),
        "/servicePrincipals(appId='" + B2cBackupPermission.MICROSOFT_GRAPH_APP_ID
            + "')?$select=id,appRoles",
        ORGANIZATION,
        // Graph documents navigation from the alternate key; where a cloud refuses it, the
        // assignments are read by object id below (one more round trip).
        "/servicePrincipals(appId='" + clientId + "')/appRoleAssignments?" + ASSIGNMENT_SELECT));
    CollectedFacts c = new CollectedFacts();
    organization(ctx, tokenTenantId, r.get(2), c);
    servicePrincipal(ctx, r.get(0), c);
    if (c.decisive(coveredTenantTypes)) {
      return c.facts(List.of(), null);
    }
    String graphSpId = null;
    Map<UUID, GraphAppRole> roles = null;
    GraphResponse graphSp = r.get(1);
    if (c.usable(ctx, graphSp, "Microsoft Graph's service principal", APPLICATION_READ)) {
      try {
        graphSpId = GraphAnswers.requireId(ctx, graphSp.body(), "Microsoft Graph's service principal");
        roles = roleLists.shared(crossChecked(ctx, graphSp.body().path("appRoles")));
        c.graphSpId = graphSpId;
      } catch (UnexpectedGraphResponseException e) {
        c.fail(e);
      }
    }
    GraphResponse assignments = r.get(3);
    if (!assignments.isSuccess() && c.clean() && c.spId != null) {
      LOG.debug("tenant {}: assignments by alternate key answered {}; reading them by object id",
          ctx.tenantId(), assignments.status());
      assignments = transport.get(ctx,
          "servicePrincipals/" + c.spId + "/appRoleAssignments?" + ASSIGNMENT_SELECT);
    }
    if (graphSpId == null || roles == null) {
      return c.facts(List.of(), roles);
    }
    DirectoryFacts facts = finishRead(ctx, c, assignments, graphSpId, roles);
    if (facts.refusedRole() == null && facts.failure() == null && c.spId != null) {
      tenants.put(ctx.tenantId(), new TenantObjects(c.spId, graphSpId, roles));
    }
    return facts;
  }

  /** Reads every page of assignments, unless a refusal or failure is already recorded. */
  private DirectoryFacts finishRead(CallContext ctx, CollectedFacts c, GraphResponse firstPage,
      String graphSpId, Map<UUID, GraphAppRole> roles) {
    if (!c.usable(ctx, firstPage, "the backup app's app role assignments", APPLICATION_READ)
        || !c.clean() || c.spId == null) {
      return c.facts(List.of(), roles);
    }
    Map<UUID, DirectoryFacts.HeldRole> held = new LinkedHashMap<>();
    Set<String> seenLinks = new HashSet<>();
    JsonNode page = firstPage.body();
    for (int pages = 1; ; pages++) {
      collect(ctx, page, c.spId, graphSpId, held);
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
      if (more.status() == 403) {
        c.refused(APPLICATION_READ);
        return c.facts(List.of(), roles);
      }
      GraphAnswers.requireOk(ctx, more, "a page of app role assignments", APPLICATION_READ);
      page = more.body();
    }
    return c.facts(List.copyOf(held.values()), roles);
  }

  /**
   * Binds the organization to the token (rule a) and records its tenant type, or its refusal or
   * failure.
   */
  private static void organization(
      CallContext ctx, String tokenTenantId, GraphResponse org, CollectedFacts c) {
    if (!c.usable(ctx, org, "the organization", ORGANIZATION_READ)) {
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
  private void servicePrincipal(CallContext ctx, GraphResponse sp, CollectedFacts c) {
    if (sp.status() == 404) {
      c.presence = AppPresence.NOT_FOUND;
      return;
    }
    if (!c.usable(ctx, sp, "the backup app's service principal", APPLICATION_READ)) {
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

  private String servicePrincipalByAppId() {
    return "/servicePrincipals(appId='" + clientId + "')?$select=id,appId,accountEnabled";
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
