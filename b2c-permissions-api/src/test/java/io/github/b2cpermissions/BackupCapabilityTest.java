package io.github.b2cpermissions;

import static io.github.b2cpermissions.B2cBackupPermission.AUDIT_LOG_READ_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.DIRECTORY_READ_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.USER_PHONE_READ_WRITE_ALL;
import static io.github.b2cpermissions.B2cBackupPermission.USER_READ_WRITE_ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackupCapabilityTest {

  @Test
  void nothingWorksWithNoGrants() {
    assertThat(BackupCapability.available(Set.of(), BackupOperation.BACKUP)).isEmpty();
    assertThat(BackupCapability.available(Set.of(), BackupOperation.RESTORE)).isEmpty();
    assertThat(BackupCapability.unavailable(Set.of(), BackupOperation.BACKUP))
        .containsExactlyElementsOf(catalogParts());
  }

  private static List<BackupCapability> catalogParts() {
    return Arrays.stream(BackupCapability.values()).filter(BackupCapability::inB2cCatalog).toList();
  }

  @Test
  void everythingInTheCatalogWorksWithTheFullCatalog() {
    assertThat(BackupCapability.available(B2cBackupPermission.all(), BackupOperation.BACKUP))
        .containsExactlyElementsOf(catalogParts());
    assertThat(BackupCapability.available(B2cBackupPermission.all(), BackupOperation.RESTORE))
        .containsExactlyElementsOf(
            catalogParts().stream().filter(BackupCapability::isRestorable).toList());
    assertThat(BackupCapability.unavailable(B2cBackupPermission.all(), BackupOperation.RESTORE))
        .isEmpty();
  }

  @Test
  void userReadWriteAloneBacksUpUsersButRestoresOnlyProfiles() {
    Set<BackupCapability> backup =
        BackupCapability.available(List.of(USER_READ_WRITE_ALL), BackupOperation.BACKUP);
    assertThat(backup).containsExactly(
        BackupCapability.USERS, BackupCapability.USER_IDENTITIES, BackupCapability.SECONDARY_MAILS,
        BackupCapability.PHONES, BackupCapability.ACCOUNT_STATE);
    assertThat(BackupCapability.available(List.of(USER_READ_WRITE_ALL), BackupOperation.RESTORE))
        .containsExactly(BackupCapability.USERS);
  }

  @Test
  void missingPhonePermissionOnlyBlocksPhoneRestore() {
    EnumSet<B2cBackupPermission> granted = EnumSet.allOf(B2cBackupPermission.class);
    granted.remove(USER_PHONE_READ_WRITE_ALL);
    assertThat(BackupCapability.unavailable(granted, BackupOperation.BACKUP)).isEmpty();
    assertThat(BackupCapability.unavailable(granted, BackupOperation.RESTORE))
        .containsExactly(BackupCapability.PHONES);
    assertThat(BackupCapability.PHONES.missingFor(BackupOperation.RESTORE, granted))
        .containsExactly(USER_PHONE_READ_WRITE_ALL);
  }

  @Test
  void auditLogsNeedBothAuditAndDirectoryReadAndAreNeverRestored() {
    assertThat(BackupCapability.AUDIT_LOGS.worksWith(BackupOperation.BACKUP, List.of(AUDIT_LOG_READ_ALL)))
        .isFalse();
    assertThat(BackupCapability.AUDIT_LOGS.worksWith(
        BackupOperation.BACKUP, List.of(AUDIT_LOG_READ_ALL, DIRECTORY_READ_ALL))).isTrue();
    assertThat(BackupCapability.AUDIT_LOGS.isRestorable()).isFalse();
    assertThat(BackupCapability.AUDIT_LOGS.worksWith(BackupOperation.RESTORE, B2cBackupPermission.all()))
        .isFalse();
  }

  @Test
  void everyCatalogPermissionIsNeededBySomeCapability() {
    EnumSet<B2cBackupPermission> used = EnumSet.noneOf(B2cBackupPermission.class);
    for (BackupCapability c : BackupCapability.values()) {
      used.addAll(c.requires(BackupOperation.BACKUP));
      used.addAll(c.requires(BackupOperation.RESTORE));
    }
    assertThat(used).containsExactly(B2cBackupPermission.values());
  }

  @Test
  void theFourExternalIdPartsNeedNoCatalogPermissionAndNeverWorkWithCatalogGrants() {
    List<BackupCapability> outside =
        Arrays.stream(BackupCapability.values()).filter(c -> !c.inB2cCatalog()).toList();
    assertThat(outside).containsExactly(BackupCapability.USER_FLOW_ATTRIBUTES,
        BackupCapability.CUSTOM_AUTHENTICATION_EXTENSIONS, BackupCapability.COMPANY_BRANDING,
        BackupCapability.AUTHENTICATION_METHOD_POLICIES);
    for (BackupCapability c : outside) {
      assertThat(c.isRestorable()).as(c.name()).isTrue();
      for (BackupOperation op : BackupOperation.values()) {
        assertThat(c.requires(op)).isEmpty();
        assertThat(c.worksWith(op, B2cBackupPermission.all())).isFalse();
        assertThat(BackupCapability.available(B2cBackupPermission.all(), op)).doesNotContain(c);
        assertThat(BackupCapability.unavailable(Set.of(), op)).doesNotContain(c);
      }
    }
    assertThat(catalogParts()).hasSize(14);
  }

  @Test
  void nullInputIsRejectedClearly() {
    assertThatThrownBy(() -> BackupCapability.available(null, BackupOperation.BACKUP))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("granted");
    assertThatThrownBy(() -> BackupCapability.available(Set.of(), null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("operation");
    assertThatThrownBy(() -> BackupCapability.available(Arrays.asList(USER_READ_WRITE_ALL, null),
        BackupOperation.BACKUP)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void backupListsUnrestorablePartsAsSkippedWhenTheirGrantIsMissing() {
    EnumSet<B2cBackupPermission> granted = EnumSet.allOf(B2cBackupPermission.class);
    granted.remove(DIRECTORY_READ_ALL);

    assertThat(BackupCapability.unavailable(granted, BackupOperation.BACKUP)).containsExactly(
        BackupCapability.GROUP_MEMBERSHIPS, BackupCapability.TENANT_DETAILS, BackupCapability.AUDIT_LOGS);
    assertThat(BackupCapability.unavailable(granted, BackupOperation.RESTORE)).isEmpty();
  }

  @Test
  void restoreNeverListsUnrestorablePartsEvenWithNoGrants() {
    assertThat(BackupCapability.unavailable(Set.of(), BackupOperation.RESTORE))
        .containsExactlyElementsOf(
            catalogParts().stream().filter(BackupCapability::isRestorable).toList())
        .doesNotContain(BackupCapability.TENANT_DETAILS, BackupCapability.AUDIT_LOGS);
  }

  @Test
  void aPartWorksExactlyWhenNothingItNeedsIsMissing() {
    for (BackupCapability c : BackupCapability.values()) {
      for (BackupOperation op : BackupOperation.values()) {
        for (B2cBackupPermission withheld : B2cBackupPermission.values()) {
          EnumSet<B2cBackupPermission> granted = EnumSet.allOf(B2cBackupPermission.class);
          granted.remove(withheld);
          boolean needed = c.requires(op).contains(withheld);
          assertThat(c.missingFor(op, granted)).isEqualTo(needed ? Set.of(withheld) : Set.of());
          assertThat(c.worksWith(op, granted))
              .as("%s %s without %s", c, op, withheld)
              .isEqualTo(c.inB2cCatalog() && !needed && (op == BackupOperation.BACKUP || c.isRestorable()));
        }
      }
    }
  }

  @Test
  void restoreRequirementsAreEmptyExactlyForUnrestorableParts() {
    assertThat(BackupCapability.TENANT_DETAILS.requires(BackupOperation.RESTORE)).isEmpty();
    assertThat(BackupCapability.TENANT_DETAILS.requires(BackupOperation.BACKUP)).containsExactly(DIRECTORY_READ_ALL);
    assertThat(BackupCapability.USERS.isRestorable()).isTrue();
    assertThat(BackupCapability.TENANT_DETAILS.isRestorable()).isFalse();
    assertThatThrownBy(() -> BackupCapability.USERS.requires(null)).isInstanceOf(NullPointerException.class);
  }
}
