package io.github.b2cpermissions.testkit.internal;

import io.github.b2cpermissions.testkit.FakeRoute;
import java.util.ArrayList;
import java.util.List;

/** The public route table as the server reads it, for tests that build server parts directly. */
final class TestRoutes {
  /** Every row of {@link FakeRoute}, in its order. */
  static final Routes ALL = build();

  private TestRoutes() {}

  /** The server's row for {@code route}. */
  static Route of(FakeRoute route) {
    return ALL.named(route.name());
  }

  private static Routes build() {
    List<Route> rows = new ArrayList<>();
    for (FakeRoute r : FakeRoute.values()) {
      rows.add(new Route(r.name(), r.method(), r.pathTemplate(), r.allowsSelf(), r.allowedBy()));
    }
    return new Routes(rows);
  }
}
