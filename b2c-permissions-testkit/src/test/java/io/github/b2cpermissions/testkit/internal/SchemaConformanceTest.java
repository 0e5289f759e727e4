package io.github.b2cpermissions.testkit.internal;

import static io.github.b2cpermissions.testkit.Http.get;
import static io.github.b2cpermissions.testkit.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.testkit.B2cData;
import io.github.b2cpermissions.testkit.ExternalIdData;
import io.github.b2cpermissions.testkit.ExternalIdSample;
import io.github.b2cpermissions.testkit.FakeGraphExtension;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeRoute;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fake against Microsoft's Graph metadata (msgraph-metadata commit {@value GraphMetadata#COMMIT},
 * test resources {@code graph-metadata/}): every route template exists in its API version, and every
 * read route, driven over a tenant seeded with the B2C sample and generated users, answers objects of
 * the route's type with Graph's JSON types and Graph's default property set. A route added later is
 * checked the same way without a change here.
 */
class SchemaConformanceTest {
  private static final Pattern VERSION = Pattern.compile("^/(v1\\.0|beta)(/.*)$");
  private static final Pattern VAR_SEGMENT = Pattern.compile("(?:^|/)([A-Za-z]+)?(\\((?:[A-Za-z]+=)?'?)?\\{([A-Za-z]+)\\}");
  private static final int IDS_PER_VARIABLE = 20;

  @RegisterExtension
  static final FakeGraphExtension FAKE =
      FakeGraphExtension.of(
          FakeGraphTenant.builder()
              .b2c("contoso.onmicrosoft.com")
              .grantedAll()
              // Beyond the 14: the roles of the reference-data routes the backup permissions do not cover.
              .grantedRoles("APIConnectors.ReadWrite.All", "OrganizationalBranding.Read.All", "Domain.Read.All")
              .b2cData(B2cData.builder().sample().generatedUsers(10, 11).build()));

  private final GraphMetadata meta = GraphMetadata.get();
  private final RouteTemplateCheck routes = new RouteTemplateCheck(meta);

  /** A Graph route's version (beta where Graph serves it only there) and its template after the version. */
  record Versioned(boolean beta, String rest) {
    static Versioned of(FakeRoute r) {
      Matcher m = VERSION.matcher(r.pathTemplate());
      if (!m.matches()) {
        return null;
      }
      return new Versioned(m.group(1).equals("beta"), m.group(2));
    }
  }

  static List<FakeRoute> graphRoutes() {
    List<FakeRoute> out = new ArrayList<>();
    for (FakeRoute r : FakeRoute.values()) {
      if (Versioned.of(r) != null) {
        out.add(r);
      }
    }
    return out;
  }

  @Test
  void everyRouteTemplateExistsInTheMetadataOfItsApiVersion() {
    List<String> wrong = new ArrayList<>();
    for (FakeRoute r : graphRoutes()) {
      Versioned v = Versioned.of(r);
      try {
        routes.resolve(v.beta(), v.rest());
      } catch (RouteTemplateCheck.NoSuchRoute e) {
        wrong.add(r + " " + r.method() + " " + r.pathTemplate() + ": " + e.getMessage());
      }
    }
    assertThat(wrong).as("route templates absent from Graph's metadata (commit %s)", GraphMetadata.COMMIT).isEmpty();
  }

  /**
   * Routes Graph serves only in workforce tenants (change tracking: the delta query overview excludes
   * B2C and External ID tenants), driven over a workforce tenant with the same data.
   */
  static final Set<FakeRoute> WORKFORCE_ONLY = Set.of(FakeRoute.USERS_DELTA, FakeRoute.GROUPS_DELTA);

  /**
   * Routes of Microsoft Entra External ID configuration, driven over an External ID ({@code CIAM})
   * tenant seeded with {@link ExternalIdSample#directory()} and {@link ExternalIdData#sample()}.
   */
  static final Set<FakeRoute> EXTERNAL_ID =
      Set.of(
          FakeRoute.LIST_AUTHENTICATION_EVENTS_FLOWS,
          FakeRoute.GET_AUTHENTICATION_EVENTS_FLOW,
          FakeRoute.LIST_AUTHENTICATION_EVENTS_FLOW_APPLICATIONS,
          FakeRoute.LIST_AUTHENTICATION_EVENTS_FLOW_ATTRIBUTES,
          FakeRoute.LIST_AUTHENTICATION_EVENTS_FLOW_IDENTITY_PROVIDERS,
          FakeRoute.LIST_CUSTOM_AUTHENTICATION_EXTENSIONS,
          FakeRoute.GET_CUSTOM_AUTHENTICATION_EXTENSION,
          FakeRoute.GET_AUTHENTICATION_METHODS_POLICY,
          FakeRoute.GET_AUTHENTICATION_METHOD_CONFIGURATION);

