package io.github.b2cpermissions.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules Graph applies to every directory object route before it looks at the data, checked by
 * the {@link GraphDispatcher} once for all handlers: an object id in the path must be a GUID (400
 * {@code Request_BadRequest} "Invalid object identifier" otherwise; an unknown GUID is the
 * handler's 404), and {@code $count=true} on a directory object collection is an advanced query
 * that needs the {@code ConsistencyLevel: eventual} header. The routes are recognized from their
 * path templates, so a route added later follows the rules without being listed here.
 */
final class DirectoryQueryRules {
  /** The segments whose next segment is a directory object id, in lower case. */
  private static final Set<String> DIRECTORY_OBJECT_SETS =
      Set.of("users", "groups", "applications", "serviceprincipals", "directoryroles", "members");

  private final Map<Route, List<String>> idVariables = new HashMap<>();
  private final Set<Route> countable = new HashSet<>();

  DirectoryQueryRules(Routes routes) {
    for (Route r : routes.all()) {
      if (!r.isGraph()) {
        continue;
      }
      String[] segs = r.pathTemplate().split("/");
      List<String> vars = new ArrayList<>();
      for (int i = 1; i < segs.length; i++) {
        String seg = segs[i];
        if (seg.startsWith("{") && seg.endsWith("}") && DIRECTORY_OBJECT_SETS.contains(segs[i - 1].toLowerCase(Locale.ROOT))) {
          vars.add(seg.substring(1, seg.length() - 1));
        }
      }
      if (!vars.isEmpty()) {
        idVariables.put(r, Collections.unmodifiableList(vars));
      }
      String last = segs[segs.length - 1].toLowerCase(Locale.ROOT);
      if (r.method().equals("GET") && DIRECTORY_OBJECT_SETS.contains(last)) {
        countable.add(r);
      }
    }
  }

  /**
   * Checks the request against the rules.
   *
   * @throws GraphErrorException 400 for a malformed object id, or for {@code $count=true} on a
   *     directory object collection without {@code ConsistencyLevel: eventual}
   */
  void check(GraphRequest op) {
    for (String var : idVariables.getOrDefault(op.route, List.of())) {
      String id = op.match.vars.get(var);
      if (id != null && !isObjectReference(op.route, var, id)) {
        throw GraphErrorException.badRequest("Invalid object identifier '" + id + "'.");
      }
    }
    String count = op.ex.query.get("$count");
    if (count != null && count.equalsIgnoreCase("true") && countable.contains(op.route)) {
      String consistency = op.ex.header("ConsistencyLevel");
      if (consistency == null || !consistency.trim().equalsIgnoreCase("eventual")) {
        // The answer Graph gives (seen in Graph Explorer, microsoft-graph-docs-contrib issue 2716).
        throw GraphErrorException.badRequest("$count is not currently supported.");
      }
    }
  }

  /**
   * Whether an id segment can name an object: a GUID, an OData alternate key such as {@code
   * (appId='…')} (left to the handler to parse), or for a user its userPrincipalName.
   */
  private static boolean isObjectReference(Route route, String var, String id) {
    if (Ids.parseGuid(id) != null || id.startsWith("(")) {
      return true;
    }
    boolean userKey = var.equals("id") && route.pathTemplate().regionMatches(true, route.apiVersion().length() + 1, "/users/", 0, 7);
    return userKey && id.indexOf('@') > 0;
  }
}
