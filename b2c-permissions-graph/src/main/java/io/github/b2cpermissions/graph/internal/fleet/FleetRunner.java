package io.github.b2cpermissions.graph.internal.fleet;

import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.FleetProgressListener;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.VerificationCancelledException;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import io.github.b2cpermissions.graph.internal.check.CheckRunner;
import io.github.b2cpermissions.graph.internal.tenant.TenantIdentifiers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a fleet of tenants, a bounded number at once, each tenant id once however often it is
 * given, and answers one result per element in the order given; a tenant's failure is its result.
 */
public final class FleetRunner {
  private static final Logger LOG = LoggerFactory.getLogger(FleetRunner.class);

  private final CheckRunner checks;
  private final Executor executor;
  private final int concurrency;

  /**
   * @param checks runs each tenant's check
   * @param executor where the checks run
   * @param concurrency how many tenants are checked at once
   */
  public FleetRunner(CheckRunner checks, Executor executor, int concurrency) {
    this.checks = Objects.requireNonNull(checks, "checks");
    this.executor = Objects.requireNonNull(executor, "executor");
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    this.concurrency = concurrency;
  }

  /**
   * Checks every tenant and blocks until each has finished.
   *
   * @throws NullPointerException if {@code tenantIds}, an element or {@code listener} is null
   * @throws IllegalArgumentException if a tenant id is malformed
   * @throws VerificationCancelledException if the calling thread was interrupted while waiting
   */
  public FleetVerification run(Collection<String> tenantIds, FleetProgressListener listener) {
    Objects.requireNonNull(tenantIds, "tenantIds");
    Objects.requireNonNull(listener, "listener");
    List<String> given = new ArrayList<>(tenantIds.size());
    Map<String, List<Integer>> elementsByTenant = new LinkedHashMap<>();
    for (String t : tenantIds) {
      String tenant = TenantIdentifiers.requireTenant(Objects.requireNonNull(t, "tenant id"));
      elementsByTenant.computeIfAbsent(tenant, k -> new ArrayList<>()).add(given.size());
      given.add(t);
    }
    long start = System.nanoTime();
    int total = given.size();
    AtomicReferenceArray<TenantVerification> results = new AtomicReferenceArray<>(total);
    AtomicInteger done = new AtomicInteger();
    Semaphore slots = new Semaphore(concurrency);
    CountDownLatch finished = new CountDownLatch(elementsByTenant.size());
    for (Map.Entry<String, List<Integer>> entry : elementsByTenant.entrySet()) {
      String tenant = entry.getKey();
      List<Integer> elements = entry.getValue();
      Consumer<TenantVerification> record = result -> {
        for (int index : elements) {
          TenantVerification mine = result.forTenantIdAsGiven(given.get(index));
          results.set(index, mine);
          try {
            listener.onTenantDone(mine, done.incrementAndGet(), total);
          } catch (Throwable t) {
            LOG.warn("the fleet progress listener threw; ignored", t);
          }
        }
        finished.countDown();
      };
      try {
        slots.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new VerificationCancelledException(
            "interrupted while starting the fleet check", null, e);
      }
      try {
        executor.execute(() -> {
          TenantVerification result = null;
          try {
            result = checkOne(tenant);
          } finally {
            slots.release();
            if (result == null) {
              // An Error escaped the check: record it so the fleet never waits forever.
              result = TenantVerification.failed(tenant, guidOrNull(tenant),
                  new B2cPermissionsException(
                      "the check of tenant " + tenant + " died with an error", tenant, null));
            }
            record.accept(result);
          }
        });
      } catch (RuntimeException rejected) {
        slots.release();
        record.accept(TenantVerification.failed(tenant, guidOrNull(tenant), checks.isClosed()
            ? CheckRunner.closedBeforeStart(tenant, rejected)
            : new B2cPermissionsException(
                "the executor refused the check of tenant " + tenant, tenant, rejected)));
      }
    }
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VerificationCancelledException(
          "interrupted while waiting for the fleet check", null, e);
    }
    List<TenantVerification> ordered = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      ordered.add(results.get(i));
    }
    return new FleetVerification(ordered, Duration.ofNanos(System.nanoTime() - start));
  }

  /** One fleet tenant's check, as a result (never throws a {@link RuntimeException}). */
  private TenantVerification checkOne(String tenant) {
    if (checks.isClosed()) {
      return TenantVerification.failed(
          tenant, guidOrNull(tenant), CheckRunner.closedBeforeStart(tenant, null));
    }
    AtomicReference<CallContext> current = new AtomicReference<>();
    try {
      VerificationReport report = checks.run(tenant, false, true, Long.MAX_VALUE, current::set);
      CallContext ctx = current.get();
      String tid = ctx != null ? ctx.tokenTenantId() : null;
      String resolved = guidOrNull(tenant) != null ? tenant
          : tid != null ? tid.toLowerCase(Locale.ROOT) : null;
      return TenantVerification.of(tenant, resolved, report);
    } catch (B2cPermissionsException e) {
      return TenantVerification.failed(tenant, guidOrNull(tenant), e);
    } catch (IllegalStateException e) {
      if (checks.isClosed()) {
        return TenantVerification.failed(
            tenant, guidOrNull(tenant), CheckRunner.closedBeforeStart(tenant, e));
      }
      return unexpectedFailure(tenant, e);
    } catch (RuntimeException e) {
      return unexpectedFailure(tenant, e);
    }
  }

  private static TenantVerification unexpectedFailure(String tenant, RuntimeException e) {
    LOG.error("tenant {}: the check failed unexpectedly", tenant, e);
    return TenantVerification.failed(tenant, guidOrNull(tenant), new B2cPermissionsException(
        "the check of tenant " + tenant + " failed unexpectedly ("
            + e.getClass().getSimpleName() + ")", tenant, e));
  }

  private static @Nullable String guidOrNull(String tenant) {
    return TenantIdentifiers.isGuid(tenant) ? tenant : null;
  }
}
