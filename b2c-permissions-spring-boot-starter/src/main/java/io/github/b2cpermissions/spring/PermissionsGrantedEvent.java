package io.github.b2cpermissions.spring;

import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.ReportDiff;
import java.util.List;

/** Roles the backup app holds now and did not at the previous run. */
public final class PermissionsGrantedEvent extends PermissionsDriftEvent {
  private final List<GraphAppRole> roles;

  PermissionsGrantedEvent(String tenantId, ReportDiff diff) {
    super(tenantId, diff.after(), diff);
    this.roles = diff.newlyGranted();
  }

  /** The newly granted roles. */
  public List<GraphAppRole> roles() {
    return roles;
  }

  @Override
  String describe() {
    return "granted " + roles.stream().map(GraphAppRole::value).toList();
  }
}
