package io.github.b2cpermissions.graph.internal.fleet;

import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.FleetProgressListener;
import io.github.b2cpermissions.FleetVerification;
import io.github.b2cpermissions.TenantVerification;
import io.github.b2cpermissions.VerificationCancelledException;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import io.github.b2cpermissions.graph.internal.call.Futures;
import io.github.b2cpermissions.graph.internal.check.CheckRunner;
import io.github.b2cpermissions.graph.internal.tenant.TenantIdentifiers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a fleet of tenants, a bounded number at once, without a thread per tenant in progress:
 * either a collection (each tenant id once however often it is given, one result per element in
 * the order given) or a stream (results to a sink as they finish, O(concurrency) memory); a
 * tenant's failure is its result.
 */
public final class FleetRunner {
  private static final Logger LOG = LoggerFactory.getLogger(FleetRunner.class);

  private final CheckRunner checks;
  private final Executor executor;
  private final int concurrency;

  /**
   * @param checks runs each tenant's check
   * @param executor where each check starts (it then holds no thread)
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
    TenantVerification[] results = new TenantVerification[total];
    int[] done = {0};
    // The sink is called one at a time, so plain fields are safe here.
    BiConsumer<String, TenantVerification> record = (tenant, result) -> {
      for (int index : elementsByTenant.get(tenant)) {
        TenantVerification mine = result.forTenantIdAsGiven(given.get(index));
        results[index] = mine;
        try {
          listener.onTenantDone(mine, ++done[0], total);
        } catch (Throwable t) {
          LOG.warn("the fleet progress listener threw; ignored", t);
        }
      }
    };
    pump(elementsByTenant.keySet().iterator(), record);
    return new FleetVerification(Arrays.asList(results), Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Checks each tenant the iterator yields, {@code concurrency} at a time, and hands each result
   * to {@code sink} as it finishes (in completion order, one call at a time); blocks until the
   * last one went to the sink. Holds no result and no tenant beyond those in progress; a tenant
   * given twice is checked twice. A malformed or null id becomes a failed result for that id.
   *
   * @return how many tenant ids were read from the iterator
   * @throws VerificationCancelledException if the calling thread was interrupted while waiting
   */
  public long stream(Iterator<String> tenantIds, Consumer<TenantVerification> sink) {
    Objects.requireNonNull(tenantIds, "tenantIds");
    Objects.requireNonNull(sink, "sink");
    return pump(tenantIds, (tenant, result) -> {
      try {
        sink.accept(result);
      } catch (RuntimeException t) {
        LOG.warn("the fleet result sink threw; ignored", t);
      }
    });
  }

  private long pump(Iterator<String> tenants, BiConsumer<String, TenantVerification> sink) {
    FleetPump<String, TenantVerification> pump = new FleetPump<>(tenants, concurrency,
        this::startOne, sink,
        (tenant, failure) -> asResult(String.valueOf(tenant), Futures.unwrap(failure)));
    try {
      return pump.runToEnd();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VerificationCancelledException(
          "interrupted while waiting for the fleet check", null, e);
    }
  }

  /** Starts one fleet tenant's check; its future never fails (a failure is the result). */
  private CompletableFuture<TenantVerification> startOne(@Nullable String given) {
    String tenant;
    try {
      tenant = TenantIdentifiers.requireTenant(Objects.requireNonNull(given, "tenant id"));
    } catch (RuntimeException e) {
      String shown = String.valueOf(given);
      return CompletableFuture.completedFuture(TenantVerification.failed(shown, null,
          new B2cPermissionsException("not a tenant id: " + TenantIdentifiers.describe(shown), null, e)));
    }
    if (checks.isClosed()) {
      return CompletableFuture.completedFuture(TenantVerification.failed(
          tenant, guidOrNull(tenant), CheckRunner.closedBeforeStart(tenant, null)));
    }
    AtomicReference<CallContext> current = new AtomicReference<>();
    CompletableFuture<VerificationReport> check = new CompletableFuture<>();
    try {
      // Started on the executor, so a credential that works on the subscribing thread does not
      // hold up the fleet; the check itself then holds no thread.
      executor.execute(() -> {
        try {
          checks.start(tenant, false, true, Long.MAX_VALUE, current::set).whenComplete((r, f) -> {
            if (f == null) {
              check.complete(r);
            } else {
              check.completeExceptionally(Futures.unwrap(f));
            }
          });
        } catch (Throwable t) {
          check.completeExceptionally(t);
        }
      });
    } catch (RejectedExecutionException rejected) {
      return CompletableFuture.completedFuture(TenantVerification.failed(tenant, guidOrNull(tenant),
          checks.isClosed() ? CheckRunner.closedBeforeStart(tenant, rejected)
              : new B2cPermissionsException(
                  "the executor refused the check of tenant " + tenant, tenant, rejected)));
    }
    return check.handle((report, failure) -> {
      if (failure == null) {
        CallContext ctx = current.get();
        String tid = ctx != null ? ctx.tokenTenantId() : null;
        String resolved = guidOrNull(tenant) != null ? tenant
            : tid != null ? tid.toLowerCase(Locale.ROOT) : null;
        return TenantVerification.of(tenant, resolved, report);
      }
      return asResult(tenant, Futures.unwrap(failure));
    });
  }

  private TenantVerification asResult(String tenant, Throwable failure) {
    if (failure instanceof B2cPermissionsException e) {
      return TenantVerification.failed(tenant, guidOrNull(tenant), e);
    }
    if (failure instanceof Error) {
      LOG.error("tenant {}: the check died with an error", tenant, failure);
      return TenantVerification.failed(tenant, guidOrNull(tenant), new B2cPermissionsException(
          "the check of tenant " + tenant + " died with an error", tenant, failure));
    }
    if (failure instanceof IllegalStateException e && checks.isClosed()) {
      return TenantVerification.failed(
          tenant, guidOrNull(tenant), CheckRunner.closedBeforeStart(tenant, e));
    }
    LOG.error("tenant {}: the check failed unexpectedly", tenant, failure);
    return TenantVerification.failed(tenant, guidOrNull(tenant), new B2cPermissionsException(
        "the check of tenant " + tenant + " failed unexpectedly ("
            + failure.getClass().getSimpleName() + ")", tenant, failure));
  }

  private static @Nullable String guidOrNull(String tenant) {
    return TenantIdentifiers.isGuid(tenant) ? tenant : null;
  }
}
