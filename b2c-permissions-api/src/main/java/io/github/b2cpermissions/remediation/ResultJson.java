package io.github.b2cpermissions.remediation;

import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.RoleCheck;
import io.github.b2cpermissions.VerificationReport;

/**
 * The JSON of {@link RemediationResult#toJson()}: {@code schemaVersion}, {@code plan}, {@code
 * steps[role, status, assignmentId, httpStatus, graphCode, message, creates, reread]}, {@code
 * finalOutcome}, {@code finalPropagating}.
 */
final class ResultJson {
  private ResultJson() {}

  static String of(RemediationResult r) {
    JsonOut j = new JsonOut().open()
        .number("schemaVersion", RemediationPlan.SCHEMA_VERSION)
        .raw("plan", PlanJson.of(r.plan()))
        .openArray("steps");
    for (GrantStep s : r.steps()) {
      j.open().string("role", s.assignment().role().value())
          .string("status", s.status().name())
          .string("assignmentId", s.assignmentId())
          .number("httpStatus", s.httpStatus())
          .string("graphCode", s.graphCode())
          .string("message", s.message())
          .number("creates", s.creates())
          .bool("reread", s.reread())
          .close();
    }
    j.closeArray();
    VerificationReport f = r.finalReport().orElse(null);
    j.string("finalOutcome", f == null ? null : f.outcome().name()).openArray("finalPropagating");
    if (f != null) {
      for (RoleCheck c : f.roleChecks().values()) {
        if (c.status() == PermissionStatus.PROPAGATING) {
          j.element(c.role().value());
        }
      }
    }
    return j.closeArray().close().toString();
  }
}
