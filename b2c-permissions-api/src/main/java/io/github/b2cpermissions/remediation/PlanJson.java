package io.github.b2cpermissions.remediation;

import io.github.b2cpermissions.AdminConsentRequest;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.PrivilegeClassification;
import io.github.b2cpermissions.VerificationReport;

/** The JSON of {@link RemediationPlan#toJson()}, in the documented field order. */
final class PlanJson {
  private PlanJson() {}

  static String of(RemediationPlan p) {
    JsonOut j = new JsonOut().open();
    write(j, p);
    return j.close().toString();
  }

  /** Writes the plan's members into an object already opened. */
  static void write(JsonOut j, RemediationPlan p) {
    j.number("schemaVersion", RemediationPlan.SCHEMA_VERSION)
        .string("tenantId", p.tenantId())
        .string("profile", p.profile().name())
        .number("profileVersion", p.profile().version())
        .string("outcome", p.outcome().name())
        .string("checkedAt", p.checkedAt().toString())
        .string("principalId", p.principalId().orElse(null))
        .string("resourceId", p.resourceId().orElse(null));
    j.openArray("assignments");
    for (PlannedAssignment a : p.assignments()) {
      j.open().string("role", a.role().value())
          .string("appRoleId", a.appRoleId().toString())
          .string("principalId", a.principalId())
          .string("resourceId", a.resourceId())
          .number("microsoftPrivilegeLevel", a.privilege().microsoftPrivilegeLevel())
          .bool("tierZero", a.privilege().isTierZero())
          .close();
    }
    j.closeArray().openArray("propagatingRoles");
    for (GraphPermission r : p.propagatingRoles()) {
      j.element(r.value());
    }
    j.closeArray().openArray("excessRoles");
    for (GraphAppRole r : p.excessRoles()) {
      j.open().string("value", r.value()).string("id", r.id().toString())
          .bool("tierZero", VerificationReport.privilegeOf(r)
              .map(PrivilegeClassification::isTierZero).orElse(false))
          .close();
    }
    j.closeArray().openArray("blockers");
    for (PlanBlocker b : p.blockers()) {
      j.open().string("kind", b.kind().name())
          .string("role", b.roleConcerned().map(GraphPermission::value).orElse(null))
          .string("remedy", b.remedy())
          .close();
    }
    j.closeArray().string("consentUrl",
        p.consentRequest().map(AdminConsentRequest::redactedUrl).orElse(null));
  }
}
