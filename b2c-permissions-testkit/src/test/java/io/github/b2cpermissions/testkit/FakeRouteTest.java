package io.github.b2cpermissions.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.testkit.internal.RoleCatalog;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FakeRouteTest {

  @Test
  void everyGraphRouteButBatchNamesItsDocsPageAndThePermissionsThatAllowIt() {
    for (FakeRoute r : FakeRoute.values()) {
      if (r.isGraph() && r != FakeRoute.BATCH) {
        assertThat(r.docsPage()).as(r.name()).startsWith("https://learn.microsoft.com/graph/api/");
        assertThat(r.allowedBy()).as(r.name()).isNotEmpty();
      } else {
        assertThat(r.allowedBy()).as(r.name()).isEmpty();
      }
    }
  }

  @Test
  void everyRoleInTheTableIsAGraphRole() {
    for (FakeRoute r : FakeRoute.values()) {
      for (Set<String> option : r.allowedBy()) {
        for (String role : option) {
          assertThat(RoleCatalog.byValue(role) != null || role.equals("Organization.ReadWrite.All"))
              .as(r + " names " + role)
              .isTrue();
        }
      }
    }
  }

  @Test
  void aSetAllowsOnlyWhenAllOfItsRolesArePresent() {
    assertThat(FakeRoute.CREATE_APP_ROLE_ASSIGNMENT.isAllowedBy(Set.of("AppRoleAssignment.ReadWrite.All"))).isFalse();
    assertThat(FakeRoute.CREATE_APP_ROLE_ASSIGNMENT.isAllowedBy(Set.of("AppRoleAssignment.ReadWrite.All", "Application.Read.All"))).isTrue();
    assertThat(FakeRoute.LIST_APP_ROLE_ASSIGNMENTS.isAllowedBy(Set.of("User.ReadWrite.All"))).isFalse();
    assertThat(FakeRoute.LIST_APP_ROLE_ASSIGNMENTS.isAllowedBy(Set.of("Directory.Read.All"))).isTrue();
    assertThat(FakeRoute.BATCH.isAllowedBy(Set.of())).isTrue();
  }

  @Test
  void leastPrivilegedComesFirst() {
    assertThat(FakeRoute.LIST_APP_ROLE_ASSIGNMENTS.allowedBy().get(0)).containsExactly("Application.Read.All");
    assertThat(FakeRoute.LIST_ORGANIZATION.allowedBy().get(0)).containsExactly("Organization.Read.All");
    assertThat(FakeRoute.GET_SERVICE_PRINCIPAL.allowsSelf()).isTrue();
    assertThat(FakeRoute.LIST_APP_ROLE_ASSIGNMENTS.allowsSelf()).isFalse();
  }
}
