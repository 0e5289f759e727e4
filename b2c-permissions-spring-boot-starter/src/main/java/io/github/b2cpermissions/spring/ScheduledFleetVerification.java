package io.github.b2cpermissions.spring;

import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.PermissionVerifier;
import io.github.b2cpermissions.TenantVerification;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The scheduled fleet check of {@code b2c-permissions.fleet.cron}: at each run it checks the
 * tenants of the {@link FleetTenantSource} bean, publishes one {@link PermissionsDriftEvent} per
 * change since the tenant's previous report, then a {@link FleetVerifiedEvent}. Runs never overlap
 * (one thread of its own), start with the context and stop with it.
 */
public final class ScheduledFleetVerification implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduledFleetVerification.class);

  private final PermissionVerifier verifier;
  private final FleetTenantSource tenants;
  private final ApplicationEventPublisher events;
  private final LastFleetRun lastRun;
  private final CronTrigger trigger;
  private final Clock clock;
  private final DriftTracker drift = new DriftTracker();
  private @Nullable ThreadPoolTaskScheduler scheduler;
  private @Nullable ScheduledFuture<?> scheduled;

  ScheduledFleetVerification(PermissionVerifier verifier, FleetTenantSource tenants,
      ApplicationEventPublisher events, LastFleetRun lastRun, CronTrigger trigger, Clock clock) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.events = Objects.requireNonNull(events, "events");
    this.lastRun = Objects.requireNonNull(lastRun, "lastRun");
    this.trigger = Objects.requireNonNull(trigger, "trigger");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Runs the fleet check now, as the schedule does, and publishes its events on the calling
   * thread. A failure of the whole run (the tenant source or the verifier throwing) is logged and
   * publishes nothing.
   *
   * @return the run's summary, or empty when the run failed as a whole
   */
  public synchronized Optional<FleetVerifiedEvent> runOnce() {
    FleetVerification fleet;
    try {
      fleet = verifier.verifyFleet(List.copyOf(tenants.tenantIds()));
    } catch (RuntimeException e) {
      LOG.warn("b2c-permissions scheduled fleet check failed: {}", e.toString());
      return Optional.empty();
    }
    Instant finished = clock.instant();
    lastRun.record(fleet, finished);
    int published = 0;
    int changed = 0;
    for (TenantVerification result : fleet.results()) {
      List<PermissionsDriftEvent> found = drift.next(result);
      if (!found.isEmpty()) {
        changed++;
      }
      for (PermissionsDriftEvent e : found) {
        events.publishEvent(e);
        published++;
      }
    }
    FleetVerifiedEvent summary = new FleetVerifiedEvent(fleet, finished, published, changed);
    events.publishEvent(summary);
    LOG.debug("b2c-permissions fleet run: {} tenants, {} failed, {} drift events", summary.tenants(),
        summary.failed(), published);
    return Optional.of(summary);
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    ThreadPoolTaskScheduler s = new ThreadPoolTaskScheduler();
    s.setPoolSize(1);
    s.setThreadNamePrefix("b2c-permissions-fleet-");
    s.setDaemon(true);
    s.initialize();
    scheduler = s;
    scheduled = s.schedule(this::runOnce, trigger);
  }

  @Override
  public synchronized void stop() {
    if (scheduled != null) {
      scheduled.cancel(false);
      scheduled = null;
    }
    if (scheduler != null) {
      scheduler.shutdown();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  @Override
  public String toString() {
    return "ScheduledFleetVerification{cron=" + trigger.getExpression() + "}";
  }
}
