package io.github.b2cpermissions.graph.internal.http;

import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import io.github.b2cpermissions.graph.internal.call.Futures;
import io.github.b2cpermissions.graph.internal.tenant.TenantIdentifiers;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to one cloud's Microsoft Graph with a bearer token, under the retry policy, the
 * verifier's {@link InFlightLimit} and the {@link RequestPermits} hook, without holding a thread
 * while anything is awaited: each request is handed to OkHttp's {@code enqueue}, waits for a slot
 * or a permit are queued, and retries are scheduled on the timer. Every wait ends at the check's
 * deadline or when the check is cancelled; each request is bounded end to end by the request
 * timeout and the time left, and a cancelled check's call in flight is cancelled. The client must
 * carry a {@link RequestGate} as a network interceptor: it counts what leaves and keeps the HTTP
 * client from retrying on its own. The token goes to the configured Graph host only: a URL to any
 * other scheme, host or port is refused before a request is made. Retries that recover are logged
 * at DEBUG; the final failure fails the future, for the caller to log once.
 */
public final class GraphTransport {
  private static final Logger LOG = LoggerFactory.getLogger(GraphTransport.class);
  private final Wire wire;
  private final HttpUrl graphRoot;
  private final RetrySettings policy;
  private final InFlightLimit limit;
  private final RequestPermits permits;
  private final long requestTimeoutNanos;
  private final RetryDecider retries;
  private final ResponseJudge judge;
  private final BatchRounds batches;
  private final Clock clock;
  private final ScheduledExecutorService timer;

  /**
   * Creates a transport.
   *
   * @param wire the HTTP client, sending only what the retry policy decides
   * @param graphEndpoint the cloud's Graph v1.0 endpoint, the only place requests go to
   * @param policy retry settings
   * @param limit bounds the requests in flight across every check of the verifier
   * @param permits asked before every request leaves, and told of throttling
   * @param requestTimeout bounds each request end to end
   * @param retryListener told of each retry
   * @param clock measures HTTP-date {@code Retry-After} values
   * @param timer schedules retries and the deadlines of waits
   */
  public GraphTransport(Wire wire, URI graphEndpoint, RetrySettings policy,
      InFlightLimit limit, RequestPermits permits, Duration requestTimeout,
      RetryObserver retryListener, Clock clock, ScheduledExecutorService timer) {
    this.wire = wire;
    this.graphRoot = HttpUrl.get(graphEndpoint.toString() + "/");
    this.policy = policy;
    this.limit = limit;
    this.permits = permits;
    this.requestTimeoutNanos = requestTimeout.toNanos();
    this.retries = new RetryDecider(policy, retryListener);
    this.judge = new ResponseJudge(retries, permits, clock);
    this.batches = new BatchRounds(retries, timer, clock);
    this.clock = clock;
    this.timer = timer;
  }

  /** The Graph v1.0 root, with a trailing slash. */
  public HttpUrl graphRoot() {
    return graphRoot;
  }

  /**
   * GETs a path below the v1.0 root, such as {@code organization?$select=tenantType}. The future
   * fails with a {@link io.github.b2cpermissions.B2cPermissionsException} when the request could
   * not be made or kept failing; 4xx answers other than 401 come back as responses.
   */
  public CompletableFuture<GraphResponse> get(CallContext ctx, String relativePathAndQuery) {
    return Futures.guard(() -> send(ctx, "GET", resolve(relativePathAndQuery), null, List.of()));
  }

  /**
   * GETs an absolute URL that Graph handed out (an {@code @odata.nextLink}). It must point at the
   * configured Graph host, with the same scheme and port, below {@code /v1.0/}; else the future
   * fails with {@link UnexpectedGraphResponseException} and nothing is sent.
   */
  public CompletableFuture<GraphResponse> getNextLink(CallContext ctx, String absoluteUrl) {
    HttpUrl url = HttpUrl.parse(absoluteUrl);
    if (url == null
        || !url.scheme().equals(graphRoot.scheme())
        || !url.host().equals(graphRoot.host())
        || url.port() != graphRoot.port()
        || !url.encodedPath().startsWith(graphRoot.encodedPath())
        || url.username().length() > 0) {
      return Futures.failed(new UnexpectedGraphResponseException(
          "refused to follow an @odata.nextLink that leaves the configured Graph endpoint "
              + graphRoot + " (the bearer token is only sent there): "
              + TenantIdentifiers.describe(String.valueOf(absoluteUrl)),
          ctx.tenantId(), 0, null));
    }
    return send(ctx, "GET", url, null, List.of());
  }

