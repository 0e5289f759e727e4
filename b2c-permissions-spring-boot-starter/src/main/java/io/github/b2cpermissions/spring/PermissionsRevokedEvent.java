package io.github.b2cpermissions.spring;

import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.ReportDiff;
import java.util.List;

/** Roles the backup app held at the previous run and holds no more. */
public final class PermissionsRevokedEvent extends PermissionsDriftEvent {
  private final List<GraphAppRole> roles;

  PermissionsRevokedEvent(String tenantId, ReportDiff diff) {
    super(tenantId, diff.after(), diff);
    this.roles = diff.revoked();
  }

  /** The revoked roles. */
  public List<GraphAppRole> roles() {
    return roles;
  }

  @Override
  String describe() {
    return "revoked " + roles.stream().map(GraphAppRole::value).toList();
  }
}
