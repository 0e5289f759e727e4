package io.github.b2cpermissions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM has no parent, so it writes its versions itself. Every version it manages must be the
 * version the build uses (the parent pom's dependencyManagement), so that a consumer who imports the
 * BOM runs on what our tests ran on; and it must manage what our modules need at run time, but no
 * test library.
 */
class BomAlignmentTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private static Map<String, String> parentManaged;
  private static Map<String, String> bomManaged;

  @BeforeAll
  static void readPoms() throws Exception {
    parentManaged = managed(ROOT.resolve("pom.xml"));
    bomManaged = managed(ROOT.resolve("b2c-permissions-bom/pom.xml"));
  }

  /** groupId:artifactId[:type] to resolved version, from a pom's dependencyManagement. */
  private static Map<String, String> managed(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(pom.toFile());
    Element project = doc.getDocumentElement();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("project.version", text(project, "version"));
    Element props = child(project, "properties");
    if (props != null) {
      NodeList list = props.getChildNodes();
      for (int i = 0; i < list.getLength(); i++) {
        if (list.item(i) instanceof Element e) {
          properties.put(e.getTagName(), e.getTextContent().trim());
        }
      }
    }
    Map<String, String> managed = new LinkedHashMap<>();
    Element dependencies = child(child(project, "dependencyManagement"), "dependencies");
    NodeList list = dependencies.getElementsByTagName("dependency");
    for (int i = 0; i < list.getLength(); i++) {
      Element d = (Element) list.item(i);
      String type = text(d, "type");
      String key = text(d, "groupId") + ":" + text(d, "artifactId") + ("pom".equals(type) ? ":pom" : "");
      managed.put(key, resolve(text(d, "version"), properties, pom));
    }
    return managed;
  }

  private static String resolve(String value, Map<String, String> properties, Path pom) {
    Matcher m = PROPERTY.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String resolved = properties.get(m.group(1));
      assertThat(resolved).as("property %s in %s", m.group(1), pom).isNotNull();
      m.appendReplacement(sb, Matcher.quoteReplacement(resolved));
    }
    return m.appendTail(sb).toString();
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? "" : e.getTextContent().trim();
  }

  @Test
  void everyVersionTheBomManagesIsTheVersionTheBuildUses() {
    assertThat(bomManaged).isNotEmpty();
    bomManaged.forEach((artifact, version) ->
        assertThat(parentManaged.get(artifact))
            .as("%s: the BOM says %s, the parent pom must manage the same version", artifact, version)
            .isEqualTo(version));
  }

  @Test
  void bomAlignsTheThirdPartyLibrariesOurModulesNeed() {
    assertThat(bomManaged).containsKeys(
        "io.github.b2cpermissions:b2c-permissions-api",
        "io.github.b2cpermissions:b2c-permissions-graph",
        "io.github.b2cpermissions:b2c-permissions-testkit",
        "io.github.b2cpermissions:b2c-permissions-bucket4j",
        "com.bucket4j:bucket4j_jdk17-lettuce",
        "io.lettuce:lettuce-core",
        "com.microsoft.graph:microsoft-graph",
        "com.microsoft.graph:microsoft-graph-core",
        "com.microsoft.kiota:microsoft-kiota-http-okHttp",
        "com.microsoft.kiota:microsoft-kiota-abstractions",
        "com.azure:azure-sdk-bom:pom",
        "com.azure:azure-core-http-okhttp",
        "com.squareup.okhttp3:okhttp",
        "com.fasterxml.jackson:jackson-bom:pom",
        "org.wiremock:wiremock-standalone");
  }

  @Test
  void bomManagesNoTestOrBuildLibrary() {
    List<String> forbidden = List.of("org.junit", "org.assertj", "net.jqwik", "org.openjdk.jmh", "info.picocli",
        "org.slf4j:slf4j-simple");
    assertThat(bomManaged.keySet()).noneMatch(key -> forbidden.stream().anyMatch(key::startsWith));
  }

  @Test
  void everyRunTimeDependencyOfAPublishedModuleIsManagedByTheBom() throws Exception {
    // Artifacts whose versions come from an imported vendor BOM, by group.
    Map<String, String> importedBy = Map.of(
        "com.azure", "com.azure:azure-sdk-bom:pom",
        "com.fasterxml.jackson.core", "com.fasterxml.jackson:jackson-bom:pom",
        "org.slf4j", "org.slf4j:slf4j-bom:pom");
    int checked = 0;
    for (String module : List.of("b2c-permissions-api", "b2c-permissions-graph", "b2c-permissions-testkit",
        "b2c-permissions-bucket4j")) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element project = factory.newDocumentBuilder()
          .parse(ROOT.resolve(module).resolve("pom.xml").toFile()).getDocumentElement();
      Element dependencies = child(project, "dependencies");
      for (Node n = dependencies.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (!(n instanceof Element d)) {
          continue;
        }
        String scope = text(d, "scope");
        if (scope.equals("test") || scope.equals("provided")) {
          continue;
        }
        String group = text(d, "groupId");
        String key = group + ":" + text(d, "artifactId");
        String via = importedBy.get(group);
        assertThat(bomManaged.containsKey(key) || (via != null && bomManaged.containsKey(via)))
            .as("%s needs %s at run time; the BOM must manage it", module, key)
            .isTrue();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10);
  }
}
