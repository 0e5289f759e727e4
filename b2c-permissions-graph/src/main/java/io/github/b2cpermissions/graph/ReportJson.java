package io.github.b2cpermissions.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.BackupCapability;
import io.github.b2cpermissions.BackupOperation;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.NarrowerRoleFinding;
import io.github.b2cpermissions.PermissionCheck;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.PrivilegeClassification;
import io.github.b2cpermissions.RoleCheck;
import io.github.b2cpermissions.VerificationReport;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a {@link VerificationReport} as JSON for product UIs and APIs. Field names are stable
 * within a {@code schemaVersion}; new fields may be added, none renamed or removed.
 *
 * <pre>{@code
 * {
 *   "schemaVersion": 2,
 *   "tenantId": "…", "tenantType": "AAD B2C" | "CIAM" | null,
 *   "profile": { "name": "B2C_BACKUP_ONLY", "version": 1, "tenantKind": "B2C" | "EXTERNAL_ID",
 *                "use": "BACKUP" | "BACKUP_AND_RESTORE" },
 *   "outcome": "MISSING_PERMISSIONS", "satisfied": false,
 *   "appPresence": "ENABLED", "servicePrincipalId": "…" | null,
 *   "directoryRoleNeeded": "Application.Read.All" | null,
 *   "strategy": "DIRECTORY_AND_TOKEN", "checkedAt": "2026-11-28T18:00:00Z", "graphRequestCount": 2,
 *   "permissions": [ { "scope": "User.ReadWrite.All", "appRoleId": "…", "displayName": "…",
 *                      "status": "GRANTED" | "PROPAGATING" | "MISSING",
 *                      "heldAs": "User.ReadWrite.All" | null,
 *                      "narrowerRoleHeld": "User.Read.All" | null,
 *                      "assignmentId": "…" | null, "grantedAt": "…" | null, "tier": {…} } ],
 *   "excessRoles": [ { "value": "…", "id": "…", "displayName": "…", "tier": {…} | null } ],
 *   "tierZeroGrants": 7,
 *   "narrowerRoleWouldDo": [ { "held": "User.ReadWrite.All", "enough": "User.Read.All" } ],
 *   "capabilities": { "backup": [...], "skippedForBackup": [...], "restore": [...], "skippedForRestore": [...] },
 *   "restoreNeeds": { "USERS": [ "User.ReadWrite.All" ], … },
 *   "consentUrl": "https://…" | null
 * }
 * }</pre>
 *
 * <p>A {@code tier} object is {@code { "microsoftPrivilegeLevel": 4, "tieringTier": 0 | 1 | 2 |
 * null, "tieringPath": "DIRECT" | "INDIRECT" | null, "eamTier": "CONTROL_PLANE" |
 * "MANAGEMENT_PLANE" | "USER_ACCESS" | null }} (sources on {@link PrivilegeClassification}); an
 * excess role this library does not classify has {@code "tier": null}.
 *
 * <p>Schema version 2 (issue 13) added {@code profile}, {@code heldAs}, every {@code tier}, {@code
 * tierZeroGrants}, {@code narrowerRoleWouldDo} and {@code restoreNeeds}; {@code permissions} now
 * lists the roles the profile requires (the fourteen catalog permissions, in catalog order, for the
 * default profile, as in version 1). Nothing was renamed or removed.
 *
 * <p>{@code outcome} is any {@link io.github.b2cpermissions.VerificationOutcome} name, including
 * {@code DIRECTORY_UNREADABLE}; {@code directoryRoleNeeded} names the Graph role whose absence made
 * a directory read fail (present exactly when a read was refused), and the {@code capabilities}
 * lists are empty for {@code DIRECTORY_UNREADABLE}, {@code NOT_A_B2C_TENANT}, {@code APP_DISABLED}
 * and {@code APP_NOT_CONSENTED}. {@code appPresence} is {@code NOT_CHECKED} when the service
 * principal could not be read.
 *
 * <p>{@link #fromJson(String)} reads versions 1 and 2 back, so a product can store last night's
 * report and diff tonight's against it ({@link io.github.b2cpermissions.ReportDiff}). A version 1
 * report was checked against the fourteen catalog permissions and reads back with {@link
 * PermissionProfile#B2C_BACKUP_AND_RESTORE}.
 *
 * <p>{@code consentUrl} is the full link, including its {@code state}: it is meant to be shown to a
 * tenant admin, so do not write this JSON to logs. {@link #toJson(VerificationReport, boolean)} can
 * leave it out.
 */
public final class ReportJson {
  /** The version of the JSON layout. */
  public static final int SCHEMA_VERSION = 2;

  private static final JsonFactory FACTORY = new JsonFactory();

  private ReportJson() {}

  /**
   * The report as one line of JSON, consent URL included.
   *
   * @throws NullPointerException if {@code report} is null
   */
  public static String toJson(VerificationReport report) {
    return toJson(report, true);
  }

  /**
   * The report as one line of JSON.
   *
   * @param includeConsentUrl false to write {@code "consentUrl": null} (for logs and audit trails)
   * @throws NullPointerException if {@code report} is null
   */
  public static String toJson(VerificationReport report, boolean includeConsentUrl) {
    Objects.requireNonNull(report, "report");
    StringWriter out = new StringWriter(2048);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("tenantId", report.tenantId());
      g.writeStringField("tenantType", report.tenantType().orElse(null));
      PermissionProfile profile = report.profile();
      g.writeObjectFieldStart("profile");
      g.writeStringField("name", profile.name());
      g.writeNumberField("version", profile.version());
      g.writeStringField("tenantKind", profile.tenantKind().name());
      g.writeStringField("use", profile.use().name());
      g.writeEndObject();
      g.writeStringField("outcome", report.outcome().name());
      g.writeBooleanField("satisfied", report.isSatisfied());
      g.writeStringField("appPresence", report.appPresence().name());
      g.writeStringField("servicePrincipalId", report.servicePrincipalId().orElse(null));
      g.writeStringField("directoryRoleNeeded", report.directoryRoleNeeded().orElse(null));
      g.writeStringField("strategy", report.strategy().name());
      g.writeStringField("checkedAt", report.checkedAt().toString());
      g.writeNumberField("graphRequestCount", report.graphRequestCount());
      g.writeArrayFieldStart("permissions");
      for (RoleCheck c : report.roleChecks().values()) {
        GraphPermission role = c.role();
        PermissionCheck catalog = B2cBackupPermission.fromAppRoleId(role.appRoleId())
            .map(report.checks()::get).orElse(null);
        g.writeStartObject();
        g.writeStringField("scope", role.value());
        g.writeStringField("appRoleId", role.appRoleId().toString());
        g.writeStringField("displayName", role.displayName());
        g.writeStringField("status", c.status().name());
        g.writeStringField("heldAs", c.heldAs() == null ? null : c.heldAs().value());
        g.writeStringField("narrowerRoleHeld", catalog == null ? null
            : catalog.narrowerRole().map(GraphAppRole::value).orElse(null));
        g.writeStringField("assignmentId", c.assignmentId());
        g.writeStringField("grantedAt", c.grantedAt() == null ? null : c.grantedAt().toString());
        tier(g, role.privilege());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("excessRoles");
      for (GraphAppRole r : report.excessRoles()) {
        g.writeStartObject();
        g.writeStringField("value", r.value());
        g.writeStringField("id", r.id().toString());
        g.writeStringField("displayName", r.displayName());
        PrivilegeClassification p = VerificationReport.privilegeOf(r).orElse(null);
        if (p == null) {
          g.writeNullField("tier");
        } else {
          tier(g, p);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("tierZeroGrants", report.tierZeroGrantCount());
      g.writeArrayFieldStart("narrowerRoleWouldDo");
      for (NarrowerRoleFinding f : report.narrowerRoleWouldDo()) {
        g.writeStartObject();
        g.writeStringField("held", f.held().value());
        g.writeStringField("enough", f.enough().value());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("capabilities");
      names(g, "backup", report.capabilities(BackupOperation.BACKUP));
      names(g, "skippedForBackup", report.skippedCapabilities(BackupOperation.BACKUP));
      names(g, "restore", report.capabilities(BackupOperation.RESTORE));
      names(g, "skippedForRestore", report.skippedCapabilities(BackupOperation.RESTORE));
      g.writeEndObject();
      g.writeObjectFieldStart("restoreNeeds");
      for (Map.Entry<BackupCapability, Set<GraphPermission>> e : report.restoreNeeds().entrySet()) {
        g.writeArrayFieldStart(e.getKey().name());
        for (GraphPermission r : e.getValue()) {
          g.writeString(r.value());
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeStringField("consentUrl",
          includeConsentUrl ? report.consentUrl().map(Object::toString).orElse(null) : null);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a report as JSON", e);
    }
    return out.toString();
  }

  /**
   * Reads a report written by {@link #toJson} (schema version 1 or 2). The facts are read and the
   * rest derived again; a role the report's profile no longer requires is read as an excess role.
   *
   * @throws NullPointerException if {@code json} is null
   * @throws IllegalArgumentException if it is not a report of schema version 1 or 2, names an
   *     unknown profile or permission, or its facts do not give the outcome it states
   */
  public static VerificationReport fromJson(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return ReportJsonReader.read(json);
    } catch (IllegalStateException | DateTimeParseException e) {
      throw new IllegalArgumentException("not a consistent report: " + e.getMessage(), e);
    }
  }

  private static void tier(JsonGenerator g, PrivilegeClassification p) throws IOException {
    g.writeObjectFieldStart("tier");
    g.writeNumberField("microsoftPrivilegeLevel", p.microsoftPrivilegeLevel());
    if (p.tieringTier().isPresent()) {
      g.writeNumberField("tieringTier", p.tieringTier().getAsInt());
    } else {
      g.writeNullField("tieringTier");
    }
    g.writeStringField("tieringPath", p.tieringPath().map(Enum::name).orElse(null));
    g.writeStringField("eamTier", p.eamTier().map(Enum::name).orElse(null));
    g.writeEndObject();
  }

  private static void names(JsonGenerator g, String field, Set<BackupCapability> caps)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (BackupCapability c : caps) {
      g.writeString(c.name());
    }
    g.writeEndArray();
  }
}
