package io.github.b2cpermissions.examples;

import static io.github.b2cpermissions.B2cBackupPermission.USER_AUTHENTICATION_METHOD_READ_WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.BackupCapability;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.examples.B2cBackupJob.BackupRun;
import io.github.b2cpermissions.examples.B2cBackupJob.Decision;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.graph.GraphRetryPolicy;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeRoute;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pattern products copy: a backup job that checks its permissions first, tested against the
 * testkit's fake tenant (one server for the class, reset before each test).
 */
class B2cBackupJobTest {

  // snippet:testkit
  @RegisterExtension
  static FakeGraphExtension fake = FakeGraphExtension.of(
      FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll());

  @Test
  void missingPermissionSkipsOnlyWhatItGuards(FakeGraphTenant tenant) {
    tenant.app().revoke(USER_AUTHENTICATION_METHOD_READ_WRITE_ALL);
    BackupRun run = job(tenant).run(tenant.tenantId());
    assertThat(run.decision()).isEqualTo(Decision.PARTIAL);
    assertThat(run.skipped()).containsExactly(BackupCapability.AUTHENTICATION_METHODS);
    assertThat(exported).doesNotContain(BackupCapability.AUTHENTICATION_METHODS).hasSize(13);
    assertThat(run.reason()).contains("UserAuthenticationMethod.ReadWrite.All");
  }
  // end-snippet

  private final List<BackupCapability> exported = new CopyOnWriteArrayList<>();
  private final List<GraphPermissionVerifier> verifiers = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeVerifiers() {
    verifiers.forEach(GraphPermissionVerifier::close);
  }

  private B2cBackupJob job(FakeGraphTenant tenant) {
    return new B2cBackupJob(verifier(tenant), (tenantId, area) -> exported.add(area));
  }

  private GraphPermissionVerifier verifier(FakeGraphTenant tenant) {
    GraphPermissionVerifier verifier = GraphPermissionVerifier.builder()
        .clientId(tenant.clientId())
        .credentials(t -> tenant.credential())
        .cloud(GraphCloud.custom(tenant.authorityHost(), tenant.graphHost()))
        .httpClient(new OkHttpClient.Builder()
            .sslSocketFactory(tenant.sslContext().getSocketFactory(), tenant.trustManager()).build())
        .retryPolicy(GraphRetryPolicy.custom().maxAttempts(2).initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(20)).build())
        .build();
    verifiers.add(verifier);
    return verifier;
  }

  @Test
  void userFlowsAreBackedUpFromGraphBeta(FakeGraph server) {
    FakeGraphTenant b2c = server.addTenant(FakeGraphTenant.builder()
        .b2c("flows.onmicrosoft.com").grantedAll().b2cData(B2cData.builder().sample().build()));
    HttpClient http = HttpClient.newBuilder().sslContext(b2c.sslContext()).build();
    BetaUserFlowReader reader = new BetaUserFlowReader(http, b2c.graphHost(), b2c::issueAccessToken);
    List<String> flows = new CopyOnWriteArrayList<>();
    B2cBackupJob withFlows = new B2cBackupJob(verifier(b2c), (tenantId, area) -> {
      if (area == BackupCapability.USER_FLOWS) {
        reader.userFlows().forEach(f -> flows.add(f.path("id").asText()));
      }
    });
    assertThat(withFlows.run(b2c.tenantId()).decision()).isEqualTo(Decision.FULL);
    assertThat(flows).containsExactly("B2C_1_signupsignin", "B2C_1_passwordreset", "B2C_1_profileedit");
    assertThat(b2c.journal().count(FakeRoute.LIST_B2C_USER_FLOWS)).isEqualTo(1);
  }

  @Test
  void fullyGrantedTenantIsBackedUpCompletely(FakeGraphTenant tenant) {
    BackupRun run = job(tenant).run(tenant.tenantId());
    assertThat(run.decision()).isEqualTo(Decision.FULL);
    assertThat(run.skipped()).isEmpty();
    assertThat(exported).containsExactlyInAnyOrderElementsOf(PermissionProfile.B2C_BACKUP_AND_RESTORE.capabilities());
  }

  @Test
  void grantNotYetInTheTokenIsSkippedUntilItPropagates(FakeGraph server) {
    FakeGraphTenant slow = server.addTenant(FakeGraphTenant.builder()
        .grantedAll().without(USER_AUTHENTICATION_METHOD_READ_WRITE_ALL)
        .grantPropagationDelay(Duration.ofMinutes(5)));
    slow.app().grant(USER_AUTHENTICATION_METHOD_READ_WRITE_ALL);
    BackupRun run = job(slow).run(slow.tenantId());
    assertThat(run.decision()).isEqualTo(Decision.PARTIAL);
    assertThat(run.reason()).startsWith("still propagating");
    assertThat(run.skipped()).containsExactly(BackupCapability.AUTHENTICATION_METHODS);
  }

  @Test
  void throttledCheckDefersTheWholeTenant(FakeGraphTenant tenant) {
    tenant.faults().throttleNext(100, Duration.ZERO);
    BackupRun run = job(tenant).run(tenant.tenantId());
    assertThat(run.decision()).isEqualTo(Decision.DEFERRED);
    assertThat(run.backedUp()).isEmpty();
    assertThat(exported).isEmpty();
  }

  @Test
  void unconsentedTenantIsAbortedWithNothingBackedUp(FakeGraphTenant tenant) {
    tenant.app().removeServicePrincipal();
    BackupRun run = job(tenant).run(tenant.tenantId());
    assertThat(run.decision()).isEqualTo(Decision.ABORTED);
    assertThat(run.reason()).isEqualTo("APP_NOT_CONSENTED");
    Set<BackupCapability> all = EnumSet.copyOf(PermissionProfile.B2C_BACKUP_AND_RESTORE.capabilities());
    assertThat(run.skipped()).isEqualTo(all);
    assertThat(exported).isEmpty();
  }
}
