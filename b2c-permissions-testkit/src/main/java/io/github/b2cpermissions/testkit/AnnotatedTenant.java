package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.AppPresence;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * {@link WithFakeGraphTenant}: on a class, one tenant for the class, reset before each test; on a
 * method, a tenant for that test. Tenants live in JUnit's store, which stops them when the class or
 * test that started them ends.
 */
final class AnnotatedTenant implements TenantLifecycle {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(FakeGraphExtension.class);
  private static final String KEY = "tenant";

  @Override
  public void beforeAll(ExtensionContext context) {
    AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithFakeGraphTenant.class)
        .ifPresent(a -> context.getStore(NS).put(KEY, new Running(start(a))));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<WithFakeGraphTenant> onMethod =
        AnnotationSupport.findAnnotation(context.getTestMethod(), WithFakeGraphTenant.class);
    if (onMethod.isPresent()) {
      context.getStore(NS).put(KEY, new Running(start(onMethod.get())));
      return;
    }
    FakeGraphTenant classTenant = tenant(context);
    if (classTenant != null) {
      classTenant.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {}

  @Override
  public void afterAll(ExtensionContext context) {}

  @Override
  public @Nullable FakeGraphTenant tenant(@Nullable ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.ofNullable(context); c.isPresent(); c = c.get().getParent()) {
      Running r = c.get().getStore(NS).get(KEY, Running.class);
      if (r != null) {
        return r.tenant;
      }
    }
    return null;
  }

  private static FakeGraphTenant start(WithFakeGraphTenant a) {
    FakeGraphTenantBuilder b =
        FakeGraphTenant.builder()
            .domain(a.domain())
            .tenantType(a.tenantType())
            .pageSize(a.pageSize())
            .servicePrincipal(a.servicePrincipal());
    if (a.servicePrincipal() != AppPresence.NOT_FOUND) {
      if (a.grantedAll()) {
        b.grantedAll();
      } else {
        b.granted(a.granted());
      }
      b.without(a.without()).grantedRoles(a.grantedRoles());
    }
    return b.build(FakeGraph.builder().strict(a.strict())).start();
  }

  /**
   * Stops a tenant when JUnit closes the store it lives in. {@code CloseableResource} rather than
   * {@code AutoCloseable} so that JUnit versions before 5.13 close it too.
   */
  @SuppressWarnings("deprecation")
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    final FakeGraphTenant tenant;

    Running(FakeGraphTenant tenant) {
      this.tenant = tenant;
    }

    @Override
    public void close() {
      tenant.stop();
    }
  }
}
