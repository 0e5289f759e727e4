package io.github.b2cpermissions.graph.internal.credentials;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.github.b2cpermissions.AadstsError;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.graph.internal.cache.BoundedCache;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import io.github.b2cpermissions.graph.internal.call.Futures;
import io.github.b2cpermissions.graph.internal.observe.CheckObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Acquires the app-only token for a tenant through the caller's {@link TokenCredential}: the same
 * token (from the same cache) the backup job will get. A <em>fresh</em> token bypasses the cache with
 * a claims challenge asking for a token issued after now, which is how a check learns about grants
 * made since the cached token was issued.
 */
public final class TokenSource {

  /** Entra ID said the app does not exist in the tenant: it was never consented there. */
  public static final int APP_NOT_IN_TENANT = 700016;
  /** Entra ID said the app's service principal is disabled in the tenant. */
  public static final int APP_DISABLED = 7000112;

  private final Function<String, TokenCredential> credentials;
  private final BoundedCache<String, TokenCredential> perTenant;
  private final String scope;
  private final boolean passTenantId;
  private final ScheduledExecutorService timer;

  /**
   * Creates a token source.
   *
   * @param credentials the credential for each tenant; called once per tenant and remembered for
   *     {@code cacheExpiry}, then asked again (so a rotated credential is picked up)
   * @param scope the Graph {@code .default} scope of the cloud
   * @param passTenantId whether to name the tenant in each token request (for one credential that
   *     serves many tenants)
   * @param cacheSize how many tenants' credentials are remembered
   * @param cacheExpiry how long a tenant's credential is remembered
   * @param ticker nanosecond time source for the cache
   * @param timer schedules the deadline of each token request
   */
  public TokenSource(Function<String, TokenCredential> credentials, String scope, boolean passTenantId,
      int cacheSize, Duration cacheExpiry, LongSupplier ticker, ScheduledExecutorService timer) {
    this.timer = timer;
    this.credentials = credentials;
    this.perTenant = new BoundedCache<>(cacheSize, cacheExpiry, ticker);
    this.scope = scope;
    this.passTenantId = passTenantId;
  }

  /** How many tenants' credentials are cached now (for tests and benchmarks). */
  public int cachedCredentials() {
    return perTenant.size();
  }

  /**
   * Gets a token for the context's tenant, holding no thread while the credential works (as long
   * as the credential's {@code getToken} does not block on subscription; azure-identity's do not).
   * The future fails with {@link AuthenticationFailedException} when Entra ID refused (with its
   * AADSTS code), {@link GraphUnavailableException} when the token endpoint could not be reached
   * before the check's deadline, and {@link
   * io.github.b2cpermissions.VerificationCancelledException} when the check was cancelled.
   *
   * @param fresh bypass the credential's cache
   */
  public CompletableFuture<AccessToken> acquire(CallContext ctx, boolean fresh) {
    TokenCredential credential;
    try {
      credential = credentialFor(ctx);
    } catch (RuntimeException e) {
      return Futures.failed(e);
    }
    TokenRequestContext request = new TokenRequestContext().addScopes(scope);
    if (passTenantId) {
      request.setTenantId(ctx.tenantId());
    }
    if (fresh) {
      long now = Instant.now().getEpochSecond();
      request.setClaims("{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"" + now + "\"}}}");
    }
    if (ctx.remainingNanos() <= 0) {
      return Futures.failed(new GraphUnavailableException(
          "no time left to get a token for tenant " + ctx.tenantId(), ctx.tenantId(), null));
    }
    // Observed here rather than by wrapping the credential: the credential is shared by the
    // tenant's checks, the call context knows which check this request belongs to.
    CheckObserver.TokenRequest observed = ctx.observed().tokenRequested();
    CompletableFuture<AccessToken> pending;
    try {
      pending = credential.getToken(request).toFuture();
    } catch (B2cPermissionsException e) {
      observed.ended("failed", e);
      return Futures.failed(e);
    } catch (RuntimeException e) {
      B2cPermissionsException translated = translate(ctx, e);
      observed.ended("failed", translated);
      return Futures.failed(translated);
    }
    return Futures.bounded(pending, ctx, timer, "waiting for a token",
        () -> new GraphUnavailableException("the token endpoint for tenant " + ctx.tenantId()
            + " did not answer before the check's deadline", ctx.tenantId(), null))
        .handle((token, failure) -> {
          if (failure != null) {
            Throwable cause = Futures.unwrap(failure);
            observed.ended(ctx.isCancelled() ? "cancelled" : "failed", cause);
            if (ctx.isCancelled()) {
              throw ctx.cancelled("waiting for a token", cause);
            }
            if (cause instanceof B2cPermissionsException b2c) {
              throw b2c;
            }
            throw translate(ctx, cause instanceof RuntimeException r ? r : new RuntimeException(cause));
          }
          if (token == null || token.getToken() == null || token.getToken().isEmpty()) {
            AuthenticationFailedException none = new AuthenticationFailedException(
                "the credential returned no token for tenant " + ctx.tenantId(), ctx.tenantId(), 0, null);
            observed.ended("failed", none);
            throw none;
          }
          observed.ended("acquired", null);
          return token;
        });
  }

  private TokenCredential credentialFor(CallContext ctx) {
    TokenCredential credential = perTenant.get(ctx.tenantId());
    if (credential != null) {
      return credential;
    }
    TokenCredential created;
    try {
      created = credentials.apply(ctx.tenantId());
    } catch (RuntimeException e) {
      throw new AuthenticationFailedException(
          "the credential source failed for tenant " + ctx.tenantId() + " ("
              + e.getClass().getSimpleName() + ")", ctx.tenantId(), 0, e);
    }
    if (created == null) {
      throw new AuthenticationFailedException(
          "the credential source returned no credential for tenant " + ctx.tenantId(),
          ctx.tenantId(), 0, null);
    }
    return perTenant.putIfAbsent(ctx.tenantId(), created);
  }

  private static B2cPermissionsException translate(CallContext ctx, RuntimeException e) {
    String text = messages(e);
    OptionalInt code = AadstsError.parseCode(text);
    if (code.isPresent()) {
      return new AuthenticationFailedException(
          "Entra ID refused a token for tenant " + ctx.tenantId() + ": AADSTS" + code.getAsInt()
              + ". " + advice(code.getAsInt()),
          ctx.tenantId(), code.getAsInt(), e);
    }
    if (text.contains("Timeout") || text.contains("timed out") || text.contains("Connection")
        || text.contains("connect")) {
      return new GraphUnavailableException(
          "the token endpoint for tenant " + ctx.tenantId() + " could not be reached: "
              + e.getClass().getSimpleName(), ctx.tenantId(), e);
    }
    return new AuthenticationFailedException(
        "no token for tenant " + ctx.tenantId() + ": " + e.getClass().getSimpleName(),
        ctx.tenantId(), 0, e);
  }

  private static String advice(int code) {
    if (code == APP_DISABLED) {
      return "The backup app's service principal is disabled in this tenant; ask an administrator"
          + " to enable it.";
    }
    return AadstsError.fromCode(code).map(AadstsError::message)
        .orElse("See Microsoft's documentation of this AADSTS code.");
  }

  private static String messages(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null && sb.length() < 10_000; t = t.getCause()) {
      sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
    }
    return sb.toString();
  }
}
