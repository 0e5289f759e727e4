package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A small OData {@code $filter} evaluator over Graph JSON: {@code eq}, {@code ne}, {@code ge},
 * {@code gt}, {@code le}, {@code lt} against string, GUID, boolean, number, date-time and {@code
 * null} literals; {@code startswith(prop,'x')}; {@code and}, {@code or}, {@code not}, parentheses;
 * and lambdas {@code prop/any(x:…)} over arrays, such as {@code identities/any(c:c/issuerAssignedId
 * eq 'a@b.com' and c/issuer eq 'contoso.onmicrosoft.com')} or {@code otherMails/any(m:m eq 'x')}.
 * String comparisons ignore case, as Graph's directory does. Only the properties the collection
 * lists may be filtered on; anything else is rejected with the message Graph gives. The fake's only
 * {@code $filter} parser: every collection route filters through it.
 */
final class ODataFilter {
  /** A filter the fake cannot or Graph would not evaluate; the message is Graph's wording. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message, null, false, false);
    }
  }

  private interface Node {
    boolean test(JsonNode item, Map<String, JsonNode> vars);
  }

  private static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private final Node root;

  private ODataFilter(Node root) {
    this.root = root;
  }

  boolean test(JsonNode item) {
    return root.test(item, Map.of());
  }

  /**
   * Parses a filter.
   *
   * @param filter the {@code $filter} text
   * @param properties the top-level properties that may be filtered on (canonical spelling)
   * @param resource the resource name for messages, such as {@code User}
   * @throws Unsupported when the filter cannot be evaluated
   */
  static ODataFilter parse(String filter, List<String> properties, String resource) {
    Parser p = new Parser(tokenize(filter), properties, resource);
    Node n = p.or();
    if (p.pos != p.tokens.size()) {
      throw new Unsupported("Invalid filter clause: syntax error at '" + p.tokens.get(p.pos) + "'.");
    }
    return new ODataFilter(n);
  }

