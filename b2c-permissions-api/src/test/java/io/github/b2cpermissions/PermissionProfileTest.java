package io.github.b2cpermissions;

import static io.github.b2cpermissions.PermissionProfile.B2C_BACKUP_AND_RESTORE;
import static io.github.b2cpermissions.PermissionProfile.B2C_BACKUP_ONLY;
import static io.github.b2cpermissions.PermissionProfile.EXTERNAL_ID_BACKUP_AND_RESTORE;
import static io.github.b2cpermissions.PermissionProfile.EXTERNAL_ID_BACKUP_ONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.ReferenceData.PathRow;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PermissionProfileTest {

  private static final List<PathRow> PATHS = ReferenceData.paths();

  private static List<PathRow> calls(PermissionProfile p, BackupCapability c, BackupOperation op) {
    return PATHS.stream()
        .filter(r -> r.appliesTo(p.tenantKind()) && r.capability() == c && r.operation() == op)
        .toList();
  }

  @Test
  void everyRoleIdOfEveryProfileIsTheApplicationIdInProvisioningInfo() {
    for (PermissionProfile p : PermissionProfile.all()) {
      for (GraphPermission role : p.requiredRoles()) {
        assertThat(role.appRoleId().toString()).as(p + " " + role.value())
            .isEqualTo(ReferenceData.provisionedId(role.value()));
      }
      for (BackupCapability c : p.capabilities()) {
        for (GraphPermission role : p.requires(c, BackupOperation.RESTORE)) {
          assertThat(role.appRoleId().toString()).as(p + " restore " + role.value())
              .isEqualTo(ReferenceData.provisionedId(role.value()));
        }
      }
    }
  }

  @Test
  void everyCallOfEveryPartIsAllowedByARoleTheProfileNamesForIt() {
    int checked = 0;
    for (PermissionProfile p : PermissionProfile.all()) {
      for (BackupCapability c : p.capabilities()) {
        for (BackupOperation op : BackupOperation.values()) {
          Set<GraphPermission> roles = p.requires(c, op);
          List<PathRow> calls = calls(p, c, op);
          assertThat(calls.isEmpty()).as(p + " " + c + " " + op + ": calls listed iff roles needed")
              .isEqualTo(roles.isEmpty());
          for (PathRow call : calls) {
            if (call.gap()) {
              continue;
            }
            assertThat(roles).as(p + " " + c + " " + op + " " + call.method() + " " + call.path())
                .anyMatch(r -> ReferenceData.allows(r.value(), call.method(), call.path()));
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void everyRoleAProfileNamesForAPartAllowsOneOfThatPartsCalls() {
    for (PermissionProfile p : PermissionProfile.all()) {
      for (BackupCapability c : p.capabilities()) {
        for (BackupOperation op : BackupOperation.values()) {
          for (GraphPermission role : p.requires(c, op)) {
            assertThat(calls(p, c, op)).as(p + " " + c + " " + op + ": why " + role.value())
                .anyMatch(call -> ReferenceData.allows(role.value(), call.method(), call.path()));
          }
        }
      }
    }
  }

  @Test
  void callsMarkedAsGapsStillHaveNoApplicationRoleInMicrosoftsTable() {
    List<PathRow> gaps = PATHS.stream().filter(PathRow::gap).toList();
    assertThat(gaps).isNotEmpty();
    for (PathRow gap : gaps) {
      assertThat(ReferenceData.anyRoleAllows(gap.method(), gap.path())).as(gap.path()).isFalse();
    }
  }

  @Test
  void backupOnlyReadsAreAlsoAllowedToTheBroaderRoleThatStandsInForThem() {
    for (PermissionProfile p : List.of(B2C_BACKUP_ONLY, EXTERNAL_ID_BACKUP_ONLY)) {
      for (BackupCapability c : p.capabilities()) {
        for (GraphPermission read : p.requires(c, BackupOperation.BACKUP)) {
          read.broaderCounterpart().ifPresent(broader -> assertThat(calls(p, c, BackupOperation.BACKUP))
              .as(p + " " + c + ": " + broader.value() + " makes the reads of " + read.value())
              .anyMatch(call -> ReferenceData.allows(broader.value(), call.method(), call.path())));
        }
      }
    }
  }

  @Test
  void theDefaultProfileIsTheFourteenPermissionCatalogWithItsCapabilityRequirements() {
    assertThat(B2C_BACKUP_AND_RESTORE.requiredRoles()).containsExactlyInAnyOrderElementsOf(
        B2cBackupPermission.all().stream().map(B2cBackupPermission::graphPermission).toList());
    assertThat(B2C_BACKUP_AND_RESTORE.tenantKind()).isEqualTo(TenantKind.B2C);
    assertThat(B2C_BACKUP_AND_RESTORE.use()).isEqualTo(ProfileUse.BACKUP_AND_RESTORE);
    assertThat(B2C_BACKUP_AND_RESTORE.version()).isEqualTo(1);
    for (BackupCapability c : BackupCapability.values()) {
      for (BackupOperation op : BackupOperation.values()) {
        assertThat(B2C_BACKUP_AND_RESTORE.requires(c, op)).as(c + " " + op).containsExactlyInAnyOrderElementsOf(
            c.requires(op).stream().map(B2cBackupPermission::graphPermission).toList());
      }
      assertThat(B2C_BACKUP_AND_RESTORE.capabilities().contains(c)).isEqualTo(c.inB2cCatalog());
    }
    assertThat(B2C_BACKUP_AND_RESTORE.tierZeroRoles()).hasSize(7);
  }

  @Test
  void backupOnlyProfilesRequireNoWriteAndNoTierZeroRole() {
    for (PermissionProfile p : List.of(B2C_BACKUP_ONLY, EXTERNAL_ID_BACKUP_ONLY)) {
      assertThat(p.use()).isEqualTo(ProfileUse.BACKUP);
      assertThat(p.tierZeroRoles()).as(p.toString()).isEmpty();
      assertThat(p.requiredRoles()).as(p.toString())
          .noneMatch(r -> r.value().contains(".ReadWrite") || r.value().contains("-Mail.")
              || r.value().contains("-Phone.") || r.value().contains(".ManageIdentities.")
              || r.value().contains(".EnableDisableAccount."));
    }
    assertThat(B2C_BACKUP_ONLY.requiredRoles()).extracting(GraphPermission::value).containsExactly(
        "AuditLog.Read.All", "Directory.Read.All", "IdentityUserFlow.Read.All", "IdentityProvider.Read.All",
        "Application.Read.All", "RoleManagement.Read.Directory", "User.Read.All",
        "UserAuthenticationMethod.Read.All", "GroupMember.Read.All");
  }

  @Test
  void backupOnlyProfilesCoverTheSamePartsAsTheirFullSiblingAndKnowItsRestoreRoles() {
    assertThat(B2C_BACKUP_ONLY.capabilities()).isEqualTo(B2C_BACKUP_AND_RESTORE.capabilities());
    assertThat(EXTERNAL_ID_BACKUP_ONLY.capabilities()).isEqualTo(EXTERNAL_ID_BACKUP_AND_RESTORE.capabilities());
    for (BackupCapability c : B2C_BACKUP_ONLY.capabilities()) {
      assertThat(B2C_BACKUP_ONLY.requires(c, BackupOperation.RESTORE))
          .isEqualTo(B2C_BACKUP_AND_RESTORE.requires(c, BackupOperation.RESTORE));
    }
    for (BackupCapability c : EXTERNAL_ID_BACKUP_ONLY.capabilities()) {
      assertThat(EXTERNAL_ID_BACKUP_ONLY.requires(c, BackupOperation.RESTORE))
          .isEqualTo(EXTERNAL_ID_BACKUP_AND_RESTORE.requires(c, BackupOperation.RESTORE));
    }
    assertThat(B2C_BACKUP_ONLY.requiredRoles()).doesNotContain(GraphPermission.USER_READ_WRITE_ALL);
  }

  @Test
  void externalIdProfilesCoverUserFlowsThroughEventListenersAndTheFourExternalIdParts() {
    assertThat(EXTERNAL_ID_BACKUP_AND_RESTORE.tenantKind()).isEqualTo(TenantKind.EXTERNAL_ID);
    assertThat(EXTERNAL_ID_BACKUP_AND_RESTORE.capabilities()).containsAll(EnumSet.of(
        BackupCapability.USER_FLOW_ATTRIBUTES, BackupCapability.CUSTOM_AUTHENTICATION_EXTENSIONS,
        BackupCapability.COMPANY_BRANDING, BackupCapability.AUTHENTICATION_METHOD_POLICIES));
    assertThat(EXTERNAL_ID_BACKUP_AND_RESTORE.requires(BackupCapability.USER_FLOWS, BackupOperation.BACKUP))
        .containsExactly(GraphPermission.EVENT_LISTENER_READ_WRITE_ALL);
    assertThat(EXTERNAL_ID_BACKUP_ONLY.requires(BackupCapability.USER_FLOWS, BackupOperation.BACKUP))
        .containsExactly(GraphPermission.EVENT_LISTENER_READ_ALL);
    assertThat(EXTERNAL_ID_BACKUP_AND_RESTORE.requiredRoles()).hasSize(18)
        .containsAll(B2C_BACKUP_AND_RESTORE.requiredRoles());
    assertThat(EXTERNAL_ID_BACKUP_ONLY.requiredRoles()).hasSize(13);
    assertThat(B2C_BACKUP_AND_RESTORE.capabilities()).doesNotContain(BackupCapability.COMPANY_BRANDING);
  }

  @Test
  void everyRequiredRoleUnlocksAPartAndOnlyRequiredRolesDo() {
    for (PermissionProfile p : PermissionProfile.all()) {
      for (GraphPermission role : GraphPermission.values()) {
        assertThat(p.unlockedBy(role).isEmpty()).as(p + " " + role.value()).isEqualTo(!p.isRequired(role));
      }
    }
    assertThat(B2C_BACKUP_AND_RESTORE.unlockedBy(GraphPermission.APP_ROLE_ASSIGNMENT_READ_WRITE_ALL))
        .containsExactly(BackupCapability.APP_ROLE_ASSIGNMENTS);
    assertThat(B2C_BACKUP_ONLY.unlockedBy(GraphPermission.DIRECTORY_READ_ALL)).containsExactly(
        BackupCapability.GROUP_MEMBERSHIPS, BackupCapability.TENANT_DETAILS, BackupCapability.AUDIT_LOGS);
  }

  @Test
  void aBackupOnlyProfileAcceptsTheBroaderRoleAndAFullProfileCountsExactGrants() {
    Set<GraphPermission> granted = EnumSet.of(GraphPermission.USER_READ_WRITE_ALL);
    assertThat(B2C_BACKUP_ONLY.heldAs(granted, GraphPermission.USER_READ_ALL))
        .contains(GraphPermission.USER_READ_WRITE_ALL);
    assertThat(B2C_BACKUP_ONLY.available(granted, BackupOperation.BACKUP))
        .containsExactly(BackupCapability.USERS, BackupCapability.USER_IDENTITIES,
            BackupCapability.SECONDARY_MAILS, BackupCapability.PHONES, BackupCapability.ACCOUNT_STATE);
    Set<GraphPermission> directoryWrite = EnumSet.of(GraphPermission.DIRECTORY_READ_WRITE_ALL);
    assertThat(B2C_BACKUP_AND_RESTORE.holds(directoryWrite, GraphPermission.DIRECTORY_READ_ALL)).isFalse();
    // Directory.ReadWrite.All is not linked: Microsoft's table does not let it read the audit log.
    assertThat(B2C_BACKUP_ONLY.holds(directoryWrite, GraphPermission.DIRECTORY_READ_ALL)).isFalse();
    assertThat(B2C_BACKUP_ONLY.holds(EnumSet.of(GraphPermission.GROUP_MEMBER_READ_WRITE_ALL),
        GraphPermission.GROUP_MEMBER_READ_ALL)).isTrue();
    assertThat(B2C_BACKUP_ONLY.holds(Set.of(), GraphPermission.DIRECTORY_READ_ALL)).isFalse();
  }

  @Test
  void availableAndMissingFollowTheGrantsForBothOperations() {
    Set<GraphPermission> readOnly = B2C_BACKUP_ONLY.requiredRoles();
    assertThat(B2C_BACKUP_ONLY.available(readOnly, BackupOperation.BACKUP))
        .isEqualTo(B2C_BACKUP_ONLY.capabilities());
    assertThat(B2C_BACKUP_ONLY.available(readOnly, BackupOperation.RESTORE)).isEmpty();
    assertThat(B2C_BACKUP_ONLY.missingFor(BackupCapability.USER_IDENTITIES, BackupOperation.RESTORE, readOnly))
        .containsExactly(GraphPermission.USER_READ_WRITE_ALL, GraphPermission.USER_MANAGE_IDENTITIES_ALL);
    assertThat(B2C_BACKUP_ONLY.coverable(BackupOperation.RESTORE))
        .doesNotContain(BackupCapability.AUDIT_LOGS, BackupCapability.TENANT_DETAILS)
        .contains(BackupCapability.USERS);
    assertThat(B2C_BACKUP_ONLY.coverable(BackupOperation.BACKUP)).isEqualTo(B2C_BACKUP_ONLY.capabilities());
    Set<GraphPermission> all = B2C_BACKUP_AND_RESTORE.requiredRoles();
    assertThat(B2C_BACKUP_AND_RESTORE.available(all, BackupOperation.RESTORE))
        .isEqualTo(B2C_BACKUP_AND_RESTORE.coverable(BackupOperation.RESTORE));
    List<GraphPermission> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> B2C_BACKUP_ONLY.available(withNull, BackupOperation.BACKUP))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void profilesAreFoundByTheirExactNameAndPrintNameAndVersion() {
    assertThat(PermissionProfile.all()).hasSize(4).first().isSameAs(B2C_BACKUP_AND_RESTORE);
    for (PermissionProfile p : PermissionProfile.all()) {
      assertThat(PermissionProfile.byName(p.name())).containsSame(p);
    }
    assertThat(PermissionProfile.byName("b2c_backup_only")).isEmpty();
    assertThat(PermissionProfile.byName(null)).isEmpty();
    assertThat(B2C_BACKUP_ONLY).hasToString("B2C_BACKUP_ONLY v1");
    assertThat(PermissionProfile.all().stream().map(PermissionProfile::name).collect(Collectors.toSet()))
        .hasSize(4);
  }
}
