package io.github.b2cpermissions.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.b2cpermissions.testkit.FakeRoute;
import org.junit.jupiter.api.Test;

class RouteMatcherTest {
  private static final RouteMatcher MATCHER = new RouteMatcher(TestRoutes.ALL);

  @Test
  void segmentNamesMatchIgnoringCaseAndVariablesKeepTheirSpelling() {
    RouteMatcher.Match m = MATCHER.match("get", "/V1.0/ServicePrincipals/AbC-1/appRoleAssignments");
    assertThat(m.route).isSameAs(TestRoutes.of(FakeRoute.LIST_APP_ROLE_ASSIGNMENTS));
    assertThat(m.var("id")).isEqualTo("AbC-1");
    assertThat(m.methodNotAllowed).isFalse();
  }

  @Test
  void anAlternateKeyIsSplitOffSoTheIdRoutesReceiveIt() {
    RouteMatcher.Match m = MATCHER.match("GET", "/v1.0/servicePrincipals(appId='x-1')/appRoleAssignments");
    assertThat(m.route).isSameAs(TestRoutes.of(FakeRoute.LIST_APP_ROLE_ASSIGNMENTS));
    assertThat(m.var("id")).isEqualTo("(appId='x-1')");
    assertThat(RouteMatcher.segments("/v1.0/servicePrincipals(appId='x')", false))
        .containsExactly("v1.0", "servicePrincipals", "(appId='x')");
  }

  @Test
  void theKeyFormOfAServicePrincipalMatchesItsOwnRouteFirst() {
    RouteMatcher.Match m = MATCHER.match("GET", "/v1.0/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')");
    assertThat(m.route).isSameAs(TestRoutes.of(FakeRoute.GET_SERVICE_PRINCIPAL_BY_APP_ID));
    assertThat(m.var("appId")).isEqualTo("00000003-0000-0000-c000-000000000000");
  }

  @Test
  void percentEncodedSegmentsAreDecodedButAPlusStaysAPlus() {
    RouteMatcher.Match m = MATCHER.match("GET", "/v1.0/users/a%2Bb%40contoso.onmicrosoft.com");
    assertThat(m.route).isSameAs(TestRoutes.of(FakeRoute.GET_USER));
    assertThat(m.var("id")).isEqualTo("a+b@contoso.onmicrosoft.com");
    assertThat(MATCHER.match("GET", "/v1.0/users/a+b").var("id")).isEqualTo("a+b");
  }

  @Test
  void aServedPathWithAnotherMethodIsToldApartFromAnUnknownPath() {
    RouteMatcher.Match wrongMethod = MATCHER.match("PUT", "/v1.0/organization");
    assertThat(wrongMethod.route).isNull();
    assertThat(wrongMethod.methodNotAllowed).isTrue();

    RouteMatcher.Match unknown = MATCHER.match("GET", "/v1.0/devices");
    assertThat(unknown.route).isNull();
    assertThat(unknown.methodNotAllowed).isFalse();
    assertThat(unknown.segments).containsExactly("v1.0", "devices");
  }

  @Test
  void signInRoutesNeverMatchGraphPathsAndTheReverse() {
    RouteMatcher.Match token = MATCHER.match("POST", "/contoso.onmicrosoft.com/oauth2/v2.0/token");
    assertThat(token.route).isSameAs(TestRoutes.of(FakeRoute.TOKEN));
    assertThat(token.var("tenant")).isEqualTo("contoso.onmicrosoft.com");
    assertThat(MATCHER.match("POST", "/v1.0/oauth2/v2.0/token").route).isNull();
  }

  @Test
  void aVariableTheRouteDoesNotHaveIsABugOfTheCaller() {
    RouteMatcher.Match m = MATCHER.match("GET", "/v1.0/organization");
    assertThatThrownBy(() -> m.var("id")).isInstanceOf(IllegalStateException.class).hasMessageContaining("LIST_ORGANIZATION");
  }

  @Test
  void everyRouteTemplateMatchesItselfWithItsOwnMethod() {
    for (FakeRoute r : FakeRoute.values()) {
      String path = r.pathTemplate().replaceAll("\\{[^}]+}", "v");
      assertThat(MATCHER.match(r.method(), path).route).as(r.name()).isNotNull();
    }
  }
}
