package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The permission table in the repository's README.md matches the enum, row for row. */
class ReadmePermissionTableTest {

  @Test
  void readmeTableListsTheCatalogInOrderWithIdsAndReadRoles() throws IOException {
    Path readme = Path.of("").toAbsolutePath().getParent().resolve("README.md");
    String text = Files.readString(readme);
    int start = text.indexOf("<!-- permissions:start -->");
    int end = text.indexOf("<!-- permissions:end -->");
    assertThat(start).as("table start marker").isNotNegative();
    assertThat(end).as("table end marker").isGreaterThan(start);

    List<String[]> rows = new ArrayList<>();
    for (String line : text.substring(start, end).split("\n")) {
      if (line.startsWith("| `")) {
        String[] cells = line.substring(1, line.length() - 1).split("\\|");
        for (int i = 0; i < cells.length; i++) {
          cells[i] = cells[i].trim().replace("`", "");
        }
        rows.add(cells);
      }
    }
    B2cBackupPermission[] values = B2cBackupPermission.values();
    assertThat(rows).hasSize(values.length);
    for (int i = 0; i < values.length; i++) {
      B2cBackupPermission p = values[i];
      assertThat(rows.get(i)).as("README row %d", i + 1).containsExactly(
          p.scope(), p.appRoleId().toString(), p.name(),
          p.readCounterpart().map(GraphAppRole::value).orElse("—"));
    }
  }
}
