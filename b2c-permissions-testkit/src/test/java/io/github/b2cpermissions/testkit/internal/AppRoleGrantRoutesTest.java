package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.json;
import static io.github.b2cpermissions.testkit.Http.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.buildsupport.MutableClock;
import io.github.b2cpermissions.testkit.FakeGrant;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeGraphTenantBuilder;
import io.github.b2cpermissions.testkit.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Granting app roles through Graph, as the fake enforces it: who may grant, Graph's errors for a
 * duplicate and for a bad principal, resource or role, the record of who granted what, and the
 * grant in the directory at once but in tokens only after the tenant's propagation delay.
 */
class AppRoleGrantRoutesTest {
  private static final B2cBackupPermission AUDIT = B2cBackupPermission.AUDIT_LOG_READ_ALL;
  private static final String GRANTER_ROLES_ASSIGN = "AppRoleAssignment.ReadWrite.All";
  private static final String GRANTER_ROLES_READ = "Application.Read.All";

  private static void withTenant(FakeGraphTenantBuilder builder, Consumer<FakeGraphTenant> test) {
    FakeGraphTenant t = builder.build().start();
    try {
      test.accept(t);
    } finally {
      t.stop();
    }
  }

  private static String assignedTo(FakeGraphTenant t) {
    return "/v1.0/servicePrincipals/" + t.graphServicePrincipalId() + "/appRoleAssignedTo";
  }

  private static String body(String principal, String resource, Object appRoleId) {
    return "{\"principalId\":\"" + principal + "\",\"resourceId\":\"" + resource
        + "\",\"appRoleId\":\"" + appRoleId + "\"}";
  }

  private static HttpResponse<String> grantAudit(FakeGraphTenant t, String token) {
    return post(t, assignedTo(t), token,
        body(t.servicePrincipalId(), t.graphServicePrincipalId(), AUDIT.appRoleId()));
  }