  /**
   * Collections Graph serves by id only, with the ids to read: the method configurations have
   * Graph's fixed ids and no list route of their own in the permission table.
   */
  static final Map<String, List<String>> FIXED_IDS =
      Map.of("/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations", List.of("Email", "Sms"));

  /**
   * Read routes that answer no object in the fake's B2C sample, with the reason: either B2C has none,
   * or the fake cannot seed any yet (a limit the testkit README names).
   */
  static final Map<FakeRoute, String> EMPTY_IN_B2C =
      Map.of(
          FakeRoute.LIST_DELETED_GROUPS, "security groups, the only groups of B2C, are deleted for good, never soft-deleted",
          FakeRoute.LIST_USER_APP_ROLE_ASSIGNMENTS, "the fake grants app roles to service principals only; a user's list is empty");

  /** Collections Graph does not list, and the ones whose ids fill the variable after them instead. */
  static final Map<String, List<String>> FILLED_FROM =
      Map.of(
          "/v1.0/directory/deletedItems",
          List.of("/v1.0/directory/deletedItems/microsoft.graph.user", "/v1.0/directory/deletedItems/microsoft.graph.application"));

  @Test
  void everyReadRouteAnswersObjectsOfItsTypeWithGraphsJsonTypesAndDefaultProperties(FakeGraphTenant b2c) {
    FakeGraphTenant workforce =
        FakeGraphTenant.builder()
            .b2c("fabrikam.onmicrosoft.com")
            .tenantType("AAD")
            .grantedAll()
            .b2cData(B2cData.builder().sample().generatedUsers(10, 11).build())
            .build()
            .start();
    FakeGraphTenant externalId =
        FakeGraphTenant.builder()
            .externalId("woodgrove.onmicrosoft.com")
            .grantedAll()
            .grantedRoles("EventListener.Read.All", "CustomAuthenticationExtension.Read.All", "Policy.Read.AuthenticationMethod")
            .b2cData(ExternalIdSample.directory())
            .externalIdData(ExternalIdData.sample())
            .build()
            .start();
    try {
      readRoutesConform(b2c, workforce, externalId);
    } finally {
      workforce.stop();
      externalId.stop();
    }
  }

  private void readRoutesConform(FakeGraphTenant b2c, FakeGraphTenant workforce, FakeGraphTenant externalId) {
    String b2cToken = b2c.issueAccessToken();
    String workforceToken = workforce.issueAccessToken();
    String externalIdToken = externalId.issueAccessToken();
    SchemaCheck check = new SchemaCheck(meta);
    List<String> defaults = new ArrayList<>();
    Map<FakeRoute, Integer> objectsPerRoute = new LinkedHashMap<>();
    for (FakeRoute r : graphRoutes()) {
      if (!r.method().equals("GET")) {
        continue;
      }
      Versioned v = Versioned.of(r);
      RouteTemplateCheck.Target target;
      try {
        target = routes.resolve(v.beta(), v.rest());
      } catch (RouteTemplateCheck.NoSuchRoute e) {
        check.violations().add(r + " " + r.pathTemplate() + ": " + e.getMessage());
        continue;
      }
      FakeGraphTenant t = WORKFORCE_ONLY.contains(r) ? workforce : EXTERNAL_ID.contains(r) ? externalId : b2c;
      String token = WORKFORCE_ONLY.contains(r) ? workforceToken : EXTERNAL_ID.contains(r) ? externalIdToken : b2cToken;
      int objects = 0;
      for (String path : concretePaths(t, token, r.pathTemplate())) {
        List<JsonNode> items = read(t, token, path, target.collection());
        for (int i = 0; i < items.size(); i++) {
          JsonNode o = items.get(i);
          String where = r + " " + path + (target.collection() ? "[" + i + "]" : "");
          if (v.beta()) {
            check.betaObject(o, target.type(), where);
          } else {
            check.v1Object(o, target.type(), where);
          }
          defaultSet(o, target.type(), v.beta(), where, defaults);
          objects++;
        }
        if (!target.collection()) {
          objects += selectOnly(t, token, path, target.type(), check, r);
        }
      }
      if (!EMPTY_IN_B2C.containsKey(r)) {
        objectsPerRoute.put(r, objects);
      }
    }
    assertThat(objectsPerRoute).as("every read route was driven with at least one object").allSatisfy((r, n) -> assertThat(n).as(r.name()).isPositive());
    check.violations().addAll(new TreeSet<>(defaults));
    assertThat(check.violations()).as("JSON or default property sets not conforming to Graph's metadata (commit %s)", GraphMetadata.COMMIT).isEmpty();
    assertThat(check.checkedProperties()).as("properties checked").isGreaterThan(1000);
  }

