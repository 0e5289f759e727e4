package io.github.b2cpermissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java package in the repository declares {@code @NullMarked} and a summary in its
 * package-info.java. Runs from the api module but walks the whole reactor.
 */
class PackageInfoTest {

  @Test
  void everyPackageHasANullMarkedPackageInfoWithASummary() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> packageDirs;
    try (Stream<Path> files = Files.walk(root)) {
      packageDirs = files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/"))
          .filter(p -> !p.getFileName().toString().equals("module-info.java"))
          .map(Path::getParent).distinct().toList();
    }
    assertThat(packageDirs).isNotEmpty();
    for (Path dir : packageDirs) {
      Path info = dir.resolve("package-info.java");
      assertThat(info).as("package-info.java in %s", dir).exists();
      String text = Files.readString(info);
      assertThat(text).as(info.toString()).contains("@NullMarked").contains("/**");
    }
  }
}
