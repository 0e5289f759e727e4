package io.github.b2cpermissions.graph.internal.check;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.GraphAppRole;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import io.github.b2cpermissions.graph.internal.http.GraphResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one read of the directory has gathered so far: the app's presence, the tenant type and
 * organization, the first role a refused read needed and the first failure. A refusal or failure
 * of one part is kept here rather than thrown, so the other parts of the read still count. Not
 * thread-safe; one per read.
 */
final class CollectedFacts {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryReader.class);

  @Nullable AppPresence presence;
  @Nullable String spId;
  @Nullable String tenantType;
  boolean organizationAnswered;
  @Nullable String organizationId;
  List<String> domains = List.of();
  @Nullable String refusedRole;
  @Nullable B2cPermissionsException failure;
  /** This tenant's Microsoft Graph service principal, once read (or remembered). */
  @Nullable String graphSpId;

  /**
   * Whether an answer decides the tenant whatever else fails: a tenant type no configured profile
   * covers ({@code covered} holds the covered {@code tenantType} values), no service principal, or
   * a disabled one.
   */
  boolean decisive(Set<String> covered) {
    return (tenantType != null && !covered.contains(tenantType))
        || presence == AppPresence.NOT_FOUND || presence == AppPresence.DISABLED;
  }

  boolean clean() {
    return refusedRole == null && failure == null;
  }

  /** Records a refusal; Application.Read.All, which most reads need, is the one named first. */
  void refused(String role) {
    if (refusedRole == null || DirectoryReader.APPLICATION_READ.equals(role)) {
      refusedRole = role;
    }
  }

  void fail(B2cPermissionsException e) {
    if (failure == null) {
      failure = e;
    }
  }

  /** True for a 2xx answer; records a 403 as a refusal and anything else as a failure. */
  boolean usable(CallContext ctx, GraphResponse r, String what, String leastRole) {
    if (r.isSuccess()) {
      return true;
    }
    if (r.status() == 403) {
      LOG.debug("tenant {}: Graph refused to read {} (403 {}); needs {}", ctx.tenantId(), what,
          r.errorCode(), leastRole);
      refused(leastRole);
      return false;
    }
    try {
      GraphAnswers.requireOk(ctx, r, what, leastRole);
    } catch (B2cPermissionsException e) {
      fail(e);
    }
    return false;
  }

  DirectoryFacts facts(List<DirectoryFacts.HeldRole> held, @Nullable Map<UUID, GraphAppRole> roles) {
    return new DirectoryFacts(presence, spId, tenantType, organizationAnswered, organizationId,
        domains, held, roles, refusedRole, failure, graphSpId);
  }
}
