package io.github.b2cpermissions.testkit;

import io.github.b2cpermissions.testkit.internal.FaultPlan;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Deterministic faults: "a count, not a rate". Each call arms a fault for the next {@code n}
 * requests in its scope; faults fire in the order they were armed. Everything is cleared by {@link
 * #clear()} and by the owner's {@code reset()}.
 *
 * <p>Scope. Without {@link #on(FakeRoute...)}, faults hit Microsoft Graph only, never the token or
 * consent endpoints: status faults ({@link #throttleNext 429}, {@link #failNext 5xx}) hit each Graph
 * operation, which is a plain request or one request inside a {@code $batch} (the batch envelope
 * itself is not counted, as Graph throttles the requests inside a batch one by one); transport
 * faults (reset, empty response, malformed body) and latency hit each HTTP exchange, a batch
 * envelope included. {@code on(routes)} narrows a fault to exactly those routes, sign-in routes
 * such as {@link FakeRoute#TOKEN} included.
 *
 * <p>A tenant's faults apply to requests made with a token for that tenant; a {@link FakeGraph}'s
 * faults apply to every request. For a tenant built with {@link FakeGraphTenantBuilder#build()},
 * which has its server to itself, both are the same.
 */
public final class Faults {
  private final Supplier<FaultPlan> plan;
  private final Set<FakeRoute> scope;
  /** The scope as the fault plan reads it: the routes' names. */
  private final Set<String> routeNames;

  Faults(Supplier<FaultPlan> plan) {
    this(plan, Set.of());
  }

  private Faults(Supplier<FaultPlan> plan, Set<FakeRoute> scope) {
    this.plan = plan;
    this.scope = scope;
    Set<String> names = new HashSet<>();
    for (FakeRoute r : scope) {
      names.add(r.name());
    }
    this.routeNames = Set.copyOf(names);
  }

  /**
   * The same faults, narrowed to the given routes.
   *
   * @param routes one or more routes
   * @return a view whose faults hit only those routes
   * @throws NullPointerException if {@code routes} or one of them is null
   * @throws IllegalArgumentException if no route is given
   */
  public Faults on(FakeRoute... routes) {
    Objects.requireNonNull(routes, "routes");
    if (routes.length == 0) {
      throw new IllegalArgumentException("name at least one route");
    }
    for (FakeRoute r : routes) {
      Objects.requireNonNull(r, "route");
    }
    return new Faults(plan, EnumSet.copyOf(Arrays.asList(routes)));
  }

  /**
   * Answers the next {@code n} requests with 429 Too Many Requests, Graph's {@code TooManyRequests}
   * body, {@code x-ms-throttle-*} headers and {@code Retry-After} in whole seconds (rounded up).
   *
   * @param n how many requests, at least 1
   * @param retryAfter the {@code Retry-After} value, zero or more
   * @return this
   * @throws IllegalArgumentException if {@code n < 1} or {@code retryAfter} is negative
   * @throws NullPointerException if {@code retryAfter} is null
   */
  public Faults throttleNext(int n, Duration retryAfter) {
    plan.get().add(FaultPlan.Kind.THROTTLE, routeNames, count(n), 429, seconds(retryAfter));
    return this;
  }

  /**
   * Like {@link #throttleNext(int, Duration)} but without a {@code Retry-After} header, so that
   * clients must fall back to their own backoff.
   *
   * @param n how many requests, at least 1
   * @return this
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Faults throttleNextWithoutRetryAfter(int n) {
    plan.get().add(FaultPlan.Kind.THROTTLE, routeNames, count(n), 429, -1);
    return this;
  }

  /**
   * Answers the next {@code n} requests with {@code status} and Graph's error body (for example 500,
   * 503 or 504), without {@code Retry-After}.
   *
   * @param n how many requests, at least 1
   * @param status an HTTP status from 400 to 599
   * @return this
   * @throws IllegalArgumentException if {@code n < 1} or the status is out of range
   */
  public Faults failNext(int n, int status) {
    plan.get().add(FaultPlan.Kind.STATUS, routeNames, count(n), status(status), -1);
    return this;
  }

  /**
   * Like {@link #failNext(int, int)} with a {@code Retry-After} header (Graph sends one with some
   * 503 responses).
   *
   * @param n how many requests, at least 1
   * @param status an HTTP status from 400 to 599
   * @param retryAfter the {@code Retry-After} value, zero or more
   * @return this
   * @throws IllegalArgumentException if {@code n < 1}, the status is out of range or {@code
   *     retryAfter} is negative
   * @throws NullPointerException if {@code retryAfter} is null
   */
  public Faults failNext(int n, int status, Duration retryAfter) {
    plan.get().add(FaultPlan.Kind.STATUS, routeNames, count(n), status(status), seconds(retryAfter));
    return this;
  }

  /**
   * Resets the connection of the next {@code n} HTTP exchanges before any response.
   *
   * @param n how many, at least 1
   * @return this
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Faults resetConnectionNext(int n) {
    plan.get().add(FaultPlan.Kind.RESET, routeNames, count(n), 0, -1);
    return this;
  }

  /**
   * Closes the connection of the next {@code n} HTTP exchanges without sending anything.
   *
   * @param n how many, at least 1
   * @return this
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Faults emptyResponseNext(int n) {
    plan.get().add(FaultPlan.Kind.EMPTY, routeNames, count(n), 0, -1);
    return this;
  }

  /**
   * Answers the next {@code n} HTTP exchanges with 200 and a JSON body cut off halfway.
   *
   * @param n how many, at least 1
   * @return this
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Faults malformedBodyNext(int n) {
    plan.get().add(FaultPlan.Kind.MALFORMED, routeNames, count(n), 200, -1);
    return this;
  }

  /**
   * Delays every HTTP exchange in scope by {@code perRequest} until cleared; {@link Duration#ZERO}
   * removes the latency of this scope.
   *
   * @param perRequest the delay, zero or more
   * @return this
   * @throws IllegalArgumentException if {@code perRequest} is negative
   * @throws NullPointerException if {@code perRequest} is null
   */
  public Faults latency(Duration perRequest) {
    Objects.requireNonNull(perRequest, "perRequest");
    if (perRequest.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative, was " + perRequest);
    }
    plan.get().latency(routeNames, perRequest.toMillis());
    return this;
  }

  /**
   * Makes every paged response point its {@code @odata.nextLink} at {@code host} instead of the
   * fake (same path and query), until cleared: a client that follows it hands its token to another
   * host. Applies to all paged routes whatever {@link #on(FakeRoute...)} says.
   *
   * @param host an absolute URI with scheme and host, such as {@code https://attacker.example}
   * @return this
   * @throws NullPointerException if {@code host} is null
   * @throws IllegalArgumentException if {@code host} is not absolute or has a path, query or
   *     fragment
   */
  public Faults foreignNextLink(URI host) {
    Objects.requireNonNull(host, "host");
    if (!host.isAbsolute()
        || host.getHost() == null
        || (host.getRawPath() != null && !host.getRawPath().isEmpty() && !host.getRawPath().equals("/"))
        || host.getRawQuery() != null
        || host.getRawFragment() != null) {
      throw new IllegalArgumentException("give a scheme and host only, such as https://attacker.example; was " + host);
    }
    plan.get().foreignNextLink(host);
    return this;
  }

  /** Removes every armed fault, latency and next-link override (of all scopes). */
  public void clear() {
    plan.get().clear();
  }

  /** How many armed faults have not fired yet (all scopes). */
  public int pending() {
    return plan.get().pending();
  }

  private static int count(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, was " + n);
    }
    return n;
  }

  private static int status(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be from 400 to 599, was " + status);
    }
    return status;
  }

  private static long seconds(Duration d) {
    Objects.requireNonNull(d, "retryAfter");
    if (d.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative, was " + d);
    }
    long s = d.getSeconds();
    return d.getNano() > 0 ? s + 1 : s;
  }

  @Override
  public String toString() {
    return "Faults{pending=" + pending() + (scope.isEmpty() ? "" : ", scope=" + scope) + "}";
  }
}
