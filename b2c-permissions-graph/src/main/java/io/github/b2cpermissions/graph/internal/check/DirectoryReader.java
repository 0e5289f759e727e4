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
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the backup app's grants from the directory in as few round trips as Graph allows, and keeps
 * every answer it received: a refused or failed read is recorded next to the answers that did
 * arrive (see {@link DirectoryFacts}), so a decisive answer such as the organization's {@code
 * tenantType} is never lost to another item's failure. Every read is a future composed on the
 * transport's: no thread waits for Graph.
 *
 * <p>Cold (first check of a tenant, or after its cache entry expired): one {@code $batch} with the
 * app's service principal, this tenant's Microsoft Graph service principal (its object id and its
 * app roles), the organization and the first page of the app's {@code appRoleAssignments} through
 * the service principal's alternate key ({@code appId}); where that navigation is refused, the
 * assignments are read by object id in a second round trip. Warm: the two object ids, the
 * tenant's Graph roles and the tenant's warm {@code $batch} body (written once) are remembered
 * per tenant (bounded by size and age), so one {@code $batch} reads the service principal, the
 * organization and the first page of assignments. Only live assignments whose {@code resourceId}
 * is the tenant's Microsoft Graph service principal, of a role that this tenant's Graph defines
 * and has enabled, count.
 */
