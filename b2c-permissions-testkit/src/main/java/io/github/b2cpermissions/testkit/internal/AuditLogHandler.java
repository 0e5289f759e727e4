package io.github.b2cpermissions.testkit.internal;

/** {@code /auditLogs/directoryAudits}: the directory audit events of the seed, read only. */
final class AuditLogHandler {
  void register(RouteTable routes) {
    routes.collection("LIST_DIRECTORY_AUDITS", op -> DirectoryObjects.list(op, B2cSeed.DIRECTORY_AUDITS, "auditLogs/directoryAudits"));
    routes.entity("GET_DIRECTORY_AUDIT", op -> DirectoryObjects.get(op, B2cSeed.DIRECTORY_AUDITS, "auditLogs/directoryAudits"));
  }
}
