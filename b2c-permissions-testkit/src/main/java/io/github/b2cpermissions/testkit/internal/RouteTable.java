package io.github.b2cpermissions.testkit.internal;

import io.github.b2cpermissions.testkit.FakeRoute;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The handlers of the Graph routes, filled by each handler's {@code register}: per route, what
 * serves it, which OData system query options it takes and how it is authorized.
 */
final class RouteTable {
  /** The options of a collection: {@code $select}, {@code $top}, paging, {@code $filter}, {@code $count}. */
  static final Set<String> COLLECTION = Set.of("$select", "$top", "$skiptoken", "$filter", "$count");
  /** The options of a single entity. */
  static final Set<String> ENTITY = Set.of("$select");
  /** Writes and actions take none. */
  static final Set<String> NONE = Set.of();

  /** One registered route. */
  static final class Entry {
    final GraphOperation operation;
    final Set<String> queryOptions;
    final Authorization authorization;

    Entry(GraphOperation operation, Set<String> queryOptions, Authorization authorization) {
      this.operation = operation;
      this.queryOptions = queryOptions;
      this.authorization = authorization;
    }
  }

  private final Map<FakeRoute, Entry> entries = new EnumMap<>(FakeRoute.class);

  /** A collection read. */
  void collection(FakeRoute route, GraphOperation operation) {
    add(route, COLLECTION, Authorization.TABLE, operation);
  }

  /** A single-entity read. */
  void entity(FakeRoute route, GraphOperation operation) {
    add(route, ENTITY, Authorization.TABLE, operation);
  }

  /** A write or an action. */
  void write(FakeRoute route, GraphOperation operation) {
    add(route, NONE, Authorization.TABLE, operation);
  }

  /**
   * Registers a route.
   *
   * @throws IllegalStateException if the route has a handler already
   */
  void add(FakeRoute route, Set<String> queryOptions, Authorization authorization, GraphOperation operation) {
    if (entries.putIfAbsent(route, new Entry(operation, queryOptions, authorization)) != null) {
      throw new IllegalStateException("two handlers for " + route);
    }
  }

  @Nullable
  Entry get(FakeRoute route) {
    return entries.get(route);
  }

  /**
   * Checks that every Graph route of {@link FakeRoute} has a handler.
   *
   * @throws IllegalStateException naming the first route without one
   */
  void requireComplete() {
    for (FakeRoute r : FakeRoute.values()) {
      if (r.isGraph() && !entries.containsKey(r)) {
        throw new IllegalStateException("no handler for Graph route " + r);
      }
    }
  }
}
