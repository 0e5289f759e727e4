package io.github.b2cpermissions.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.B2cBackupPermission;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeGraphExtensionTest {

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class StaticField {
    @RegisterExtension
    static final FakeGraphExtension FAKE =
        FakeGraphExtension.of(FakeGraphTenant.builder().b2c("static.onmicrosoft.com").grantedAll());

    static final Set<Integer> PORTS = new HashSet<>();

    @Test
    @Order(1)
    void firstTestChangesTheTenant(FakeGraphTenant tenant, FakeGraph graph) {
      assertThat(tenant).isSameAs(FAKE.tenant());
      assertThat(graph).isSameAs(tenant.server());
      tenant.app().revoke(B2cBackupPermission.AUDIT_LOG_READ_ALL);
      PORTS.add(tenant.graphHost().getPort());
    }

    @Test
    @Order(2)
    void secondTestSeesTheSameServerReset(FakeGraphTenant tenant) {
      assertThat(tenant.app().grantedPermissions()).contains(B2cBackupPermission.AUDIT_LOG_READ_ALL);
      PORTS.add(tenant.graphHost().getPort());
      assertThat(PORTS).hasSize(1);
    }
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class InstanceField {
    @RegisterExtension
    final FakeGraphExtension fake =
        FakeGraphExtension.of(FakeGraphTenant.builder().b2c("instance.onmicrosoft.com"));

    static final Set<String> TENANTS = new HashSet<>();

    @Test
    @Order(1)
    void eachTestGetsItsOwnServer(FakeGraphTenant tenant) {
      assertThat(tenant.isRunning()).isTrue();
      TENANTS.add(tenant.tenantId());
    }

    @Test
    @Order(2)
    void andAnother(FakeGraphTenant tenant) {
      TENANTS.add(tenant.tenantId());
      assertThat(TENANTS).hasSize(2);
      assertThat(fake.tenant()).isSameAs(tenant);
    }
  }
}
