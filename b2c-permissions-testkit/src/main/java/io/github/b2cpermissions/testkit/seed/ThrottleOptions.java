package io.github.b2cpermissions.testkit.seed;

import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeThrottleLimits;
import io.github.b2cpermissions.testkit.ThrottleCounters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The standalone fake's throttling options: {@code --app-limit N/SECONDS} and {@code
 * --tenant-ru-limit N/SECONDS} set the modelled budgets ({@link FakeThrottleLimits}), and {@code
 * --throttle-stats-out FILE} keeps the counters ({@link ThrottleCounters}) in a JSON file, rewritten
 * every 200 ms and on shutdown, for a benchmark in another process to read.
 */
final class ThrottleOptions {
  static final String USAGE = String.join("\n",
      "  --app-limit N/S    model Graph's app-wide budget: N requests per S seconds across all",
      "                     tenants (429 scoped Application beyond it)",
      "  --tenant-ru-limit N/S  model the per-app-per-tenant budget: N resource units per S s",
      "  --throttle-stats-out FILE  keep the throttling counters in FILE (JSON, every 200 ms)");

  private FakeThrottleLimits limits = FakeThrottleLimits.none();
  private @Nullable Path statsOut;

  /**
   * Takes the option at {@code args[i]} if it is one of these.
   *
   * @return the index of its last argument, or -1 when it is not one of these
   * @throws IllegalArgumentException if its value is malformed
   */
  int take(String[] args, int i) {
    switch (args[i]) {
      case "--app-limit": {
        long[] v = perSeconds(args, i);
        limits = limits.appRequests((int) v[0], Duration.ofSeconds(v[1]));
        return i + 1;
      }
      case "--tenant-ru-limit": {
        long[] v = perSeconds(args, i);
        limits = limits.tenantResourceUnits((int) v[0], Duration.ofSeconds(v[1]));
        return i + 1;
      }
      case "--throttle-stats-out":
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--throttle-stats-out needs a file");
        }
        statsOut = Path.of(args[i + 1]);
        return i + 1;
      default:
        return -1;
    }
  }

  /** The limits the options set ({@link FakeThrottleLimits#none()} without any). */
  FakeThrottleLimits limits() {
    return limits;
  }

  /** Starts keeping the counters in the stats file, if one was named. */
  void startStats(FakeGraph graph) {
    Path out = statsOut;
    if (out == null) {
      return;
    }
    write(graph, out);
    Thread writer = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
        write(graph, out);
      }
    }, "fake-graph-throttle-stats");
    writer.setDaemon(true);
    writer.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> write(graph, out), "fake-graph-stats-last"));
  }

  static String json(ThrottleCounters c, FakeThrottleLimits limits) {
    return "{\"graphRequests\":" + c.graphRequests() + ",\"appThrottled\":" + c.appThrottled()
        + ",\"tenantThrottled\":" + c.tenantThrottled() + ",\"peakAppRequestsPerPeriod\":"
        + c.peakAppRequestsPerPeriod() + ",\"limitSignals\":" + c.limitSignals() + ",\"appLimit\":" + limits.appRequests()
        + ",\"appPeriodSeconds\":" + limits.appPeriod().toSeconds() + "}";
  }

  private void write(FakeGraph graph, Path out) {
    try {
      Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
      Files.writeString(tmp, json(graph.throttleCounters(), limits), StandardCharsets.UTF_8);
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long[] perSeconds(String[] args, int i) {
    if (i + 1 >= args.length) {
      throw new IllegalArgumentException(args[i] + " needs N/SECONDS");
    }
    String v = args[i + 1];
    int slash = v.indexOf('/');
    try {
      long n = Long.parseLong(v.substring(0, slash < 0 ? v.length() : slash).trim());
      long s = slash < 0 ? 10 : Long.parseLong(v.substring(slash + 1).trim());
      if (n < 1 || n > Integer.MAX_VALUE || s < 1) {
        throw new IllegalArgumentException(args[i] + " needs a positive N and SECONDS, was " + v);
      }
      return new long[] {n, s};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(args[i] + " needs N/SECONDS, was " + v, e);
    }
  }
}
