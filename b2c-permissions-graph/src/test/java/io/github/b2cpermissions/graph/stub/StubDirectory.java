package io.github.b2cpermissions.graph.stub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.GraphPermissionVerifierBuilder;
import io.github.b2cpermissions.graph.GraphRetryPolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One scripted tenant, answered in the shapes Microsoft documents for the reads a permission check
 * makes: {@code GET /servicePrincipals(appId='…')} (and by object id), {@code GET /organization},
 * {@code GET /servicePrincipals/{id}/appRoleAssignments} (also through the alternate key) with
 * {@code $select}, {@code $top} and {@code @odata.nextLink} paging. Anything else gets Graph's 400
 * for an unknown segment. The fields are public and mutable on purpose: a test (or a model-based
 * generator) scripts the state, then {@link #override} scripts faults per request.
 */
public final class StubDirectory implements Function<StubRequest, StubResponse> {
  /** Microsoft Graph's application id. */
  public static final String GRAPH_APP_ID = B2cBackupPermission.MICROSOFT_GRAPH_APP_ID;
  /** The backup app's client id in stub tenants. */
  public static final String BACKUP_APP_ID = "11111111-2222-3333-4444-555555555555";

  private static final ObjectMapper JSON = new ObjectMapper();

  public String tenantId = UUID.randomUUID().toString();
  public String tenantType = "AAD B2C";
  public List<String> verifiedDomains = new ArrayList<>(List.of("contoso.onmicrosoft.com"));
  /** The organization's id as Graph answers it; null answers an organization without an id. */
  public @Nullable String organizationId;
  public String backupAppId = BACKUP_APP_ID;
  public boolean servicePrincipalPresent = true;
  public String servicePrincipalId = UUID.randomUUID().toString();
  /** {@code accountEnabled}; null leaves the property out of the answer. */
  public @Nullable Boolean accountEnabled = Boolean.TRUE;
  public String graphServicePrincipalId = UUID.randomUUID().toString();
  public List<StubAppRole> graphAppRoles = new ArrayList<>(catalogRoles());
  public List<StubAssignment> assignments = new CopyOnWriteArrayList<>();
  public int pageSize = 100;
  /** Roles in the token the test's credential returns; null means "what the directory grants". */
  public @Nullable Set<String> tokenRoles;
  /** Per-request fault script: a non-null answer replaces the directory's. */
  public Function<StubRequest, @Nullable StubResponse> override = r -> null;

  private volatile URI baseUri = URI.create("https://127.0.0.1");

  /** A B2C tenant whose backup app holds all 14 permissions. */
  public static StubDirectory grantedAll() {
    StubDirectory d = new StubDirectory();
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      d.grant(p.appRoleId());
    }
    return d;
  }

  /** Every role the catalog knows (the 14 and their narrower read roles), enabled. */
  public static List<StubAppRole> catalogRoles() {
    Map<UUID, StubAppRole> roles = new LinkedHashMap<>();
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      roles.put(p.appRoleId(), new StubAppRole(p.appRoleId(), p.scope(), true));
      p.readCounterpart().ifPresent(
          (GraphAppRole r) -> roles.put(r.id(), new StubAppRole(r.id(), r.value(), true)));
    }
    return List.copyOf(roles.values());
  }

  /** Adds a live assignment of {@code appRoleId} on Microsoft Graph to the backup app. */
  public String grant(UUID appRoleId) {
    String id = UUID.randomUUID().toString();
    assignments.add(new StubAssignment(id, servicePrincipalId, graphServicePrincipalId, appRoleId,
        "2026-01-01T00:00:00Z", null));
    return id;
  }

  /** Removes every assignment of {@code appRoleId}. */
  public void revoke(UUID appRoleId) {
    assignments.removeIf(a -> a.appRoleId().equals(appRoleId));
  }

  /** The values of the live Graph roles the directory grants the backup app. */
  public Set<String> grantedRoleValues() {
    Set<String> out = new LinkedHashSet<>();
    for (StubAssignment a : assignments) {
      if (a.deletedDateTime() != null || !a.resourceId().equals(graphServicePrincipalId)
          || !a.principalId().equals(servicePrincipalId)) {
        continue;
      }
      graphAppRoles.stream().filter(r -> r.id().equals(a.appRoleId()) && r.enabled())
          .findFirst().ifPresent(r -> out.add(r.value()));
    }
    return out;
  }

  /** The token the credential returns now. */
  public String token() {
    Collection<String> roles = tokenRoles != null ? tokenRoles : grantedRoleValues();
    return StubTokens.appToken(GRAPH_APP_ID, tenantId, backupAppId, roles);
  }

  /** Starts a stub serving this tenant (batch-aware). */
  public GraphStub start() {
    GraphStub stub = GraphStub.start(BatchHandler.of(this));
    baseUri = stub.baseUri();
    return stub;
  }

  /** Sets the base URI paging links point at (for a stub started by someone else). */
  public void baseUri(URI uri) {
    this.baseUri = uri;
  }

  /**
   * A verifier builder for this tenant on {@code stub}: the backup app's client id, a credential
   * answering {@link #token()}, the stub's cloud and TLS trust, and a quick retry policy.
   */
  public GraphPermissionVerifierBuilder verifierBuilder(GraphStub stub) {
    return verifierBuilderWithoutCredential(stub).credential(StubTokens.credential(this::token));
  }

  /**
   * As {@link #verifierBuilder}, with Graph requests over the JDK's non-blocking {@code HttpClient}
   * instead of OkHttp.
   */
  public GraphPermissionVerifierBuilder verifierBuilderOverJdk(
      GraphStub stub, java.net.http.HttpClient client) {
    return GraphPermissionVerifier.builder()
        .clientId(backupAppId)
        .cloud(stub.cloud())
        .jdkHttpClient(client)
        .credential(StubTokens.credential(this::token))
        .retryPolicy(GraphRetryPolicy.custom().maxAttempts(3)
            .initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20))
            .deadline(Duration.ofSeconds(10)).build());
  }

  /** As {@link #verifierBuilder}, but without a credential, for a test that sets its own. */
  public GraphPermissionVerifierBuilder verifierBuilderWithoutCredential(GraphStub stub) {
    return GraphPermissionVerifier.builder()
        .clientId(backupAppId)
        .cloud(stub.cloud())
        .httpClient(stub.okHttpClient())
        .retryPolicy(GraphRetryPolicy.custom().maxAttempts(3)
            .initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20))
            .deadline(Duration.ofSeconds(10)).build());
  }

  @Override
  public StubResponse apply(StubRequest request) {
    StubResponse scripted = override.apply(request);
    if (scripted != null) {
      return scripted;
    }
    String path = request.path();
    if (!request.method().equals("GET")) {
      return StubResponse.graphError(405, "Request_BadRequest", "Method not allowed.");
    }
    Map<String, String> query = query(request.query());
    String spByKey = "/v1.0/servicePrincipals(appId='" + backupAppId + "')";
    String spById = "/v1.0/servicePrincipals/" + servicePrincipalId;
    if (path.equals(spByKey) || path.equals(spById)) {
      return servicePrincipalPresent ? ok(select(backupServicePrincipal(), query))
          : StubResponse.notFound();
    }
    if (path.equals(spByKey + "/appRoleAssignments") || path.equals(spById + "/appRoleAssignments")) {
      return servicePrincipalPresent ? assignmentsPage(query) : StubResponse.notFound();
    }
    if (path.equals("/v1.0/servicePrincipals(appId='" + GRAPH_APP_ID + "')")
        || path.equals("/v1.0/servicePrincipals/" + graphServicePrincipalId)) {
      return ok(select(graphServicePrincipal(), query));
    }
    if (path.equals("/v1.0/organization")) {
      ObjectNode page = JSON.createObjectNode();
      page.put("@odata.context", baseUri + "/v1.0/$metadata#organization");
      page.putArray("value").add(select(organization(), query));
      return ok(page);
    }
    if (path.startsWith("/v1.0/servicePrincipals")) {
      return StubResponse.notFound();
    }
    return StubResponse.graphError(400, "BadRequest",
        "Resource not found for the segment '" + path.replaceFirst("^/v1\\.0/", "") + "'.");
  }

  private ObjectNode backupServicePrincipal() {
    ObjectNode sp = JSON.createObjectNode();
    sp.put("id", servicePrincipalId);
    sp.put("appId", backupAppId);
    sp.put("displayName", "B2C Backup");
    if (accountEnabled != null) {
      sp.put("accountEnabled", accountEnabled);
    }
    sp.put("servicePrincipalType", "Application");
    return sp;
  }

  private ObjectNode graphServicePrincipal() {
    ObjectNode sp = JSON.createObjectNode();
    sp.put("id", graphServicePrincipalId);
    sp.put("appId", GRAPH_APP_ID);
    sp.put("displayName", "Microsoft Graph");
    sp.put("accountEnabled", true);
    ArrayNode roles = sp.putArray("appRoles");
    for (StubAppRole r : graphAppRoles) {
      ObjectNode role = roles.addObject();
      role.putArray("allowedMemberTypes").add("Application");
      role.put("description", "Allows the app to " + r.value());
      role.put("displayName", r.value());
      role.put("id", r.id().toString());
      role.put("isEnabled", r.enabled());
      role.put("origin", "Application");
      role.put("value", r.value());
    }
    return sp;
  }

  private ObjectNode organization() {
    ObjectNode org = JSON.createObjectNode();
    String id = organizationId != null ? organizationId : tenantId;
    if (!id.isEmpty()) {
      org.put("id", id);
    }
    org.put("displayName", "Contoso");
    org.put("tenantType", tenantType);
    ArrayNode domains = org.putArray("verifiedDomains");
    for (int i = 0; i < verifiedDomains.size(); i++) {
      ObjectNode d = domains.addObject();
      d.put("capabilities", "None");
      d.put("isDefault", i == 0);
      d.put("isInitial", i == 0);
      d.put("name", verifiedDomains.get(i));
      d.put("type", "Managed");
    }
    return org;
  }

  private StubResponse assignmentsPage(Map<String, String> query) {
    int top = Math.min(pageSize, parse(query.get("$top"), pageSize));
    int skip = parse(query.get("$skiptoken"), 0);
    List<StubAssignment> all = List.copyOf(assignments);
    ObjectNode page = JSON.createObjectNode();
    page.put("@odata.context", baseUri + "/v1.0/$metadata#appRoleAssignments");
    ArrayNode value = page.putArray("value");
    for (int i = skip; i < Math.min(all.size(), skip + top); i++) {
      StubAssignment a = all.get(i);
      ObjectNode o = JSON.createObjectNode();
      o.put("id", a.id());
      o.put("appRoleId", a.appRoleId().toString());
      if (a.createdDateTime() != null) {
        o.put("createdDateTime", a.createdDateTime());
      } else {
        o.putNull("createdDateTime");
      }
      if (a.deletedDateTime() != null) {
        o.put("deletedDateTime", a.deletedDateTime());
      } else {
        o.putNull("deletedDateTime");
      }
      o.put("principalDisplayName", "B2C Backup");
      o.put("principalId", a.principalId());
      o.put("principalType", "ServicePrincipal");
      o.put("resourceDisplayName", "Microsoft Graph");
      o.put("resourceId", a.resourceId());
      value.add(select(o, query));
    }
    if (skip + top < all.size()) {
      page.put("@odata.nextLink", baseUri + "/v1.0/servicePrincipals/" + servicePrincipalId
          + "/appRoleAssignments?$top=" + top + "&$skiptoken=" + (skip + top));
    }
    return ok(page);
  }

  private static ObjectNode select(ObjectNode full, Map<String, String> query) {
    String select = query.get("$select");
    if (select == null) {
      return full;
    }
    Set<String> keep = new LinkedHashSet<>(List.of(select.split(",")));
    ObjectNode out = JSON.createObjectNode();
    full.fields().forEachRemaining(e -> {
      if (keep.contains(e.getKey())) {
        out.set(e.getKey(), e.getValue());
      }
    });
    return out;
  }

  private static StubResponse ok(ObjectNode body) {
    return StubResponse.json(200, body.toString());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw.isEmpty()) {
      return out;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  private static int parse(@Nullable String text, int fallback) {
    try {
      return text == null ? fallback : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
