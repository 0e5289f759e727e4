package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /domains}: the tenant's initial {@code onmicrosoft.com} domain, which every tenant has and
 * which is the default unless a seeded custom domain says {@code isDefault}, then the seeded custom
 * domains ({@code B2cData.Kind.DOMAINS}). A domain's id is its name; an unknown name is a 404.
 */
final class DomainHandler {
  private static final String DOMAINS = B2cSeed.DOMAINS;
  private static final String CONTEXT = "domains";

  void register(RouteTable routes) {
    routes.collection("LIST_DOMAINS", op -> ODataReplies.collection(op, CONTEXT, "domain", ODataSource.of(domains(op)), B2cObjects.FILTERABLE.get(DOMAINS), null, null));
    routes.entity("GET_DOMAIN", this::get);
  }

  private Reply get(GraphRequest op) {
    String name = op.var("id").toLowerCase(Locale.ROOT);
    for (ObjectNode d : domains(op)) {
      if (d.path("id").asText().toLowerCase(Locale.ROOT).equals(name)) {
        return ODataReplies.entity(op, CONTEXT, d, "microsoft.graph.domain");
      }
    }
    throw GraphErrorException.notFound(op.var("id"));
  }

  /** Every domain of the tenant, the initial one first; fresh copies. */
  private static List<ObjectNode> domains(GraphRequest op) {
    B2cStore s = op.b2c();
    List<ObjectNode> custom = new ArrayList<>();
    boolean customDefault = false;
    for (int i = 0; i < s.objectPositions(DOMAINS); i++) {
      ObjectNode d = s.objectAt(DOMAINS, i);
      if (d != null) {
        custom.add(d);
        customDefault |= d.path("isDefault").asBoolean(false);
      }
    }
    ObjectNode initial = B2cObjects.withDefaults(DOMAINS, Json.object().put("id", op.tenant.seed.domain), "2021-01-04T09:00:00Z");
    initial.put("isInitial", true);
    initial.put("isDefault", !customDefault);
    List<ObjectNode> out = new ArrayList<>(custom.size() + 1);
    out.add(initial);
    out.addAll(custom);
    return out;
  }
}
