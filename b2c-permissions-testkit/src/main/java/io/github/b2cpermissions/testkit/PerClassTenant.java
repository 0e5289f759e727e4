package io.github.b2cpermissions.testkit;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An extension in a static field: one tenant for the class (and its nested classes), reset before
 * each test and stopped after the class that started it.
 */
final class PerClassTenant implements TenantLifecycle {
  private final Supplier<FakeGraphTenant> start;
  private volatile @Nullable FakeGraphTenant tenant;
  private volatile @Nullable String startedBy;

  PerClassTenant(Supplier<FakeGraphTenant> start) {
    this.start = start;
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (tenant == null) {
      tenant = start.get();
      startedBy = context.getUniqueId();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    FakeGraphTenant t = tenant;
    if (t != null) {
      t.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {}

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    FakeGraphTenant t = tenant;
    if (t != null && context.getUniqueId().equals(startedBy)) {
      tenant = null;
      t.stop();
    }
  }

  @Override
  public @Nullable FakeGraphTenant tenant(@Nullable ExtensionContext context) {
    return tenant;
  }
}
