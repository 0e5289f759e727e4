package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The reads and deletes the B2C collections kept as Graph JSON share (groups, user flows, identity
 * providers, directory roles, role assignments, audit events, applications): a page, one object by
 * id, a delete, and the checks of a write body.
 */
final class DirectoryObjects {
  private static final Pattern APP_ID_KEY = Pattern.compile("^\\(appId='([^']*)'\\)$", Pattern.CASE_INSENSITIVE);

  private DirectoryObjects() {}

  /** A page of a collection. */
  static Reply list(GraphRequest op, String collection, String context) {
    B2cStore s = op.b2c();
    boolean defaultView = op.query("$select") == null;
    ODataSource src =
        new ODataSource() {
          @Override
          public int size() {
            return s.objectPositions(collection);
          }

          @Override
          public @Nullable ObjectNode at(int pos) {
            ObjectNode o = s.objectAt(collection, pos);
            return o == null ? null : shown(collection, strip(collection, o), defaultView);
          }
        };
    return ODataReplies.collection(op, context, B2cObjects.TYPES.get(collection), src, B2cObjects.FILTERABLE.get(collection), null, null);
  }

  /** One object by the route's {@code id}. */
  static Reply get(GraphRequest op, String collection, String context) {
    ObjectNode o = strip(collection, require(op, collection));
    return ODataReplies.entity(op, context, shown(collection, o, op.query("$select") == null), B2cObjects.TYPES.get(collection));
  }

  /** Deletes the object the route's {@code id} names. */
  static Reply delete(GraphRequest op, String collection) {
    ObjectNode o = lookup(op, collection);
    if (o == null || !op.b2c().deleteObject(collection, o.path("id").asText())) {
      throw GraphErrorException.notFound(op.var("id"));
    }
    return Reply.noContent();
  }

  /**
   * A copy of the object the route's {@code id} names.
   *
   * @throws GraphErrorException 404 when there is none
   */
  static ObjectNode require(GraphRequest op, String collection) {
    ObjectNode o = lookup(op, collection);
    if (o == null) {
      throw GraphErrorException.notFound(op.var("id"));
    }
    return o;
  }

  /** A copy of the object the route's {@code id} names (an application also by its appId key), or null. */
  static @Nullable ObjectNode lookup(GraphRequest op, String collection) {
    String id = op.var("id");
    B2cStore s = op.b2c();
    if (collection.equals(B2cSeed.APPLICATIONS) && id.startsWith("(")) {
      Matcher m = APP_ID_KEY.matcher(id);
      if (!m.matches()) {
        return null;
      }
      for (int i = 0; i < s.objectPositions(collection); i++) {
        ObjectNode o = s.objectAt(collection, i);
        if (o != null && o.path("appId").asText().equalsIgnoreCase(m.group(1))) {
          return o;
        }
      }
      return null;
    }
    return s.object(collection, id);
  }

  /** An object as its collection shows it: a user flow without its navigation properties. */
  static ObjectNode strip(String collection, ObjectNode o) {
    if (collection.equals(B2cSeed.USER_FLOWS)) {
      for (String nav : B2cObjects.USER_FLOW_NAVIGATION) {
        o.remove(nav);
      }
    }
    if (collection.equals(B2cSeed.APPLICATIONS)) {
      o.remove(B2cObjects.EXTENSION_PROPERTIES);
    }
    return o;
  }

  /**
   * An object without the properties Graph shows only on $select, unless $select is given; an
   * application's key credentials without their public key value ({@code key} null), which Graph
   * returns only when {@code $select} names {@code keyCredentials} (the application-list and
   * serviceprincipal-get reference pages).
   */
  static ObjectNode shown(String collection, ObjectNode o, boolean defaultView) {
    if (defaultView) {
      o.remove(B2cObjects.SELECT_ONLY.getOrDefault(collection, Set.of()));
      if (collection.equals(B2cSeed.APPLICATIONS)) {
        for (JsonNode credential : o.path("keyCredentials")) {
          if (credential.isObject() && credential.has("key")) {
            ((ObjectNode) credential).putNull("key");
          }
        }
      }
    }
    return o;
  }

  /** The objects of a JSON array property, as a page source. */
  static ODataSource arrayOf(JsonNode array) {
    List<ObjectNode> items = new ArrayList<>();
    for (JsonNode n : array) {
      if (n.isObject()) {
        items.add((ObjectNode) n);
      }
    }
    return ODataSource.of(items);
  }

  /**
   * Checks that a body sets only properties of {@code writable}.
   *
   * @throws GraphErrorException naming the first other property
   */
  static void onlyWritable(GraphRequest op, ObjectNode body, Set<String> writable, String resource) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!writable.contains(f)) {
        throw GraphErrorException.invalidProperty(op, f, resource);
      }
    }
  }

  /**
   * The id a reference body ({@code {"@odata.id": "…/collection/{id}"}}) names.
   *
   * @param ref the pattern of the reference, with the id in group 1 or 2
   * @throws GraphErrorException when the reference does not match
   */
  static String referencedId(ObjectNode body, Pattern ref) {
    String text = B2cStore.text(body, "@odata.id");
    Matcher m = text == null ? null : ref.matcher(text);
    if (m == null || !m.matches()) {
      throw GraphErrorException.badRequest("Invalid object identifier '" + (text == null ? "" : text) + "'.");
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }
}
