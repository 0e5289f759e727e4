package io.github.b2cpermissions;

import java.util.concurrent.CompletableFuture;

/**
 * The app's budget of Microsoft Graph requests, which a verifier draws from before every request
 * it sends. Graph limits each app across all of its tenants (130,000 requests per 10 seconds for
 * the global service); every worker that checks tenants for the same app spends from that one
 * limit, so the workers should draw from one budget. {@link #inProcess(RequestBudgetConfig)} is a
 * budget for one JVM; the {@code b2c-permissions-bucket4j} module adapts a Redis-backed bucket that
 * several JVMs share.
 *
 * <p>Drawing never blocks: {@link #acquire(int)} answers at once with a future that completes when
 * the requests may leave. Implementations must be thread-safe. Permits are not given back: a
 * request that is drawn for and then not sent (its check was cancelled, say) still counts, which
 * errs on the side of sending less.
 */
@FunctionalInterface
public interface RequestBudget {

  /**
   * Draws permits for {@code requests} Graph requests.
   *
   * @param requests how many requests are about to leave, at least 1
   * @return a future that completes normally once the requests may be sent, or exceptionally with a
   *     {@link B2cPermissionsException} when the budget cannot be reached (a shared store that is
   *     down, say); never null. Dependent stages may run on the budget's timer thread, so they must
   *     not block.
   * @throws IllegalArgumentException if {@code requests} is less than 1
   */
  CompletableFuture<Void> acquire(int requests);

  /**
   * A budget for this JVM: a token bucket that grants at most {@link
   * RequestBudgetConfig#limitForPeriod()} permits in any interval of {@link
   * RequestBudgetConfig#limitRefreshPeriod()}, up to {@link RequestBudgetConfig#maxBurst()} of them
   * at once after a quiet spell, and paces the rest evenly. A caller that must wait is handed a
   * future completed by a shared timer; no thread waits for it.
   *
   * @param config the limit
   * @return a new budget, independent of every other
   * @throws NullPointerException if {@code config} is null
   */
  static RequestBudget inProcess(RequestBudgetConfig config) {
    return new TokenBucketBudget(config);
  }

  /**
   * A budget for this JVM sized to Graph's documented app-wide limit, {@link
   * RequestBudgetConfig#ofDefaults()}.
   *
   * @return a new budget, independent of every other
   */
  static RequestBudget inProcess() {
    return inProcess(RequestBudgetConfig.ofDefaults());
  }

  /**
   * A budget that grants every request at once, for a verifier whose requests another layer
   * already paces.
   *
   * @return the budget
   */
  static RequestBudget unlimited() {
    return requests -> {
      if (requests < 1) {
        throw new IllegalArgumentException("requests must be at least 1, was " + requests);
      }
      return CompletableFuture.completedFuture(null);
    };
  }
}