  @Test
  void theChecksRejectAnUnknownRouteAWrongPropertyAndAWrongJsonType() throws Exception {
    assertThatThrownBy(() -> routes.resolve(false, "/identity/b2cUserFlows")).isInstanceOf(RouteTemplateCheck.NoSuchRoute.class).hasMessageContaining("b2cUserFlows");
    assertThatThrownBy(() -> routes.resolve(false, "/groups/{id}/owner")).isInstanceOf(RouteTemplateCheck.NoSuchRoute.class);
    assertThat(routes.resolve(true, "/identity/b2cUserFlows/{id}/identityProviders/$ref")).isEqualTo(new RouteTemplateCheck.Target("microsoft.graph.identityProvider", true));
    assertThat(routes.resolve(false, "/servicePrincipals(appId='{appId}')")).isEqualTo(new RouteTemplateCheck.Target("microsoft.graph.servicePrincipal", false));
    SchemaCheck check = new SchemaCheck(meta);
    ObjectMapper m = new ObjectMapper();
    check.v1Object(m.readTree("{\"id\":\"x\",\"isAssignableToRole\":\"yes\",\"groupTypes\":null,\"shoeSize\":1,\"createdDateTime\":\"yesterday\"}"), "microsoft.graph.group", "g");
    check.v1Object(m.readTree("{\"@odata.type\":\"#microsoft.graph.group\",\"id\":\"y\"}"), "microsoft.graph.authenticationMethod", "m");
    check.v1Object(m.readTree("{\"id\":\"z\",\"phoneType\":\"pager\"}"), "microsoft.graph.phoneAuthenticationMethod", "p");
    check.betaObject(m.readTree("{\"id\":\"B2C_1_x\",\"userFlowType\":\"signUp\",\"colour\":\"red\"}"), "microsoft.graph.b2cIdentityUserFlow", "f");
    assertThat(check.violations())
        .containsExactlyInAnyOrder(
            "g/isAssignableToRole: \"yes\" is not the JSON form of Edm.Boolean",
            "g/groupTypes: null, but Collection(Edm.String) is Nullable=\"false\"",
            "g/shoeSize: not a property of microsoft.graph.group or its base types",
            "g/createdDateTime: \"yesterday\" is not the JSON form of Edm.DateTimeOffset",
            "m/@odata.type: microsoft.graph.group is not microsoft.graph.authenticationMethod or derived from it",
            "p/phoneType: 'pager' is not a member of microsoft.graph.authenticationPhoneType [mobile, alternateMobile, office, unknownFutureValue]"
                .replace("[mobile, alternateMobile, office, unknownFutureValue]", meta.v1.enums.get("microsoft.graph.authenticationPhoneType").members().toString()),
            "f/colour: not a property of beta microsoft.graph.b2cIdentityUserFlow or its base types");
  }

  // ---- driving the fake -----------------------------------------------------------------------