  /**
   * Sends a JSON {@code $batch} of GET requests (at most 20) and completes with the inner
   * responses in the order given. When inner responses answer 429, 503 or 504, only those items
   * are sent again, in a smaller {@code $batch}, after the longest inner {@code Retry-After}
   * ({@link BatchRounds}); once the retry policy allows no more rounds, they are returned still
   * failed (their status kept), so the other items' answers are not discarded. The future fails when the {@code $batch}
   * request itself fails (connection, outer status, deadline) or its answer is malformed.
   *
   * @param relativeUrls request URLs relative to the v1.0 root, each starting with {@code /}
   * @throws IllegalArgumentException if there are no URLs or more than 20
   */
  public CompletableFuture<List<GraphResponse>> batchGet(CallContext ctx, List<String> relativeUrls) {
    return batchGet(ctx, relativeUrls, GraphBodies.batchBody(relativeUrls));
  }

  /**
   * As {@link #batchGet(CallContext, List)}, with the body already written by {@link
   * #batchBody(List)} for the same URLs (a caller that sends the same batch often keeps it).
   */
  public CompletableFuture<List<GraphResponse>> batchGet(
      CallContext ctx, List<String> relativeUrls, byte[] body) {
    if (relativeUrls.isEmpty() || relativeUrls.size() > 20) {
      throw new IllegalArgumentException("a $batch holds 1 to 20 requests, not " + relativeUrls.size());
    }
    HttpUrl url = resolve("$batch");
    return Futures.guard(() -> batches.run(ctx, relativeUrls, body,
        (urls, bytes) -> Futures.guard(() -> send(ctx, "POST", url, bytes, urls))));
  }

  /** The {@code $batch} body for these URLs, to pass to {@link #batchGet(CallContext, List, byte[])}. */
  public static byte[] batchBody(List<String> relativeUrls) {
    return GraphBodies.batchBody(relativeUrls);
  }

  private HttpUrl resolve(String relative) {
    HttpUrl url = graphRoot.resolve(relative.startsWith("/") ? relative.substring(1) : relative);
    if (url == null || !url.host().equals(graphRoot.host())) {
      throw new IllegalArgumentException("not a Graph path: " + TenantIdentifiers.describe(relative));
    }
    return url;
  }

  /** One request, every attempt the policy allows included. */
  private final class Exchange {
    final CallContext ctx;
    final String method;
    final HttpUrl url;
    final byte @Nullable [] body;
    final List<String> batchUrls;
    final String what;
    final CompletableFuture<GraphResponse> result = new CompletableFuture<>();

    Exchange(CallContext ctx, String method, HttpUrl url, byte @Nullable [] body, List<String> batchUrls) {
      this.ctx = ctx;
      this.method = method;
      this.url = url;
      this.body = body;
      this.batchUrls = batchUrls;
      this.what = method + " " + url.encodedPath();
    }

    void attempt(int attempt) {
      if (ctx.isCancelled()) {
        result.completeExceptionally(ctx.cancelled("before " + what, null));
        return;
      }
      if (ctx.remainingNanos() <= 0) {
        result.completeExceptionally(outOfTime());
        return;
      }
      limit.acquire(ctx, what).whenComplete((slot, noSlot) -> {
        if (noSlot != null) {
          result.completeExceptionally(Futures.unwrap(noSlot));
          return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
          if (released.compareAndSet(false, true)) {
            limit.release(false);
          }
        };
        CompletableFuture<Void> permit;
        try {
          permit = Futures.bounded(permits.beforeSend(new OutgoingRequest(ctx.tenantId(), method,
              url.encodedPath(), batchUrls, attempt)).toCompletableFuture(), ctx, timer,
              "waiting to send " + what, this::outOfTime);
        } catch (RuntimeException e) {
          permit = CompletableFuture.failedFuture(e);
        }
        permit.whenComplete((ok, refused) -> {
          if (refused != null) {
            release.run();
            result.completeExceptionally(Futures.unwrap(refused));
            return;
          }
          call(attempt, released);
        });
      });
    }

