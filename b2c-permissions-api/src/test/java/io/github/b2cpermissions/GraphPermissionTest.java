package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.ReferenceData.TierRow;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GraphPermissionTest {

  private static final List<TierRow> TIERS = ReferenceData.tiers();

  @Test
  void everyRoleOfTheTierTableWithAnIdIsAConstantInTableOrder() {
    List<String> withIds =
        TIERS.stream().filter(r -> !r.appRoleId().equals("not-found")).map(TierRow::value).toList();
    assertThat(withIds).hasSizeGreaterThan(40);
    assertThat(Arrays.stream(GraphPermission.values()).map(GraphPermission::value).toList())
        .containsExactlyElementsOf(withIds);
  }

  @Test
  void everyAppRoleIdIsTheApplicationIdProvisioningInfoGivesForThePublicCloud() {
    for (GraphPermission p : GraphPermission.values()) {
      assertThat(p.appRoleId().toString()).as(p.value()).isEqualTo(ReferenceData.provisionedId(p.value()));
    }
  }

  @Test
  void privilegeTiersMatchTheTierTableAndMicrosoftsLevelMatchesPermissionsJson() {
    for (TierRow row : TIERS) {
      if (row.appRoleId().equals("not-found")) {
        assertThat(GraphPermission.fromValue(row.value())).as(row.value()).isEmpty();
        continue;
      }
      PrivilegeClassification c = GraphPermission.fromValue(row.value()).orElseThrow().privilege();
      assertThat(c.microsoftPrivilegeLevel()).as(row.value()).isEqualTo(row.msLevel());
      assertThat(c.microsoftPrivilegeLevel()).as(row.value() + " in permissions.json")
          .isEqualTo(ReferenceData.privilegeLevel(row.value()));
      assertThat(c.tieringTier()).as(row.value())
          .isEqualTo(row.tier().isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(row.tier())));
      assertThat(c.tieringPath().map(Enum::name).orElse("")).as(row.value())
          .isEqualToIgnoringCase(row.path());
      assertThat(c.eamTier().map(t -> t.name().replace("_", "")).orElse("")).as(row.value())
          .isEqualToIgnoringCase(row.eam());
      assertThat(c.isTierZero()).as(row.value()).isEqualTo(row.tier().equals("0"));
    }
  }

  @Test
  void sevenOfTheFourteenB2cPermissionsAreTierZeroAndTwelveAreControlPlane() {
    List<PrivilegeClassification> catalog = B2cBackupPermission.all().stream()
        .map(p -> p.graphPermission().privilege()).toList();
    assertThat(catalog.stream().filter(PrivilegeClassification::isTierZero)).hasSize(7);
    assertThat(catalog.stream().filter(c -> c.eamTier().orElse(null) == EamTier.CONTROL_PLANE))
        .hasSize(12);
  }

  @Test
  void everyCatalogPermissionNamesTheSameRoleAsItsSharedConstant() {
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      GraphPermission g = p.graphPermission();
      assertThat(g.value()).isEqualTo(p.scope());
      assertThat(g.appRoleId()).isEqualTo(p.appRoleId());
      assertThat(g.asAppRole()).isEqualTo(p.asAppRole());
      assertThat(g.readCounterpart().map(GraphPermission::asAppRole)).isEqualTo(p.readCounterpart());
    }
  }

  @Test
  void knownRolesKeepTheDisplayNamesTheLibraryAlreadyPublishes() {
    for (GraphPermission p : GraphPermission.values()) {
      GraphAppRoles.byValue(p.value()).ifPresent(known ->
          assertThat(p.displayName()).as(p.value()).isEqualTo(known.displayName()));
      assertThat(p.displayName()).as(p.value()).isNotBlank().isEqualTo(p.displayName().strip());
    }
  }

  @Test
  void readCounterpartsAreTheReadRoleOfTheSameResourceAndPointBack() {
    assertThat(GraphPermission.readCounterparts()).hasSizeGreaterThan(15);
    GraphPermission.readCounterparts().forEach((readWrite, read) -> {
      assertThat(read.value()).isEqualTo(readWrite.value().replace("ReadWrite", "Read"));
      assertThat(read.broaderCounterpart()).contains(readWrite);
      assertThat(readWrite.broaderCounterpart()).isEmpty();
      assertThat(read.privilege().microsoftPrivilegeLevel())
          .isLessThanOrEqualTo(readWrite.privilege().microsoftPrivilegeLevel());
    });
    assertThat(GraphPermission.AUDIT_LOG_READ_ALL.readCounterpart()).isEmpty();
    assertThat(GraphPermission.AUDIT_LOG_READ_ALL.broaderCounterpart()).isEmpty();
  }

  @Test
  void lookupsAreExactAndNeverThrow() {
    assertThat(GraphPermission.fromValue("EventListener.Read.All"))
        .contains(GraphPermission.EVENT_LISTENER_READ_ALL);
    assertThat(GraphPermission.fromValue("eventlistener.read.all")).isEmpty();
    assertThat(GraphPermission.fromValue(null)).isEmpty();
    assertThat(GraphPermission.fromValue("")).isEmpty();
    assertThat(GraphPermission.fromAppRoleId(UUID.fromString("b7f6385c-6ce6-4639-a480-e23c42ed9784")))
        .contains(GraphPermission.EVENT_LISTENER_READ_ALL);
    assertThat(GraphPermission.fromAppRoleId(UUID.randomUUID())).isEmpty();
    assertThat(GraphPermission.fromAppRoleId(null)).isEmpty();
  }
}
