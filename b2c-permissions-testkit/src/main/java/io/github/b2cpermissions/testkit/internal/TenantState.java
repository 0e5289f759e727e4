package io.github.b2cpermissions.testkit.internal;

import io.github.b2cpermissions.AppPresence;
import io.github.b2cpermissions.testkit.AdminConsentOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The mutable state of one hosted tenant, built from its seed and dropped on reset. Guarded by its
 * {@link TenantModel}'s lock.
 */
final class TenantState {
  AppPresence presence;
  UUID backupSpId;
  final List<AppRoleAssignment> assignments = new ArrayList<>();
  final List<Revocation> revocations = new ArrayList<>();
  final List<OtherResource> others = new ArrayList<>();
  int nextSeq = 1;
  Duration propagationDelay;
  AdminConsentOutcome consentOutcome = AdminConsentOutcome.ACCEPT;
  boolean seedIdUsed;
  final FaultPlan faults = new FaultPlan();
  @Nullable B2cStore b2c;

  TenantState(AppPresence presence, UUID backupSpId, Duration propagationDelay) {
    this.presence = presence;
    this.backupSpId = backupSpId;
    this.propagationDelay = propagationDelay;
  }
}