    private void call(int attempt, AtomicBoolean released) {
      long remaining = ctx.remainingNanos();
      if (ctx.isCancelled() || remaining <= 0) {
        releaseOnce(released, false);
        result.completeExceptionally(ctx.isCancelled() ? ctx.cancelled("before " + what, null) : outOfTime());
        return;
      }
      Runnable[] unhook = new Runnable[1];
      Runnable cancel = wire.send(ctx, method, url.uri(), ctx.bearerToken(),
          permits.priorityHeader(), body, Math.min(requestTimeoutNanos, remaining),
          new Wire.Callback() {
            @Override
            public void answered(WireAnswer answer) {
              unhookOnce(unhook);
              try {
                GraphResponse judged = judge.judge(ctx, answer, what, attempt);
                releaseOnce(released, true);
                result.complete(judged);
              } catch (Retryable again) {
                releaseOnce(released, true);
                retryOrFail(attempt, again);
              } catch (RuntimeException e) {
                releaseOnce(released, true);
                result.completeExceptionally(ctx.isCancelled() ? ctx.cancelled("during " + what, e) : e);
              }
            }

            @Override
            public void failed(IOException io) {
              unhookOnce(unhook);
              releaseOnce(released, io instanceof BodyTooLarge);
              GraphTransport.Exchange.this.failed(attempt, io);
            }
          });
      synchronized (unhook) {
        if (unhook[0] == null) {
          unhook[0] = ctx.onCancel(cancel);
        }
      }
    }

    /** Drops the cancel hook once the attempt ended (or marks it ended before it was hooked). */
    private void unhookOnce(Runnable[] unhook) {
      Runnable hook;
      synchronized (unhook) {
        hook = unhook[0];
        unhook[0] = () -> {};
      }
      if (hook != null) {
        hook.run();
      }
    }

    private void releaseOnce(AtomicBoolean released, boolean answered) {
      if (released.compareAndSet(false, true)) {
        limit.release(answered);
      }
    }

    private void failed(int attempt, IOException io) {
      if (ctx.isCancelled()) {
        result.completeExceptionally(ctx.cancelled("during " + what, io));
        return;
      }
      if (io instanceof BodyTooLarge tooLarge) {
        result.completeExceptionally(new UnexpectedGraphResponseException(
            "Graph answered " + what + " with " + tooLarge.status + " and a body over "
                + (GraphBodies.MAX_BODY_BYTES >> 20) + " MB", ctx.tenantId(), tooLarge.status, null));
        return;
      }
      if (io instanceof InterruptedIOException) {
        retryOrFail(attempt, retries.decide(ctx, what, attempt, "timeout: " + io.getMessage(), null, null));
        return;
      }
      if (io instanceof SSLException) {
        result.completeExceptionally(new GraphUnavailableException(
            "TLS with the Graph endpoint failed for " + what + " (" + io.getClass().getSimpleName()
                + "); not retried: a certificate or handshake problem does not pass by itself",
            ctx.tenantId(), io));
        return;
      }
      retryOrFail(attempt, retries.decide(ctx, what, attempt, "connection failure: "
          + io.getClass().getSimpleName() + (io.getMessage() == null ? "" : " " + io.getMessage()),
          null, io));
    }

    private void retryOrFail(int attempt, Retryable failed) {
      if (!failed.again) {
        result.completeExceptionally(failed.finalFailure(ctx, what, attempt));
        return;
      }
      long wait = Math.min(TimeUnit.MILLISECONDS.toNanos(failed.waitMillis),
          Math.max(0, ctx.remainingNanos()));
      AtomicBoolean fired = new AtomicBoolean();
      ScheduledFuture<?>[] next = new ScheduledFuture<?>[1];
      Runnable[] unhook = new Runnable[1];
      Runnable go = () -> {
        if (fired.compareAndSet(false, true)) {
          if (unhook[0] != null) {
            unhook[0].run();
          }
          attempt(attempt + 1);
        }
      };
      unhook[0] = ctx.onCancel(() -> {
        if (fired.compareAndSet(false, true)) {
          ScheduledFuture<?> f = next[0];
          if (f != null) {
            f.cancel(false);
          }
          result.completeExceptionally(ctx.cancelled("before retrying " + what, null));
        }
      });
      next[0] = timer.schedule(go, wait, TimeUnit.NANOSECONDS);
    }

    private GraphUnavailableException outOfTime() {
      return new GraphUnavailableException(
          "the check of tenant " + ctx.tenantId() + " ran out of time ("
              + policy.deadline() + ") before " + what, ctx.tenantId(), null);
    }
  }

  private CompletableFuture<GraphResponse> send(
      CallContext ctx, String method, HttpUrl url, byte @Nullable [] body, List<String> batchUrls) {
    Exchange ex = new Exchange(ctx, method, url, body, batchUrls);
    ex.attempt(1);
    return ex.result;
  }
}
