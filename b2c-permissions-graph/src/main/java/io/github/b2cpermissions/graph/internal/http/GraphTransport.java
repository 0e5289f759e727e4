package io.github.b2cpermissions.graph.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.AuthenticationFailedException;
import io.github.b2cpermissions.B2cPermissionsException;
import io.github.b2cpermissions.GraphUnavailableException;
import io.github.b2cpermissions.UnexpectedGraphResponseException;
import io.github.b2cpermissions.graph.internal.call.CallContext;
import io.github.b2cpermissions.graph.internal.tenant.TenantIdentifiers;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * verifier's bound on requests in flight. Every wait (for a free request slot, between attempts)
 * ends at the check's deadline or when the check is cancelled; each request is bounded end to end
 * by the request timeout and the time left, and a cancelled check's call in flight is cancelled.
 * The client must carry a {@link RequestGate} as a network interceptor: it counts what leaves and
 * keeps the HTTP client from retrying on its own. The token goes to the configured Graph host only: a URL to any other scheme,
 * host or port is refused before a request is made. Retries that recover are logged at DEBUG; the
 * final failure is thrown, for the caller to log once.
 */
public final class GraphTransport {
  private static final Logger LOG = LoggerFactory.getLogger(GraphTransport.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final OkHttpClient client;
  private final HttpUrl graphRoot;
  private final RetrySettings policy;
  private final Semaphore slots;
  private final long requestTimeoutNanos;
  private final RetryDecider retries;
  private final Clock clock;

  /**
   * Creates a transport.
   *
   * @param client the HTTP client, already stripped of other retry layers
   * @param graphEndpoint the cloud's Graph v1.0 endpoint, the only place requests go to
   * @param policy retry settings
   * @param slots bounds the requests in flight across every check of the verifier
   * @param requestTimeout bounds each request end to end
   * @param retryListener told of each retry
   * @param clock measures HTTP-date {@code Retry-After} values
   */
  public GraphTransport(
      OkHttpClient client,
      URI graphEndpoint,
      RetrySettings policy,
      Semaphore slots,
      Duration requestTimeout,
      RetryObserver retryListener,
      Clock clock) {
    this.client = client;
    HttpUrl root = HttpUrl.get(graphEndpoint.toString() + "/");
    this.graphRoot = root;
    this.policy = policy;
    this.slots = slots;
    this.requestTimeoutNanos = requestTimeout.toNanos();
    this.retries = new RetryDecider(policy, retryListener);
    this.clock = clock;
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
    for (int attempt = 1; ; attempt++) {
      try {
        return attemptOnce(ctx, method, url, body, what, attempt);
      } catch (Retryable failed) {
        if (!failed.again) {
          throw failed.finalFailure(ctx, what, attempt);
        }
        ctx.pause(TimeUnit.MILLISECONDS.toNanos(failed.waitMillis), "before retrying " + what);
      }
    }
  }

  private GraphResponse attemptOnce(
      CallContext ctx, String method, HttpUrl url, byte @Nullable [] body, String what, int attempt)
      throws Retryable {
    ctx.throwIfCancelled("before " + what);
    if (ctx.remainingNanos() <= 0) {
      throw outOfTime(ctx, what);
    }
    Request.Builder rb = new Request.Builder().url(url)
        .header("Authorization", "Bearer " + ctx.bearerToken())
        .header("Accept", "application/json")
        .tag(RequestGate.Ticket.class, new RequestGate.Ticket(ctx));
    if (body != null) {
      rb.method(method, RequestBody.create(body, JSON));
    } else {
      rb.method(method, null);
    }
    acquireSlot(ctx, what);
    try {
      ctx.throwIfCancelled("before " + what);
      long remaining = ctx.remainingNanos();
      if (remaining <= 0) {
        throw outOfTime(ctx, what);
      }
      Call call = client.newCall(rb.build());
      call.timeout().timeout(Math.min(requestTimeoutNanos, remaining), TimeUnit.NANOSECONDS);
      Runnable unhook = ctx.onCancel(call::cancel);
      try (Response response = call.execute()) {
        return handle(ctx, response, what, attempt);
      } finally {
        unhook.run();
      }
    } catch (IOException io) {
      if (ctx.isCancelled() || Thread.currentThread().isInterrupted()) {
        ctx.cancel("its thread was interrupted");
        throw ctx.cancelled("during " + what, io);
      }
      if (io instanceof InterruptedIOException) {
        throw retries.decide(ctx, what, attempt, "timeout: " + io.getMessage(), null, null);
      }
      if (io instanceof javax.net.ssl.SSLException) {
        throw new GraphUnavailableException(
            "TLS with the Graph endpoint failed for " + what + " (" + io.getClass().getSimpleName()
                + "); not retried: a certificate or handshake problem does not pass by itself",
            ctx.tenantId(), io);
      }
      throw retries.decide(ctx, what, attempt, "connection failure: " + io.getClass().getSimpleName()
          + (io.getMessage() == null ? "" : " " + io.getMessage()), null, io);
    } finally {
      slots.release();
    }
  }

  /**
   * Takes one of the verifier's request slots, waiting at most until the check's deadline and
   * giving up at once when the check is cancelled. Exactly one {@link Semaphore#release()} must
   * follow a normal return.
   */
  private void acquireSlot(CallContext ctx, String what) {
    while (true) {
      long remaining = ctx.remainingNanos();
      if (remaining <= 0) {
        throw new GraphUnavailableException(
            "the check of tenant " + ctx.tenantId() + " ran out of time (" + policy.deadline()
                + ") waiting for one of the verifier's maxConcurrentRequests slots for " + what,
            ctx.tenantId(), null);
      }
      try {
        if (slots.tryAcquire(Math.min(remaining, SLOT_POLL_NANOS), TimeUnit.NANOSECONDS)) {
          if (ctx.isCancelled()) {
            slots.release();
            throw ctx.cancelled("waiting to send " + what, null);
          }
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ctx.cancel("its thread was interrupted");
        throw ctx.cancelled("waiting to send " + what, e);
      }
      ctx.throwIfCancelled("waiting to send " + what);
    }
  }

  /** How often a check waiting for a request slot looks whether it was cancelled. */
  private static final long SLOT_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

  private GraphUnavailableException outOfTime(CallContext ctx, String what) {
    return new GraphUnavailableException(
        "the check of tenant " + ctx.tenantId() + " ran out of time ("
            + policy.deadline() + ") before " + what, ctx.tenantId(), null);
  }

  private GraphResponse handle(CallContext ctx, Response response, String what, int attempt)
      throws IOException, Retryable {
    int status = response.code();
    byte[] bytes = boundedBody(ctx, what, status, response.body());
    if (status == 429 || status == 503 || status == 504) {
      Optional<Duration> ra = RetryAfter.parse(RequestGate.retryAfter(response), clock);
      throw retries.decide(ctx, what, attempt, "HTTP " + status, ra.orElse(null), null);
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
            retries.decide(ctx, what, attempt, "HTTP " + retryableStatus + " inside $batch", longest, null);
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

  private static UnexpectedGraphResponseException unexpected(
      CallContext ctx, String what, GraphResponse r) {
    return new UnexpectedGraphResponseException(
        "Graph answered " + what + " with " + r.status() + " " + r.errorCode(), ctx.tenantId(),
        r.status(), null);
  }
}
