package io.github.b2cpermissions.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.testkit.internal.RoleCatalog;
import io.github.b2cpermissions.B2cBackupPermission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
          // AppRegistration.Create has no Microsoft Graph app role id (provisioningInfo.json), so
          // the fake's Graph service principal cannot publish it.
          assertThat(RoleCatalog.byValue(role) != null || role.equals("AppRegistration.Create"))
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

  /** The README's table of the B2C routes, generated from the enum. */
  static String b2cPermissionsTable() {
    Set<String> fourteen = new java.util.HashSet<>();
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      fourteen.add(p.scope());
    }
    StringBuilder b = new StringBuilder();
    b.append("| Route | Request | Allowed by (least privileged first) | Of the 14, allowed by |\n");
    b.append("|---|---|---|---|\n");
    for (FakeRoute r : FakeRoute.values()) {
      if (r.ordinal() < FakeRoute.LIST_USERS.ordinal() || !r.isGraph() || r == FakeRoute.BATCH) {
        continue;
      }
      List<String> all = new ArrayList<>();
      List<String> ours = new ArrayList<>();
      for (Set<String> option : r.allowedBy()) {
        String set = String.join(" + ", option);
        all.add(set);
        if (fourteen.containsAll(option)) {
          ours.add(set);
        }
      }
      b.append("| `").append(r.name()).append("` | `").append(r.method()).append(' ').append((r.apiVersion().equals("v1.0") ? r.pathTemplate().substring("/v1.0".length()) : r.pathTemplate()))
          .append("` | ").append(String.join("; ", all)).append(" | ").append(ours.isEmpty() ? "none" : String.join("; ", ours)).append(" |\n");
    }
    return b.toString();
  }

  @Test
  void theReadmeListsEveryB2cRouteWithThePermissionsOfTheTable() throws IOException {
    String table = b2cPermissionsTable();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "b2c-permissions-table.md"), table, StandardCharsets.UTF_8);
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertThat(readme).as("README.md must contain target/b2c-permissions-table.md verbatim").contains(table);
  }

  @Test
  void everyOneOfTheFourteenAllowsAtLeastOneB2cRoute() {
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      assertThat(java.util.Arrays.stream(FakeRoute.values())
              .filter(r -> r.ordinal() >= FakeRoute.LIST_USERS.ordinal() || r == FakeRoute.LIST_ORGANIZATION || r == FakeRoute.CREATE_APP_ROLE_ASSIGNMENT)
              .flatMap(r -> r.allowedBy().stream())
              .anyMatch(set -> set.contains(p.scope())))
          .as(p.scope())
          .isTrue();
    }
  }
}
