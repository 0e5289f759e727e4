package io.github.b2cpermissions.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PermissionCheck;
import io.github.b2cpermissions.PermissionProfile;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.RoleCheck;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.VerificationReportBuilder;
import io.github.b2cpermissions.VerificationStrategy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON {@link ReportJson} writes back into a {@link VerificationReport}, for schema
 * versions 1 and 2. Only the facts are read (tenant, app, profile, each role's status and
 * evidence, excess roles, consent URL); everything derived from them (outcome, capabilities,
 * tiers) is derived again, and the outcome must come out as written.
 */
final class ReportJsonReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportJsonReader() {}

  static VerificationReport read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a report is a JSON object");
    }
    int schema = root.path("schemaVersion").asInt(-1);
    if (schema != 1 && schema != 2) {
      throw new IllegalArgumentException("schemaVersion " + root.path("schemaVersion")
          + " is not one this library reads (1 and 2)");
    }
    PermissionProfile profile = schema == 1 ? PermissionProfile.B2C_BACKUP_AND_RESTORE
        : PermissionProfile.byName(text(root.path("profile"), "name")).orElseThrow(() ->
            new IllegalArgumentException("unknown profile " + root.path("profile").path("name")));
    boolean sameProfileVersion =
        schema == 1 || root.path("profile").path("version").asInt() == profile.version();
    VerificationReportBuilder b = VerificationReport.builder(required(root, "tenantId"))
        .profile(profile)
        .tenantType(text(root, "tenantType"))
        .appPresence(AppPresence.valueOf(required(root, "appPresence")))
        .servicePrincipalId(text(root, "servicePrincipalId"))
        .directoryRoleNeeded(text(root, "directoryRoleNeeded"))
        .strategy(VerificationStrategy.valueOf(required(root, "strategy")))
        .checkedAt(Instant.parse(required(root, "checkedAt")))
        .graphRequestCount(root.path("graphRequestCount").asInt(0));
    for (JsonNode p : root.path("permissions")) {
      permission(b, profile, p);
    }
    for (JsonNode r : root.path("excessRoles")) {
      GraphAppRole role = new GraphAppRole(required(r, "value"),
          UUID.fromString(required(r, "id")), required(r, "displayName"));
      Optional<GraphPermission> known = GraphPermission.fromAppRoleId(role.id());
      if (known.isPresent() && profile.isRequired(known.get())) {
        b.check(RoleCheck.of(known.get(), PermissionStatus.GRANTED));
      } else {
        b.excessRole(role);
      }
    }
    consent(b, text(root, "consentUrl"));
    VerificationReport report = b.build();
    String outcome = text(root, "outcome");
    if (sameProfileVersion && outcome != null
        && report.outcome() != VerificationOutcome.valueOf(outcome)) {
      throw new IllegalArgumentException("the facts give " + report.outcome() + ", but the JSON"
          + " says " + outcome + ": the report was changed after it was written");
    }
    return report;
  }

  /** One entry of {@code permissions}; a role the profile no longer requires becomes excess. */
  private static void permission(VerificationReportBuilder b, PermissionProfile profile,
      JsonNode p) {
    GraphPermission role = GraphPermission.fromValue(required(p, "scope")).orElseThrow(() ->
        new IllegalArgumentException("unknown permission " + p.path("scope")));
    PermissionStatus status = PermissionStatus.valueOf(required(p, "status"));
    GraphPermission heldAs = Optional.ofNullable(text(p, "heldAs"))
        .flatMap(GraphPermission::fromValue).filter(h -> h != role).orElse(null);
    String grantedAt = text(p, "grantedAt");
    Instant at = grantedAt == null ? null : Instant.parse(grantedAt);
    if (!profile.isRequired(role)) {
      if (status != PermissionStatus.MISSING) {
        b.excessRole((heldAs == null ? role : heldAs).asAppRole());
      }
      return;
    }
    GraphAppRole narrower = Optional.ofNullable(text(p, "narrowerRoleHeld"))
        .flatMap(GraphPermission::fromValue).map(GraphPermission::asAppRole).orElse(null);
    Optional<B2cBackupPermission> catalog = B2cBackupPermission.fromAppRoleId(role.appRoleId());
    if (narrower != null && catalog.isPresent() && status == PermissionStatus.MISSING) {
      b.check(new PermissionCheck(catalog.get(), status, narrower, text(p, "assignmentId"), at));
    } else {
      b.check(new RoleCheck(role, status, heldAs, text(p, "assignmentId"), at));
    }
  }

  /** The consent request, its state taken from the URL's {@code state} parameter. */
  private static void consent(VerificationReportBuilder b, @Nullable String url) {
    if (url == null) {
      return;
    }
    URI uri = URI.create(url);
    String query = uri.getRawQuery();
    if (query == null) {
      return;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("state=") && pair.length() > "state=".length()) {
        b.consentRequest(new AdminConsentRequest(uri,
            URLDecoder.decode(pair.substring("state=".length()), StandardCharsets.UTF_8)));
        return;
      }
    }
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String required(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null) {
      throw new IllegalArgumentException("the report has no " + field);
    }
    return v;
  }
}
