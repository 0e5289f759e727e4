package io.github.b2cpermissions.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code warm-cpu}: the verifier's own cost of a warm {@code verify}, with no network (issue 14:
 * at most 0.15 ms of CPU per warm check). Runs {@link WarmVerifyJmh} under JMH in one forked JVM
 * and prints JMH's average time per verify, the allocation per verify ({@code -prof gc}) and the
 * CPU per verify across all threads, as a ratio to the target.
 *
 * <p>The CPU figure is the process's CPU time over each measurement iteration divided by the
 * verifies in it, sampled by the benchmark's own iteration fixtures (outside JMH's timer, which
 * measures only the calling thread's wall time): {@code verify} is asynchronous inside (OkHttp's
 * dispatcher threads run the call and its callback, the verifier's stages complete there), so the
 * caller's CPU alone would miss work. The process figure also counts GC, JIT compilation and
 * JMH's own idle threads, so it is an upper bound of the verifier's cost; the sum over live Java
 * threads (no GC, no JIT) and the calling thread's own share are printed next to it.
 *
 * <p>{@code -Dwarmcpu.jfr=FILE} records the forked JVM with JFR (stack depth 256) for {@code jfr
 * print --events jdk.ExecutionSample FILE}, with JFR's {@code profile} settings or the settings
 * file named by {@code -Dwarmcpu.jfrSettings=FILE.jfc} (for example one sampling every 1 ms).
 */
final class WarmCpuBenchmark {
  private static final double TARGET_MICROS = 150.0;
  private static final int WARMUP_ITERATIONS = 5;
  private static final int WARMUP_SECONDS = 3;
  private static final int MEASUREMENT_ITERATIONS = 5;
  private static final int MEASUREMENT_SECONDS = 4;

  private WarmCpuBenchmark() {}

  static void run() throws IOException, RunnerException {
    System.out.println("== warm-cpu: a warm verify answered from recorded responses (no network)");
    String loadBefore = loadAverage();
    Path samples = Files.createTempFile("warm-cpu", ".txt");
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(WarmVerifyJmh.class.getName() + ".warmVerify")
        .forks(1)
        .threads(1)
        .warmupIterations(WARMUP_ITERATIONS)
        .warmupTime(TimeValue.seconds(WARMUP_SECONDS))
        .measurementIterations(MEASUREMENT_ITERATIONS)
        .measurementTime(TimeValue.seconds(MEASUREMENT_SECONDS))
        .timeUnit(TimeUnit.MICROSECONDS)
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true);
    List<String> forkArgs = new ArrayList<>(List.of("-D" + WarmVerifyJmh.OUT_PROPERTY + "=" + samples));
    String jfr = System.getProperty("warmcpu.jfr");
    if (jfr != null) {
      forkArgs.add("-XX:FlightRecorderOptions:stackdepth=256");
      forkArgs.add("-XX:StartFlightRecording=filename=" + jfr + ",settings="
          + System.getProperty("warmcpu.jfrSettings", "profile"));
    }
    options.jvmArgsAppend(forkArgs.toArray(String[]::new));
    Collection<RunResult> results = new Runner(options.build()).run();
    String loadAfter = loadAverage();
    if (results.isEmpty()) {
      throw new IllegalStateException("JMH returned no result");
    }
    RunResult result = results.iterator().next();
    Result<?> time = result.getPrimaryResult();
    Map<String, Result> secondary = result.getSecondaryResults();
    Result<?> alloc = secondary.get("gc.alloc.rate.norm");

    List<long[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(samples, StandardCharsets.UTF_8)) {
      String[] f = line.trim().split(" ");
      rows.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
          Long.parseLong(f[3])});
    }
    Files.deleteIfExists(samples);
    if (rows.size() != MEASUREMENT_ITERATIONS) {
      throw new IllegalStateException("expected " + MEASUREMENT_ITERATIONS + " CPU samples, got "
          + rows.size());
    }
    long ops = 0;
    long process = 0;
    long java = 0;
    long callerCpu = 0;
    List<String> perIteration = new ArrayList<>();
    for (long[] r : rows) {
      ops += r[0];
      process += r[1];
      java += r[2];
      callerCpu += r[3];
      perIteration.add(String.format(Locale.ROOT, "%.1f", r[1] / 1e3 / r[0]));
    }
    double processPerOp = process / 1e3 / ops;
    System.out.printf(Locale.ROOT,
        "   settings: JMH 1.37, @Fork(1), 1 thread, Mode.AverageTime, warmup %d x %d s,"
            + " measurement %d x %d s, -prof gc; replayed responses, the fake stopped; request"
            + " budget %,d per 10 s (100x Graph's app-wide limit: no pacing)%n"
            + "   load average before: %s; after: %s%n"
            + "   time per warm verify (JMH): %.1f +- %.1f us%n"
            + "   allocated per warm verify: %s%n"
            + "   CPU per warm verify, whole process (all threads, GC, JIT): %.1f us"
            + " (iterations: %s)%n"
            + "   CPU per warm verify, live Java threads only: %.1f us; the calling thread's"
            + " share: %.1f us%n"
            + "   verifies measured: %d%n"
            + "   ratio process CPU / target 150 us: %.2fx  (target <= 1.0x)%n",
        WARMUP_ITERATIONS, WARMUP_SECONDS, MEASUREMENT_ITERATIONS, MEASUREMENT_SECONDS,
        WarmVerifyJmh.BUDGET_LIMIT, loadBefore, loadAfter, time.getScore(), time.getScoreError(),
        alloc == null ? "n/a" : String.format(Locale.ROOT, "%.0f B", alloc.getScore()),
        processPerOp, String.join(", ", perIteration), java / 1e3 / ops, callerCpu / 1e3 / ops,
        ops, processPerOp / TARGET_MICROS);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
