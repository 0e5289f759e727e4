package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code /users/delta} and {@code /groups/delta}: Graph's change tracking. A round without a token
 * pages over every object ({@code @odata.nextLink}) and ends with an {@code @odata.deltaLink}; a
 * round from a deltaLink returns what changed since that link was written: present objects as they
 * are now, removed ones as {@code {"id", "@removed": {"reason": "changed" | "deleted"}}} (changed:
 * in the deleted items, still restorable; deleted: gone). {@code $deltatoken=latest} starts from
 * now without reading anything. The tokens are opaque: they name the store's change log generation
 * and a version of it, so a token from before a reset, from another tenant or garbled is refused as
 * Graph refuses an expired one. Graph offers no change tracking in B2C and External ID tenants (the
 * delta query overview says so) and answers such tenants with a 400, as the fake does.
 */
final class DeltaHandler {
  /** The query options of a delta round. */
  private static final Set<String> OPTIONS = Set.of("$select", "$top", "$skiptoken", "$deltatoken");

  private static final String TOKEN_PREFIX = "FakeGraphDelta:";
  private static final String PAGE_PREFIX = "FakeGraphDeltaPage:";
  private static final List<String> USER_DEFAULT_VIEW = UserShapes.PROPERTIES.subList(0, UserShapes.DEFAULT_COUNT);

  void register(RouteTable routes) {
    routes.add("USERS_DELTA", OPTIONS, Authorization.TABLE, op -> delta(op, B2cStore.USERS));
    routes.add("GROUPS_DELTA", OPTIONS, Authorization.TABLE, op -> delta(op, B2cSeed.GROUPS));
  }

  /** Where a round stands: the change window ({@code from} is -1 on a first round) and the page start. */
  private record Cursor(long from, long to, long after) {}

  private Reply delta(GraphRequest op, String family) {
    String tenantType = op.tenant.seed.tenantType.toUpperCase(Locale.ROOT);
    if (tenantType.equals("AAD B2C") || tenantType.equals("CIAM")) {
      // The answer B2C tenants get (microsoft-graph-docs issue 4018); External ID tenants are
      // excluded from change tracking by the same sentence of the delta query overview.
      throw new GraphErrorException(400, "Request_UnsupportedQuery", "Change enumeration is not supported for requested tenant.");
    }
    B2cStore s = op.b2c();
    ObjectNode sample = sample(op, s, family);
    Set<String> select = ODataSelect.parse(op.query("$select"), sample, "microsoft.graph." + (family.equals(B2cStore.USERS) ? "user" : "group"));
    int pageSize = ODataPaging.pageSize(op);
    ObjectNode out = Json.object();
    out.put("@odata.context", op.graphEndpoint() + "/$metadata#" + ODataSelect.context(family, select));
    ArrayNode value = Json.MAPPER.createArrayNode();
    synchronized (s) {
      long now = s.changes.version();
      Cursor c = cursor(op, s, now);
      String next;
      if (c == null) {
        next = null; // $deltatoken=latest: nothing to read, the deltaLink starts from now
      } else if (c.from() < 0) {
        next = firstRound(op, s, family, select, pageSize, c, value);
      } else {
        next = changeRound(op, s, family, select, pageSize, c, value);
      }
      if (next != null) {
        out.put("@odata.nextLink", link(op, "$skiptoken", next));
      } else {
        long to = c == null ? now : c.to();
        out.put("@odata.deltaLink", link(op, "$deltatoken", encode(TOKEN_PREFIX + s.changes.generation + ":" + to)));
      }
    }
    out.set("value", value);
    Reply r = Reply.json(200, out);
    r.headers.put("OData-Version", "4.0");
    return r;
  }

  /**
   * The cursor of the request: a first round (no token), a page of a round ({@code $skiptoken}), a
   * change round ({@code $deltatoken}), or null for {@code $deltatoken=latest}.
   *
   * @throws GraphErrorException 400 {@code syncStateNotFound} for a token this store did not write
   */
  private static @Nullable Cursor cursor(GraphRequest op, B2cStore s, long now) {
    String skip = op.query("$skiptoken");
    if (skip != null) {
      long[] v = decode(skip, PAGE_PREFIX + s.changes.generation + ":", 3);
      if (v == null || v[1] > now) {
        throw expired();
      }
      return new Cursor(v[0], v[1], v[2]);
    }
    String delta = op.query("$deltatoken");
    if (delta == null) {
      return new Cursor(-1, now, -1);
    }
    if (delta.equalsIgnoreCase("latest")) {
      return null;
    }
    long[] v = decode(delta, TOKEN_PREFIX + s.changes.generation + ":", 1);
    if (v == null || v[0] > now) {
      throw expired();
    }
    return new Cursor(v[0], now, 0);
  }