  private static void assertGraphError(HttpResponse<String> r, int status, String code, String message) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(json(r).path("error").path("code").asText()).isEqualTo(code);
    assertThat(json(r).path("error").path("message").asText()).contains(message);
  }

  private static java.util.List<String> tokenRoles(String jwt) {
    String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
        java.nio.charset.StandardCharsets.UTF_8);
    java.util.List<String> roles = new java.util.ArrayList<>();
    try {
      Http.JSON.readTree(payload).path("roles").forEach(n -> roles.add(n.asText()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return roles;
  }

  @Test
  void grantingNeedsAppRoleAssignmentReadWriteAllAndARoleThatReadsTheResource() {
    withTenant(FakeGraphTenant.builder().grantedRoles(GRANTER_ROLES_ASSIGN), t ->
        assertGraphError(grantAudit(t, t.issueAccessToken()), 403, "Authorization_RequestDenied", "Insufficient privileges"));
    withTenant(FakeGraphTenant.builder().grantedRoles(GRANTER_ROLES_READ), t ->
        assertGraphError(grantAudit(t, t.issueAccessToken()), 403, "Authorization_RequestDenied", "Insufficient privileges"));
    withTenant(FakeGraphTenant.builder().grantedRoles(GRANTER_ROLES_ASSIGN, "Directory.Read.All"), t ->
        assertThat(grantAudit(t, t.issueAccessToken()).statusCode()).isEqualTo(201));
    withTenant(FakeGraphTenant.builder().grantedRoles(GRANTER_ROLES_ASSIGN, GRANTER_ROLES_READ), t -> {
      HttpResponse<String> r = grantAudit(t, t.issueAccessToken());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      assertThat(json(r).path("appRoleId").asText()).isEqualTo(AUDIT.appRoleId().toString());
      assertThat(json(r).path("principalId").asText()).isEqualTo(t.servicePrincipalId());
      assertThat(json(r).path("resourceId").asText()).isEqualTo(t.graphServicePrincipalId());
      assertThat(t.app().grantedRoles()).contains(AUDIT.scope());
    });
  }

  @Test
  void aDuplicateIsAnsweredWithGraphsErrorAndNotGrantedTwice() {
    withTenant(FakeGraphTenant.builder().grantedRoles(GRANTER_ROLES_ASSIGN, GRANTER_ROLES_READ), t -> {
      String token = t.issueAccessToken();
      assertThat(grantAudit(t, token).statusCode()).isEqualTo(201);
      assertGraphError(grantAudit(t, token), 400, "Request_BadRequest",
          "Permission being assigned already exists on the object");
      assertThat(t.app().grantsThroughGraph()).hasSize(1);
    });
  }

  @Test
  void principalResourceAndRoleAreValidatedWithGraphsErrors() {
    withTenant(FakeGraphTenant.builder().grantedRoles(GRANTER_ROLES_ASSIGN, GRANTER_ROLES_READ), t -> {
      String token = t.issueAccessToken();
      String graph = t.graphServicePrincipalId();
      String unknown = UUID.randomUUID().toString();
      assertGraphError(post(t, assignedTo(t), token, body(unknown, graph, AUDIT.appRoleId())),
          404, "Request_ResourceNotFound", unknown);
      assertGraphError(post(t, assignedTo(t), token, body(t.servicePrincipalId(), unknown, AUDIT.appRoleId())),
          400, "Request_BadRequest", "must be the id of the service principal in the URL");
      assertGraphError(post(t, assignedTo(t), token, body(t.servicePrincipalId(), graph, UUID.randomUUID())),
          400, "Request_BadRequest", "Permission being assigned was not found on application");
      assertGraphError(post(t, assignedTo(t), token, body(t.servicePrincipalId(), graph, "not-a-guid")),
          400, "Request_BadRequest", "Invalid value specified for property 'appRoleId'");
      assertThat(t.app().grantsThroughGraph()).isEmpty();
    });
  }

  @Test
  void eachGrantIsRecordedWithTheAppThatAskedForIt() {
    withTenant(FakeGraphTenant.builder().grantedRoles(GRANTER_ROLES_ASSIGN, GRANTER_ROLES_READ), t -> {
      HttpResponse<String> r = grantAudit(t, t.issueAccessToken());
      t.app().grant(B2cBackupPermission.USER_MAIL_READ_WRITE_ALL); // a test's own grant: not recorded

      assertThat(t.app().grantsThroughGraph()).singleElement().satisfies((FakeGrant g) -> {
        assertThat(g.grantedByAppId()).isEqualTo(t.clientId());
        assertThat(g.assignmentId()).isEqualTo(json(r).path("id").asText());
        assertThat(g.principalId()).hasToString(t.servicePrincipalId());
        assertThat(g.resourceId()).hasToString(t.graphServicePrincipalId());
        assertThat(g.graphRoleValue()).contains(AUDIT.scope());
      });
      t.reset();
      assertThat(t.app().grantsThroughGraph()).isEmpty();
    });
  }

  @Test
  void theResourceSideAndThePrincipalSideCreatesShareTheDuplicateRule() {
    withTenant(FakeGraphTenant.builder().grantedRoles(GRANTER_ROLES_ASSIGN, GRANTER_ROLES_READ), t -> {
      String token = t.issueAccessToken();
      HttpResponse<String> fromPrincipal = post(t, "/v1.0/servicePrincipals/" + t.servicePrincipalId()
          + "/appRoleAssignments", token, body(t.servicePrincipalId(), t.graphServicePrincipalId(), AUDIT.appRoleId()));
      assertThat(fromPrincipal.statusCode()).as(fromPrincipal.body()).isEqualTo(201);
      assertGraphError(grantAudit(t, token), 400, "Request_BadRequest", "already exists");
      assertThat(t.app().grantsThroughGraph()).hasSize(1);
    });
  }

  @Test
  void aGrantIsInTheDirectoryAtOnceAndInTokensAfterThePropagationDelay() {
    MutableClock clock = MutableClock.now();
    FakeGraphTenant t = FakeGraphTenant.builder().grantedRoles(GRANTER_ROLES_ASSIGN, GRANTER_ROLES_READ)
        .build(FakeGraph.builder().clock(clock)).start();
    try {
      t.app().grantPropagationDelay(Duration.ofMinutes(5));
      assertThat(grantAudit(t, t.issueAccessToken()).statusCode()).isEqualTo(201);

      assertThat(t.app().grantedRoles()).contains(AUDIT.scope());
      assertThat(tokenRoles(t.issueAccessToken())).doesNotContain(AUDIT.scope());
      clock.advance(Duration.ofMinutes(5));
      assertThat(tokenRoles(t.issueAccessToken())).contains(AUDIT.scope());
    } finally {
      t.stop();
    }
  }
}
