package io.github.b2cpermissions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every README code block marked {@code <!-- snippet:NAME -->} is the region of {@code
 * ReadmeSnippets.java} between {@code // snippet:NAME} and {@code // end-snippet}, indentation
 * removed: the README shows code that compiles.
 */
class ReadmeSnippetsTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Pattern README_BLOCK =
      Pattern.compile("<!-- snippet:(\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void readmeSnippetsAreTheCompiledExampleCode() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String source = Files.readString(ROOT.resolve(
        "examples/src/main/java/io/github/b2cpermissions/examples/ReadmeSnippets.java"));
    Matcher m = README_BLOCK.matcher(readme);
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
      assertThat(m.group(2).strip()).as("README snippet %s", m.group(1))
          .isEqualTo(region(source, m.group(1)));
    }
    assertThat(names).containsExactlyInAnyOrder("build", "verify", "consent", "testkit");
  }

  private static String region(String source, String name) throws IOException {
    String file = source;
    int start = file.indexOf("// snippet:" + name + "\n");
    if (start < 0) {
      Path test = ROOT.resolve(
          "examples/src/test/java/io/github/b2cpermissions/examples/B2cBackupJobTest.java");
      file = Files.readString(test);
      start = file.indexOf("// snippet:" + name + "\n");
    }
    assertThat(start).as("snippet %s in the example code", name).isNotNegative();
    int from = file.indexOf('\n', start) + 1;
    int to = file.indexOf("// end-snippet", from);
    String[] lines = file.substring(from, to).split("\n");
    int indent = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        indent = Math.min(indent, l.length() - l.stripLeading().length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
    }
    return sb.toString().strip();
  }
}
