package io.github.b2cpermissions.spring;

import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.ReportDiff;
import java.util.List;

/**
 * Tier-0 roles (a path to Global Administrator in the Azure tiering model) the backup app holds now
 * and did not at the previous run: worth a security review.
 */
public final class TierZeroGrantedEvent extends PermissionsDriftEvent {
  private final List<GraphAppRole> roles;

  TierZeroGrantedEvent(String tenantId, ReportDiff diff) {
    super(tenantId, diff.after(), diff);
    this.roles = diff.tierZeroGranted();
  }

  /** The tier-0 roles newly held. */
  public List<GraphAppRole> roles() {
    return roles;
  }

  @Override
  String describe() {
    return "tier-0 granted " + roles.stream().map(GraphAppRole::value).toList();
  }
}
