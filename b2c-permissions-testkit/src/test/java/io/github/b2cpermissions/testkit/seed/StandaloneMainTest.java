package io.github.b2cpermissions.testkit.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.b2cpermissions.testkit.FakeGraph;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandaloneMainTest {

  private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) throws Exception {
    return StandaloneMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsUsage() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(run(out, new ByteArrayOutputStream(), "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--seed FILE").contains("--cert-out");
  }

  @Test
  void badOptionsAndSeedsExitWith2() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(new ByteArrayOutputStream(), err, "--bogus")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --bogus");
    assertThat(run(new ByteArrayOutputStream(), err, "--port")).isEqualTo(2);
    java.nio.file.Path seed = java.nio.file.Files.createTempFile("seed", ".json");
    java.nio.file.Files.writeString(seed, "{\"nope\":1}");
    assertThat(run(new ByteArrayOutputStream(), err, "--seed", seed.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown key 'nope'");
  }

  @Test
  void printedInfoLeavesSecretsToTheInfoFile() {
    FakeGraph graph = FakeGraphSeed.load("{\"domain\":\"contoso.onmicrosoft.com\"}").start();
    try {
      ObjectNode shown = StandaloneMain.info(graph, null, false);
      ObjectNode full = StandaloneMain.info(graph, null, true);
      assertThat(shown.toString()).doesNotContain(graph.tenants().get(0).clientSecret()).contains("contoso.onmicrosoft.com");
      assertThat(full.path("tenants").get(0).path("clientSecret").asText()).isEqualTo(graph.tenants().get(0).clientSecret());
      assertThat(shown.path("graphEndpoint").asText()).isEqualTo(graph.graphEndpoint().toString());
    } finally {
      graph.stop();
    }
  }
}
