package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class B2cBackupPermissionTest {

  /** One row of the reference table kept as test data (a copy of shared/reference). */
  record Row(String value, UUID id, String displayName, boolean required, String readCounterpart) {}

  private static List<Row> rows;

  @BeforeAll
  static void readReferenceTable() throws IOException {
    try (InputStream in = B2cBackupPermissionTest.class.getResourceAsStream("/graph-app-roles.tsv")) {
      assertThat(in).as("test data graph-app-roles.tsv").isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      rows = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("value\t")) {
          continue;
        }
        String[] f = line.split("\t");
        rows.add(new Row(f[0], UUID.fromString(f[1]), f[2], f[3].equals("yes"), f[4].trim()));
      }
    }
  }

  private static List<Row> requiredRows() {
    return rows.stream().filter(Row::required).toList();
  }

  @Test
  void catalogHasExactlyTheRequiredRowsInTableOrder() {
    assertThat(requiredRows()).hasSize(14);
    assertThat(B2cBackupPermission.values()).extracting(B2cBackupPermission::scope)
        .containsExactlyElementsOf(requiredRows().stream().map(Row::value).toList());
  }

  @Test
  void idsDisplayNamesAndTypeMatchTheTable() {
    B2cBackupPermission[] values = B2cBackupPermission.values();
    List<Row> required = requiredRows();
    for (int i = 0; i < values.length; i++) {
      B2cBackupPermission p = values[i];
      Row row = required.get(i);
      assertThat(p.appRoleId()).as(p.scope()).isEqualTo(row.id());
      assertThat(p.displayName()).as(p.scope()).isEqualTo(row.displayName());
      assertThat(p.type()).isEqualTo(PermissionType.APPLICATION);
      assertThat(p.resourceAppId()).isEqualTo("00000003-0000-0000-c000-000000000000");
      assertThat(p.purpose()).as(p.scope()).hasSizeGreaterThan(30);
      assertThat(p.sinceCatalogVersion()).isEqualTo(1);
    }
  }

  @Test
  void readCounterpartsMatchTheTableWithTheirIds() {
    Map<String, Row> byValue = rows.stream().collect(Collectors.toMap(Row::value, Function.identity()));
    for (Row row : requiredRows()) {
      B2cBackupPermission p = B2cBackupPermission.fromScope(row.value()).orElseThrow();
      if (row.readCounterpart().equals("-")) {
        assertThat(p.readCounterpart()).as(p.scope()).isEmpty();
      } else {
        Row read = byValue.get(row.readCounterpart());
        assertThat(p.readCounterpart()).as(p.scope())
            .contains(new GraphAppRole(read.value(), read.id(), read.displayName()));
      }
    }
  }

  @Test
  void everyTableRowIsAKnownGraphAppRole() {
    for (Row row : rows) {
      assertThat(GraphAppRoles.byValue(row.value()))
          .contains(new GraphAppRole(row.value(), row.id(), row.displayName()));
      assertThat(GraphAppRoles.byId(row.id()).map(GraphAppRole::value)).contains(row.value());
    }
    assertThat(GraphAppRoles.known()).hasSize(rows.size());
  }

  @Test
  void lookupByScopeIsExactAndCaseSensitive() {
    assertThat(B2cBackupPermission.fromScope("User-Phone.ReadWrite.All"))
        .contains(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
    assertThat(B2cBackupPermission.fromScope("user-phone.readwrite.all")).isEmpty();
    assertThat(B2cBackupPermission.fromScope(" User-Phone.ReadWrite.All")).isEmpty();
    assertThat(B2cBackupPermission.fromScope("User.Read.All")).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t", "Unknown.Permission"})
  void lookupByScopeOfNullBlankOrUnknownIsEmpty(String scope) {
    assertThat(B2cBackupPermission.fromScope(scope)).isEmpty();
  }

  @Test
  void lookupByAppRoleIdFindsEveryPermission() {
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      assertThat(B2cBackupPermission.fromAppRoleId(p.appRoleId())).contains(p);
      assertThat(B2cBackupPermission.fromAppRoleId(p.appRoleId().toString().toUpperCase()))
          .contains(p);
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "not-a-uuid", "1-1-1-1-1", "df021288-bdef-4463-88db-98f22de89214"})
  void lookupByAppRoleIdTextOfNullMalformedOrUnknownIsEmpty(String id) {
    assertThat(B2cBackupPermission.fromAppRoleId(id)).isEmpty();
  }

  @Test
  void aShortenedSpellingOfAKnownIdIsNotTakenAsThatId() {
    String known = B2cBackupPermission.APP_ROLE_ASSIGNMENT_READ_WRITE_ALL.appRoleId().toString();
    assertThat(known).startsWith("06b708a9-");
    // java.util.UUID would read the leading zero's absence as the same number
    assertThat(B2cBackupPermission.fromAppRoleId(known.substring(1))).isEmpty();
    assertThat(B2cBackupPermission.fromAppRoleId(known))
        .contains(B2cBackupPermission.APP_ROLE_ASSIGNMENT_READ_WRITE_ALL);
  }

  @Test
  void lookupByNullUuidIsEmpty() {
    assertThat(B2cBackupPermission.fromAppRoleId((UUID) null)).isEmpty();
    assertThat(B2cBackupPermission.fromAppRoleId(UUID.randomUUID())).isEmpty();
  }

  @Test
  void allIsTheFullUnmodifiableSetInOrder() {
    assertThat(B2cBackupPermission.all()).containsExactly(B2cBackupPermission.values());
    assertThatThrownBy(() -> B2cBackupPermission.all().remove(B2cBackupPermission.DIRECTORY_READ_ALL))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void newlyRequiredSinceNeverConsentedIsEverything() {
    assertThat(B2cBackupPermission.newlyRequiredSince(0)).containsExactly(B2cBackupPermission.values());
  }

  @Test
  void newlyRequiredSinceCurrentOrLaterVersionIsEmpty() {
    assertThat(B2cBackupPermission.newlyRequiredSince(B2cBackupPermission.CURRENT_CATALOG_VERSION))
        .isEmpty();
    assertThat(B2cBackupPermission.newlyRequiredSince(Integer.MAX_VALUE)).isEmpty();
  }

  @Test
  void newlyRequiredSinceNegativeVersionIsRejected() {
    assertThatThrownBy(() -> B2cBackupPermission.newlyRequiredSince(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void newlyRequiredSinceIsConsistentWithEachPermissionsVersion() {
    for (int v = 0; v <= B2cBackupPermission.CURRENT_CATALOG_VERSION; v++) {
      int version = v;
      assertThat(B2cBackupPermission.newlyRequiredSince(v))
          .containsExactlyElementsOf(Arrays.stream(B2cBackupPermission.values())
              .filter(p -> p.sinceCatalogVersion() > version).toList());
    }
  }
}
