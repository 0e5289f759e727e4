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
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

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
   */
  public TokenSource(Function<String, TokenCredential> credentials, String scope, boolean passTenantId,
      int cacheSize, Duration cacheExpiry, LongSupplier ticker) {
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
   * Gets a token for the context's tenant.
   *
   * @param fresh bypass the credential's cache
   * @throws AuthenticationFailedException when Entra ID refused, with its AADSTS code
   * @throws GraphUnavailableException when the token endpoint could not be reached in time
   * @throws io.github.b2cpermissions.VerificationCancelledException when the check was cancelled
   *     while waiting for the token
   */
  public AccessToken acquire(CallContext ctx, boolean fresh) {
    TokenCredential credential = perTenant.get(ctx.tenantId());
    if (credential == null) {
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
      credential = perTenant.putIfAbsent(ctx.tenantId(), created);
    }
    TokenRequestContext request = new TokenRequestContext().addScopes(scope);
    if (passTenantId) {
      request.setTenantId(ctx.tenantId());
    }
    if (fresh) {
      long now = Instant.now().getEpochSecond();
      request.setClaims("{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"" + now + "\"}}}");
    }
    long remaining = ctx.remainingNanos();
    if (remaining <= 0) {
      throw new GraphUnavailableException(
          "no time left to get a token for tenant " + ctx.tenantId(), ctx.tenantId(), null);
    }
    AccessToken token = await(ctx, credential, request, remaining);
    if (token == null || token.getToken() == null || token.getToken().isEmpty()) {
      throw new AuthenticationFailedException(
          "the credential returned no token for tenant " + ctx.tenantId(), ctx.tenantId(), 0, null);
    }
    return token;
  }

  /**
   * Waits for the credential's answer until the check's deadline, giving up (and cancelling the
   * token request) when the check is cancelled.
   */
  private static @Nullable AccessToken await(
      CallContext ctx, TokenCredential credential, TokenRequestContext request, long remaining) {
    CompletableFuture<AccessToken> pending;
    try {
      pending = credential.getToken(request).toFuture();
    } catch (B2cPermissionsException e) {
      throw e;
    } catch (RuntimeException e) {
      throw translate(ctx, e);
    }
    Runnable unhook = ctx.onCancel(() -> pending.cancel(true));
    try {
      return pending.get(remaining, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ctx.cancel("its thread was interrupted");
      throw ctx.cancelled("waiting for a token", e);
    } catch (CancellationException e) {
      throw ctx.cancelled("waiting for a token", null);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new GraphUnavailableException(
          "the token endpoint for tenant " + ctx.tenantId() + " did not answer before the check's"
              + " deadline", ctx.tenantId(), null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (ctx.isCancelled()) {
        throw ctx.cancelled("waiting for a token", cause);
      }
      if (cause instanceof B2cPermissionsException b2c) {
        throw b2c;
      }
      throw translate(ctx, cause instanceof RuntimeException r ? r : new RuntimeException(cause));
    } finally {
      unhook.run();
    }
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
