package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the test copies of the reference files (see src/test/resources/graph-metadata/SOURCES.md). */
final class ReferenceData {
  private ReferenceData() {}

  /** One row of privilege-tiers.tsv. */
  record TierRow(String value, String appRoleId, int msLevel, String tier, String path, String eam) {}

  /** One row of profile-paths.tsv. */
  record PathRow(String kind, BackupCapability capability, BackupOperation operation, String method,
      String path, boolean gap) {
    boolean appliesTo(TenantKind tenantKind) {
      return kind.equals("both") || kind.equals(tenantKind.name());
    }
  }

  static String text(String resource) {
    try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
      assertThat(in).as("test resource " + resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String[]> tsv(String resource, String header) {
    List<String[]> rows = new ArrayList<>();
    for (String line : text(resource).split("\n")) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith(header + "\t")) {
        continue;
      }
      rows.add(line.split("\t", -1));
    }
    return rows;
  }

  static List<TierRow> tiers() {
    return tsv("/privilege-tiers.tsv", "value").stream()
        .map(f -> new TierRow(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], f[5]))
        .toList();
  }

  static List<PathRow> paths() {
    return tsv("/profile-paths.tsv", "kind").stream()
        .map(f -> new PathRow(f[0], BackupCapability.valueOf(f[1]), BackupOperation.valueOf(f[2]),
            f[3], f[4], f[5].equals("gap")))
        .toList();
  }

  /** The public-cloud Application app role id provisioningInfo.json gives for {@code value}, or "". */
  static String provisionedId(String value) {
    for (String[] f : tsv("/graph-metadata/provisioningInfo-trimmed.tsv", "value")) {
      if (f[0].equals(value) && f[1].equals("Application")
          && List.of(f[2].toLowerCase(Locale.ROOT).split(";")).contains("public")) {
        return f[3];
      }
    }
    return "";
  }

  /** Whether permissions.json lets {@code role}'s Application scheme call {@code method path}. */
  static boolean allows(String role, String method, String path) {
    return tsv("/graph-metadata/permissions-trimmed.tsv", "value").stream()
        .anyMatch(f -> f[0].equals(role) && f[2].equals(method) && f[3].equalsIgnoreCase(path));
  }

  /** Whether any role of the trimmed table lets the Application scheme call {@code method path}. */
  static boolean anyRoleAllows(String method, String path) {
    return tsv("/graph-metadata/permissions-trimmed.tsv", "value").stream()
        .anyMatch(f -> f[2].equals(method) && f[3].equalsIgnoreCase(path));
  }

  /** Microsoft's Application privilegeLevel of {@code role} in permissions.json, or -1. */
  static int privilegeLevel(String role) {
    return tsv("/graph-metadata/permissions-trimmed.tsv", "value").stream()
        .filter(f -> f[0].equals(role)).mapToInt(f -> Integer.parseInt(f[1])).findFirst().orElse(-1);
  }
}
