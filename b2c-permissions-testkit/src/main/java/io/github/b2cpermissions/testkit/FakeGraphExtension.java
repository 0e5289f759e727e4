package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.AppPresence;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 support for {@link FakeGraphTenant}. Register it on a field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeGraphExtension fake = FakeGraphExtension.of(
 *     FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll());
 *
 * @Test
 * void something(FakeGraphTenant tenant) { ... }   // or fake.tenant()
 * }</pre>
 *
 * <p>On a {@code static} field one server serves the whole class and is reset before each test; on
 * an instance field each test gets a new server, stopped after it. After each test the extension
 * fails the test if the fake received a request it does not serve (strict servers only; turn off
 * with {@link Builder#failOnUnmatchedRequests(boolean)}). Test methods may declare a {@link
 * FakeGraphTenant} or {@link FakeGraph} parameter.
 *
 * <p>JUnit creates this class through its public constructor for {@link WithFakeGraphTenant}; that
 * constructor is not for direct use.
 */
public final class FakeGraphExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(FakeGraphExtension.class);
  private static final String KEY = "tenant";

  private final FakeGraphTenant.@Nullable Builder spec;
  private final boolean failOnUnmatched;
  private volatile @Nullable FakeGraphTenant tenant;
  private volatile boolean perClass;
  private volatile @Nullable String ownerContext;

  /** For JUnit's use with {@link WithFakeGraphTenant}; builds the tenant from the annotation. */
  public FakeGraphExtension() {
    this.spec = null;
    this.failOnUnmatched = true;
  }

  private FakeGraphExtension(FakeGraphTenant.Builder spec, boolean failOnUnmatched) {
    this.spec = spec;
    this.failOnUnmatched = failOnUnmatched;
  }

  /**
   * An extension serving a tenant built from {@code tenant} (which may carry server settings such
   * as {@code port} or {@code clock}).
   *
   * @param tenant the tenant's settings; built again for every server the extension starts
   * @return the extension
   * @throws NullPointerException if null
   */
  public static FakeGraphExtension of(FakeGraphTenant.Builder tenant) {
    return builder().tenant(tenant).build();
  }

  /** A builder, for more options than {@link #of(FakeGraphTenant.Builder)}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The running tenant (a registered extension's).
   *
   * @return the tenant
   * @throws IllegalStateException outside a test, or for an extension registered by {@link
   *     WithFakeGraphTenant} (declare a parameter instead)
   */
  public FakeGraphTenant tenant() {
    FakeGraphTenant t = tenant;
    if (t == null) {
      throw new IllegalStateException(
          "no fake tenant is running: tenant() works inside tests of a @RegisterExtension extension");
    }
    return t;
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  @Override
  public void beforeAll(ExtensionContext context) {
    if (spec != null) {
      if (tenant == null) {
        tenant = spec.build().start();
        perClass = true;
        ownerContext = context.getUniqueId();
      }
      return;
    }
    Optional<WithFakeGraphTenant> a =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithFakeGraphTenant.class);
    if (a.isPresent()) {
      context.getStore(NS).put(KEY, new Running(fromAnnotation(a.get()).build().start()));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (spec != null) {
      if (perClass) {
        tenant().reset();
      } else {
        tenant = spec.build().start();
      }
      return;
    }
    Optional<WithFakeGraphTenant> onMethod =
        AnnotationSupport.findAnnotation(context.getTestMethod(), WithFakeGraphTenant.class);
    if (onMethod.isPresent()) {
      context.getStore(NS).put(KEY, new Running(fromAnnotation(onMethod.get()).build().start()));
      return;
    }
    Running r = classRunning(context);
    if (r != null) {
      r.tenant.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    FakeGraphTenant t;
    if (spec != null) {
      t = tenant;
    } else {
      Running r = context.getStore(NS).get(KEY, Running.class);
      t = r == null ? null : r.tenant;
    }
    try {
      if (t != null && failOnUnmatched && t.server().isStrict() && context.getExecutionException().isEmpty()) {
        t.journal().assertNoUnmatchedRequests();
      }
    } finally {
      if (spec != null && !perClass && t != null) {
        t.stop();
        tenant = null;
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    FakeGraphTenant t = tenant;
    if (spec != null && perClass && t != null && context.getUniqueId().equals(ownerContext)) {
      t.stop();
      tenant = null;
    }
  }

  private static @Nullable Running classRunning(ExtensionContext context) {
    Optional<ExtensionContext> c = Optional.of(context);
    while (c.isPresent()) {
      Running r = c.get().getStore(NS).get(KEY, Running.class);
      if (r != null) {
        return r;
      }
      c = c.get().getParent();
    }
    return null;
  }

  private static FakeGraphTenant.Builder fromAnnotation(WithFakeGraphTenant a) {
    FakeGraphTenant.Builder b =
        FakeGraphTenant.builder()
            .domain(a.domain())
            .tenantType(a.tenantType())
            .pageSize(a.pageSize())
            .strict(a.strict())
            .servicePrincipal(a.servicePrincipal());
    if (a.servicePrincipal() != AppPresence.NOT_FOUND) {
      if (a.grantedAll()) {
        b.grantedAll();
      } else {
        b.granted(a.granted());
      }
      b.without(a.without()).grantedRoles(a.grantedRoles());
    }
    return b;
  }

  // ---- parameters ------------------------------------------------------------------------------

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeGraphTenant.class || type == FakeGraph.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    FakeGraphTenant t;
    if (spec != null) {
      t = tenant;
    } else {
      Running r = classRunning(context);
      t = r == null ? null : r.tenant;
    }
    if (t == null) {
      throw new ParameterResolutionException(
          "no fake tenant is running for "
              + parameter.getParameter()
              + " (constructor and @BeforeAll parameters of an instance-field extension cannot be"
              + " resolved)");
    }
    return parameter.getParameter().getType() == FakeGraph.class ? t.server() : t;
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

  @Override
  public String toString() {
    return "FakeGraphExtension{" + (spec == null ? "annotation" : spec) + "}";
  }

  /** Options of a {@link FakeGraphExtension}. */
  public static final class Builder {
    private FakeGraphTenant.@Nullable Builder tenant;
    private boolean failOnUnmatched = true;

    Builder() {}

    /**
     * The tenant to serve (default: a B2C tenant with everything granted).
     *
     * @param tenant the settings
     * @return this
     * @throws NullPointerException if null
     */
    public Builder tenant(FakeGraphTenant.Builder tenant) {
      this.tenant = Objects.requireNonNull(tenant, "tenant");
      return this;
    }

    /**
     * Whether a test fails when the fake received a request it does not serve (default true; only
     * strict servers record such requests).
     *
     * @param fail true to fail
     * @return this
     */
    public Builder failOnUnmatchedRequests(boolean fail) {
      this.failOnUnmatched = fail;
      return this;
    }

    /** The extension. */
    public FakeGraphExtension build() {
      FakeGraphTenant.Builder t = tenant;
      if (t == null) {
        t = FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll();
      }
      return new FakeGraphExtension(t, failOnUnmatched);
    }
  }
}
