package io.github.b2cpermissions.testkit.seed;

import io.github.b2cpermissions.B2cBackupPermission;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import io.github.b2cpermissions.testkit.FakeGraphTenantBuilder;
import io.github.b2cpermissions.testkit.FakeRoute;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The standalone fake's options for load tests: many generated tenants and one latency on every
 * HTTP exchange, token requests included.
 */
final class BenchmarkFleet {
  private BenchmarkFleet() {}

  /**
   * Adds {@code count} B2C tenants of the default backup app, every permission granted except on
   * every tenth tenant, which lacks {@link B2cBackupPermission#USER_PHONE_READ_WRITE_ALL}; writes
   * their ids to {@code idsOut}, one a line, when given.
   */
  static void addTenants(FakeGraph graph, int count, Path idsOut) throws IOException {
    try (BufferedWriter out = idsOut == null ? null : Files.newBufferedWriter(idsOut, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        FakeGraphTenantBuilder seed = FakeGraphTenant.builder().grantedAll();
        if (i % 10 == 0) {
          seed.without(B2cBackupPermission.USER_PHONE_READ_WRITE_ALL);
        }
        String id = graph.addTenant(seed).tenantId();
        if (out != null) {
          out.write(id);
          out.newLine();
        }
      }
    }
  }

  /** Delays every Graph exchange and every token request by {@code latency}. */
  static void latency(FakeGraph graph, Duration latency) {
    graph.faults().latency(latency);
    graph.faults().on(FakeRoute.TOKEN).latency(latency);
  }
}
