package io.github.b2cpermissions.graph.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.GraphThrottledException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphRetryEvent;
import io.github.b2cpermissions.graph.GraphRetryPolicy;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to one cloud's Microsoft Graph with a bearer token, under the retry policy and the
 * shared bulkhead. The token goes to the configured Graph host only: a URL to any other scheme,
 * host or port is refused before a request is made. Retries that recover are logged at DEBUG; the
 * final failure is thrown, for the caller to log once.
 */
public final class GraphTransport {
  private static final Logger LOG = LoggerFactory.getLogger(GraphTransport.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final OkHttpClient client;
  private final HttpUrl graphRoot;
  private final GraphRetryPolicy policy;
  private final Retry retry;
  private final Bulkhead bulkhead;
  private final Consumer<GraphRetryEvent> retryListener;
  private final Clock clock;

  /**
   * Creates a transport.
   *
   * @param client the HTTP client, already stripped of other retry layers
   * @param cloud the cloud whose Graph host requests go to
   * @param policy retry settings
   * @param bulkhead bounds the requests in flight across every check of the verifier
   * @param retryListener told of each retry
   * @param clock measures HTTP-date {@code Retry-After} values
   */
  public GraphTransport(
      OkHttpClient client,
      GraphCloud cloud,
      GraphRetryPolicy policy,
      Bulkhead bulkhead,
      Consumer<GraphRetryEvent> retryListener,
      Clock clock) {
    this.client = client;
    HttpUrl root = HttpUrl.get(cloud.graphEndpoint().toString() + "/");
    this.graphRoot = root;
    this.policy = policy;
    this.bulkhead = bulkhead;
    this.retryListener = retryListener;
    this.clock = clock;
    this.retry =
        Retry.of(
            "b2c-permissions-graph",
            RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(e -> e instanceof Retryable && ((Retryable) e).again)
                .intervalBiFunction(
                    (attempt, outcome) ->
                        outcome.isLeft() && outcome.getLeft() instanceof Retryable
                            ? ((Retryable) outcome.getLeft()).waitMillis
                            : 0L)
                .failAfterMaxAttempts(false)
                .build());
  }

  /** The Graph v1.0 root, with a trailing slash. */
  public HttpUrl graphRoot() {
    return graphRoot;
  }

  /**
   * GETs a path below the v1.0 root, such as {@code organization?$select=tenantType}.
   *
   * @throws io.github.b2cpermissions.B2cPermissionsException when the request could not be made or
   *     kept failing; 4xx answers other than 401 come back as responses
   */
  public GraphResponse get(CallContext ctx, String relativePathAndQuery) {
    return send(ctx, "GET", resolve(relativePathAndQuery), null);
  }

  /**
   * GETs an absolute URL that Graph handed out (an {@code @odata.nextLink}). It must point at the
   * configured Graph host, with the same scheme and port, below {@code /v1.0/}.
   *
   * @throws UnexpectedGraphResponseException if the URL points anywhere else
   */
  public GraphResponse getNextLink(CallContext ctx, String absoluteUrl) {
    HttpUrl url = HttpUrl.parse(absoluteUrl);
    if (url == null
        || !url.scheme().equals(graphRoot.scheme())
        || !url.host().equals(graphRoot.host())
        || url.port() != graphRoot.port()
        || !url.encodedPath().startsWith(graphRoot.encodedPath())
        || url.username().length() > 0) {
      throw new UnexpectedGraphResponseException(
          "refused to follow an @odata.nextLink that leaves the configured Graph endpoint "
              + graphRoot + " (the bearer token is only sent there): "
              + TenantIdentifiers.describe(String.valueOf(absoluteUrl)),
          ctx.tenantId(), 0, null);
    }
    return send(ctx, "GET", url, null);
  }

  /**
   * Sends a JSON {@code $batch} of GET requests (at most 20) and returns the inner responses in the
   * order given. A batch whose inner responses include a 429, 503 or 504 is retried whole, waiting
   * for the longest inner {@code Retry-After}; once the retry policy allows no more attempts, the
   * last answer is returned with those items still failed (their status kept), so the other items'
   * answers are not discarded.
   *
   * @throws io.github.b2cpermissions.B2cPermissionsException when the {@code $batch} request itself
   *     fails (connection, outer status, deadline) or its answer is malformed
   * @param relativeUrls request URLs relative to the v1.0 root, each starting with {@code /}
   */
  public List<GraphResponse> batchGet(CallContext ctx, List<String> relativeUrls) {
    if (relativeUrls.isEmpty() || relativeUrls.size() > 20) {
      throw new IllegalArgumentException("a $batch holds 1 to 20 requests, not " + relativeUrls.size());
    }
    ObjectNode payload = MAPPER.createObjectNode();
    ArrayNode requests = payload.putArray("requests");
    for (int i = 0; i < relativeUrls.size(); i++) {
      requests.addObject().put("id", String.valueOf(i + 1)).put("method", "GET")
          .put("url", relativeUrls.get(i));
    }
    byte[] body;
    try {
      body = MAPPER.writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a $batch payload", e);
    }
    GraphResponse outer = send(ctx, "POST", resolve("$batch"), body);
    if (!outer.isSuccess()) {
      throw unexpected(ctx, "POST $batch", outer);
    }
    return innerResponses(ctx, outer.body(), relativeUrls.size(), outer.attempts());
  }

  private List<GraphResponse> innerResponses(
      CallContext ctx, JsonNode batch, int expected, int attempts) {
    GraphResponse[] ordered = new GraphResponse[expected];
    JsonNode responses = batch.path("responses");
    if (!responses.isArray()) {
      throw new UnexpectedGraphResponseException(
          "the $batch answer has no responses array", ctx.tenantId(), 200, null);
    }
    for (JsonNode r : responses) {
      int id = r.path("id").asInt(-1);
      if (id < 1 || id > expected || ordered[id - 1] != null) {
        throw new UnexpectedGraphResponseException(
            "the $batch answer has an unknown or repeated response id", ctx.tenantId(), 200, null);
      }
      int status = r.path("status").asInt(0);
      boolean spent = status == 429 || status == 503 || status == 504;
      ordered[id - 1] = new GraphResponse(status, r.path("body"),
          spent ? RetryAfter.parse(header(r.path("headers"), "Retry-After"), clock).orElse(null) : null,
          spent ? attempts : 0);
    }
    List<GraphResponse> out = new ArrayList<>(expected);
    for (int i = 0; i < expected; i++) {
      if (ordered[i] == null) {
        throw new UnexpectedGraphResponseException(
            "the $batch answer lacks the response to request " + (i + 1), ctx.tenantId(), 200, null);
      }
      out.add(ordered[i]);
    }
    return out;
  }

  private HttpUrl resolve(String relative) {
    HttpUrl url = graphRoot.resolve(relative.startsWith("/") ? relative.substring(1) : relative);
    if (url == null || !url.host().equals(graphRoot.host())) {
      throw new IllegalArgumentException("not a Graph path: " + TenantIdentifiers.describe(relative));
    }
    return url;
  }

  private GraphResponse send(CallContext ctx, String method, HttpUrl url, byte @Nullable [] body) {
    String what = method + " " + url.encodedPath();
    int[] attempt = {0};
    try {
      return retry.executeCheckedSupplier(() -> attemptOnce(ctx, method, url, body, what, ++attempt[0]));
    } catch (Retryable last) {
      if (Thread.currentThread().isInterrupted()) {
        throw new B2cPermissionsException(
            "interrupted while waiting to retry " + what + " for tenant " + ctx.tenantId(),
            ctx.tenantId(), last);
      }
      throw last.finalFailure(ctx, what, attempt[0]);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new GraphUnavailableException("Graph request " + what + " failed: " + t, ctx.tenantId(), t);
    }
  }

  private GraphResponse attemptOnce(
      CallContext ctx, String method, HttpUrl url, byte @Nullable [] body, String what, int attempt)
      throws Retryable {
    long remaining = ctx.remainingNanos();
    if (remaining <= 0) {
      throw new GraphUnavailableException(
          "the check of tenant " + ctx.tenantId() + " ran out of time ("
              + policy.deadline() + ") before " + what, ctx.tenantId(), null);
    }
    Request.Builder rb = new Request.Builder().url(url)
        .header("Authorization", "Bearer " + ctx.bearerToken())
        .header("Accept", "application/json");
    if (body != null) {
      rb.method(method, RequestBody.create(body, JSON));
    } else {
      rb.method(method, null);
    }
    boolean permitted;
    try {
      permitted = bulkhead.tryAcquirePermission();
      if (!permitted) {
        bulkhead.acquirePermission();
      }
    } catch (BulkheadFullException full) {
      throw new GraphUnavailableException(
          "too many Graph requests in flight; none became free in time for " + what,
          ctx.tenantId(), full);
    }
    try {
      Call call = client.newCall(rb.build());
      call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
      ctx.countRequest();
      try (Response response = call.execute()) {
        return handle(ctx, response, what, attempt);
      }
    } catch (InterruptedIOException timeout) {
      if (Thread.currentThread().isInterrupted()) {
        throw new B2cPermissionsException(
            "interrupted during " + what + " for tenant " + ctx.tenantId(), ctx.tenantId(), timeout);
      }
      throw retryable(ctx, what, attempt, "timeout: " + timeout.getMessage(), null, null);
    } catch (javax.net.ssl.SSLException tls) {
      throw new GraphUnavailableException(
          "TLS with the Graph endpoint failed for " + what + " (" + tls.getClass().getSimpleName()
              + "); not retried: a certificate or handshake problem does not pass by itself",
          ctx.tenantId(), tls);
    } catch (IOException io) {
      throw retryable(ctx, what, attempt, "connection failure: " + io.getClass().getSimpleName()
          + (io.getMessage() == null ? "" : " " + io.getMessage()), null, io);
    } finally {
      bulkhead.onComplete();
    }
  }

  private GraphResponse handle(CallContext ctx, Response response, String what, int attempt)
      throws IOException, Retryable {
    int status = response.code();
    byte[] bytes = boundedBody(ctx, what, status, response.body());
    if (status == 429 || status == 503 || status == 504) {
      Optional<Duration> ra = RetryAfter.parse(response.header("Retry-After"), clock);
      throw retryable(ctx, what, attempt, "HTTP " + status, ra.orElse(null), null);
    }
    if (status >= 500) {
      throw new GraphUnavailableException(
          "Graph answered " + what + " for tenant " + ctx.tenantId() + " with " + status
              + " (not retried: only 503 and 504 are passing failures)", ctx.tenantId(), null);
    }
    JsonNode json = parse(ctx, what, status, bytes);
    if (status == 401) {
      GraphResponse r = new GraphResponse(status, json);
      throw new AuthenticationFailedException(
          "Graph refused the app's token for tenant " + ctx.tenantId() + " (401 "
              + r.errorCode() + "): the token is invalid, expired or for another tenant or cloud",
          ctx.tenantId(), 0, null);
    }
    if (status == 200 && json.has("responses") && what.endsWith("/$batch")) {
      Duration longest = null;
      int retryableStatus = 0;
      for (JsonNode inner : json.path("responses")) {
        int s = inner.path("status").asInt(0);
        if (s == 429 || s == 503 || s == 504) {
          retryableStatus = retryableStatus == 429 || s == 429 ? 429 : Math.max(retryableStatus, s);
          Optional<Duration> ra = RetryAfter.parse(header(inner.path("headers"), "Retry-After"), clock);
          if (ra.isPresent() && (longest == null || ra.get().compareTo(longest) > 0)) {
            longest = ra.get();
          }
        }
      }
      if (retryableStatus != 0) {
        Retryable again =
            retryable(ctx, what, attempt, "HTTP " + retryableStatus + " inside $batch", longest, null);
        if (again.again) {
          throw again;
        }
        // The budget is spent: the items that still fail come back as failed, next to the answers
        // of the others, for the caller to weigh (a decisive answer must not be lost to them).
        LOG.debug("tenant {}: {} still has items answering {} after {} attempt(s); returning them"
            + " as failed", ctx.tenantId(), what, retryableStatus, attempt);
        return new GraphResponse(status, json, null, attempt);
      }
    }
    return new GraphResponse(status, json);
  }

  /** The most a Graph answer may weigh: a page of 999 assignments is a few hundred kilobytes. */
  static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  private static byte[] boundedBody(
      CallContext ctx, String what, int status, @Nullable ResponseBody body) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    okio.BufferedSource source = body.source();
    if (body.contentLength() > MAX_BODY_BYTES || source.request(MAX_BODY_BYTES + 1)) {
      throw new UnexpectedGraphResponseException(
          "Graph answered " + what + " with " + status + " and a body over "
              + (MAX_BODY_BYTES >> 20) + " MB", ctx.tenantId(), status, null);
    }
    return source.readByteArray();
  }

