package io.github.b2cpermissions.spring;

import io.github.b2cpermissions.GraphPermission;
import io.github.b2cpermissions.ReportDiff;
import java.util.Set;

/** Roles the tenant's profile requires now and did not at the previous run (the profile moved). */
public final class PermissionsNewlyRequiredEvent extends PermissionsDriftEvent {
  private final Set<GraphPermission> roles;
  private final int sinceProfileVersion;

  PermissionsNewlyRequiredEvent(String tenantId, ReportDiff diff) {
    super(tenantId, diff.after(), diff);
    this.roles = diff.newlyRequired();
    this.sinceProfileVersion = diff.sinceProfileVersion().orElse(diff.before().profile().version());
  }

  /** The newly required roles. */
  public Set<GraphPermission> roles() {
    return roles;
  }

  /** The version of the profile the previous report was checked against. */
  public int sinceProfileVersion() {
    return sinceProfileVersion;
  }

  @Override
  String describe() {
    return "newly required since v" + sinceProfileVersion + " "
        + roles.stream().map(GraphPermission::value).toList();
  }
}
