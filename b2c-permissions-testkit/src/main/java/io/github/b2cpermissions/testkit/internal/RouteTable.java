package io.github.b2cpermissions.testkit.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The handlers of the Graph routes, filled by each handler's {@code register}: per route, what
 * serves it, which OData system query options it takes and how it is authorized. Handlers name
 * their routes as the route table does ({@code "LIST_USERS"}); a name the table lacks fails here,
 * when the server is built.
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

  private final Routes table;
  private final Map<Route, Entry> entries = new HashMap<>();

  RouteTable(Routes table) {
    this.table = table;
  }

  /** A collection read. */
  void collection(String route, GraphOperation operation) {
    add(route, COLLECTION, Authorization.TABLE, operation);
  }

  /** A single-entity read. */
  void entity(String route, GraphOperation operation) {
    add(route, ENTITY, Authorization.TABLE, operation);
  }

  /** A write or an action. */
  void write(String route, GraphOperation operation) {
    add(route, NONE, Authorization.TABLE, operation);
  }

  /**
   * Registers a route.
   *
   * @param name the route's name in the table
   * @throws IllegalStateException if the table has no such route, or it has a handler already
   */
  void add(String name, Set<String> queryOptions, Authorization authorization, GraphOperation operation) {
    Route route = table.named(name);
    if (entries.putIfAbsent(route, new Entry(operation, queryOptions, authorization)) != null) {
      throw new IllegalStateException("two handlers for " + route);
    }
  }

  @Nullable
  Entry get(Route route) {
    return entries.get(route);
  }

  /**
   * Checks that every Graph route of the table has a handler.
   *
   * @throws IllegalStateException naming the first route without one
   */
  void requireComplete() {
    for (Route r : table.all()) {
      if (r.isGraph() && !entries.containsKey(r)) {
        throw new IllegalStateException("no handler for Graph route " + r);
      }
    }
  }
}
