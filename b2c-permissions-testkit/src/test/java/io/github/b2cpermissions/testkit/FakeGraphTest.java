package io.github.b2cpermissions.testkit;

import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.B2cBackupPermission;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeGraphTest {
  static FakeGraph graph;
  static List<FakeGraphTenant> fleet = new ArrayList<>();

  @BeforeAll
  static void startFleet() {
    graph = FakeGraph.builder().pageSize(3).build().start();
    for (int i = 0; i < 50; i++) {
      FakeGraphTenantBuilder b = FakeGraphTenant.builder().b2c("t" + i + ".onmicrosoft.com");
      if (i % 2 == 0) {
        b.grantedAll();
      } else {
        b.granted(B2cBackupPermission.USER_READ_WRITE_ALL);
      }
      fleet.add(graph.addTenant(b));
    }
  }

  @AfterAll
  static void stop() {
    graph.stop();
  }

  @BeforeEach
  void reset() {
    graph.reset();
  }

  @Test
  void eachGraphRequestIsServedForTheTenantOfItsToken() {
    for (int i = 0; i < fleet.size(); i += 2) {
      FakeGraphTenant t = fleet.get(i);
      String token = Http.token(t);
      assertThat(json(get(t, "/v1.0/organization", token)).path("value").get(0).path("id").asText())
          .isEqualTo(t.tenantId());
    }
    FakeGraphTenant odd = fleet.get(1);
    assertThat(get(odd, "/v1.0/organization", Http.token(odd)).statusCode()).isEqualTo(403);
  }

  @Test
  void tenantsShareTheDefaultAppButNotTheirObjects() {
    FakeGraphTenant a = fleet.get(0);
    FakeGraphTenant b = fleet.get(2);
    assertThat(a.clientId()).isEqualTo(b.clientId());
    assertThat(a.servicePrincipalId()).isNotEqualTo(b.servicePrincipalId());
    assertThat(a.graphServicePrincipalId()).isNotEqualTo(b.graphServicePrincipalId());
    assertThat(get(a, "/v1.0/servicePrincipals/" + b.servicePrincipalId(), a.issueAccessToken()).statusCode()).isEqualTo(404);
  }

  @Test
  void lookupByIdOrDomain() {
    FakeGraphTenant t = fleet.get(7);
    assertThat(graph.tenant(t.tenantId())).containsSame(t);
    assertThat(graph.tenant("T7.onmicrosoft.com")).containsSame(t);
    assertThat(graph.tenant("nope.onmicrosoft.com")).isEmpty();
    assertThat(graph.tenants()).hasSize(50).startsWith(fleet.get(0));
  }

  @Test
  void resettingTheServerResetsEveryTenant() {
    fleet.get(0).app().revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL);
    fleet.get(3).app().removeServicePrincipal();
    graph.faults().throttleNext(3, Duration.ofSeconds(1));
    graph.reset();
    assertThat(fleet.get(0).app().grantedPermissions()).containsExactlyInAnyOrderElementsOf(B2cBackupPermission.all());
    assertThat(fleet.get(3).app().servicePrincipalPresence()).isEqualTo(io.github.b2cpermissions.AppPresence.ENABLED);
    assertThat(graph.faults().pending()).isZero();
  }

  @Test
  void resettingOneHostedTenantLeavesTheOthers() {
    FakeGraphTenant a = fleet.get(0);
    FakeGraphTenant b = fleet.get(2);
    a.app().revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL);
    b.app().revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL);
    a.faults().throttleNext(1, Duration.ofSeconds(1));
    a.reset();
    assertThat(a.app().grantedPermissions()).contains(B2cBackupPermission.AUDIT_LOG_READ_ALL);
    assertThat(b.app().grantedPermissions()).doesNotContain(B2cBackupPermission.AUDIT_LOG_READ_ALL);
    assertThat(a.faults().pending()).isZero();
  }

  @Test
  void hostedTenantFaultsOnlyHitThatTenant() {
    FakeGraphTenant a = fleet.get(0);
    FakeGraphTenant b = fleet.get(2);
    a.faults().failNext(1, 503);
    assertThat(get(b, "/v1.0/organization", b.issueAccessToken()).statusCode()).isEqualTo(200);
    assertThat(get(a, "/v1.0/organization", a.issueAccessToken()).statusCode()).isEqualTo(503);
    assertThat(a.journal().count(FakeRoute.LIST_ORGANIZATION)).isEqualTo(1);
    assertThat(graph.journal().count(FakeRoute.LIST_ORGANIZATION)).isEqualTo(2);
  }

  @Test
  void aHostedTenantCannotStopTheSharedServer() {
    assertThatThrownBy(() -> fleet.get(0).stop()).isInstanceOf(IllegalStateException.class).hasMessageContaining("FakeGraph");
    assertThat(graph.isRunning()).isTrue();
  }

  @Test
  void duplicatesAndConflictsAreRefused() {
    assertThatThrownBy(() -> graph.addTenant(FakeGraphTenant.builder().b2c("t0.onmicrosoft.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t0.onmicrosoft.com");
    assertThatThrownBy(() -> graph.addTenant(FakeGraphTenant.builder().tenantId(fleet.get(0).tenantId())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> graph.addTenant(FakeGraphTenant.builder().clientSecret("another secret")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already registered");
  }

  @Test
  void anotherAppMayServeOtherTenantsOnTheSameServer() {
    FakeGraphTenant other =
        graph.addTenant(
            FakeGraphTenant.builder()
                .b2c("other-app-" + System.nanoTime() + ".onmicrosoft.com")
                .backupApp("0f0f0f0f-1111-2222-3333-444444444444", URI.create("https://other.example.com/cb"))
                .clientSecret("other secret")
                .grantedAll());
    assertThat(json(get(other, "/v1.0/organization", Http.token(other))).path("value").get(0).path("id").asText())
        .isEqualTo(other.tenantId());
    assertThat(
            Http.form(
                    other,
                    "/" + other.tenantId() + "/oauth2/v2.0/token",
                    "grant_type=client_credentials&client_id=" + FakeGraphTenant.DEFAULT_CLIENT_ID + "&client_secret=x&scope=" + other.graphDefaultScope())
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void builderChecksItsArguments() {
    assertThatThrownBy(() -> FakeGraph.builder().pageSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeGraph.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeGraph.builder().tokenLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeGraph.builder().journalLimit(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void accessorsNeedARunningServer() {
    FakeGraph stopped = FakeGraph.builder().build();
    assertThatThrownBy(stopped::graphEndpoint).isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
    assertThat(stopped.toString()).contains("stopped");
  }
}
