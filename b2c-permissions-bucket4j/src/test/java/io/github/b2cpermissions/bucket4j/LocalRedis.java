package io.github.b2cpermissions.bucket4j;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A real Redis for the tests, on loopback: the one named by {@code B2C_REDIS_URI} (as {@code .ci/run}
 * starts it), else a {@code redis-server} from the PATH started here on a free port with nothing
 * persisted, else none (the tests are then skipped, saying why).
 */
final class LocalRedis implements AutoCloseable {
  final String uri;
  private final @Nullable Process process;

  private LocalRedis(String uri, @Nullable Process process) {
    this.uri = uri;
    this.process = process;
  }

  /** Why no Redis is available, or null when {@link #start()} will find one. */
  static @Nullable String unavailableReason() {
    if (System.getenv("B2C_REDIS_URI") != null || executable() != null) {
      return null;
    }
    return "no Redis for the shared-budget tests: B2C_REDIS_URI is unset and no redis-server is on"
        + " the PATH (apt-get install -y redis-server; .ci/run installs and starts one)";
  }

  static LocalRedis start() throws IOException, InterruptedException {
    String given = System.getenv("B2C_REDIS_URI");
    if (given != null) {
      return new LocalRedis(given, null);
    }
    Path exe = executable();
    if (exe == null) {
      throw new IllegalStateException(unavailableReason());
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Process p = new ProcessBuilder(exe.toString(), "--port", String.valueOf(port), "--bind",
        "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return new LocalRedis("redis://127.0.0.1:" + port, p);
      } catch (IOException notYet) {
        if (!p.isAlive() || System.nanoTime() - until > 0) {
          p.destroyForcibly();
          throw new IllegalStateException("redis-server did not start on 127.0.0.1:" + port, notYet);
        }
        Thread.sleep(20);
      }
    }
  }

  private static @Nullable Path executable() {
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "/usr/bin:/usr/local/bin" : path).split(File.pathSeparator)) {
      Path p = Path.of(dir, "redis-server");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