  /** Graph's answer to a delta token it holds no state for (an expired one). */
  private static GraphErrorException expired() {
    return new GraphErrorException(400, "syncStateNotFound", "The sync state generation is not found. The delta token is expired and data must be synchronized again.");
  }

  /** A page of every present object, from the store position {@code c.after() + 1}; the next page's token or null. */
  private static @Nullable String firstRound(GraphRequest op, B2cStore s, String family, Set<String> select, int pageSize, Cursor c, ArrayNode value) {
    boolean users = family.equals(B2cStore.USERS);
    int size = users ? s.userPositions() : s.objectPositions(family);
    for (int pos = (int) c.after() + 1; pos < size; pos++) {
      ObjectNode o = present(s, family, pos);
      if (o == null) {
        continue;
      }
      if (value.size() == pageSize) {
        return encode(PAGE_PREFIX + s.changes.generation + ":" + c.from() + ":" + c.to() + ":" + (pos - 1));
      }
      value.add(view(o, select, users));
    }
    return null;
  }

  /** A page of the objects changed in the window, after version {@code c.after()}; the next page's token or null. */
  private static @Nullable String changeRound(GraphRequest op, B2cStore s, String family, Set<String> select, int pageSize, Cursor c, ArrayNode value) {
    boolean users = family.equals(B2cStore.USERS);
    long last = c.after();
    for (ChangeLog.Change ch : s.changes.between(family, Math.max(c.from(), c.after()), c.to())) {
      if (value.size() == pageSize) {
        return encode(PAGE_PREFIX + s.changes.generation + ":" + c.from() + ":" + c.to() + ":" + last);
      }
      ObjectNode o = ch.state() == ChangeLog.State.PRESENT ? current(s, family, ch.id()) : null;
      if (o != null) {
        value.add(view(o, select, users));
      } else {
        ObjectNode removed = Json.object();
        removed.put("id", ch.id());
        removed.putObject("@removed").put("reason", ch.state() == ChangeLog.State.SOFT_DELETED ? "changed" : "deleted");
        value.add(removed);
      }
      last = ch.version();
    }
    return null;
  }

  private static @Nullable ObjectNode present(B2cStore s, String family, int pos) {
    if (family.equals(B2cStore.USERS)) {
      UserRec u = s.userAt(pos);
      return u == null ? null : s.userJson(u);
    }
    ObjectNode o = s.objectAt(family, pos);
    return o == null ? null : DirectoryObjects.shown(family, o, true);
  }

  private static @Nullable ObjectNode current(B2cStore s, String family, String id) {
    if (family.equals(B2cStore.USERS)) {
      UserRec u = s.user(id);
      return u == null ? null : s.userJson(u);
    }
    ObjectNode o = s.object(family, id);
    return o == null ? null : DirectoryObjects.shown(family, o, true);
  }

  /** What a delta item shows: the selection (always with its id), or the type's default properties. */
  private static ObjectNode view(ObjectNode o, Set<String> select, boolean users) {
    if (select.isEmpty()) {
      return users ? ODataSelect.view(o, Set.of(), USER_DEFAULT_VIEW) : o;
    }
    ObjectNode v = Json.object();
    v.set("id", o.get("id"));
    v.setAll(ODataSelect.project(o, select));
    return v;
  }

  /** An object of the family with every property, for checking {@code $select}. */
  private static ObjectNode sample(GraphRequest op, B2cStore s, String family) {
    if (family.equals(B2cStore.USERS)) {
      return s.userJson(new UserRec("x", "x"));
    }
    return B2cObjects.withDefaults(family, Json.object(), Json.timestamp(op.server.clock().instant()));
  }

  /** The request's address with its query options other than the tokens, plus one token. */
  private static String link(GraphRequest op, String tokenName, String token) {
    StringBuilder b = new StringBuilder(op.server.host()).append(op.ex.path).append('?');
    for (Map.Entry<String, String> e : op.ex.query.entrySet()) {
      String k = e.getKey();
      if (!k.equalsIgnoreCase("$skiptoken") && !k.equalsIgnoreCase("$deltatoken")) {
        b.append(k).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20")).append('&');
      }
    }
    return b.append(tokenName).append('=').append(token).toString();
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  /** The {@code count} numbers after {@code prefix} in a token, or null when the token is not one written with it. */
  private static long @Nullable [] decode(String token, String prefix, int count) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.US_ASCII);
      if (!text.startsWith(prefix)) {
        return null;
      }
      String[] parts = text.substring(prefix.length()).split(":");
      if (parts.length != count) {
        return null;
      }
      long[] out = new long[count];
      for (int i = 0; i < count; i++) {
        out[i] = Long.parseLong(parts[i]);
      }
      return out;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
