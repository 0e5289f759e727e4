package io.github.b2cpermissions.graph.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.RoleCheck;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationReportBuilder;
import io.github.b2cpermissions.VerificationStrategy;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * How the directory's assignments and the token's roles become statuses under a backup-only
 * profile, where a read role is also held through its broader read-write counterpart.
 */
class ReportAssemblerTest {
  private static final String TENANT = "0a0b0c0d-0000-4000-8000-000000000001";
  private static final PermissionProfile PROFILE = PermissionProfile.B2C_BACKUP_ONLY;
  private static final GraphPermission READ = PROFILE.requiredRoles().stream()
      .filter(r -> r.broaderCounterpart().isPresent()).findFirst().orElseThrow();
  private static final GraphPermission BROADER = READ.broaderCounterpart().orElseThrow();

  @Test
  void theBroaderRoleInTheDirectoryWithOnlyTheNarrowerInTheTokenIsPropagating() {
    // The admin swapped the read role for its read-write counterpart; the cached token predates it.
    RoleCheck check = assemble(directoryHolding(swapped()), values(PROFILE.requiredRoles())).roleChecks().get(READ);
    assertThat(check.status()).isEqualTo(PermissionStatus.PROPAGATING);
    assertThat(check.heldAs()).isEqualTo(BROADER);
    assertThat(check.assignmentId()).isEqualTo("assignment-" + BROADER.value());
  }

  @Test
  void theBroaderRoleInTheDirectoryAndTheTokenGrantsTheReadRole() {
    VerificationReport report = assemble(directoryHolding(swapped()), values(swapped()));
    RoleCheck check = report.roleChecks().get(READ);
    assertThat(check.status()).isEqualTo(PermissionStatus.GRANTED);
    assertThat(check.grantedRole()).contains(BROADER);
    assertThat(report.excessRoles()).extracting(GraphAppRole::value).doesNotContain(BROADER.value());
  }

  @Test
  void aRoleOnlyTheTokenCarriesIsMissingWhenTheDirectoryWasRead() {
    Set<GraphPermission> withoutRead = EnumSet.copyOf(PROFILE.requiredRoles());
    withoutRead.remove(READ);
    RoleCheck check = assemble(directoryHolding(withoutRead), values(PROFILE.requiredRoles())).roleChecks().get(READ);
    assertThat(check.status()).isEqualTo(PermissionStatus.MISSING);
    assertThat(check.heldAs()).isNull();
  }

  @Test
  void theNarrowerRoleInBothIsGrantedAsItself() {
    RoleCheck check = assemble(directoryHolding(PROFILE.requiredRoles()), values(PROFILE.requiredRoles())).roleChecks().get(READ);
    assertThat(check.status()).isEqualTo(PermissionStatus.GRANTED);
    assertThat(check.heldAs()).isNull();
  }

  @Test
  void fromTheTokenAloneTheBroaderRoleGrantsAndItsAbsenceIsMissing() {
    RoleCheck viaBroader = assemble(null, values(swapped())).roleChecks().get(READ);
    assertThat(viaBroader.status()).isEqualTo(PermissionStatus.GRANTED);
    assertThat(viaBroader.heldAs()).isEqualTo(BROADER);
    Set<GraphPermission> withoutRead = EnumSet.copyOf(PROFILE.requiredRoles());
    withoutRead.remove(READ);
    assertThat(assemble(null, values(withoutRead)).roleChecks().get(READ).status())
        .isEqualTo(PermissionStatus.MISSING);
  }

  /** The profile's roles with {@link #READ} replaced by {@link #BROADER}. */
  private static Set<GraphPermission> swapped() {
    Set<GraphPermission> roles = EnumSet.copyOf(PROFILE.requiredRoles());
    roles.remove(READ);
    roles.add(BROADER);
    return roles;
  }

  private static Set<String> values(Set<GraphPermission> roles) {
    return roles.stream().map(GraphPermission::value).collect(Collectors.toSet());
  }

  private static DirectoryFacts directoryHolding(Set<GraphPermission> roles) {
    Map<UUID, GraphAppRole> defined = new LinkedHashMap<>();
    for (GraphPermission p : GraphPermission.values()) {
      defined.put(p.appRoleId(), p.asAppRole());
    }
    List<DirectoryFacts.HeldRole> held = roles.stream()
        .map(r -> new DirectoryFacts.HeldRole(r.appRoleId(), "assignment-" + r.value(), null)).toList();
    return new DirectoryFacts(AppPresence.ENABLED, "backup-sp", "AAD B2C", true, TENANT,
        List.of("contoso.onmicrosoft.com"), held, defined, null, null, "graph-sp");
  }

  private static VerificationReport assemble(@Nullable DirectoryFacts directory, Set<String> token) {
    VerificationReportBuilder report = VerificationReport.builder(TENANT).profile(PROFILE)
        .tenantType("AAD B2C").appPresence(AppPresence.ENABLED)
        .strategy(directory == null ? VerificationStrategy.TOKEN : VerificationStrategy.DIRECTORY_AND_TOKEN);
    ReportAssembler.assemble(report, PROFILE, directory, token);
    return report.build();
  }
}
