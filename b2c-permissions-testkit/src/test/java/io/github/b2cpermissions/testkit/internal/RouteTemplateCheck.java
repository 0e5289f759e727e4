package io.github.b2cpermissions.testkit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a Graph route template ({@code /v1.0/groups/{id}/members/$ref}) through the metadata of its
 * API version: the first segment must be an entity set or a singleton of the container, a
 * {@code {var}} or {@code (key='{var}')} segment must follow a collection, every other segment must
 * be a navigation property of the current type or one of its base types ({@code $ref} and
 * {@code $count} after a collection), or, in v1.0, a single structural property of a complex type
 * ({@code conditions/applications/includeApplications} walks into the {@code authenticationConditions}
 * complex value to reach its navigation); a type cast must name the current type or one derived from
 * it, entity or complex. v1.0 templates are walked through the CSDL; beta templates
 * through the beta name lists, taking a navigation's type from the CSDL where v1.0 has it and from
 * {@link GraphMetadata#BETA_NAVIGATION_TYPES} where it is beta-only.
 */
final class RouteTemplateCheck {
  /** Where a template leads: the qualified type, and whether it is a collection of it. */
  record Target(String type, boolean collection) {}

  /** A template that does not exist in its version's metadata. */
  static final class NoSuchRoute extends Exception {
    private static final long serialVersionUID = 1L;

    NoSuchRoute(String message) {
      super(message);
    }
  }

  private static final Pattern KEY = Pattern.compile("^([A-Za-z]+)\\((?:[A-Za-z]+=)?'?\\{[A-Za-z]+\\}'?\\)$");
  private static final Pattern VAR = Pattern.compile("^\\{[A-Za-z]+\\}$");

  private final GraphMetadata meta;

  RouteTemplateCheck(GraphMetadata meta) {
    this.meta = meta;
  }

  /**
   * Where a template leads.
   *
   * @param beta whether the rest of the template is to be read against beta
   * @param rest the template without its version prefix, such as {@code /groups/{id}}
   * @throws NoSuchRoute naming the first segment the metadata does not have
   */
  Target resolve(boolean beta, String rest) throws NoSuchRoute {
    String[] segs = rest.replaceFirst("^/", "").split("/");
    Target cur = null;
    for (int i = 0; i < segs.length; i++) {
      String s = segs[i];
      if (i == 0) {
        if (s.equals("$batch")) {
          return new Target("$batch", false);
        }
        Matcher k = KEY.matcher(s);
        String name = k.matches() ? k.group(1) : s;
        String set = meta.v1.entitySets.get(name);
        if (set != null) {
          cur = new Target(set, !k.matches());
        } else if (meta.v1.singletons.containsKey(name) && !k.matches()) {
          cur = new Target(meta.v1.singletons.get(name), false);
        } else {
          throw new NoSuchRoute("'" + name + "' is not an entity set or singleton");
        }
        continue;
      }
      if (VAR.matcher(s).matches()) {
        if (!cur.collection()) {
          throw new NoSuchRoute("key segment " + s + " after the single " + cur.type());
        }
        cur = new Target(cur.type(), false);
        continue;
      }
      if (s.equals("$ref") || s.equals("$count")) {
        if (i != segs.length - 1) {
          throw new NoSuchRoute(s + " must be the last segment");
        }
        return cur;
      }
      if (s.startsWith("microsoft.graph.")) {
        String cast = s;
        if (meta.v1.type(cast) == null || !meta.v1.derivesFrom(cast, cur.type())) {
          throw new NoSuchRoute("type cast '" + s + "' is not a type derived from " + cur.type());
        }
        cur = new Target(cast, cur.collection());
        continue;
      }
      Target bound = boundOperation(cur, s);
      if (bound != null) {
        cur = bound;
        continue;
      }
      if (cur.collection()) {
        throw new NoSuchRoute("'" + s + "' after the collection of " + cur.type() + " (an id is missing)");
      }
      CsdlModel.Prop complex = beta ? null : complexProperty(cur.type(), s);
      if (complex != null) {
        cur = new Target(complex.type(), false);
        continue;
      }
      String navType = beta ? betaNavigation(cur.type(), s) : v1Navigation(cur.type(), s);
      boolean coll = navType.startsWith("Collection(");
      cur = new Target(coll ? navType.substring(11, navType.length() - 1) : navType, coll);
    }
    return cur;
  }

  /**
   * A function or action bound to the current type or one of its base types (a collection binds
   * {@code Collection(type)}): where it leads, its return type (an action without one stays on the
   * current type), or null when there is none of that name. Read from the v1.0 CSDL.
   */
  private Target boundOperation(Target cur, String name) {
    for (CsdlModel.StructuredType t : meta.v1.lineage(cur.type())) {
      String binding = cur.collection() ? "Collection(" + t.name() + ")" : t.name();
      String ret = meta.v1.functions.get(binding + "/" + name);
      if (ret == null) {
        ret = meta.v1.actions.get(binding + "/" + name);
      }
      if (ret != null) {
        if (ret.isEmpty()) {
          return cur;
        }
        boolean coll = ret.startsWith("Collection(");
        return new Target(coll ? ret.substring(11, ret.length() - 1) : ret, coll);
      }
    }
    return null;
  }

  /** A single (not collection) structural property of {@code type} whose type is a complex type, or null. */
  private CsdlModel.Prop complexProperty(String type, String name) {
    CsdlModel.Prop p = meta.v1.allProperties(type).get(name);
    if (p == null || p.isCollection() || meta.v1.type(p.type()) == null || meta.v1.navigation(type, name) != null) {
      return null;
    }
    return p;
  }

  private String v1Navigation(String type, String name) throws NoSuchRoute {
    CsdlModel.Prop p = meta.v1.navigation(type, name);
    if (p == null) {
      throw new NoSuchRoute("v1.0 type " + type + " has no navigation property '" + name + "'");
    }
    return p.type();
  }

  private String betaNavigation(String type, String name) throws NoSuchRoute {
    for (String t = type; t != null; t = meta.betaBase(t)) {
      BetaTypeLists.Names n = meta.beta.type(t);
      if (n != null && n.navigation().contains(name)) {
        String stated = GraphMetadata.BETA_NAVIGATION_TYPES.get(t + "/" + name);
        if (stated != null) {
          return stated;
        }
        CsdlModel.Prop p = meta.v1.navigation(t, name);
        if (p == null) {
          throw new NoSuchRoute("beta navigation " + t + "/" + name + " has no known type: state it in GraphMetadata");
        }
        return p.type();
      }
    }
    throw new NoSuchRoute("beta type " + type + " has no navigation property '" + name + "'");
  }
}
