package io.github.b2cpermissions.testkit.internal;

import io.github.b2cpermissions.AppPresence;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One hosted tenant: its immutable seed and its mutable state, built lazily from the seed on first
 * use and again after every reset (a server-wide reset only bumps an epoch, so resetting a fleet of
 * thousands of tenants costs nothing up front). All state access is synchronized on this object.
 */
public final class TenantModel {

  /** The appId of the default "other resource": Office 365 Exchange Online. */
  public static final String EXCHANGE_APP_ID = "00000002-0000-0ff1-ce00-000000000000";

  public static final String GRAPH_DISPLAY_NAME = "Microsoft Graph";

  public final TenantSeed seed;
  private final GraphServer server;
  volatile @Nullable IssuedToken lastIssued;
  private @Nullable TenantState state;
  private long epoch = -1;

  TenantModel(TenantSeed seed, GraphServer server) {
    this.seed = seed;
    this.server = server;
  }

  GraphServer server() {
    return server;
  }

  /** The B2C directory (users, groups, user flows and so on), built from the seed on first use. */
  public synchronized B2cStore b2c() {
    TenantState s = state();
    B2cStore b = s.b2c;
    if (b == null) {
      b = new B2cStore(seed.b2c, seed.domain);
      s.b2c = b;
    }
    return b;
  }

  /** The External ID configuration (flows, custom extensions, methods policy), built from the seed on first use. */
  synchronized ExternalIdStore externalId() {
    TenantState s = state();
    ExternalIdStore e = s.externalId;
    if (e == null) {
      e = new ExternalIdStore(seed.externalId);
      s.externalId = e;
    }
    return e;
  }

  private Instant now() {
    return server.clock().instant();
  }

  private TenantState state() {
    long serverEpoch = server.epoch();
    TenantState s = state;
    if (s == null || epoch != serverEpoch) {
      s = materialize();
      state = s;
      epoch = serverEpoch;
    }
    return s;
  }

  private TenantState materialize() {
    return TenantState.fromSeed(seed, now());
  }

