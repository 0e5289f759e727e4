package io.github.b2cpermissions.testkit;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An extension in an instance field: a new tenant, with a server of its own, for each test,
 * stopped after it. Also the first guess for an extension built in code, until JUnit's {@code
 * beforeAll} shows it sits in a static field.
 */
final class PerTestTenant implements TenantLifecycle {
  private final Supplier<FakeGraphTenant> start;
  private volatile @Nullable FakeGraphTenant tenant;

  PerTestTenant(Supplier<FakeGraphTenant> start) {
    this.start = start;
  }

  @Override
  public TenantLifecycle registeredOnClass() {
    return new PerClassTenant(start);
  }

  @Override
  public void beforeAll(ExtensionContext context) {}

  @Override
  public void beforeEach(ExtensionContext context) {
    tenant = start.get();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    FakeGraphTenant t = tenant;
    tenant = null;
    if (t != null) {
      t.stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {}

  @Override
  public @Nullable FakeGraphTenant tenant(@Nullable ExtensionContext context) {
    return tenant;
  }
}
