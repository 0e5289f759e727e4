package io.github.b2cpermissions.testkit.internal;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cBackupPermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The service principals and app role assignments of one tenant's state: the Microsoft Graph,
 * backup app and other-resource service principals as Graph lists them, the assignments held by a
 * principal or given on a resource, and the checks Graph makes before it creates an assignment.
 * Stateless: {@link TenantModel} passes its seed and state and holds the lock.
 */
final class TenantPrincipals {
  private static final String ROLE_NOT_FOUND = "Permission being assigned was not found on application '";

  private TenantPrincipals() {}

  static @Nullable ServicePrincipalRef byId(TenantSeed seed, TenantState s, String id) {
    if (id.equalsIgnoreCase(seed.graphServicePrincipalId.toString())) {
      return graph(seed);
    }
    if (s.presence != AppPresence.NOT_FOUND && id.equalsIgnoreCase(s.backupSpId.toString())) {
      return backup(seed, s);
    }
    for (OtherResource o : s.others) {
      if (id.equalsIgnoreCase(o.id.toString())) {
        return other(o);
      }
    }
    return null;
  }

  static @Nullable ServicePrincipalRef byAppId(TenantSeed seed, TenantState s, String appId) {
    if (appId.equalsIgnoreCase(B2cBackupPermission.MICROSOFT_GRAPH_APP_ID)) {
      return graph(seed);
    }
    if (s.presence != AppPresence.NOT_FOUND && appId.equalsIgnoreCase(seed.app.clientId)) {
      return backup(seed, s);
    }
    for (OtherResource o : s.others) {
      if (appId.equalsIgnoreCase(o.appId)) {
        return other(o);
      }
    }
    return null;
  }

  /** Graph's, then the backup app's (when present), then the other resources'. */
  static List<ServicePrincipalRef> all(TenantSeed seed, TenantState s) {
    List<ServicePrincipalRef> out = new ArrayList<>();
    out.add(graph(seed));
    if (s.presence != AppPresence.NOT_FOUND) {
      out.add(backup(seed, s));
    }
    for (OtherResource o : s.others) {
      out.add(other(o));
    }
    return out;
  }

  private static ServicePrincipalRef graph(TenantSeed seed) {
    return new ServicePrincipalRef(
        ServicePrincipalRef.Kind.GRAPH,
        seed.graphServicePrincipalId,
        B2cBackupPermission.MICROSOFT_GRAPH_APP_ID,
        TenantModel.GRAPH_DISPLAY_NAME,
        true,
        null);
  }

  private static ServicePrincipalRef backup(TenantSeed seed, TenantState s) {
    return new ServicePrincipalRef(
        ServicePrincipalRef.Kind.BACKUP,
        s.backupSpId,
        seed.app.clientId,
        seed.app.displayName,
        s.presence == AppPresence.ENABLED,
        null);
  }

  private static ServicePrincipalRef other(OtherResource o) {
    return new ServicePrincipalRef(ServicePrincipalRef.Kind.OTHER, o.id, o.appId, o.displayName, true, o);
  }

  /** The assignments held by {@code principalId}. */
  static List<AppRoleAssignment> of(TenantState s, UUID principalId) {
    List<AppRoleAssignment> out = new ArrayList<>();
    for (AppRoleAssignment a : s.assignments) {
      if (a.principalId.equals(principalId)) {
        out.add(a);
      }
    }
    return out;
  }

  /** The assignments given on the resource {@code resourceId}. */
  static List<AppRoleAssignment> on(TenantState s, UUID resourceId) {
    List<AppRoleAssignment> out = new ArrayList<>();
    for (AppRoleAssignment a : s.assignments) {
      if (a.resourceId.equals(resourceId)) {
        out.add(a);
      }
    }
    return out;
  }

  /** Creates an assignment as Graph would, or says why Graph refuses it. */
  static AssignmentResult create(
      TenantSeed seed, TenantState s, ServicePrincipalRef principal, UUID resourceId, UUID appRoleId, Instant now) {
    ServicePrincipalRef resource = byId(seed, s, resourceId.toString());
    if (resource == null) {
      return new AssignmentResult(null, "Referenced resource service principal does not exist.");
    }
    String graphRole = null;
    if (resource.kind == ServicePrincipalRef.Kind.GRAPH) {
      RoleCatalog.Role r = RoleCatalog.byId(appRoleId);
      if (r == null) {
        return new AssignmentResult(null, ROLE_NOT_FOUND + resource.appId + "'.");
      }
      graphRole = r.value();
    } else if (resource.kind == ServicePrincipalRef.Kind.OTHER) {
      if (resource.other == null || !resource.other.roleIds.contains(appRoleId)) {
        return new AssignmentResult(null, ROLE_NOT_FOUND + resource.appId + "'.");
      }
    } else {
      return new AssignmentResult(null, ROLE_NOT_FOUND + resource.appId + "'.");
    }
    for (AppRoleAssignment a : s.assignments) {
      if (a.deleted == null
          && a.principalId.equals(principal.id)
          && a.resourceId.equals(resourceId)
          && a.appRoleId.equals(appRoleId)) {
        return new AssignmentResult(null, "Permission being assigned already exists on the object");
      }
    }
    AppRoleAssignment a =
        new AppRoleAssignment(
            s.nextSeq++,
            principal.id,
            principal.displayName,
            appRoleId,
            resourceId,
            resource.displayName,
            now,
            null,
            graphRole);
    s.assignments.add(a);
    return new AssignmentResult(a, null);
  }
}
