package io.github.b2cpermissions.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The route table a server serves, in the order it matches paths: the rows the public table built,
 * found by name. Handlers name the routes they serve; a name the table does not hold is a bug of
 * the fake and fails when the server is built. Immutable.
 */
public final class Routes {
  private final List<Route> all;
  private final Map<String, Route> byName = new LinkedHashMap<>();

  /**
   * Creates the table.
   *
   * @param rows every route, in matching order
   * @throws IllegalArgumentException if two rows share a name
   */
  public Routes(List<Route> rows) {
    this.all = List.copyOf(rows);
    for (Route r : all) {
      if (byName.putIfAbsent(r.name(), r) != null) {
        throw new IllegalArgumentException("two routes named " + r.name());
      }
    }
  }

  /** Every route, in matching order. */
  List<Route> all() {
    return all;
  }

  /**
   * The route named {@code name}.
   *
   * @throws IllegalStateException if the table has no such route
   */
  Route named(String name) {
    Route r = byName.get(name);
    if (r == null) {
      throw new IllegalStateException("the route table has no route " + name);
    }
    return r;
  }
}
