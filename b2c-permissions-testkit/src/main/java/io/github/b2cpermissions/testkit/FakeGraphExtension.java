package io.github.b2cpermissions.testkit;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

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
 * an instance field each test gets a new server, stopped after it. Server settings (port, clock,
 * strictness, token lifetime) go to {@link Builder#server(FakeGraph.Builder)}. After each test the extension
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

  private final @Nullable String description;
  private final boolean failOnUnmatched;
  private volatile TenantLifecycle lifecycle;

  /** For JUnit's use with {@link WithFakeGraphTenant}; builds the tenant from the annotation. */
  public FakeGraphExtension() {
    this.description = null;
    this.failOnUnmatched = true;
    this.lifecycle = new AnnotatedTenant();
  }

  private FakeGraphExtension(String description, Supplier<FakeGraphTenant> start, boolean failOnUnmatched) {
    this.description = description;
    this.failOnUnmatched = failOnUnmatched;
    this.lifecycle = new PerTestTenant(start);
  }

  /**
   * An extension serving a tenant built from {@code tenant}, on a server with the default settings.
   *
   * @param tenant the tenant's settings; built again for every server the extension starts
   * @return the extension
   * @throws NullPointerException if null
   */
  public static FakeGraphExtension of(FakeGraphTenantBuilder tenant) {
    return builder().tenant(tenant).build();
  }

  /** A builder, for more options than {@link #of(FakeGraphTenantBuilder)}. */
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
    FakeGraphTenant t = description == null ? null : lifecycle.tenant(null);
    if (t == null) {
      throw new IllegalStateException(
          "no fake tenant is running: tenant() works inside tests of a @RegisterExtension extension");
    }
    return t;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    TenantLifecycle l = lifecycle.registeredOnClass();
    lifecycle = l;
    l.beforeAll(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    lifecycle.beforeEach(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    FakeGraphTenant t = lifecycle.tenant(context);
    try {
      if (t != null && failOnUnmatched && t.server().isStrict() && context.getExecutionException().isEmpty()) {
        t.journal().assertNoUnmatchedRequests();
      }
    } finally {
      lifecycle.afterEach(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    lifecycle.afterAll(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeGraphTenant.class || type == FakeGraph.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    FakeGraphTenant t = lifecycle.tenant(context);
    if (t == null) {
      throw new ParameterResolutionException(
          "no fake tenant is running for "
              + parameter.getParameter()
              + " (constructor and @BeforeAll parameters of an instance-field extension cannot be"
              + " resolved)");
    }
    return parameter.getParameter().getType() == FakeGraph.class ? t.server() : t;
  }

  @Override
  public String toString() {
    return "FakeGraphExtension{" + (description == null ? "annotation" : description) + "}";
  }

  /** Options of a {@link FakeGraphExtension}. Not thread-safe; each setter checks its argument. */
  public static final class Builder {
    private @Nullable FakeGraphTenantBuilder tenant;
    private FakeGraph.Builder server = FakeGraph.builder();
    private boolean failOnUnmatched = true;

    Builder() {}

    /**
     * The tenant to serve (default: a B2C tenant, {@code contoso.onmicrosoft.com}, with everything
     * granted).
     *
     * @param tenant the settings
     * @return this
     * @throws NullPointerException if null
     */
    public Builder tenant(FakeGraphTenantBuilder tenant) {
      this.tenant = Objects.requireNonNull(tenant, "tenant");
      return this;
    }

    /**
     * The settings of the server the tenant gets (default: {@link FakeGraph#builder()}'s).
     *
     * @param server the settings, such as {@code FakeGraph.builder().clock(testClock)}
     * @return this
     * @throws NullPointerException if null
     */
    public Builder server(FakeGraph.Builder server) {
      this.server = Objects.requireNonNull(server, "server");
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
      FakeGraphTenantBuilder t = tenant;
      if (t == null) {
        t = FakeGraphTenant.builder().b2c("contoso.onmicrosoft.com").grantedAll();
      }
      FakeGraphTenantBuilder spec = t;
      FakeGraph.Builder settings = server;
      return new FakeGraphExtension(spec + ", " + settings, () -> spec.build(settings).start(), failOnUnmatched);
    }
  }
}
