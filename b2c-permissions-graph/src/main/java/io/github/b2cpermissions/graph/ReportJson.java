package io.github.b2cpermissions.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.b2cpermissions.BackupCapability;
import io.github.b2cpermissions.BackupOperation;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.PermissionCheck;
import io.github.b2cpermissions.VerificationReport;
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
 *   "schemaVersion": 1,
 *   "tenantId": "…", "tenantType": "AAD B2C" | null,
 *   "outcome": "MISSING_PERMISSIONS", "satisfied": false,
 *   "appPresence": "ENABLED", "servicePrincipalId": "…" | null,
 *   "directoryRoleNeeded": "Application.Read.All" | null,
 *   "strategy": "DIRECTORY_AND_TOKEN", "checkedAt": "2026-11-28T18:00:00Z", "graphRequestCount": 2,
 *   "permissions": [ { "scope": "User.ReadWrite.All", "appRoleId": "…", "displayName": "…",
 *                      "status": "GRANTED" | "PROPAGATING" | "MISSING",
 *                      "narrowerRoleHeld": "User.Read.All" | null,
 *                      "assignmentId": "…" | null, "grantedAt": "…" | null } ],
 *   "excessRoles": [ { "value": "…", "id": "…", "displayName": "…" } ],
 *   "capabilities": { "backup": [...], "skippedForBackup": [...], "restore": [...], "skippedForRestore": [...] },
 *   "consentUrl": "https://…" | null
 * }
 * }</pre>
 *
 * <p>{@code outcome} is any {@link io.github.b2cpermissions.VerificationOutcome} name, including
 * {@code DIRECTORY_UNREADABLE}; {@code directoryRoleNeeded} names the Graph role whose absence made
 * a directory read fail (present exactly when a read was refused), and the {@code capabilities}
 * lists are empty for {@code DIRECTORY_UNREADABLE}, {@code NOT_A_B2C_TENANT}, {@code APP_DISABLED}
 * and {@code APP_NOT_CONSENTED}. {@code appPresence} is {@code NOT_CHECKED} when the service
 * principal could not be read.
 *
 * <p>{@code consentUrl} is the full link, including its {@code state}: it is meant to be shown to a
 * tenant admin, so do not write this JSON to logs. {@link #toJson(VerificationReport, boolean)} can
 * leave it out.
 */
public final class ReportJson {
  /** The version of the JSON layout. */
  public static final int SCHEMA_VERSION = 1;

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
      g.writeStringField("outcome", report.outcome().name());
      g.writeBooleanField("satisfied", report.isSatisfied());
      g.writeStringField("appPresence", report.appPresence().name());
      g.writeStringField("servicePrincipalId", report.servicePrincipalId().orElse(null));
      g.writeStringField("directoryRoleNeeded", report.directoryRoleNeeded().orElse(null));
      g.writeStringField("strategy", report.strategy().name());
      g.writeStringField("checkedAt", report.checkedAt().toString());
      g.writeNumberField("graphRequestCount", report.graphRequestCount());
      g.writeArrayFieldStart("permissions");
      for (PermissionCheck c : report.checks().values()) {
        g.writeStartObject();
        g.writeStringField("scope", c.permission().scope());
        g.writeStringField("appRoleId", c.permission().appRoleId().toString());
        g.writeStringField("displayName", c.permission().displayName());
        g.writeStringField("status", c.status().name());
        g.writeStringField("narrowerRoleHeld", c.narrowerRole().map(GraphAppRole::value).orElse(null));
        g.writeStringField("assignmentId", c.assignmentId());
        g.writeStringField("grantedAt", c.grantedSince().map(Object::toString).orElse(null));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("excessRoles");
      for (GraphAppRole r : report.excessRoles()) {
        g.writeStartObject();
        g.writeStringField("value", r.value());
        g.writeStringField("id", r.id().toString());
        g.writeStringField("displayName", r.displayName());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("capabilities");
      names(g, "backup", report.capabilities(BackupOperation.BACKUP));
      names(g, "skippedForBackup", report.skippedCapabilities(BackupOperation.BACKUP));
      names(g, "restore", report.capabilities(BackupOperation.RESTORE));
      names(g, "skippedForRestore", report.skippedCapabilities(BackupOperation.RESTORE));
      g.writeEndObject();
      g.writeStringField("consentUrl",
          includeConsentUrl ? report.consentUrl().map(Object::toString).orElse(null) : null);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a report as JSON", e);
    }
    return out.toString();
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
