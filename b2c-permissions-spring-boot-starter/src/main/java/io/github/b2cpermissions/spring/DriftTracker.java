package io.github.b2cpermissions.spring;

import io.github.b2cpermissions.ReportDiff;
import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers each tenant's last report and turns the next one into drift events: only what changed
 * since the last report, so a gap that stays raises its event once. A check that could not finish
 * leaves the last report in place (its failure is in the run's summary and the health indicator).
 */
final class DriftTracker {
  private final Map<String, VerificationReport> last = new ConcurrentHashMap<>();

  /** The events for one tenant's result, in the order they are published. */
  List<PermissionsDriftEvent> next(TenantVerification result) {
    List<PermissionsDriftEvent> events = new ArrayList<>();
    if (result.report().isEmpty()) {
      return events;
    }
    VerificationReport now = result.report().get();
    String tenant = result.tenantId();
    String key = result.resolvedTenantId().orElse(tenant).toLowerCase(Locale.ROOT);
    VerificationReport before = last.put(key, now);
    if (before == null) {
      if (now.outcome() != VerificationOutcome.SATISFIED) {
        events.add(new VerificationOutcomeChangedEvent(tenant, now, null));
      }
      return events;
    }
    ReportDiff diff = ReportDiff.between(before, now);
    if (diff.outcomeChanged()) {
      events.add(new VerificationOutcomeChangedEvent(tenant, now, diff));
    }
    if (!diff.revoked().isEmpty()) {
      events.add(new PermissionsRevokedEvent(tenant, diff));
    }
    if (!diff.newlyGranted().isEmpty()) {
      events.add(new PermissionsGrantedEvent(tenant, diff));
    }
    if (!diff.tierZeroGranted().isEmpty()) {
      events.add(new TierZeroGrantedEvent(tenant, diff));
    }
    if (!diff.newlyPropagating().isEmpty()) {
      events.add(new PermissionsPropagatingEvent(tenant, diff));
    }
    if (!diff.newlyRequired().isEmpty()) {
      events.add(new PermissionsNewlyRequiredEvent(tenant, diff));
    }
    return events;
  }
}
