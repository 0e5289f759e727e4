package io.github.b2cpermissions.graph.model;

import io.github.b2cpermissions.graph.stub.StubDirectory;
import io.github.b2cpermissions.graph.stub.StubRequest;
import io.github.b2cpermissions.graph.stub.StubResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The faults of one generated case, served into the stub: {@link #inner} is the stub directory's
 * {@code override} (requests inside and outside the {@code $batch}), {@link #outer} the batch
 * handler's outer script. It counts the requests per target, so a transient fault fails exactly the
 * first N of them; {@link #resetCounts()} starts a check afresh.
 */
final class FaultPlan {
  private final List<Fault> faults;
  private final Map<Target, Fault> byTarget = new EnumMap<>(Target.class);
  private final Map<Target, Integer> seen = new EnumMap<>(Target.class);
  private @Nullable StubDirectory directory;

  FaultPlan(List<Fault> faults) {
    this.faults = List.copyOf(faults);
    for (Fault f : faults) {
      if (byTarget.put(f.target(), f) != null) {
        throw new IllegalArgumentException("two faults on " + f.target());
      }
    }
  }

  /** The faults, in generation order. */
  List<Fault> faults() {
    return faults;
  }

  /** The fault on {@code target}, if any. */
  Optional<Fault> on(Target target) {
    return Optional.ofNullable(byTarget.get(target));
  }

  /** The fault kind {@code target} still answers once the retry budget is spent, if any. */
  Optional<FaultKind> lasting(Target target) {
    Fault f = byTarget.get(target);
    return f == null || !f.persistent() ? Optional.empty() : Optional.of(f.kind());
  }

  /** Serves this plan on {@code dir} (which the case's state was applied to). */
  synchronized void serveOn(StubDirectory dir) {
    this.directory = dir;
    seen.clear();
    dir.override = this::inner;
  }

  /** Forgets how many requests each target has seen. */
  synchronized void resetCounts() {
    seen.clear();
  }

  /** The outer script: a fault on the {@code POST $batch}, else null. */
  synchronized @Nullable StubResponse outer(StubRequest request) {
    if (request.method().equals("POST") && request.path().endsWith("/$batch")) {
      return answer(Target.BATCH, false);
    }
    return null;
  }

  /** The per-request script: a fault on the request's target, else null. */
  synchronized @Nullable StubResponse inner(StubRequest request) {
    Target t = classify(request);
    return t == null ? null : answer(t, request.inBatch());
  }

  private @Nullable StubResponse answer(Target t, boolean inBatch) {
    int n = seen.merge(t, 1, Integer::sum);
    Fault f = byTarget.get(t);
    if (f == null || (!f.persistent() && n > f.failFirst())) {
      return null;
    }
    return f.kind().response(inBatch);
  }

  private @Nullable Target classify(StubRequest r) {
    StubDirectory d = directory;
    if (d == null || !r.method().equals("GET")) {
      return null;
    }
    String path = r.path();
    String byKey = "/v1.0/servicePrincipals(appId='" + d.backupAppId + "')";
    String byId = "/v1.0/servicePrincipals/" + d.servicePrincipalId;
    if (path.equals(byKey) || path.equals(byId)) {
      return Target.SERVICE_PRINCIPAL;
    }
    if (path.equals("/v1.0/servicePrincipals(appId='" + StubDirectory.GRAPH_APP_ID + "')")
        || path.equals("/v1.0/servicePrincipals/" + d.graphServicePrincipalId)) {
      return Target.GRAPH_SERVICE_PRINCIPAL;
    }
    if (path.equals("/v1.0/organization")) {
      return Target.ORGANIZATION;
    }
    if (path.equals(byKey + "/appRoleAssignments")) {
      return Target.ASSIGNMENTS_BY_APP_ID;
    }
    if (path.equals(byId + "/appRoleAssignments")) {
      int skip = skipToken(r.query());
      if (skip <= 0) {
        return Target.ASSIGNMENTS_BY_OBJECT_ID;
      }
      int page = skip / Math.max(1, d.pageSize) + 1;
      return page >= 2 && page <= 4 ? Target.page(page) : null;
    }
    return null;
  }

  private static int skipToken(String rawQuery) {
    for (String part : rawQuery.split("&")) {
      String p = URLDecoder.decode(part, StandardCharsets.UTF_8);
      if (p.startsWith("$skiptoken=")) {
        try {
          return Integer.parseInt(p.substring("$skiptoken=".length()));
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    return faults.isEmpty() ? "no faults" : faults.toString();
  }
}