  /** The objects of a read: every page of a collection, or the one entity. */
  private static List<JsonNode> read(FakeGraphTenant t, String token, String path, boolean collection) {
    List<JsonNode> out = new ArrayList<>();
    String next = path;
    for (int pages = 0; next != null && pages < 50; pages++) {
      HttpResponse<String> r = get(t, next, token);
      assertThat(r.statusCode()).as("GET " + next + ": " + r.body()).isEqualTo(200);
      ObjectNode body = (ObjectNode) json(r);
      assertThat(body.path("@odata.context").asText()).as("@odata.context of " + next).contains("/$metadata#");
      if (!collection) {
        body.remove("@odata.context");
        out.add(body);
        return out;
      }
      body.path("value").forEach(out::add);
      next = body.hasNonNull("@odata.nextLink") ? body.get("@odata.nextLink").asText() : null;
    }
    return out;
  }

  /**
   * The template with every variable filled from the collection before it (at most
   * {@link #IDS_PER_VARIABLE} ids each): {@code /users/{id}/authentication/phoneMethods/{methodId}}
   * becomes one path per user and phone method.
   */
  private static List<String> concretePaths(FakeGraphTenant t, String token, String template) {
    Matcher m = VAR_SEGMENT.matcher(template);
    if (!m.find()) {
      return List.of(template);
    }
    String keyProperty = m.group(3);
    String collection = template.substring(0, m.start()) + (m.group(1) == null ? "" : (m.start() == 0 ? "" : "/") + m.group(1));
    String key = keyProperty.equals("appId") || keyProperty.equals("id") ? keyProperty : "id";
    List<String> out = new ArrayList<>();
    if (FIXED_IDS.containsKey(collection)) {
      for (String id : FIXED_IDS.get(collection)) {
        out.addAll(concretePaths(t, token, template.replace("{" + keyProperty + "}", id)));
      }
      return out;
    }
    for (String source : FILLED_FROM.getOrDefault(collection, List.of(collection))) {
      HttpResponse<String> r = get(t, source, token);
      assertThat(r.statusCode()).as("GET " + source + " (to fill " + template + "): " + r.body()).isEqualTo(200);
      int n = 0;
      for (JsonNode item : json(r).path("value")) {
        if (n++ == IDS_PER_VARIABLE) {
          break;
        }
        String filled = template.replace("{" + keyProperty + "}", item.path(key).asText());
        out.addAll(concretePaths(t, token, filled));
      }
    }
    return out;
  }

  /**
   * For an entity of a type with properties Graph returns only on $select: reads them, and checks
   * them too. Users: every property the fake models.
   */
  private int selectOnly(FakeGraphTenant t, String token, String path, String type, SchemaCheck check, FakeRoute r) {
    Set<String> select =
        type.equals("microsoft.graph.user")
            ? new LinkedHashSet<>(UserShapes.PROPERTIES)
            : meta.v1.type(type) == null ? Set.of() : DocumentedDefaults.SELECT_ONLY.getOrDefault(type, Set.of());
    if (select.isEmpty()) {
      return 0;
    }
    String p = path + (path.contains("?") ? "&" : "?") + "$select=" + String.join(",", select);
    HttpResponse<String> reply = get(t, p, token);
    if (reply.statusCode() != 200) {
      check.violations().add(r + " GET " + p + " answered " + reply.statusCode() + ": " + reply.body());
      return 0;
    }
    ObjectNode o = (ObjectNode) json(reply);
    o.remove("@odata.context");
    Set<String> missing = new TreeSet<>(select);
    o.fieldNames().forEachRemaining(missing::remove);
    if (!missing.isEmpty()) {
      check.violations().add(r + " GET " + p + " lacks " + missing);
    }
    check.v1Object(o, type, r + " " + p);
    return 1;
  }

  /** Records an object whose properties (without $select) are not the documented default set. */
  private void defaultSet(JsonNode o, String declared, boolean beta, String where, List<String> out) {
    String type = o.hasNonNull("@odata.type") ? o.get("@odata.type").asText().substring(1) : declared;
    Set<String> expected = beta && meta.v1.type(type) == null ? DocumentedDefaults.betaNames(meta, type) : DocumentedDefaults.of(meta, type);
    if (expected == null) {
      return;
    }
    Set<String> got = new LinkedHashSet<>();
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("@odata.type")) {
        got.add(f);
      }
    }
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(got);
    if (!missing.isEmpty()) {
      out.add(type + " (" + where.replaceAll(" .*", "") + ") lacks " + missing);
    }
  }
}
