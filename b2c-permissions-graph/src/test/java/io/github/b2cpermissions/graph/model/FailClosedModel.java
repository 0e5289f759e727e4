package io.github.b2cpermissions.graph.model;

import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.InsufficientPrivilegesException;
import io.github.b2cpermissions.PermissionStatus;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.VerificationStrategy;
import io.github.b2cpermissions.graph.stub.StubAppRole;
import io.github.b2cpermissions.graph.stub.StubAssignment;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The oracle, written from {@code failclosed-spec.md} alone: for a generated case, the set of
 * answers a check may give. It never calls the code under test.
 *
 * <p>Where the spec leaves the implementation a choice, the model enumerates it and the set is the
 * union: whether an assignments read by alternate key that failed other than by 403 falls back to
 * the read by object id; whether pages (and the fallback) are still read once another item of the
 * batch failed; whether a refused alternate-key read counts as a 403 when the fallback cannot run;
 * and, on a second (warm) check, whether the first page is read by object id only. Every choice
 * still applies the spec's precedence (binding, decisive answers, 403, other failures, statuses),
 * so SATISFIED is in the set only when every fact was confirmed by the tenant's own answers.
 */
final class FailClosedModel {
  private static final String B2C = "AAD B2C";

  private FailClosedModel() {}

  /**
   * The catalog permissions (by value) the directory grants: a live assignment of the app's
   * service principal on this tenant's Graph service principal, of an enabled role that this
   * tenant's Graph defines under the catalog's id and value.
   */
  static Set<String> grantedInDirectory(String spId, String graphSpId, List<StubAppRole> roles,
      List<StubAssignment> assignments) {
    Set<String> out = new LinkedHashSet<>();
    for (StubAssignment a : assignments) {
      if (a.deletedDateTime() != null || !a.principalId().equals(spId)
          || !a.resourceId().equals(graphSpId)) {
        continue;
      }
      Optional<B2cBackupPermission> p = B2cBackupPermission.fromAppRoleId(a.appRoleId());
      if (p.isEmpty()) {
        continue;
      }
      for (StubAppRole r : roles) {
        if (r.id().equals(a.appRoleId()) && r.enabled() && r.value().equals(p.get().scope())) {
          out.add(r.value());
        }
      }
    }
    return out;
  }

