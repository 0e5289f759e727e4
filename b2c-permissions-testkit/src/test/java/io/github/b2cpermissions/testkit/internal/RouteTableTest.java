package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.b2cpermissions.testkit.FakeRoute;
import org.junit.jupiter.api.Test;

/** The handler registry on its own: handlers name their routes, and the table checks the names. */
class RouteTableTest {
  private static final GraphOperation NOTHING = op -> Reply.noContent();

  private final RouteTable routes = new RouteTable(TestRoutes.ALL);

  @Test
  void aHandlerNamingARouteTheTableLacksFailsWhenItRegisters() {
    assertThatIllegalStateException()
        .isThrownBy(() -> routes.collection("LIST_USER", NOTHING))
        .withMessageContaining("LIST_USER");
  }

  @Test
  void aRouteRegisteredByNameIsFoundByItsRow() {
    routes.entity("GET_USER", NOTHING);

    RouteTable.Entry entry = routes.get(TestRoutes.of(FakeRoute.GET_USER));
    assertThat(entry).isNotNull();
    assertThat(entry.queryOptions).isEqualTo(RouteTable.ENTITY);
    assertThat(routes.get(TestRoutes.of(FakeRoute.LIST_USERS))).isNull();
  }

  @Test
  void aRouteRegisteredTwiceIsRefused() {
    routes.write("DELETE_USER", NOTHING);

    assertThatIllegalStateException()
        .isThrownBy(() -> routes.write("DELETE_USER", NOTHING))
        .withMessageContaining("two handlers for DELETE_USER");
  }

  @Test
  void aGraphRouteWithoutAHandlerFailsTheCompletenessCheck() {
    routes.entity("GET_USER", NOTHING);

    assertThatIllegalStateException()
        .isThrownBy(routes::requireComplete)
        .withMessageStartingWith("no handler for Graph route ");
  }
}
