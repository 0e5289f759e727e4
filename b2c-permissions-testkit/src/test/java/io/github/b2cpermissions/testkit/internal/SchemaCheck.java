package io.github.b2cpermissions.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks Graph JSON against Microsoft's metadata and collects every violation (with its JSON path):
 * in v1.0, each property must exist on the object's type or a base type (the type named by
 * {@code @odata.type} when present, which must derive from the expected one), and its value must have
 * the JSON form of its Edm type (strings, booleans, integers, GUIDs, ISO 8601 dates, enum members,
 * collections, complex types recursively) and respect {@code Nullable="false"}. In beta, property
 * names are checked against the beta lists, and values against v1.0 where v1.0 declares the property
 * on the same type.
 */
final class SchemaCheck {
  private static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Set<String> INTEGERS = Set.of("Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte");
  private static final Set<String> DECIMALS = Set.of("Edm.Double", "Edm.Single", "Edm.Decimal");

  private final GraphMetadata meta;
  private final List<String> violations = new ArrayList<>();
  private int checkedProperties;

  SchemaCheck(GraphMetadata meta) {
    this.meta = meta;
  }

  List<String> violations() {
    return violations;
  }

  int checkedProperties() {
    return checkedProperties;
  }

  /** Checks one object of a v1.0 reply against {@code type} (qualified). */
  void v1Object(JsonNode o, String type, String where) {
    value(o, new CsdlModel.Prop("", type, false), where);
  }

  /** Checks one object of a beta reply against the beta lists of {@code type} (qualified). */
  void betaObject(JsonNode o, String type, String where) {
    if (!o.isObject()) {
      violations.add(where + ": expected an object of beta " + type + ", got " + o.getNodeType());
      return;
    }
    String actual = derivedType(o, type, where, true);
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String name = f.getKey();
      if (name.equals("@odata.type")) {
        continue;
      }
      checkedProperties++;
      String declaring = null;
      for (String t = actual; t != null && declaring == null; t = meta.betaBase(t)) {
        BetaTypeLists.Names n = meta.beta.type(t);
        if (n != null && n.properties().contains(name)) {
          declaring = t;
        }
      }
      if (declaring == null) {
        violations.add(where + "/" + name + ": not a property of beta " + actual + " or its base types");
        continue;
      }
      CsdlModel.Prop p = meta.v1.allProperties(declaring).get(name);
      if (p != null) {
        value(f.getValue(), p, where + "/" + name);
      }
    }
  }

  private void value(JsonNode v, CsdlModel.Prop p, String where) {
    if (v.isNull()) {
      if (!p.nullable()) {
        violations.add(where + ": null, but " + p.type() + " is Nullable=\"false\"");
      }
      return;
    }
    if (p.isCollection()) {
      if (!v.isArray()) {
        violations.add(where + ": expected a JSON array for " + p.type() + ", got " + v.getNodeType());
        return;
      }
      CsdlModel.Prop element = new CsdlModel.Prop(p.name(), p.elementType(), false);
      for (int i = 0; i < v.size(); i++) {
        value(v.get(i), element, where + "[" + i + "]");
      }
      return;
    }
    String t = p.type();
    if (t.startsWith("Edm.")) {
      primitive(v, t, where);
    } else if (meta.v1.enums.containsKey(t)) {
      enumValue(v, meta.v1.enums.get(t), where);
    } else if (meta.v1.types.containsKey(t)) {
      structured(v, t, where);
    } else {
      violations.add(where + ": unknown type " + t);
    }
  }

  private void structured(JsonNode v, String type, String where) {
    if (!v.isObject()) {
      violations.add(where + ": expected a JSON object for " + type + ", got " + v.getNodeType());
      return;
    }
    String actual = derivedType(v, type, where, false);
    Map<String, CsdlModel.Prop> props = meta.v1.allProperties(actual);
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equals("@odata.type")) {
        continue;
      }
      checkedProperties++;
      CsdlModel.Prop p = props.get(f.getKey());
      if (p == null) {
        violations.add(where + "/" + f.getKey() + ": not a property of " + actual + " or its base types");
      } else {
        value(f.getValue(), p, where + "/" + f.getKey());
      }
    }
  }

  /** The type {@code @odata.type} names (checked to derive from {@code declared}), else {@code declared}. */
  private String derivedType(JsonNode v, String declared, String where, boolean beta) {
    JsonNode odataType = v.get("@odata.type");
    if (odataType == null) {
      CsdlModel.StructuredType t = meta.v1.type(declared);
      if (!beta && t != null && t.isAbstract()) {
        violations.add(where + ": abstract type " + declared + " without @odata.type");
      }
      return declared;
    }
    String named = odataType.asText().replaceFirst("^#", "");
    boolean derives = false;
    for (String t = named; t != null && !derives; t = beta ? meta.betaBase(t) : baseOf(t)) {
      derives = t.equals(declared);
    }
    if (!derives) {
      violations.add(where + "/@odata.type: " + named + " is not " + declared + " or derived from it");
      return declared;
    }
    return named;
  }

  private String baseOf(String type) {
    CsdlModel.StructuredType t = meta.v1.type(type);
    return t == null ? null : t.baseType();
  }

  private void enumValue(JsonNode v, CsdlModel.EnumType e, String where) {
    if (!v.isTextual()) {
      violations.add(where + ": expected a member of " + e.name() + " as a string, got " + v.getNodeType());
      return;
    }
    String[] parts = e.flags() ? v.asText().split(",") : new String[] {v.asText()};
    for (String part : parts) {
      if (!e.members().contains(part.trim())) {
        violations.add(where + ": '" + part + "' is not a member of " + e.name() + " " + e.members());
      }
    }
  }

  private void primitive(JsonNode v, String t, String where) {
    boolean ok;
    if (t.equals("Edm.String")) {
      ok = v.isTextual();
    } else if (t.equals("Edm.Boolean")) {
      ok = v.isBoolean();
    } else if (INTEGERS.contains(t)) {
      ok = v.isIntegralNumber();
    } else if (DECIMALS.contains(t)) {
      ok = v.isNumber() || (v.isTextual() && Set.of("NaN", "INF", "-INF").contains(v.asText()));
    } else if (t.equals("Edm.Guid")) {
      ok = v.isTextual() && GUID.matcher(v.asText()).matches();
    } else if (t.equals("Edm.DateTimeOffset")) {
      ok = v.isTextual() && parses(() -> OffsetDateTime.parse(v.asText()));
    } else if (t.equals("Edm.Date")) {
      ok = v.isTextual() && parses(() -> LocalDate.parse(v.asText()));
    } else if (t.equals("Edm.TimeOfDay")) {
      ok = v.isTextual() && parses(() -> LocalTime.parse(v.asText()));
    } else if (t.equals("Edm.Duration")) {
      ok = v.isTextual() && parses(() -> Duration.parse(v.asText()));
    } else if (t.equals("Edm.Binary")) {
      ok = v.isTextual() && parses(() -> Base64.getDecoder().decode(v.asText()));
    } else {
      violations.add(where + ": the check does not know " + t);
      return;
    }
    if (!ok) {
      violations.add(where + ": " + v + " is not the JSON form of " + t);
    }
  }

  private static boolean parses(Runnable r) {
    try {
      r.run();
      return true;
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return false;
    }
  }
}
