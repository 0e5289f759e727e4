package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A recursive-descent parser of {@code $filter} tokens into a {@link FilterNode}: {@code or} binds
 * looser than {@code and}, which binds looser than {@code not}, a comparison, a function call or a
 * lambda. Property names are checked against the collection's filterable properties and given
 * their canonical spelling; lambda variables are in scope inside their lambda only. One parser per
 * filter text.
 */
final class FilterParser {
  private final List<String> tokens;
  private final List<String> properties;
  private final String resource;
  private final List<String> lambdaVars = new ArrayList<>();
  private int pos;

  FilterParser(List<String> tokens, List<String> properties, String resource) {
    this.tokens = tokens;
    this.properties = properties;
    this.resource = resource;
  }

  /**
   * The whole filter: one expression that uses every token.
   *
   * @throws ODataFilter.Unsupported if the tokens are not a filter Graph would evaluate
   */
  FilterNode whole() {
    FilterNode n = or();
    if (pos != tokens.size()) {
      throw new ODataFilter.Unsupported("Invalid filter clause: syntax error at '" + tokens.get(pos) + "'.");
    }
    return n;
  }

  @Nullable
  private String peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw new ODataFilter.Unsupported("Invalid filter clause: the expression ends too early.");
    }
    return tokens.get(pos++);
  }

  private void expect(String t) {
    String n = next();
    if (!n.equals(t)) {
      throw new ODataFilter.Unsupported("Invalid filter clause: expected '" + t + "' but found '" + n + "'.");
    }
  }

  private boolean keyword(String k) {
    String p = peek();
    if (p != null && p.equalsIgnoreCase(k)) {
      pos++;
      return true;
    }
    return false;
  }

  private FilterNode or() {
    FilterNode left = and();
    while (keyword("or")) {
      FilterNode l = left;
      FilterNode r = and();
      left = (item, vars) -> l.test(item, vars) || r.test(item, vars);
    }
    return left;
  }

  private FilterNode and() {
    FilterNode left = unary();
    while (keyword("and")) {
      FilterNode l = left;
      FilterNode r = unary();
      left = (item, vars) -> l.test(item, vars) && r.test(item, vars);
    }
    return left;
  }

  private FilterNode unary() {
    if (keyword("not")) {
      FilterNode n = unary();
      return (item, vars) -> !n.test(item, vars);
    }
    if ("(".equals(peek())) {
      pos++;
      FilterNode n = or();
      expect(")");
      return n;
    }
    String first = next();
    if ("(".equals(peek())) {
      return function(first);
    }
    List<String> path = path(first);
    if ("/".equals(peek())) {
      pos++;
      String op = next();
      if (!op.equalsIgnoreCase("any") && !op.equalsIgnoreCase("all")) {
        throw new ODataFilter.Unsupported("Invalid filter clause: unknown function '" + op + "'.");
      }
      return lambda(path, op.equalsIgnoreCase("all"));
    }
    String op = next().toLowerCase(Locale.ROOT);
    FilterLiteral lit = FilterLiteral.of(next());
    return compare(path, op, lit);
  }

  private List<String> path(String first) {
    List<String> path = new ArrayList<>();
    path.add(first);
    while ("/".equals(peek()) && pos + 1 < tokens.size() && !tokens.get(pos + 1).equalsIgnoreCase("any") && !tokens.get(pos + 1).equalsIgnoreCase("all")) {
      pos++;
      path.add(next());
    }
    if (lambdaVars.contains(path.get(0))) {
      return path;
    }
    String canonical = null;
    for (String p : properties) {
      if (p.equalsIgnoreCase(path.get(0))) {
        canonical = p;
      }
    }
    if (canonical == null || path.size() > 1) {
      throw new ODataFilter.Unsupported("Unsupported or invalid query filter clause specified for property '" + String.join("/", path) + "' of resource '" + resource + "'.");
    }
    path.set(0, canonical);
    return path;
  }

  private FilterNode lambda(List<String> path, boolean all) {
    expect("(");
    String var = next();
    expect(":");
    lambdaVars.add(var);
    FilterNode body = or();
    lambdaVars.remove(lambdaVars.size() - 1);
    expect(")");
    return (item, vars) -> {
      JsonNode arr = resolve(item, vars, path);
      if (arr == null || !arr.isArray()) {
        return false;
      }
      for (JsonNode e : arr) {
        Map<String, JsonNode> inner = new HashMap<>(vars);
        inner.put(var, e);
        boolean ok = body.test(item, inner);
        if (ok != all) {
          return ok;
        }
      }
      return all;
    };
  }

  private FilterNode function(String name) {
    String fn = name.toLowerCase(Locale.ROOT);
    if (!fn.equals("startswith") && !fn.equals("endswith")) {
      throw new ODataFilter.Unsupported("Invalid filter clause: the fake does not support the function '" + name + "'.");
    }
    expect("(");
    List<String> path = path(next());
    expect(",");
    FilterLiteral lit = FilterLiteral.of(next());
    expect(")");
    if (lit.text() == null) {
      throw new ODataFilter.Unsupported("Invalid filter clause: " + name + " needs a string.");
    }
    String want = lit.text().toLowerCase(Locale.ROOT);
    boolean starts = fn.equals("startswith");
    return (item, vars) -> {
      JsonNode v = resolve(item, vars, path);
      if (v == null || !v.isTextual()) {
        return false;
      }
      String s = v.asText().toLowerCase(Locale.ROOT);
      return starts ? s.startsWith(want) : s.endsWith(want);
    };
  }

  private FilterNode compare(List<String> path, String op, FilterLiteral lit) {
    if (!List.of("eq", "ne", "ge", "gt", "le", "lt").contains(op)) {
      throw new ODataFilter.Unsupported("Invalid filter clause: unknown operator '" + op + "'.");
    }
    return (item, vars) -> {
      JsonNode v = resolve(item, vars, path);
      int c;
      if (lit.isNull()) {
        boolean isNull = v == null || v.isNull();
        return op.equals("eq") ? isNull : op.equals("ne") && !isNull;
      }
      if (v == null || v.isNull()) {
        return op.equals("ne");
      }
      if (lit.bool() != null) {
        if (!v.isBoolean()) {
          return false;
        }
        c = Boolean.compare(v.asBoolean(), lit.bool());
      } else if (lit.number() != null && v.isNumber()) {
        c = Double.compare(v.asDouble(), lit.number());
      } else {
        String text = lit.text() != null ? lit.text() : lit.raw();
        c = v.asText().compareToIgnoreCase(text);
      }
      switch (op) {
        case "eq":
          return c == 0;
        case "ne":
          return c != 0;
        case "ge":
          return c >= 0;
        case "gt":
          return c > 0;
        case "le":
          return c <= 0;
        default:
          return c < 0;
      }
    };
  }

  private @Nullable JsonNode resolve(JsonNode item, Map<String, JsonNode> vars, List<String> path) {
    JsonNode cur;
    int start;
    if (vars.containsKey(path.get(0))) {
      cur = vars.get(path.get(0));
      start = 1;
    } else {
      cur = item;
      start = 0;
    }
    for (int i = start; i < path.size() && cur != null; i++) {
      cur = getIgnoreCase(cur, path.get(i));
    }
    return cur;
  }

  private static @Nullable JsonNode getIgnoreCase(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v != null) {
      return v;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (f.equalsIgnoreCase(name)) {
        return node.get(f);
      }
    }
    return null;
  }
}