  private static @Nullable String header(JsonNode headers, String name) {
    var fields = headers.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      if (e.getKey().equalsIgnoreCase(name) && e.getValue().isValueNode()) {
        return e.getValue().asText();
      }
    }
    return null;
  }

  private JsonNode parse(CallContext ctx, String what, int status, byte[] bytes) {
    if (bytes.length == 0) {
      if (status >= 200 && status < 300 && status != 204) {
        throw new UnexpectedGraphResponseException(
            "Graph answered " + what + " with " + status + " and an empty body", ctx.tenantId(),
            status, null);
      }
      return GraphResponse.noBody();
    }
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new UnexpectedGraphResponseException(
            "Graph answered " + what + " with " + status + " and a body that is not a JSON object",
            ctx.tenantId(), status, null);
      }
      return node;
    } catch (IOException e) {
      throw new UnexpectedGraphResponseException(
          "Graph answered " + what + " with " + status + " and malformed JSON", ctx.tenantId(),
          status, e);
    }
  }

  private Retryable retryable(
      CallContext ctx, String what, int attempt, String reason, @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    boolean fromHeader = retryAfter != null;
    Duration wait;
    boolean again;
    if (fromHeader) {
      wait = retryAfter;
      again = retryAfter.compareTo(policy.maxRetryAfter()) <= 0;
    } else {
      wait = backoff(attempt);
      again = true;
    }
    again = again && attempt < policy.maxAttempts() && wait.toNanos() < ctx.remainingNanos();
    if (again) {
      GraphRetryEvent event = new GraphRetryEvent(ctx.tenantId(), what, attempt, reason, wait, fromHeader);
      LOG.debug("tenant {}: {} failed ({}), attempt {}; retrying in {} ms{}", ctx.tenantId(), what,
          reason, attempt, wait.toMillis(), fromHeader ? " (Retry-After)" : "");
      try {
        retryListener.accept(event);
      } catch (RuntimeException listenerFailure) {
        LOG.warn("the retry listener threw; ignored", listenerFailure);
      }
    }
    return new Retryable(reason, retryAfter, wait.toMillis(), again, cause);
  }

  private Duration backoff(int attempt) {
    long base = policy.initialBackoff().toMillis();
    long cap = policy.maxBackoff().toMillis();
    long exp = base << Math.min(attempt - 1, 20);
    long ceiling = Math.min(cap, exp < 0 ? cap : exp);
    // Equal jitter: at least half the exponential step, so retries never bunch at zero.
    long half = ceiling / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
  }

  private static UnexpectedGraphResponseException unexpected(
      CallContext ctx, String what, GraphResponse r) {
    return new UnexpectedGraphResponseException(
        "Graph answered " + what + " with " + r.status() + " " + r.errorCode(), ctx.tenantId(),
        r.status(), null);
  }

  /** A failure worth another attempt; {@link #again} says whether the budget allows one. */
  static final class Retryable extends Exception {
    private static final long serialVersionUID = 1L;
    final String reason;
    final transient @Nullable Duration retryAfter;
    final long waitMillis;
    final boolean again;

    Retryable(String reason, @Nullable Duration retryAfter, long waitMillis, boolean again,
        @Nullable Throwable cause) {
      super(reason, cause, false, false);
      this.reason = reason;
      this.retryAfter = retryAfter;
      this.waitMillis = waitMillis;
      this.again = again;
    }

    RuntimeException finalFailure(CallContext ctx, String what, int attempts) {
      String budget = attempts >= 1 ? " after " + attempts + " attempt(s)" : "";
      if (reason.startsWith("HTTP 429")) {
        return new GraphThrottledException(
            "Graph kept throttling " + what + " for tenant " + ctx.tenantId() + budget
                + (retryAfter != null ? "; last Retry-After " + retryAfter.toSeconds() + " s" : ""),
            ctx.tenantId(), retryAfter, attempts);
      }
      return new GraphUnavailableException(
          "Graph kept failing " + what + " for tenant " + ctx.tenantId() + budget + ": " + reason,
          ctx.tenantId(), getCause());
    }
  }
}