  // ---- tokens ---------------------------------------------------------------------------------

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ',' || c == '/' || c == ':') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '\'') {
        StringBuilder b = new StringBuilder("'");
        i++;
        boolean closed = false;
        while (i < s.length()) {
          char d = s.charAt(i);
          if (d == '\'') {
            if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
              b.append('\'');
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          b.append(d);
          i++;
        }
        if (!closed) {
          throw new Unsupported("Invalid filter clause: unterminated string literal.");
        }
        out.add(b.toString());
      } else if (Character.isDigit(c) || c == '-') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "-:.+".indexOf(s.charAt(i)) >= 0)) {
          i++;
        }
        out.add("#" + s.substring(start, i));
      } else if (Character.isLetter(c) || c == '_' || c == '@') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.' || s.charAt(i) == '@' || s.charAt(i) == '-')) {
          i++;
        }
        out.add(s.substring(start, i));
      } else {
        throw new Unsupported("Invalid filter clause: unexpected character '" + c + "'.");
      }
    }
    return out;
  }

  // ---- parser ---------------------------------------------------------------------------------

  private static final class Parser {
    final List<String> tokens;
    final List<String> properties;
    final String resource;
    final List<String> lambdaVars = new ArrayList<>();
    int pos;

    Parser(List<String> tokens, List<String> properties, String resource) {
      this.tokens = tokens;
      this.properties = properties;
      this.resource = resource;
    }

    @Nullable
    String peek() {
      return pos < tokens.size() ? tokens.get(pos) : null;
    }

    String next() {
      if (pos >= tokens.size()) {
        throw new Unsupported("Invalid filter clause: the expression ends too early.");
      }
      return tokens.get(pos++);
    }

    void expect(String t) {
      String n = next();
      if (!n.equals(t)) {
        throw new Unsupported("Invalid filter clause: expected '" + t + "' but found '" + n + "'.");
      }
    }

    boolean keyword(String k) {
      String p = peek();
      if (p != null && p.equalsIgnoreCase(k)) {
        pos++;
        return true;
      }
      return false;
    }

    Node or() {
      Node left = and();
      while (keyword("or")) {
        Node l = left;
        Node r = and();
        left = (item, vars) -> l.test(item, vars) || r.test(item, vars);
      }
      return left;
    }

    Node and() {
      Node left = unary();
      while (keyword("and")) {
        Node l = left;
        Node r = unary();
        left = (item, vars) -> l.test(item, vars) && r.test(item, vars);
      }
      return left;
    }

    Node unary() {
      if (keyword("not")) {
        Node n = unary();
        return (item, vars) -> !n.test(item, vars);
      }
      if ("(".equals(peek())) {
        pos++;
        Node n = or();
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
          throw new Unsupported("Invalid filter clause: unknown function '" + op + "'.");
        }
        return lambda(path, op.equalsIgnoreCase("all"));
      }
      String op = next().toLowerCase(Locale.ROOT);
      Literal lit = literal(next());
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
        throw new Unsupported("Unsupported or invalid query filter clause specified for property '" + String.join("/", path) + "' of resource '" + resource + "'.");
      }
      path.set(0, canonical);
      return path;
    }

    private Node lambda(List<String> path, boolean all) {
      expect("(");
      String var = next();
      expect(":");
      lambdaVars.add(var);
      Node body = or();
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

    private Node function(String name) {
      String fn = name.toLowerCase(Locale.ROOT);
      if (!fn.equals("startswith") && !fn.equals("endswith")) {
        throw new Unsupported("Invalid filter clause: the fake does not support the function '" + name + "'.");
      }
      expect("(");
      List<String> path = path(next());
      expect(",");
      Literal lit = literal(next());
      expect(")");
      if (lit.text == null) {
        throw new Unsupported("Invalid filter clause: " + name + " needs a string.");
      }
      String want = lit.text.toLowerCase(Locale.ROOT);
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

    private Node compare(List<String> path, String op, Literal lit) {
      if (!List.of("eq", "ne", "ge", "gt", "le", "lt").contains(op)) {
        throw new Unsupported("Invalid filter clause: unknown operator '" + op + "'.");
      }
      return (item, vars) -> {
        JsonNode v = resolve(item, vars, path);
        int c;
        if (lit.isNull) {
          boolean isNull = v == null || v.isNull();
          return op.equals("eq") ? isNull : op.equals("ne") && !isNull;
        }
        if (v == null || v.isNull()) {
          return op.equals("ne");
        }
        if (lit.bool != null) {
          if (!v.isBoolean()) {
            return false;
          }
          c = Boolean.compare(v.asBoolean(), lit.bool);
        } else if (lit.number != null && v.isNumber()) {
          c = Double.compare(v.asDouble(), lit.number);
        } else {
          String text = lit.text != null ? lit.text : lit.raw;
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

    private static Literal literal(String t) {
      if (t.startsWith("'")) {
        return new Literal(t.substring(1), null, null, false, t);
      }
      if (t.equals("true") || t.equals("false")) {
        return new Literal(null, Boolean.parseBoolean(t), null, false, t);
      }
      if (t.equals("null")) {
        return new Literal(null, null, null, true, t);
      }
      if (GUID.matcher(t).matches()) {
        // An Edm.Guid literal is written without quotes and may start with a letter.
        return new Literal(t, null, null, false, t);
      }
      if (t.startsWith("#")) {
        String raw = t.substring(1);
        if (GUID.matcher(raw).matches()) {
          return new Literal(raw, null, null, false, raw);
        }
        try {
          return new Literal(null, null, Double.parseDouble(raw), false, raw);
        } catch (NumberFormatException e) {
          return new Literal(null, null, null, false, raw); // a date-time, compared as text
        }
      }
      throw new Unsupported("Invalid filter clause: '" + t + "' is not a literal.");
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

  private static final class Literal {
    final @Nullable String text;
    final @Nullable Boolean bool;
    final @Nullable Double number;
    final boolean isNull;
    final String raw;

    Literal(@Nullable String text, @Nullable Boolean bool, @Nullable Double number, boolean isNull, String raw) {
      this.text = text;
      this.bool = bool;
      this.number = number;
      this.isNull = isNull;
      this.raw = raw;
    }
  }
}