  /** The Graph-shaped id of an assignment: 32 bytes, base64url, like Graph's 43-character ids. */
  String assignmentId(AppRoleAssignment a) {
    ByteBuffer b = ByteBuffer.allocate(32);
    b.putLong(a.principalId.getMostSignificantBits());
    b.putLong(a.principalId.getLeastSignificantBits());
    b.putLong(seed.tenantId.getLeastSignificantBits() ^ (a.seq * 0x9E3779B97F4A7C15L));
    b.putLong(seed.tenantId.getMostSignificantBits() + a.seq);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  private void requirePresent(TenantState s, String action) {
    if (s.presence == AppPresence.NOT_FOUND) {
      throw new IllegalStateException(
          "cannot "
              + action
              + ": the backup app has no service principal in tenant "
              + seed.domain
              + " (create it with createServicePrincipal() or admin consent first)");
    }
  }

  /** Grants a Graph role to the backup app; idempotent. Returns the assignment id. */
  public synchronized String grant(String role) {
    TenantState s = state();
    requirePresent(s, "grant " + role);
    for (AppRoleAssignment a : s.assignments) {
      if (a.deleted == null && role.equals(a.graphRole) && a.principalId.equals(s.backupSpId)) {
        return assignmentId(a);
      }
    }
    return assignmentId(s.addGraphAssignment(seed, role, now(), null));
  }

  /** Revokes a Graph role; returns whether anything was revoked. */
  public synchronized boolean revoke(String role) {
    TenantState s = state();
    boolean removed = false;
    for (Iterator<AppRoleAssignment> it = s.assignments.iterator(); it.hasNext(); ) {
      AppRoleAssignment a = it.next();
      if (a.deleted == null && role.equals(a.graphRole) && a.principalId.equals(s.backupSpId)) {
        it.remove();
        removed = true;
      }
    }
    if (removed) {
      s.revocations.add(new Revocation(role, now()));
    }
    return removed;
  }

  /** Grants a role of another resource; returns the assignment id. */
  public synchronized String grantOther(String resourceAppId, String resourceDisplayName, UUID roleId) {
    TenantState s = state();
    requirePresent(s, "grant a role of " + resourceDisplayName);
    return assignmentId(s.addOtherAssignment(seed, resourceAppId, resourceDisplayName, roleId, now()));
  }

  /** Adds an assignment of a Graph role that carries a deletedDateTime. */
  public synchronized String addDeleted(String role) {
    TenantState s = state();
    requirePresent(s, "add a deleted assignment");
    Instant now = now();
    return assignmentId(s.addGraphAssignment(seed, role, now.minus(Duration.ofDays(1)), now));
  }

  public synchronized AppPresence presence() {
    return state().presence;
  }

  public synchronized UUID backupServicePrincipalId() {
    return state().backupSpId;
  }

  public synchronized void disableServicePrincipal() {
    TenantState s = state();
    requirePresent(s, "disable the service principal");
    s.presence = AppPresence.DISABLED;
  }

  public synchronized void enableServicePrincipal() {
    TenantState s = state();
    requirePresent(s, "enable the service principal");
    s.presence = AppPresence.ENABLED;
  }

  /** Deletes the service principal and, as Entra does, its app role assignments. */
  public synchronized void removeServicePrincipal() {
    TenantState s = state();
    if (s.presence == AppPresence.NOT_FOUND) {
      return;
    }
    Instant now = now();
    for (Iterator<AppRoleAssignment> it = s.assignments.iterator(); it.hasNext(); ) {
      AppRoleAssignment a = it.next();
      if (a.principalId.equals(s.backupSpId)) {
        if (a.graphRole != null && a.deleted == null) {
          s.revocations.add(new Revocation(a.graphRole, now));
        }
        it.remove();
      }
    }
    s.presence = AppPresence.NOT_FOUND;
  }

  /** Creates the service principal (enabled, no grants) if absent; returns whether it did. */
  public synchronized boolean createServicePrincipal() {
    TenantState s = state();
    if (s.presence != AppPresence.NOT_FOUND) {
      return false;
    }
    // The first service principal after a reset gets the seed's id, so tests can predict it; a
    // later one is a new object, as in Entra.
    s.backupSpId = s.seedIdUsed ? UUID.randomUUID() : seed.backupServicePrincipalId;
    s.seedIdUsed = true;
    s.presence = AppPresence.ENABLED;
    return true;
  }

  /** What admin consent does when the admin accepts. */
  synchronized void consent() {
    createServicePrincipal();
    for (String role : seed.app.requiredRoles) {
      grant(role);
    }
  }

  public synchronized Set<String> directoryRoles() {
    TenantState s = state();
    Set<String> out = new LinkedHashSet<>();
    for (AppRoleAssignment a : s.assignments) {
      if (a.deleted == null && a.graphRole != null && a.principalId.equals(s.backupSpId)) {
        out.add(a.graphRole);
      }
    }
    return out;
  }

  /** The roles a token issued now carries: grants older than the delay, and revocations younger. */
  synchronized List<String> tokenRoles(Instant now) {
    TenantState s = state();
    Set<String> out = new LinkedHashSet<>();
    Duration d = s.propagationDelay;
    for (AppRoleAssignment a : s.assignments) {
      if (a.deleted == null
          && a.graphRole != null
          && a.principalId.equals(s.backupSpId)
          && !a.created.plus(d).isAfter(now)) {
        out.add(a.graphRole);
      }
    }
    if (!d.isZero()) {
      for (Revocation r : s.revocations) {
        if (r.at.plus(d).isAfter(now)) {
          out.add(r.role);
        }
      }
    }
    return new ArrayList<>(out);
  }

  public synchronized void propagationDelay(Duration delay) {
    state().propagationDelay = delay;
  }

  public synchronized void consentOutcome(ConsentAnswer outcome) {
    state().consentOutcome = outcome;
  }

  synchronized ConsentAnswer consentOutcome() {
    return state().consentOutcome;
  }

  /** This tenant's fault plan (replaced on reset). */
  public synchronized FaultPlan faults() {
    return state().faults;
  }

  /** Back to the seed. */
  public synchronized void reset() {
    state = null;
    lastIssued = null;
  }

  synchronized @Nullable ServicePrincipalRef spById(String id) {
    return TenantPrincipals.byId(seed, state(), id);
  }

  synchronized @Nullable ServicePrincipalRef spByAppId(String appId) {
    return TenantPrincipals.byAppId(seed, state(), appId);
  }

  synchronized List<ServicePrincipalRef> allSps() {
    return TenantPrincipals.all(seed, state());
  }

  synchronized List<AppRoleAssignment> assignmentsOf(UUID principalId) {
    return TenantPrincipals.of(state(), principalId);
  }

  synchronized List<AppRoleAssignment> assignedTo(UUID resourceId) {
    return TenantPrincipals.on(state(), resourceId);
  }

  synchronized @Nullable AppRoleAssignment findAssignment(UUID principalId, String assignmentId) {
    for (AppRoleAssignment a : state().assignments) {
      if (a.principalId.equals(principalId) && assignmentId(a).equals(assignmentId)) {
        return a;
      }
    }
    return null;
  }

  synchronized AssignmentResult createAssignment(ServicePrincipalRef principal, UUID resourceId, UUID appRoleId) {
    return TenantPrincipals.create(seed, state(), principal, resourceId, appRoleId, now());
  }

  /** Records that the app {@code grantedBy} created {@code a} through Graph. */
  synchronized void recordGrant(String grantedBy, AppRoleAssignment a) {
    state().grants.add(new GrantRecord(grantedBy, assignmentId(a), a.principalId, a.resourceId,
        a.appRoleId, a.graphRole, a.created));
  }

  /** The assignments created through Graph since the last reset, oldest first. */
  public synchronized List<GrantRecord> grants() {
    return List.copyOf(state().grants);
  }

  synchronized boolean deleteAssignment(UUID principalId, String assignmentId) {
    TenantState s = state();
    for (Iterator<AppRoleAssignment> it = s.assignments.iterator(); it.hasNext(); ) {
      AppRoleAssignment a = it.next();
      if (a.principalId.equals(principalId) && assignmentId(a).equals(assignmentId)) {
        it.remove();
        if (a.graphRole != null && a.deleted == null && a.principalId.equals(s.backupSpId)) {
          s.revocations.add(new Revocation(a.graphRole, now()));
        }
        return true;
      }
    }
    return false;
  }
}
