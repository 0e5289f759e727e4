package io.github.b2cpermissions.graph.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Answers {@code POST /servicePrincipals/{graph}/appRoleAssignedTo} for a {@link StubDirectory}
 * the way Graph's documentation describes it: 201 with the new assignment, which then shows in the
 * directory's reads; 400 {@code Request_BadRequest} "Permission being assigned already exists on
 * the object" for a live duplicate; 400 for a role the tenant's Graph does not define. A test can
 * queue scripted answers for the next creates (a 403, a create that lands but whose answer comes
 * too late, one that neither lands nor answers in time).
 */
public final class StubGrants {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What to do with one create. */
  @FunctionalInterface
  public interface Script extends Function<StubRequest, StubResponse> {}

  private final StubDirectory directory;
  private final Deque<Script> next = new ConcurrentLinkedDeque<>();

  private StubGrants(StubDirectory directory) {
    this.directory = directory;
  }

  /** Installs create handling on {@code directory}, in front of its other overrides. */
  public static StubGrants on(StubDirectory directory) {
    StubGrants grants = new StubGrants(directory);
    Function<StubRequest, @Nullable StubResponse> before = directory.override;
    directory.override = r -> grants.isCreate(r) ? grants.answer(r) : before.apply(r);
    return grants;
  }

  /** The next create is answered by {@code script} instead of the default. */
  public StubGrants then(Script script) {
    next.add(script);
    return this;
  }

  /** A script: Graph refuses (403 {@code Authorization_RequestDenied}). */
  public static Script forbidden() {
    return r -> StubResponse.forbidden();
  }

  /**
   * A script: the assignment is created, but the answer arrives only after {@code delay} (longer
   * than the client waits).
   */
  public Script landsButAnswersAfter(Duration delay) {
    return r -> create(r).delayed(delay);
  }

  /** A script: nothing is created and no answer arrives within {@code delay}. */
  public static Script neitherLandsNorAnswersWithin(Duration delay) {
    return r -> StubResponse.graphError(503, "serviceUnavailable", "late").delayed(delay);
  }

  private boolean isCreate(StubRequest r) {
    return r.method().equals("POST") && r.path().equals(
        "/v1.0/servicePrincipals/" + directory.graphServicePrincipalId + "/appRoleAssignedTo");
  }

  private StubResponse answer(StubRequest r) {
    Script scripted = next.poll();
    return scripted != null ? scripted.apply(r) : create(r);
  }

  /** Graph's default handling of a create. */
  public StubResponse create(StubRequest r) {
    JsonNode body;
    try {
      body = JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String principal = body.path("principalId").asText("");
    String resource = body.path("resourceId").asText("");
    UUID role;
    try {
      role = UUID.fromString(body.path("appRoleId").asText(""));
    } catch (IllegalArgumentException e) {
      return StubResponse.graphError(400, "Request_BadRequest",
          "Invalid value specified for property 'appRoleId' of resource 'AppRoleAssignment'.");
    }
    if (!resource.equals(directory.graphServicePrincipalId)
        || !principal.equals(directory.servicePrincipalId)) {
      return StubResponse.notFound();
    }
    if (directory.graphAppRoles.stream().noneMatch(a -> a.id().equals(role) && a.enabled())) {
      return StubResponse.graphError(400, "Request_BadRequest",
          "Permission being assigned was not found on application '" + StubDirectory.GRAPH_APP_ID + "'.");
    }
    boolean exists = directory.assignments.stream().anyMatch(a -> a.deletedDateTime() == null
        && a.principalId().equals(principal) && a.resourceId().equals(resource)
        && a.appRoleId().equals(role));
    if (exists) {
      return StubResponse.graphError(400, "Request_BadRequest",
          "Permission being assigned already exists on the object");
    }
    String id = UUID.randomUUID().toString();
    String created = Instant.now().toString();
    directory.assignments.add(new StubAssignment(id, principal, resource, role, created, null));
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    o.putNull("deletedDateTime");
    o.put("appRoleId", role.toString());
    o.put("createdDateTime", created);
    o.put("principalId", principal);
    o.put("principalType", "ServicePrincipal");
    o.put("resourceId", resource);
    return StubResponse.json(201, o.toString());
  }
}
