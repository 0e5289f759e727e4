package io.github.b2cpermissions.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Matches a request path against the path templates of a {@link Routes} table, in its order.
 * Segment names match case-insensitively, as Graph's do. An OData key segment such as {@code
 * servicePrincipals(appId='x')} is split into {@code servicePrincipals} and {@code (appId='x')}
 * on both sides, so a route written for {@code /servicePrincipals/{id}/…} also receives the
 * alternate-key form, with the key in the {@code id} variable.
 */
final class RouteMatcher {
  /** Graph functions that sit where an id could: never matched as one. */
  private static final Set<String> FUNCTIONS = Set.of("delta");

  private static final Pattern KEY_SEGMENT = Pattern.compile("^([A-Za-z0-9_.$]+)(\\(.*\\))$");

  /** The outcome of a match. */
  static final class Match {
    final @Nullable Route route;
    final Map<String, String> vars;
    /** The path exists but not for this method. */
    final boolean methodNotAllowed;
    final List<String> segments;

    Match(@Nullable Route route, Map<String, String> vars, boolean methodNotAllowed, List<String> segments) {
      this.route = route;
      this.vars = vars;
      this.methodNotAllowed = methodNotAllowed;
      this.segments = segments;
    }

    String var(String name) {
      String v = vars.get(name);
      if (v == null) {
        throw new IllegalStateException("route " + route + " has no variable " + name);
      }
      return v;
    }
  }

  private static final class Part {
    final String prefix;
    final @Nullable String var;
    final String suffix;

    Part(String prefix, @Nullable String var, String suffix) {
      this.prefix = prefix.toLowerCase(Locale.ROOT);
      this.var = var;
      this.suffix = suffix.toLowerCase(Locale.ROOT);
    }

    @Nullable
    String match(String segment) {
      String lower = segment.toLowerCase(Locale.ROOT);
      if (var == null) {
        return lower.equals(prefix) ? "" : null;
      }
      if (prefix.isEmpty() && suffix.isEmpty() && FUNCTIONS.contains(lower)) {
        // users/delta is Graph's delta function, not a user whose id is "delta".
        return null;
      }
      if (lower.length() < prefix.length() + suffix.length() + 1
          || !lower.startsWith(prefix)
          || !lower.endsWith(suffix)) {
        return null;
      }
      return segment.substring(prefix.length(), segment.length() - suffix.length());
    }
  }

  private static final class Compiled {
    final Route route;
    final List<Part> parts;

    Compiled(Route route, List<Part> parts) {
      this.route = route;
      this.parts = parts;
    }
  }

  private final List<Compiled> compiled = new ArrayList<>();

  RouteMatcher(Routes routes) {
    for (Route r : routes.all()) {
      List<Part> parts = new ArrayList<>();
      for (String seg : segments(r.pathTemplate(), false)) {
        int open = seg.indexOf('{');
        if (open < 0) {
          parts.add(new Part(seg, null, ""));
        } else {
          int close = seg.indexOf('}', open);
          parts.add(new Part(seg.substring(0, open), seg.substring(open + 1, close), seg.substring(close + 1)));
        }
      }
      compiled.add(new Compiled(r, parts));
    }
  }

  /** Splits a path into decoded segments, splitting OData key segments in two. */
  static List<String> segments(String path, boolean decode) {
    List<String> out = new ArrayList<>();
    for (String raw : path.split("/")) {
      if (raw.isEmpty()) {
        continue;
      }
      String seg = decode ? Exchange.decodePath(raw) : raw;
      Matcher m = seg.endsWith(")") ? KEY_SEGMENT.matcher(seg) : null;
      if (m != null && m.matches()) {
        out.add(m.group(1));
        out.add(m.group(2));
      } else {
        out.add(seg);
      }
    }
    return out;
  }

  /** Whether the path's first segment is a Graph API version ({@code v1.0} or {@code beta}). */
  static boolean isGraphVersion(List<String> segments) {
    if (segments.isEmpty()) {
      return false;
    }
    String first = segments.get(0);
    return first.equalsIgnoreCase("v1.0") || first.equalsIgnoreCase("beta");
  }

  Match match(String method, String path) {
    List<String> segs = segments(path, true);
    boolean graph = isGraphVersion(segs);
    boolean pathMatched = false;
    for (Compiled c : compiled) {
      if (c.route.isGraph() != graph || c.parts.size() != segs.size()) {
        continue;
      }
      Map<String, String> vars = null;
      boolean ok = true;
      for (int i = 0; i < segs.size() && ok; i++) {
        Part p = c.parts.get(i);
        String v = p.match(segs.get(i));
        if (v == null) {
          ok = false;
        } else if (p.var != null) {
          if (vars == null) {
            vars = new HashMap<>();
          }
          vars.put(p.var, v);
        }
      }
      if (!ok) {
        continue;
      }
      if (!c.route.method().equalsIgnoreCase(method)) {
        pathMatched = true;
        continue;
      }
      return new Match(c.route, vars == null ? Map.of() : Collections.unmodifiableMap(vars), false, segs);
    }
    return new Match(null, Map.of(), pathMatched, segs);
  }
}
