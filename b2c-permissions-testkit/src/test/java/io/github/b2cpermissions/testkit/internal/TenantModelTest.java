package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.buildsupport.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tenant model on its own: no server is started, no HTTP is spoken. */
class TenantModelTest {
  private final MutableClock clock = MutableClock.now();
  private final GraphServer server = new GraphServer(new ServerConfig(0, 100, true, Duration.ofHours(1), clock, 100), TestRoutes.ALL);
  private final UUID backupSp = UUID.randomUUID();

  private TenantModel tenant(AppPresence presence, Duration propagation, List<String> granted) {
    AppRegistration app =
        new AppRegistration(UUID.randomUUID().toString(), "secret", "Backup", List.of(URI.create("https://app.example.com/cb")), List.of("User.Read.All", "Group.Read.All"), null);
    return server.addTenant(
        new TenantSeed(
            UUID.randomUUID(), "model.onmicrosoft.com", "AAD B2C", "Model", app, presence, granted, List.of(), List.of("AuditLog.Read.All"),
            0, propagation, UUID.randomUUID(), backupSp));
  }

  @Test
  void seededGrantsAreLiveAndDeletedOnesAreListedButNotInTheToken() {
    TenantModel t = tenant(AppPresence.ENABLED, Duration.ZERO, List.of("User.Read.All"));
    assertThat(t.directoryRoles()).containsExactly("User.Read.All");
    assertThat(t.tokenRoles(clock.instant())).containsExactly("User.Read.All");
    List<AppRoleAssignment> all = t.assignmentsOf(backupSp);
    assertThat(all).hasSize(2);
    assertThat(all.get(1).deleted).isNotNull();
    assertThat(all.get(1).graphRole).isEqualTo("AuditLog.Read.All");
  }

