package io.github.b2cpermissions.testkit.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkFleetTest {

  @Test
  void generatedTenantsAreHostedAndTheirIdsWrittenOneALine() throws Exception {
    FakeGraph graph = FakeGraph.builder().build();
    Path ids = Files.createTempFile("tenant-ids", ".txt");
    BenchmarkFleet.addTenants(graph, 25, ids);
    List<String> lines = Files.readAllLines(ids, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(25).doesNotHaveDuplicates();
    assertThat(graph.tenants()).extracting(FakeGraphTenant::tenantId).containsAll(lines);
  }

  @Test
  void negativeTenantCountIsRefusedWithExitCode2() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = StandaloneMain.run(new String[] {"--tenants", "-1"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("must not be negative");
  }

  @Test
  void usageNamesTheLoadTestOptions() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StandaloneMain.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--tenants N").contains("--latency-ms N").contains("--http1");
  }
}