  /** Whether Graph's role list contradicts the catalog (an id under another catalog value). */
  static boolean rolesDisagree(List<StubAppRole> roles) {
    for (StubAppRole r : roles) {
      Optional<B2cBackupPermission> byId = B2cBackupPermission.fromAppRoleId(r.id());
      Optional<B2cBackupPermission> byValue = B2cBackupPermission.fromScope(r.value());
      if ((byId.isPresent() && !byId.get().scope().equals(r.value()))
          || (byValue.isPresent() && !byValue.get().appRoleId().equals(r.id()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The answers a check of {@code c} may give: the first check of a fresh verifier, or a second
   * check on the same verifier with the same state and fault plan (fault counts started afresh).
   */
  static Set<Answer> expect(TenantCase c, boolean secondCheck) {
    Set<Answer> out = new LinkedHashSet<>();
    boolean[] both = {false, true};
    for (boolean fallbackOnAnyFailure : both) {
      for (boolean readOnAfterFailure : both) {
        for (boolean refusedAlternateCountsAlone : both) {
          evaluate(c, false, fallbackOnAnyFailure, readOnAfterFailure, refusedAlternateCountsAlone, out);
          if (secondCheck && c.strategy() != VerificationStrategy.TOKEN
              && c.plan().lasting(Target.GRAPH_SERVICE_PRINCIPAL).isEmpty()
              && !rolesDisagree(c.graphRoles())) {
            evaluate(c, true, fallbackOnAnyFailure, readOnAfterFailure, refusedAlternateCountsAlone,
                out);
          }
        }
      }
    }
    return out;
  }

  /** Whether the model's only answer is SATISFIED. */
  static boolean onlySatisfied(Set<Answer> answers) {
    return !answers.isEmpty() && answers.stream().allMatch(Answer::satisfied);
  }

  /** What one reading of the spec's choices answers. */
  private static void evaluate(TenantCase c, boolean warm, boolean fallbackOnAnyFailure,
      boolean readOnAfterFailure, boolean refusedAlternateCountsAlone, Set<Answer> out) {
    FaultPlan plan = c.plan();
    boolean directory = c.strategy() != VerificationStrategy.TOKEN;
    Answer unreadable = c.strategy() == VerificationStrategy.DIRECTORY
        ? Answer.throwing(InsufficientPrivilegesException.class)
        : Answer.outcome(Answer.DIRECTORY_UNREADABLE);

    Optional<FaultKind> batch = plan.lasting(Target.BATCH);
    if (batch.isPresent()) {
      if (batch.get() == FaultKind.FORBIDDEN) {
        // The spec does not say whether a 403 on the outer POST is a refused directory read.
        out.add(unreadable);
        out.add(Answer.throwing(UnexpectedGraphResponseException.class));
      } else {
        out.add(Answer.throwing(batch.get().failure()));
      }
      return;
    }

    Optional<FaultKind> spFault = plan.lasting(Target.SERVICE_PRINCIPAL);
    Optional<FaultKind> orgFault = plan.lasting(Target.ORGANIZATION);
    boolean orgAnswered = orgFault.isEmpty();

    // a. Binding: the organization that answered is the token's tenant, and owns the domain asked.
    if (orgAnswered) {
      if (c.organizationId() == OrganizationId.MISSING) {
        out.add(Answer.throwing(UnexpectedGraphResponseException.class));
        return;
      }
      if (c.organizationId() == OrganizationId.OTHER_TENANT) {
        out.add(Answer.throwing(AuthenticationFailedException.class));
        return;
      }
      if (c.namedByDomain()
          && c.verifiedDomains().stream().noneMatch(d -> d.equalsIgnoreCase(c.tenantName()))) {
        out.add(Answer.throwing(AuthenticationFailedException.class));
        return;
      }
    }

    // b. Decisive answers, whatever else failed.
    if (orgAnswered && !c.tenantType().equals(B2C)) {
      out.add(Answer.outcome(Answer.NOT_A_B2C_TENANT));
      return;
    }
    boolean spAnswered = spFault.isEmpty();
    if (spFault.map(k -> k == FaultKind.NOT_FOUND).orElse(c.app() == AppState.ABSENT)) {
      out.add(Answer.outcome(Answer.APP_NOT_CONSENTED));
      return;
    }
    if (spAnswered && c.app() == AppState.DISABLED) {
      out.add(Answer.outcome(Answer.APP_DISABLED));
      return;
    }

    Failures failures = new Failures();
    spFault.ifPresent(failures::note);
    orgFault.ifPresent(failures::note);
    if (spAnswered && c.app() == AppState.NO_ACCOUNT_ENABLED) {
      failures.inconsistent();
    }

    if (directory) {
      if (!warm) {
        Optional<FaultKind> graphSp = plan.lasting(Target.GRAPH_SERVICE_PRINCIPAL);
        graphSp.ifPresent(failures::note);
        if (graphSp.isEmpty() && rolesDisagree(c.graphRoles())) {
          failures.inconsistent();
        }
      }
      boolean goOn = spAnswered && (failures.none() || readOnAfterFailure);
      boolean firstPage = false;
      Optional<FaultKind> first = plan.lasting(
          warm ? Target.ASSIGNMENTS_BY_OBJECT_ID : Target.ASSIGNMENTS_BY_APP_ID);
      if (first.isEmpty()) {
        firstPage = true;
      } else if (!warm && (first.get() == FaultKind.FORBIDDEN || fallbackOnAnyFailure)) {
        if (goOn) {
          Optional<FaultKind> byObjectId = plan.lasting(Target.ASSIGNMENTS_BY_OBJECT_ID);
          byObjectId.ifPresent(failures::note);
          firstPage = byObjectId.isEmpty();
        } else if (first.get() != FaultKind.FORBIDDEN || refusedAlternateCountsAlone) {
          failures.note(first.get());
        }
      } else {
        failures.note(first.get());
      }
      if (firstPage && spAnswered && (failures.none() || readOnAfterFailure)) {
        for (int page = 1; page <= c.pages(); page++) {
          if (foreignPrincipalOnPage(c, page)) {
            failures.inconsistent();
            break;
          }
          if (page < c.pages()) {
            Optional<FaultKind> next = plan.lasting(Target.page(page + 1));
            if (next.isPresent()) {
              failures.note(next.get());
              break;
            }
          }
        }
      }
    }

    // c. A refused read the check needs; d. any other failure.
    if (failures.refused) {
      out.add(unreadable);
      return;
    }
    if (!failures.none()) {
      failures.thrown.forEach(t -> out.add(Answer.throwing(t)));
      return;
    }

    // e. Statuses.
    Set<String> inDirectory = grantedInDirectory(
        c.servicePrincipalId(), c.graphServicePrincipalId(), c.graphRoles(), c.assignments());
    Map<B2cBackupPermission, PermissionStatus> statuses = new EnumMap<>(B2cBackupPermission.class);
    for (B2cBackupPermission p : B2cBackupPermission.values()) {
      boolean inToken = c.tokenRoles().contains(p.scope());
      boolean inDir = inDirectory.contains(p.scope());
      PermissionStatus s = switch (c.strategy()) {
        case TOKEN -> inToken ? PermissionStatus.GRANTED : PermissionStatus.MISSING;
        case DIRECTORY -> inDir ? PermissionStatus.GRANTED : PermissionStatus.MISSING;
        case DIRECTORY_AND_TOKEN -> !inDir ? PermissionStatus.MISSING
            : inToken ? PermissionStatus.GRANTED : PermissionStatus.PROPAGATING;
      };
      statuses.put(p, s);
    }
    String outcome = statuses.containsValue(PermissionStatus.MISSING) ? Answer.MISSING_PERMISSIONS
        : statuses.containsValue(PermissionStatus.PROPAGATING) ? Answer.PERMISSIONS_PROPAGATING
        : Answer.SATISFIED;
    out.add(new Answer(outcome, statuses));
  }

  private static boolean foreignPrincipalOnPage(TenantCase c, int page) {
    List<StubAssignment> all = c.assignments();
    int from = (page - 1) * c.pageSize();
    for (int i = from; i < Math.min(all.size(), from + c.pageSize()); i++) {
      if (!all.get(i).principalId().equals(c.servicePrincipalId())) {
        return true;
      }
    }
    return false;
  }

  /** The failures met so far: a 403 (rule c) and the exceptions the others throw (rule d). */
  private static final class Failures {
    boolean refused;
    final Set<Class<? extends RuntimeException>> thrown = new LinkedHashSet<>();

    void note(FaultKind kind) {
      if (kind == FaultKind.FORBIDDEN) {
        refused = true;
      } else {
        thrown.add(kind.failure());
      }
    }

    void inconsistent() {
      thrown.add(UnexpectedGraphResponseException.class);
    }

    boolean none() {
      return !refused && thrown.isEmpty();
    }
  }
}
