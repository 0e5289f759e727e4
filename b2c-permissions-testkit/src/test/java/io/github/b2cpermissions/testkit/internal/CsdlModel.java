package io.github.b2cpermissions.testkit.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * The parts of an OData CSDL document the schema conformance test reads: entity and complex types
 * with their base types, structural and navigation properties, enum types with their members, and
 * the entity container's entity sets and singletons. Type names are kept fully qualified, with the
 * schemas' aliases ({@code graph.}) resolved.
 */
final class CsdlModel {
  /** A structural or navigation property: its name, its type as written (qualified) and nullability. */
  record Prop(String name, String type, boolean nullable) {
    boolean isCollection() {
      return type.startsWith("Collection(");
    }

    /** The type of the property, or of each element of a collection. */
    String elementType() {
      return isCollection() ? type.substring("Collection(".length(), type.length() - 1) : type;
    }
  }

  /** An entity or complex type. */
  record StructuredType(
      String name, @Nullable String baseType, boolean entity, boolean open, boolean isAbstract, Map<String, Prop> properties, Map<String, Prop> navigation) {}

  /** An enum type: its member names and whether several may be combined. */
  record EnumType(String name, Set<String> members, boolean flags) {}

  final Map<String, StructuredType> types = new HashMap<>();
  final Map<String, EnumType> enums = new HashMap<>();
  /** The entity sets, then the singletons, of the container: the qualified type by name. */
  final Map<String, String> entitySets = new HashMap<>();
  final Map<String, String> singletons = new HashMap<>();
  /**
   * The bound functions and actions: by {@code bindingType/name} (the binding type as written, such
   * as {@code Collection(microsoft.graph.user)}), the return type, or an empty string for none.
   */
  final Map<String, String> functions = new HashMap<>();
  final Map<String, String> actions = new HashMap<>();

  private CsdlModel() {}

