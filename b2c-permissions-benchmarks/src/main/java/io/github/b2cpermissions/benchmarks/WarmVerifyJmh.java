package io.github.b2cpermissions.benchmarks;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import io.github.b2cpermissions.RequestBudget;
import io.github.b2cpermissions.RequestBudgetConfig;
import io.github.b2cpermissions.VerificationOutcome;
import io.github.b2cpermissions.VerificationReport;
import io.github.b2cpermissions.graph.GraphCloud;
import io.github.b2cpermissions.graph.GraphPermissionVerifier;
import io.github.b2cpermissions.testkit.CachingTokenCredential;
import io.github.b2cpermissions.testkit.FakeGraph;
import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import reactor.core.publisher.Mono;

/**
 * The JMH benchmark behind {@code warm-cpu} (run by {@link WarmCpuBenchmark}): one warm {@code
 * verify} of a fully granted tenant, through the public builder only, with no network. The setup
 * checks the tenant twice against the testkit's fake on loopback (the cold check and the first warm
 * one) through {@link CannedResponses} recording, stops the fake, switches to replay and checks
 * once more, refusing to go on unless that check is SATISFIED and every request found its answer.
 * The credential hands out the fake's token fetched in the setup, as a cached token credential does
 * on a warm check; the verifier still validates it on every check. The request budget is set 100
 * times above Graph's app-wide limit ({@link #BUDGET_LIMIT}), so that its pacing does not decide
 * the time measured.
 *
 * <p>Besides JMH's time per operation, each measurement iteration samples the process's CPU time
 * ({@code com.sun.management.OperatingSystemMXBean#getProcessCpuTime}: every thread, GC and JIT
 * included) and the CPU time of every live Java thread, and appends one line per iteration to the
 * file named by the system property {@value #OUT_PROPERTY}: {@code ops processCpuNanos
 * javaThreadsCpuNanos callerCpuNanos}.
 */
@State(Scope.Benchmark)
public class WarmVerifyJmh {
  /**
   * The request budget's limit per 10 s: 100 times Graph's app-wide limit. Under the default
   * budget (Graph's limit, each item of a {@code $batch} one request) one verifier paces its warm
   * checks of three items to one per 243 us, and that pacing, not the verifier's work, would be
   * the time measured.
   */
  static final int BUDGET_LIMIT = 100 * RequestBudgetConfig.GRAPH_APP_LIMIT;

  /** The system property naming the file the CPU samples go to. */
  public static final String OUT_PROPERTY = "warmcpu.out";

  private final CannedResponses canned = new CannedResponses();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private @Nullable GraphPermissionVerifier verifier;
  private String tenantId = "";
  private long ops;
  private long opsAtStart;
  private long processCpuAtStart;
  private long javaCpuAtStart;
  private long callerCpuAtStart;
  private @Nullable Thread caller;

  /**
   * Records the fake's answers, stops it, and proves the replayed warm check is SATISFIED.
   *
   * @throws IllegalStateException if any check is not SATISFIED or a replayed request was never
   *     recorded
   */
  @Setup(Level.Trial)
  public void setUp() {
    FakeGraph server = FakeGraph.builder().journalLimit(1_000).build().start();
    try {
      FakeGraphTenant tenant = server.addTenant(FakeGraphTenant.builder().grantedAll());
      tenantId = tenant.tenantId();
      OkHttpClient tokenClient = VerifierBenchmarks.trusting(server);
      CachingTokenCredential fetching = CachingTokenCredential.of(server,
          new OkHttpAsyncHttpClientBuilder(tokenClient).build());
      AccessToken token = Objects.requireNonNull(fetching.getToken(new TokenRequestContext()
          .addScopes(server.graphHost() + "/.default").setTenantId(tenantId)).block(), "token");
      // Its dispatcher's threads are not daemons and would keep the forked JVM from exiting.
      tokenClient.dispatcher().executorService().shutdown();
      tokenClient.connectionPool().evictAll();
      TokenCredential cached = request -> Mono.just(token);
      verifier = GraphPermissionVerifier.builder()
          .clientId(FakeGraphTenant.DEFAULT_CLIENT_ID)
          .credential(cached)
          .cloud(GraphCloud.custom(server.authorityHost(), server.graphHost()))
          .httpClient(VerifierBenchmarks.trusting(server).newBuilder().addInterceptor(canned).build())
          .requestBudget(RequestBudget.inProcess(RequestBudgetConfig.custom()
              .limitForPeriod(BUDGET_LIMIT).build()))
          .build();
      expectSatisfied("cold, recorded");
      expectSatisfied("warm, recorded");
    } finally {
      server.stop();
    }
    canned.replay();
    expectSatisfied("warm, replayed, the fake stopped");
  }

  private void expectSatisfied(String which) {
    VerificationReport report = verifier().verify(tenantId);
    if (canned.misses() > 0) {
      throw new IllegalStateException(canned.misses() + " replayed request(s) were never recorded,"
          + " the first: " + canned.firstMiss());
    }
    if (report.outcome() != VerificationOutcome.SATISFIED) {
      throw new IllegalStateException("the " + which + " check is not SATISFIED: " + report);
    }
  }

  private GraphPermissionVerifier verifier() {
    return Objects.requireNonNull(verifier, "the setup did not run");
  }

  /**
   * Starts the CPU sample of an iteration. JMH runs iteration fixtures on the benchmark thread, so
   * this thread is the one that calls {@code verify}.
   */
  @Setup(Level.Iteration)
  public void startSample() {
    caller = Thread.currentThread();
    opsAtStart = ops;
    callerCpuAtStart = threads.getCurrentThreadCpuTime();
    javaCpuAtStart = javaThreadsCpuNanos();
    processCpuAtStart = processCpuNanos();
  }

  /**
   * Ends the CPU sample and, for a measurement iteration, appends it to the samples file.
   *
   * @throws IllegalStateException if a replayed request was never recorded
   * @throws UncheckedIOException if the samples file cannot be written
   */
  @TearDown(Level.Iteration)
  public void endSample(IterationParams iteration) {
    long process = processCpuNanos() - processCpuAtStart;
    long java = javaThreadsCpuNanos() - javaCpuAtStart;
    long callerCpu = Thread.currentThread() == caller
        ? threads.getCurrentThreadCpuTime() - callerCpuAtStart : -1;
    if (canned.misses() > 0) {
      throw new IllegalStateException("a replayed request was never recorded: " + canned.firstMiss());
    }
    String out = System.getProperty(OUT_PROPERTY);
    if (iteration.getType() != IterationType.MEASUREMENT || out == null) {
      return;
    }
    String line = String.format(Locale.ROOT, "%d %d %d %d%n", ops - opsAtStart, process, java, callerCpu);
    try {
      Files.writeString(Path.of(out), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the verifier. */
  @TearDown(Level.Trial)
  public void tearDown() {
    verifier().close();
  }

  /**
   * One warm check, answered from the recorded responses.
   *
   * @return the report, for JMH to consume
   * @throws IllegalStateException if the report is not SATISFIED
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public VerificationReport warmVerify() {
    VerificationReport report = verifier().verify(tenantId);
    if (report.outcome() != VerificationOutcome.SATISFIED) {
      throw new IllegalStateException("a warm check was not SATISFIED: " + report);
    }
    ops++;
    return report;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private long javaThreadsCpuNanos() {
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      long t = threads.getThreadCpuTime(id);
      if (t > 0) {
        sum += t;
      }
    }
    return sum;
  }
}
