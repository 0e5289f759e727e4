package io.github.b2cpermissions.bucket4j;

import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.RequestBudget;
import io.github.b2cpermissions.RequestBudgetConfig;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RequestBudget} kept in Redis, which every worker JVM that opens it with the same key
 * shares: one bucket4j token bucket of {@link RequestBudgetConfig#maxBurst()} permits, refilled
 * greedily with {@code limitForPeriod - maxBurst} permits per {@code limitRefreshPeriod}, so that all
 * workers together are granted at most {@link RequestBudgetConfig#limitForPeriod()} permits in any
 * interval of the period. Each draw reserves its permits in Redis with a compare-and-swap
 * (retried on contention; draws made at once in one JVM are batched into one) and learns how long
 * until they are due; the wait is then scheduled on a
 * timer thread of this budget, so no caller's thread waits. Every worker must open the key with the
 * same config; the first to touch the key sets the bucket up.
 *
 * <pre>{@code
 * try (RedisRequestBudget budget = RedisRequestBudget.builder()
 *     .redisUri("redis://127.0.0.1:6379")
 *     .key("b2c-permissions:" + backupAppClientId)
 *     .build()) {
 *   GraphPermissionVerifier verifier = GraphPermissionVerifier.builder()...requestBudget(budget).build();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} closes what the budget opened (its connection unless one was
 * given, and its timer thread).
 */
public final class RedisRequestBudget implements RequestBudget, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRequestBudget.class);

  private final String key;
  private final RequestBudgetConfig config;
  private final String where;
  private final @Nullable RedisClient ownedClient;
  private final @Nullable StatefulRedisConnection<String, byte[]> ownedConnection;
  private final ScheduledExecutorService timer;
  private final boolean ownedTimer;
  private final AsyncBucketProxy bucket;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisRequestBudget(Builder b, @Nullable RedisClient client,
      StatefulRedisConnection<String, byte[]> connection, boolean ownConnection, String where) {
    this.key = Objects.requireNonNull(b.key);
    this.config = b.config;
    this.where = where;
    this.ownedClient = client;
    this.ownedConnection = ownConnection ? connection : null;
    this.ownedTimer = b.timer == null;
    this.timer = b.timer != null ? b.timer : daemonTimer();
    BucketConfiguration bucketConfig = bucketConfiguration(config);
    this.bucket = Bucket4jLettuce.casBasedBuilder(connection)
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
            Duration.ofSeconds(10)))
        .requestTimeout(b.requestTimeout)
        .build()
        .asAsync()
        .builder()
        // Draws made at once in this JVM share one compare-and-swap: same grants, less contention.
        .withOptimization(Optimizations.batching())
        .build(key, () -> CompletableFuture.completedFuture(bucketConfig));
  }

  /** The bucket that {@code config} describes, as bucket4j writes it. */
  static BucketConfiguration bucketConfiguration(RequestBudgetConfig config) {
    long paced = (long) config.limitForPeriod() - config.maxBurst();
    return BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(config.maxBurst())
            .refillGreedy(paced, config.limitRefreshPeriod())
            .initialTokens(config.maxBurst()))
        .build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Fails with a {@link B2cPermissionsException} when Redis does not answer within the request
   * timeout or refuses the command; the caller decides whether to send without the budget (this
   * budget never does).
   *
   * @throws IllegalArgumentException if {@code requests} is less than 1
   * @throws IllegalStateException if the budget was closed
   */
  @Override
  public CompletableFuture<Void> acquire(int requests) {
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1, was " + requests);
    }
    if (closed.get()) {
      throw new IllegalStateException("this request budget was closed");
    }
    CompletableFuture<Void> due = new CompletableFuture<>();
    bucket.asScheduler().consume(requests, timer).whenComplete((ok, failure) -> {
      if (failure == null) {
        due.complete(null);
        return;
      }
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      due.completeExceptionally(new B2cPermissionsException(
          "the shared request budget " + key + " at " + where + " could not be drawn from ("
              + cause.getClass().getSimpleName() + ")", null, cause));
    });
    return due;
  }

  /**
   * The permits the shared bucket holds now, for monitoring (negative while draws wait for it).
   *
   * @return a future of the count, failing with a {@link B2cPermissionsException} as {@link
   *     #acquire(int)} does
   */
  public CompletableFuture<Long> availablePermits() {
    return bucket.getAvailableTokens().handle((n, failure) -> {
      if (failure != null) {
        throw new B2cPermissionsException("the shared request budget " + key + " at " + where
            + " could not be read", null, failure);
      }
      return n;
    });
  }

  /** Closes the connection and timer this budget opened; closing again does nothing. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    if (ownedTimer) {
      timer.shutdownNow();
    }
    if (ownedConnection != null) {
      ownedConnection.close();
    }
    if (ownedClient != null) {
      ownedClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  @Override
  public String toString() {
    return "RedisRequestBudget{key=" + key + ", redis=" + where + ", " + config + "}";
  }

  private static ScheduledExecutorService daemonTimer() {
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
      Thread thread = new Thread(r, "b2c-permissions-redis-budget-timer");
      thread.setDaemon(true);
      return thread;
    });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }

  /**
   * Builds a {@link RedisRequestBudget}. A key and exactly one of {@link #redisUri(String)} and
   * {@link #connection(StatefulRedisConnection)} are required. Each setter checks its value; {@link
   * #build()} checks the combination and connects. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable String uri;
    private @Nullable StatefulRedisConnection<String, byte[]> connection;
    private @Nullable String key;
    private RequestBudgetConfig config = RequestBudgetConfig.ofDefaults();
    private Duration requestTimeout = Duration.ofSeconds(2);
    private @Nullable ScheduledExecutorService timer;

    private Builder() {}

    /**
     * Connects to Redis at {@code uri} ({@code redis://host:port}, {@code rediss://} for TLS; a
     * password in it is never printed). The budget opens and closes its own connection.
     *
     * @param uri the Redis URI
     * @return this builder
     * @throws NullPointerException if {@code uri} is null
     * @throws IllegalArgumentException if it is not a Redis URI
     */
    public Builder redisUri(String uri) {
      Objects.requireNonNull(uri, "uri");
      try {
        RedisURI.create(uri);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("not a Redis URI: " + hostOnly(uri), e);
      }
      this.uri = uri;
      return this;
    }

    /**
     * Uses a connection the application already has (string keys, byte-array values); the budget
     * never closes it.
     *
     * @param connection the connection
     * @return this builder
     * @throws NullPointerException if {@code connection} is null
     */
    public Builder connection(StatefulRedisConnection<String, byte[]> connection) {
      this.connection = Objects.requireNonNull(connection, "connection");
      return this;
    }

    /**
     * Sets the Redis key of the shared bucket: the same for every worker of one app (such as
     * {@code b2c-permissions:} followed by the app's client id), different for different apps.
     *
     * @param key the key
     * @return this builder
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if it is blank
     */
    public Builder key(String key) {
      Objects.requireNonNull(key, "key");
      if (key.isBlank()) {
        throw new IllegalArgumentException("the Redis key must not be blank");
      }
      this.key = key;
      return this;
    }

    /**
     * Sets the limit. Defaults to {@link RequestBudgetConfig#ofDefaults()}, Graph's app-wide limit.
     *
     * @param config the limit
     * @return this builder
     * @throws NullPointerException if {@code config} is null
     */
    public Builder config(RequestBudgetConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Bounds each exchange with Redis; a draw that passes it fails. Defaults to 2 seconds.
     *
     * @param timeout the timeout
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder requestTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("requestTimeout must be positive, was " + timeout);
      }
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * Completes waiting draws on {@code timer} instead of the budget's own daemon thread; the
     * budget never shuts it down.
     *
     * @param timer the timer
     * @return this builder
     * @throws NullPointerException if {@code timer} is null
     */
    public Builder timer(ScheduledExecutorService timer) {
      this.timer = Objects.requireNonNull(timer, "timer");
      return this;
    }

    /**
     * Connects (when given a URI) and builds the budget.
     *
     * @return the budget
     * @throws IllegalStateException if no key, or not exactly one of a URI and a connection, was set
     * @throws B2cPermissionsException if Redis cannot be reached at the URI
     */
    public RedisRequestBudget build() {
      if (key == null) {
        throw new IllegalStateException("key is required: the Redis key the workers share");
      }
      if ((uri == null) == (connection == null)) {
        throw new IllegalStateException("set exactly one of redisUri and connection");
      }
      if (connection != null) {
        return new RedisRequestBudget(this, null, connection, false, "a given connection");
      }
      String u = Objects.requireNonNull(uri);
      RedisURI redis = RedisURI.create(u);
      redis.setTimeout(requestTimeout);
      String where = redis.getHost() + ":" + redis.getPort();
      RedisClient client = RedisClient.create(redis);
      try {
        StatefulRedisConnection<String, byte[]> c =
            client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        return new RedisRequestBudget(this, client, c, true, where);
      } catch (RedisException e) {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        LOG.debug("Redis at {} could not be reached", where, e);
        throw new B2cPermissionsException(
            "the shared request budget could not connect to Redis at " + where + ": "
                + e.getMessage(), null, e);
      }
    }

    private static String hostOnly(String uri) {
      int at = uri.lastIndexOf('@');
      int scheme = uri.indexOf("://");
      return at < 0 ? uri : (scheme < 0 ? "" : uri.substring(0, scheme + 3)) + "***@" + uri.substring(at + 1);
    }

    @Override
    public String toString() {
      return "RedisRequestBudget.Builder{key=" + key + ", redis="
          + (uri != null ? hostOnly(uri) : connection != null ? "a given connection" : "(none)")
          + ", " + config + ", requestTimeout=" + requestTimeout + "}";
    }
  }
}