public final class DirectoryReader {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryReader.class);
  private static final String ASSIGNMENT_SELECT =
      "$select=id,appRoleId,principalId,resourceId,createdDateTime,deletedDateTime&$top=999";
  private static final String ORGANIZATION = "/organization?$select=id,tenantType,verifiedDomains";
  static final String APPLICATION_READ = "Application.Read.All";
  static final String ORGANIZATION_READ = "Organization.Read.All";
  private static final int MAX_PAGES = 10_000;

  private final GraphTransport transport;
  private final String clientId;
  private final Set<String> coveredTenantTypes;
  private final BoundedCache<String, TenantObjects> tenants;
  /** Equal Graph role lists of different tenants, held once. */
  private final SharedCopies<Map<UUID, GraphAppRole>> roleLists = new SharedCopies<>();
  private final List<String> coldUrls;
  private final byte[] coldBody;
  private final List<String> confirmUrls;
  private final byte[] confirmBody;

  /**
   * Remembered object ids, Graph roles and warm {@code $batch} of one tenant. The roles are the
   * instance {@link SharedCopies} hands out, so tenants whose Graph answered the same list share it.
   */
  private record TenantObjects(String servicePrincipalId, String graphServicePrincipalId,
      Map<UUID, GraphAppRole> roles, List<String> warmUrls, byte[] warmBody) {}

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
    this.coldUrls = List.of(
        servicePrincipalByAppId(),
        "/servicePrincipals(appId='" + B2cBackupPermission.MICROSOFT_GRAPH_APP_ID
            + "')?$select=id,appRoles",
        ORGANIZATION,
        // Graph documents navigation from the alternate key; where a cloud refuses it, the
        // assignments are read by object id (one more round trip).
        "/servicePrincipals(appId='" + clientId + "')/appRoleAssignments?" + ASSIGNMENT_SELECT);
    this.coldBody = GraphTransport.batchBody(coldUrls);
    this.confirmUrls = List.of(servicePrincipalByAppId(), ORGANIZATION);
    this.confirmBody = GraphTransport.batchBody(confirmUrls);
  }

  /** How many tenants' object ids and roles are cached now (for tests and benchmarks). */
  public int cachedTenants() {
    return tenants.size();
  }

  /**
   * Reads the facts of one tenant for a directory check: presence, tenant type, and (unless an
   * answer already decides the tenant, or a read was refused or failed) every page of assignments.
   * The future fails with {@link AuthenticationFailedException} if the organization is another
   * tenant's, or the tenant was named by a domain the organization does not list as verified;
   * with {@link UnexpectedGraphResponseException} if the organization answered without an id, or
   * a later page is malformed; with another {@link B2cPermissionsException} when the {@code
   * $batch} itself, or a later page, fails for another reason (a 403 on a page is recorded, not
   * failed).
   *
   * @param tokenTenantId the token's {@code tid}, which the organization must match
   */
  CompletableFuture<DirectoryFacts> read(CallContext ctx, String tokenTenantId) {
    TenantObjects known = tenants.get(ctx.tenantId());
    if (known == null) {
      return readCold(ctx, tokenTenantId);
    }
    return readWarm(ctx, tokenTenantId, known).thenCompose(warm -> {
      if (warm != null) {
        return CompletableFuture.completedFuture(warm);
      }
      tenants.remove(ctx.tenantId());
      return readCold(ctx, tokenTenantId);
    });
  }

  /**
   * Confirms the tenant type and the app's service principal in one {@code $batch} (for the token
   * strategy): no assignments are read. Fails as {@link #read} does.
   *
   * @param tokenTenantId the token's {@code tid}, which the organization must match
   */
  CompletableFuture<DirectoryFacts> confirm(CallContext ctx, String tokenTenantId) {
    return transport.batchGet(ctx, confirmUrls, confirmBody).thenApply(r -> {
      CollectedFacts c = new CollectedFacts();
      DirectoryAnswers.organization(ctx, tokenTenantId, r.get(1), c);
      DirectoryAnswers.servicePrincipal(clientId, ctx, r.get(0), c);
      return c.facts(List.of(), null);
    });
  }

  private CompletableFuture<@Nullable DirectoryFacts> readWarm(
      CallContext ctx, String tokenTenantId, TenantObjects known) {
    return transport.batchGet(ctx, known.warmUrls(), known.warmBody()).thenCompose(r -> {
      CollectedFacts c = new CollectedFacts();
      DirectoryAnswers.organization(ctx, tokenTenantId, r.get(1), c);
      DirectoryAnswers.servicePrincipal(clientId, ctx, r.get(0), c);
      GraphResponse assignments = r.get(2);
      if (c.presence == AppPresence.NOT_FOUND) {
        tenants.remove(ctx.tenantId());
      }
      if (c.decisive(coveredTenantTypes)) {
        return CompletableFuture.completedFuture(c.facts(List.of(), known.roles()));
      }
      if (c.spId != null
          && (!c.spId.equals(known.servicePrincipalId()) || assignments.status() == 404)) {
        LOG.debug("tenant {}: the backup app's service principal changed; reading it again",
            ctx.tenantId());
        return CompletableFuture.completedFuture(null);
      }
      return finishRead(ctx, c, assignments, known.graphServicePrincipalId(), known.roles());
    });
  }

  private CompletableFuture<DirectoryFacts> readCold(CallContext ctx, String tokenTenantId) {
    return transport.batchGet(ctx, coldUrls, coldBody).thenCompose(r -> {
      CollectedFacts c = new CollectedFacts();
      DirectoryAnswers.organization(ctx, tokenTenantId, r.get(2), c);
      DirectoryAnswers.servicePrincipal(clientId, ctx, r.get(0), c);
      if (c.decisive(coveredTenantTypes)) {
        return CompletableFuture.completedFuture(c.facts(List.of(), null));
      }
      String graphSpId = null;
      Map<UUID, GraphAppRole> roles = null;
      GraphResponse graphSp = r.get(1);
      if (c.usable(ctx, graphSp, "Microsoft Graph's service principal", APPLICATION_READ)) {
        try {
          graphSpId = GraphAnswers.requireId(ctx, graphSp.body(), "Microsoft Graph's service principal");
          roles = roleLists.shared(DirectoryAnswers.crossChecked(ctx, graphSp.body().path("appRoles")));
        } catch (UnexpectedGraphResponseException e) {
          c.fail(e);
        }
      }
      GraphResponse firstPage = r.get(3);
      CompletableFuture<GraphResponse> assignments;
      if (!firstPage.isSuccess() && c.clean() && c.spId != null) {
        LOG.debug("tenant {}: assignments by alternate key answered {}; reading them by object id",
            ctx.tenantId(), firstPage.status());
        assignments = transport.get(ctx,
            "servicePrincipals/" + c.spId + "/appRoleAssignments?" + ASSIGNMENT_SELECT);
      } else {
        assignments = CompletableFuture.completedFuture(firstPage);
      }
      String graphId = graphSpId;
      Map<UUID, GraphAppRole> graphRoles = roles;
      return assignments.thenCompose(page -> {
        if (graphId == null || graphRoles == null) {
          return CompletableFuture.completedFuture(c.facts(List.of(), graphRoles));
        }
        return finishRead(ctx, c, page, graphId, graphRoles).thenApply(facts -> {
          if (facts.refusedRole() == null && facts.failure() == null && c.spId != null) {
            tenants.put(ctx.tenantId(), remembered(c.spId, graphId, graphRoles));
          }
          return facts;
        });
      });
    });
  }

  private TenantObjects remembered(String spId, String graphSpId, Map<UUID, GraphAppRole> roles) {
    List<String> warm = List.of(servicePrincipalByAppId(), ORGANIZATION,
        "/servicePrincipals/" + spId + "/appRoleAssignments?" + ASSIGNMENT_SELECT);
    return new TenantObjects(spId, graphSpId, roles, warm, GraphTransport.batchBody(warm));
  }

  /** Reads every page of assignments, unless a refusal or failure is already recorded. */
  private CompletableFuture<DirectoryFacts> finishRead(CallContext ctx, CollectedFacts c,
      GraphResponse firstPage, String graphSpId, Map<UUID, GraphAppRole> roles) {
    if (!c.usable(ctx, firstPage, "the backup app's app role assignments", APPLICATION_READ)
        || !c.clean() || c.spId == null) {
      return CompletableFuture.completedFuture(c.facts(List.of(), roles));
    }
    return pages(ctx, c, firstPage.body(), 1, new Paging(c.spId, graphSpId, roles));
  }

  /** The state of one paged read of assignments. */
  private static final class Paging {
    final String spId;
    final String graphSpId;
    final Map<UUID, GraphAppRole> roles;
    final Map<UUID, DirectoryFacts.HeldRole> held = new LinkedHashMap<>();
    final Set<String> seenLinks = new HashSet<>();

    Paging(String spId, String graphSpId, Map<UUID, GraphAppRole> roles) {
      this.spId = spId;
      this.graphSpId = graphSpId;
      this.roles = roles;
    }
  }

  private CompletableFuture<DirectoryFacts> pages(
      CallContext ctx, CollectedFacts c, JsonNode page, int pages, Paging p) {
    DirectoryAnswers.collect(ctx, page, p.spId, p.graphSpId, p.held);
    JsonNode next = page.get("@odata.nextLink");
    if (next == null || next.isNull()) {
      return CompletableFuture.completedFuture(c.facts(List.copyOf(p.held.values()), p.roles));
    }
    String link = next.asText();
    if (!p.seenLinks.add(link) || pages >= MAX_PAGES) {
      throw new UnexpectedGraphResponseException(
          "Graph's paging of app role assignments loops (a nextLink came back twice)",
          ctx.tenantId(), 200, null);
    }
    return transport.getNextLink(ctx, link).thenCompose(more -> {
      if (more.status() == 403) {
        c.refused(APPLICATION_READ);
        return CompletableFuture.completedFuture(c.facts(List.of(), p.roles));
      }
      GraphAnswers.requireOk(ctx, more, "a page of app role assignments", APPLICATION_READ);
      return pages(ctx, c, more.body(), pages + 1, p);
    });
  }

  private String servicePrincipalByAppId() {
    return "/servicePrincipals(appId='" + clientId + "')?$select=id,appId,accountEnabled";
  }

  /** See {@link DirectoryAnswers#crossChecked}. */
  static Map<UUID, GraphAppRole> crossChecked(CallContext ctx, JsonNode appRoles) {
    return DirectoryAnswers.crossChecked(ctx, appRoles);
  }
}