  /**
   * Reads a CSDL document.
   *
   * @throws IllegalStateException when the document cannot be read
   */
  static CsdlModel read(InputStream in) {
    CsdlModel m = new CsdlModel();
    Map<String, String> aliases = new HashMap<>();
    List<Object[]> raw = new ArrayList<>();
    List<String[]> operations = new ArrayList<>();
    try {
      XMLInputFactory f = XMLInputFactory.newFactory();
      f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      XMLStreamReader r = f.createXMLStreamReader(in);
      String namespace = "";
      String typeName = null;
      Map<String, Prop> props = null;
      Map<String, Prop> navs = null;
      Set<String> members = null;
      String[] pending = null;
      boolean flags = false;
      String[] operation = null;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String el = r.getLocalName();
          switch (el) {
            case "Schema" -> {
              namespace = r.getAttributeValue(null, "Namespace");
              String alias = r.getAttributeValue(null, "Alias");
              if (alias != null) {
                aliases.put(alias, namespace);
              }
            }
            case "EntityType", "ComplexType" -> {
              typeName = namespace + "." + r.getAttributeValue(null, "Name");
              props = new LinkedHashMap<>();
              navs = new LinkedHashMap<>();
              pending =
                  new String[] {
                    typeName,
                    r.getAttributeValue(null, "BaseType"),
                    el,
                    r.getAttributeValue(null, "OpenType"),
                    r.getAttributeValue(null, "Abstract")
                  };
            }
            case "Property" -> {
              if (props != null) {
                props.put(r.getAttributeValue(null, "Name"), prop(r));
              }
            }
            case "NavigationProperty" -> {
              if (navs != null) {
                navs.put(r.getAttributeValue(null, "Name"), prop(r));
              }
            }
            case "EnumType" -> {
              typeName = namespace + "." + r.getAttributeValue(null, "Name");
              members = new LinkedHashSet<>();
              flags = "true".equals(r.getAttributeValue(null, "IsFlags"));
            }
            case "Member" -> {
              if (members != null) {
                members.add(r.getAttributeValue(null, "Name"));
              }
            }
            case "Function", "Action" -> {
              operation = "true".equals(r.getAttributeValue(null, "IsBound")) ? new String[] {el, r.getAttributeValue(null, "Name"), null, ""} : null;
            }
            case "Parameter" -> {
              if (operation != null && operation[2] == null) {
                operation[2] = r.getAttributeValue(null, "Type");
              }
            }
            case "ReturnType" -> {
              if (operation != null) {
                operation[3] = r.getAttributeValue(null, "Type");
              }
            }
            case "EntitySet" -> m.entitySets.put(r.getAttributeValue(null, "Name"), r.getAttributeValue(null, "EntityType"));
            case "Singleton" -> m.singletons.put(r.getAttributeValue(null, "Name"), r.getAttributeValue(null, "Type"));
            default -> {}
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          String el = r.getLocalName();
          if ((el.equals("EntityType") || el.equals("ComplexType")) && pending != null) {
            raw.add(new Object[] {pending, props, navs});
            pending = null;
            props = null;
            navs = null;
          } else if ((el.equals("Function") || el.equals("Action")) && operation != null) {
            if (operation[2] != null) {
              operations.add(operation);
            }
            operation = null;
          } else if (el.equals("EnumType") && members != null) {
            m.enums.put(typeName, new EnumType(typeName, Set.copyOf(members), flags));
            members = null;
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot read the CSDL", e);
    }
    for (Object[] t : raw) {
      String[] head = (String[]) t[0];
      @SuppressWarnings("unchecked")
      Map<String, Prop> props = qualify((Map<String, Prop>) t[1], aliases);
      @SuppressWarnings("unchecked")
      Map<String, Prop> navs = qualify((Map<String, Prop>) t[2], aliases);
      String base = head[1] == null ? null : qualify(head[1], aliases);
      m.types.put(head[0], new StructuredType(head[0], base, head[2].equals("EntityType"), "true".equals(head[3]), "true".equals(head[4]), props, navs));
    }
    for (String[] op : operations) {
      String key = qualify(op[2], aliases) + "/" + op[1];
      String ret = op[3].isEmpty() ? "" : qualify(op[3], aliases);
      (op[0].equals("Function") ? m.functions : m.actions).put(key, ret);
    }
    m.entitySets.replaceAll((k, v) -> qualify(v, aliases));
    m.singletons.replaceAll((k, v) -> qualify(v, aliases));
    return m;
  }

  private static Prop prop(XMLStreamReader r) {
    return new Prop(r.getAttributeValue(null, "Name"), r.getAttributeValue(null, "Type"), !"false".equals(r.getAttributeValue(null, "Nullable")));
  }

  private static Map<String, Prop> qualify(Map<String, Prop> in, Map<String, String> aliases) {
    Map<String, Prop> out = new LinkedHashMap<>();
    in.forEach((k, p) -> out.put(k, new Prop(p.name(), qualify(p.type(), aliases), p.nullable())));
    return out;
  }

  /** A type name with its alias prefix replaced by the schema namespace; Collection(...) kept. */
  static String qualify(String type, Map<String, String> aliases) {
    if (type.startsWith("Collection(")) {
      return "Collection(" + qualify(type.substring(11, type.length() - 1), aliases) + ")";
    }
    int dot = type.lastIndexOf('.');
    String ns = dot < 0 ? "" : type.substring(0, dot);
    String ns2 = aliases.get(ns);
    return ns2 == null ? type : ns2 + type.substring(dot);
  }

  @Nullable
  StructuredType type(String qualified) {
    return types.get(qualified);
  }

  /** The type and its base types, most derived first. */
  List<StructuredType> lineage(String qualified) {
    List<StructuredType> out = new ArrayList<>();
    StructuredType t = types.get(qualified);
    while (t != null) {
      out.add(t);
      t = t.baseType() == null ? null : types.get(t.baseType());
    }
    return out;
  }

  /** The structural properties of a type with those of its base types, base first. */
  Map<String, Prop> allProperties(String qualified) {
    Map<String, Prop> out = new LinkedHashMap<>();
    List<StructuredType> l = lineage(qualified);
    for (int i = l.size() - 1; i >= 0; i--) {
      out.putAll(l.get(i).properties());
    }
    return out;
  }

  /** A navigation property of a type or its base types, or null. */
  @Nullable
  Prop navigation(String qualified, String name) {
    for (StructuredType t : lineage(qualified)) {
      Prop p = t.navigation().get(name);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  /** Whether {@code derived} is {@code base} or derives from it. */
  boolean derivesFrom(String derived, String base) {
    for (StructuredType t : lineage(derived)) {
      if (t.name().equals(base)) {
        return true;
      }
    }
    return false;
  }
}
