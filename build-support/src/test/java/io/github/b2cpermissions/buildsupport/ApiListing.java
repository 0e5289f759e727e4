package io.github.b2cpermissions.buildsupport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A text listing of a module's public API: every public type outside {@code internal} packages and
 * its public and protected members, one signature a line, sorted, so that a change to the API shows
 * up as a change to a committed file. Each published module's {@code PublicApiTest} compares its
 * {@code target/classes} with {@code src/test/resources/api/public-api.txt}; with {@code
 * -Dapi.listing.update=true} it writes the file instead.
 */
public final class ApiListing {
  /** The committed listing, relative to the module's folder (Surefire's working directory). */
  public static final Path FILE = Path.of("src", "test", "resources", "api", "public-api.txt");

  /** How to regenerate, for the header and the failure message. */
  public static final String REGENERATE =
      "mvn -B -o -q verify -Dapi.listing.update=true (from the root, all modules)";

  private ApiListing() {}

  /** Whether this run rewrites the listing instead of comparing. */
  public static boolean updating() {
    return Boolean.getBoolean("api.listing.update");
  }

  /**
   * The listing of the classes in {@code classesDirectory} (a module's {@code target/classes}).
   *
   * @param classesDirectory compiled main classes of one module, also on the class path
   * @return the listing, ending in a newline
   */
  public static String of(Path classesDirectory) {
    TreeMap<String, List<String>> types = new TreeMap<>();
    int internal = 0;
    for (JavaClass c : new ClassFileImporter().importPath(classesDirectory)) {
      if (c.getSimpleName().equals("package-info")) {
        continue;
      }
      if (ArchitectureRules.isPublicApi(c)) {
        Class<?> type = load(c.getName());
        List<String> lines = new ArrayList<>();
        lines.add(type.toGenericString() + supertypes(type));
        lines.addAll(members(type));
        types.put(type.getName(), lines);
      } else if (c.getPackageName().contains(".internal") && effectivelyPublic(load(c.getName()))) {
        internal++;
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("# Public API of this module: regenerate with ").append(REGENERATE).append('\n');
    out.append("# ")
        .append(types.size())
        .append(" public types outside internal packages; ")
        .append(internal)
        .append(" public types in internal packages\n");
    for (List<String> lines : types.values()) {
      out.append('\n').append(lines.get(0)).append('\n');
      lines.subList(1, lines.size()).forEach(m -> out.append("  ").append(m).append('\n'));
    }
    return out.toString();
  }

  /**
   * Fails unless the committed listing matches {@code classesDirectory}; rewrites it when {@link
   * #updating()}.
   *
   * @param classesDirectory the module's {@code target/classes}
   * @throws AssertionError naming the first line that differs
   * @throws IOException if the listing cannot be read or written
   */
  public static void check(Path classesDirectory) throws IOException {
    String actual = of(classesDirectory);
    if (updating()) {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
    if (!expected.equals(actual)) {
      throw new AssertionError(
          "the public API differs from "
              + FILE
              + " (if the change is intended, regenerate with "
              + REGENERATE
              + " and commit the file): "
              + firstDifference(expected, actual));
    }
  }

  private static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String el = i < e.length ? e[i] : "<end>";
      String al = i < a.length ? a[i] : "<end>";
      if (!el.equals(al)) {
        return "line " + (i + 1) + ": expected <" + el + "> but the code has <" + al + ">";
      }
    }
    return "none";
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ApiListing.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("not on the test class path: " + name, e);
    }
  }

  private static boolean effectivelyPublic(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  private static String supertypes(Class<?> c) {
    StringBuilder s = new StringBuilder();
    if (c.getGenericSuperclass() != null && c.getSuperclass() != Object.class && !c.isEnum()) {
      s.append(" extends ").append(c.getGenericSuperclass().getTypeName());
    }
    List<String> interfaces = new ArrayList<>();
    for (var t : c.getGenericInterfaces()) {
      if (!(c.isAnnotation() && t == java.lang.annotation.Annotation.class)) {
        interfaces.add(t.getTypeName());
      }
    }
    if (!interfaces.isEmpty()) {
      s.append(c.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
    }
    return s.toString();
  }

  private static List<String> members(Class<?> c) {
    List<String> out = new ArrayList<>();
    String prefix = c.getTypeName() + ".";
    Stream.of(c.getDeclaredFields(), c.getDeclaredConstructors(), c.getDeclaredMethods())
        .flatMap(Stream::of)
        .filter(m -> visible((Member) m) && !((Member) m).isSynthetic())
        .filter(m -> !(m instanceof java.lang.reflect.Method) || !((java.lang.reflect.Method) m).isBridge())
        .map(m -> signature(m).replace(" " + prefix, " ").replace(" " + c.getTypeName() + "(", " " + c.getSimpleName() + "("))
        .sorted()
        .forEach(out::add);
    return out;
  }

  private static boolean visible(Member m) {
    return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
  }

  private static String signature(Object m) {
    if (m instanceof java.lang.reflect.Field) {
      return ((java.lang.reflect.Field) m).toGenericString();
    }
    if (m instanceof java.lang.reflect.Constructor) {
      return ((java.lang.reflect.Constructor<?>) m).toGenericString();
    }
    return ((java.lang.reflect.Method) m).toGenericString();
  }
}
