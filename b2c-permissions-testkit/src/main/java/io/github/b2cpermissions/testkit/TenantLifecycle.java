package io.github.b2cpermissions.testkit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * When {@link FakeGraphExtension} starts, resets and stops its tenant: one implementation per way
 * of registering the extension, so that no callback asks which way it was registered.
 */
interface TenantLifecycle {
  /**
   * The lifecycle to use once JUnit has called {@code beforeAll}, which it does only for an
   * extension in a static field or on a class: this one, unless it was a guess.
   */
  default TenantLifecycle registeredOnClass() {
    return this;
  }

  void beforeAll(ExtensionContext context);

  void beforeEach(ExtensionContext context);

  /** Called after the extension has checked the journal of {@link #tenant}. */
  void afterEach(ExtensionContext context);

  void afterAll(ExtensionContext context);

  /** The running tenant for a test or class (any, when {@code context} is null), or null. */
  @Nullable FakeGraphTenant tenant(@Nullable ExtensionContext context);
}
