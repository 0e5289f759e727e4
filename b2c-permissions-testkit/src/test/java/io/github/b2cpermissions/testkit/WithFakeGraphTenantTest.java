package io.github.b2cpermissions.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import org.junit.jupiter.api.Test;

@WithFakeGraphTenant(domain = "annotated.onmicrosoft.com", without = B2cBackupPermission.USER_PHONE_READ_WRITE_ALL)
class WithFakeGraphTenantTest {

  @Test
  void classLevelTenantIsInjected(FakeGraphTenant tenant) {
    assertThat(tenant.isRunning()).isTrue();
    assertThat(tenant.domain()).isEqualTo("annotated.onmicrosoft.com");
    assertThat(tenant.app().grantedPermissions()).hasSize(13).doesNotContain(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
    tenant.app().revoke(B2cBackupPermission.values());
  }

  @Test
  void classLevelTenantIsResetBeforeEachTest(FakeGraphTenant tenant) {
    assertThat(tenant.app().grantedPermissions()).hasSize(13);
    tenant.app().revoke(B2cBackupPermission.values());
  }

  @Test
  @WithFakeGraphTenant(domain = "method.onmicrosoft.com", tenantType = "CIAM", servicePrincipal = AppPresence.NOT_FOUND)
  void methodLevelAnnotationGivesTheTestItsOwnTenant(FakeGraphTenant tenant) {
    assertThat(tenant.domain()).isEqualTo("method.onmicrosoft.com");
    assertThat(tenant.tenantType()).isEqualTo("CIAM");
    assertThat(tenant.app().servicePrincipalPresence()).isEqualTo(AppPresence.NOT_FOUND);
  }
}