  @Test
  void grantingTwiceGivesTheSameAssignmentAndRevokingRemovesIt() {
    TenantModel t = tenant(AppPresence.ENABLED, Duration.ZERO, List.of());
    String first = t.grant("Group.Read.All");
    assertThat(t.grant("Group.Read.All")).isEqualTo(first);
    assertThat(t.findAssignment(backupSp, first)).isNotNull();
    assertThat(t.revoke("Group.Read.All")).isTrue();
    assertThat(t.revoke("Group.Read.All")).isFalse();
    assertThat(t.findAssignment(backupSp, first)).isNull();
    assertThatThrownBy(() -> t.grant("No.Such.Role")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokensSeeGrantsAndRevocationsOnlyAfterThePropagationDelay() {
    TenantModel t = tenant(AppPresence.ENABLED, Duration.ofMinutes(5), List.of("User.Read.All"));
    t.grant("Group.Read.All");
    t.revoke("User.Read.All");
    // The seeded grant is old enough; the new grant is not yet visible; the revoked role lingers.
    assertThat(t.tokenRoles(clock.instant())).containsExactlyInAnyOrder("User.Read.All");
    clock.advance(Duration.ofMinutes(5));
    assertThat(t.tokenRoles(clock.instant())).containsExactly("Group.Read.All");
  }

  @Test
  void removingTheServicePrincipalDropsItsAssignmentsAndTheNextOneIsANewObject() {
    TenantModel t = tenant(AppPresence.ENABLED, Duration.ZERO, List.of("User.Read.All"));
    t.removeServicePrincipal();
    assertThat(t.presence()).isEqualTo(AppPresence.NOT_FOUND);
    assertThat(t.assignmentsOf(backupSp)).isEmpty();
    assertThat(t.spById(backupSp.toString())).isNull();
    assertThatThrownBy(() -> t.grant("User.Read.All")).isInstanceOf(IllegalStateException.class);
    assertThat(t.createServicePrincipal()).isTrue();
    assertThat(t.createServicePrincipal()).isFalse();
    assertThat(t.backupServicePrincipalId()).isNotEqualTo(backupSp);
  }

  @Test
  void aTenantWithoutTheAppGetsTheSeedIdOnItsFirstServicePrincipal() {
    TenantModel t = tenant(AppPresence.NOT_FOUND, Duration.ZERO, List.of("User.Read.All"));
    assertThat(t.directoryRoles()).isEmpty();
    assertThat(t.spByAppId(t.seed.app.clientId)).isNull();
    t.consent();
    assertThat(t.backupServicePrincipalId()).isEqualTo(backupSp);
    assertThat(t.directoryRoles()).containsExactlyInAnyOrder("User.Read.All", "Group.Read.All");
    assertThat(t.spByAppId(t.seed.app.clientId).kind).isEqualTo(ServicePrincipalRef.Kind.BACKUP);
  }

  @Test
  void aResetOfTheTenantOrTheServerGoesBackToTheSeed() {
    TenantModel t = tenant(AppPresence.ENABLED, Duration.ZERO, List.of("User.Read.All"));
    t.grant("Group.Read.All");
    t.disableServicePrincipal();
    t.reset();
    assertThat(t.directoryRoles()).containsExactly("User.Read.All");
    assertThat(t.presence()).isEqualTo(AppPresence.ENABLED);
    t.revoke("User.Read.All");
    server.reset();
    assertThat(t.directoryRoles()).containsExactly("User.Read.All");
  }

  @Test
  void createdAssignmentsAreCheckedAgainstTheResourcesRoles() {
    TenantModel t = tenant(AppPresence.ENABLED, Duration.ZERO, List.of());
    ServicePrincipalRef backup = t.spById(backupSp.toString());
    ServicePrincipalRef graph = t.spById(t.seed.graphServicePrincipalId.toString());
    UUID userRead = RoleCatalog.byValue("User.Read.All").id();

    AssignmentResult created = t.createAssignment(backup, graph.id, userRead);
    assertThat(created.assignment).isNotNull();
    assertThat(t.directoryRoles()).containsExactly("User.Read.All");
    assertThat(t.createAssignment(backup, graph.id, userRead).error).isEqualTo("Permission being assigned already exists on the object");
    assertThat(t.createAssignment(backup, graph.id, UUID.randomUUID()).error).startsWith("Permission being assigned was not found");
    assertThat(t.createAssignment(backup, UUID.randomUUID(), userRead).error).isEqualTo("Referenced resource service principal does not exist.");
    assertThat(t.assignedTo(graph.id)).filteredOn(a -> a.deleted == null).extracting(a -> a.graphRole).containsExactly("User.Read.All");

    assertThat(t.deleteAssignment(backupSp, t.assignmentId(created.assignment))).isTrue();
    assertThat(t.directoryRoles()).isEmpty();
  }

  @Test
  void assignmentIdsAreGraphShapedAndDistinct() {
    TenantModel t = tenant(AppPresence.ENABLED, Duration.ZERO, List.of("User.Read.All"));
    String a = t.grant("Group.Read.All");
    String b = t.assignmentsOf(backupSp).stream().map(t::assignmentId).filter(id -> !id.equals(a)).findFirst().orElseThrow();
    assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(b).isNotEqualTo(a);
  }

  @Test
  void otherResourcesGetStableIdsAndOneServicePrincipalEach() {
    TenantModel t = tenant(AppPresence.ENABLED, Duration.ZERO, List.of());
    UUID role = UUID.randomUUID();
    t.grantOther(TenantModel.EXCHANGE_APP_ID, "Exchange", role);
    t.grantOther(TenantModel.EXCHANGE_APP_ID, "Exchange", UUID.randomUUID());
    ServicePrincipalRef exchange = t.spByAppId(TenantModel.EXCHANGE_APP_ID);
    assertThat(exchange.kind).isEqualTo(ServicePrincipalRef.Kind.OTHER);
    assertThat(exchange.other.roleIds).hasSize(2).contains(role);
    assertThat(t.allSps()).hasSize(3);
    t.reset();
    t.grantOther(TenantModel.EXCHANGE_APP_ID, "Exchange", role);
    assertThat(t.spByAppId(TenantModel.EXCHANGE_APP_ID).id).isEqualTo(exchange.id);
  }
}
