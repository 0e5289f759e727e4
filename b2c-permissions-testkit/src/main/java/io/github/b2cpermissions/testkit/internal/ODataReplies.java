package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The OData replies of the Graph routes: an entity, a page of a collection (with {@code $select},
 * {@code $filter}, {@code $count}, {@code $top} and {@code $skiptoken}) and a created entity.
 */
final class ODataReplies {
  private ODataReplies() {}

  /**
   * One entity, with {@code $select} applied.
   *
   * @param type the type for Graph's messages, as Graph names it in them
   * @throws GraphErrorException for a {@code $select} of an unknown property
   */
  static Reply entity(GraphRequest op, String contextPath, ObjectNode item, String type) {
    Set<String> select = ODataSelect.parse(op.query("$select"), item, type);
    ObjectNode out = Json.object();
    out.put("@odata.context", op.graphEndpoint() + "/$metadata#" + ODataSelect.context(contextPath, select) + "/$entity");
    out.setAll(select.isEmpty() ? item : ODataSelect.project(item, select));
    return withVersion(Reply.json(200, out));
  }

  /**
   * One entity whose reply shows {@code defaultView} unless {@code $select} asks for more.
   *
   * @throws GraphErrorException for a {@code $select} of an unknown property
   */
  static Reply entity(GraphRequest op, String contextPath, ObjectNode full, String type, @Nullable List<String> defaultView) {
    boolean hasSelect = op.ex.query.containsKey("$select");
    return entity(op, contextPath, hasSelect ? full : ODataSelect.view(full, Set.of(), defaultView), type);
  }

  /**
   * A page of a collection.
   *
   * @param type the short type name, such as {@code user}: messages name {@code microsoft.graph.user}
   *     and the filter names the resource {@code User}
   * @param filterable the properties {@code $filter} may name
   * @param sample an item with every property, for {@code $select}; null to take the first item
   * @param defaultView the properties shown without {@code $select}, or null for all
   * @throws GraphErrorException for a bad {@code $select}, {@code $filter}, {@code $top} or token
   */
  static Reply collection(
      GraphRequest op,
      String contextPath,
      String type,
      ODataSource src,
      List<String> filterable,
      @Nullable ObjectNode sample,
      @Nullable List<String> defaultView) {
    if (sample == null) {
      for (int i = 0; i < src.size() && sample == null; i++) {
        sample = src.at(i);
      }
    }
    Set<String> select = sample == null ? Set.of() : ODataSelect.parse(op.query("$select"), sample, "microsoft.graph." + type);
    ODataFilter filter = null;
    String f = op.query("$filter");
    if (f != null) {
      try {
        filter = ODataFilter.parse(f, filterable, Character.toUpperCase(type.charAt(0)) + type.substring(1));
      } catch (ODataFilter.Unsupported e) {
        throw GraphErrorException.unsupportedFilter(op, f, String.valueOf(e.getMessage()));
      }
    }
    int pageSize = ODataPaging.pageSize(op);
    int pos = ODataPaging.start(op);
    ObjectNode out = Json.object();
    out.put("@odata.context", op.graphEndpoint() + "/$metadata#" + ODataSelect.context(contextPath, select));
    String count = op.query("$count");
    if (count != null && count.equalsIgnoreCase("true")) {
      int n = 0;
      for (int i = 0; i < src.size(); i++) {
        ObjectNode o = src.at(i);
        if (o != null && (filter == null || filter.test(o))) {
          n++;
        }
      }
      out.put("@odata.count", n);
    }
    List<ObjectNode> items = new ArrayList<>(Math.min(pageSize, 1024));
    int size = src.size();
    int next = -1;
    for (; pos < size; pos++) {
      ObjectNode o = src.at(pos);
      if (o == null || (filter != null && !filter.test(o))) {
        continue;
      }
      if (items.size() == pageSize) {
        next = pos;
        break;
      }
      items.add(o);
    }
    if (next >= 0) {
      out.put("@odata.nextLink", ODataPaging.nextLink(op, next));
    }
    ArrayNode value = out.putArray("value");
    for (ObjectNode o : items) {
      value.add(ODataSelect.view(o, select, defaultView));
    }
    return withVersion(Reply.json(200, out));
  }

  /** A 201 with the created entity and its {@code Location} ({@code path} plus the entity's id). */
  static Reply created(GraphRequest op, String contextPath, String path, ObjectNode o) {
    ObjectNode out = Json.object();
    out.put("@odata.context", op.graphEndpoint() + "/$metadata#" + contextPath + "/$entity");
    out.setAll(o);
    Reply r = Reply.json(201, out);
    r.headers.put("Location", op.graphEndpoint() + "/" + path + "/" + o.path("id").asText());
    return withVersion(r);
  }

  private static Reply withVersion(Reply r) {
    r.headers.put("OData-Version", "4.0");
    return r;
  }
}
