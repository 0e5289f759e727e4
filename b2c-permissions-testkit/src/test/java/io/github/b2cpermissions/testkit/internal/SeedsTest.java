package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SeedsTest {

  @Test
  void aSingleTenantObjectSeedsOneTenant() {
    FakeGraph graph =
        FakeGraph.fromSeed(
            "{\"domain\":\"contoso.onmicrosoft.com\",\"tenantId\":\"11111111-2222-4333-8444-555555555555\","
                + "\"granted\":\"all\",\"without\":[\"User-Phone.ReadWrite.All\"],\"grantedRoles\":[\"Directory.ReadWrite.All\"],"
                + "\"deletedAssignments\":[\"User-Phone.ReadWrite.All\"],"
                + "\"otherResourceRoles\":[{\"appRoleId\":\"" + B2cBackupPermission.USER_PHONE_READ_WRITE_ALL.appRoleId() + "\"}]}");
    assertThat(graph.tenants()).hasSize(1);
    FakeGraphTenant t = graph.tenants().get(0);
    assertThat(t.tenantId()).isEqualTo("11111111-2222-4333-8444-555555555555");
    assertThat(t.tenantType()).isEqualTo("AAD B2C");
    assertThat(t.grantedPermissions()).hasSize(13).doesNotContain(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
    assertThat(t.grantedRoles()).contains("Directory.ReadWrite.All");
  }

  @Test
  void serverAndSeveralTenantsWithTheirApp() {
    FakeGraph graph =
        FakeGraph.fromSeed(
            "{\"server\":{\"pageSize\":7,\"strict\":false},\"tenants\":["
                + "{\"domain\":\"a.onmicrosoft.com\",\"tenantType\":\"CIAM\",\"backupApp\":{\"clientId\":\"0f0f0f0f-1111-2222-3333-444444444444\","
                + "\"clientSecret\":\"s\",\"displayName\":\"Acme Backup\",\"redirectUris\":[\"https://acme.example.com/cb\"],"
                + "\"requiredPermissions\":[\"User.ReadWrite.All\"]}},"
                + "{\"domain\":\"b.onmicrosoft.com\",\"servicePrincipal\":\"not_found\",\"backupApp\":{\"clientId\":\"0f0f0f0f-1111-2222-3333-444444444444\","
                + "\"clientSecret\":\"s\",\"displayName\":\"Acme Backup\",\"redirectUris\":[\"https://acme.example.com/cb\"],"
                + "\"requiredPermissions\":[\"User.ReadWrite.All\"]}}]}");
    assertThat(graph.isStrict()).isFalse();
    assertThat(graph.tenants()).extracting(FakeGraphTenant::domain).containsExactly("a.onmicrosoft.com", "b.onmicrosoft.com");
    FakeGraphTenant a = graph.tenant("a.onmicrosoft.com").orElseThrow();
    assertThat(a.tenantType()).isEqualTo("CIAM");
    assertThat(a.clientSecret()).isEqualTo("s");
    assertThat(a.redirectUris()).containsExactly(URI.create("https://acme.example.com/cb"));
    assertThat(graph.tenant("b.onmicrosoft.com").orElseThrow().servicePrincipalPresence()).isEqualTo(AppPresence.NOT_FOUND);
  }

  @Test
  void errorsNameTheJsonPath() {
    assertThatThrownBy(() -> FakeGraph.fromSeed("{\"tenants\":[{\"domian\":\"x.onmicrosoft.com\"}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.tenants[0]")
        .hasMessageContaining("domian");
    assertThatThrownBy(() -> FakeGraph.fromSeed("{\"granted\":[\"user.readwrite.all\"]}"))
        .hasMessageContaining("$.granted")
        .hasMessageContaining("case-sensitive");
    assertThatThrownBy(() -> FakeGraph.fromSeed("{\"server\":{\"pageSize\":\"ten\"},\"tenants\":[]}"))
        .hasMessageContaining("$.server.pageSize");
    assertThatThrownBy(() -> FakeGraph.fromSeed("{\"servicePrincipal\":\"GONE\"}")).hasMessageContaining("ENABLED, DISABLED or NOT_FOUND");
    assertThatThrownBy(() -> FakeGraph.fromSeed("{\"tenants\":[{\"domain\":\"a.onmicrosoft.com\"},{\"domain\":\"a.onmicrosoft.com\"}]}"))
        .hasMessageContaining("$.tenants[1]");
    assertThatThrownBy(() -> FakeGraph.fromSeed("not json")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> FakeGraph.fromSeed("{\"servicePrincipal\":\"NOT_FOUND\",\"granted\":\"all\"}")).hasMessageContaining("cannot have grants");
  }
}
