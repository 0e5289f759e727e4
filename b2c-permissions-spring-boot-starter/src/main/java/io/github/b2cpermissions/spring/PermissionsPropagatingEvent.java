package io.github.b2cpermissions.spring;

import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.ReportDiff;
import java.util.Set;

/** Required roles granted in the directory that the token does not carry yet. */
public final class PermissionsPropagatingEvent extends PermissionsDriftEvent {
  private final Set<GraphPermission> roles;

  PermissionsPropagatingEvent(String tenantId, ReportDiff diff) {
    super(tenantId, diff.after(), diff);
    this.roles = diff.newlyPropagating();
  }

  /** The roles now propagating. */
  public Set<GraphPermission> roles() {
    return roles;
  }

  @Override
  String describe() {
    return "propagating " + roles.stream().map(GraphPermission::value).toList();
  }
}
