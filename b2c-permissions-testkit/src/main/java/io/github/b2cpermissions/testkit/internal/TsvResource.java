package io.github.b2cpermissions.testkit.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated data files the testkit ships next to its classes: blank lines and
 * {@code #} comments are skipped, the first other line is the header.
 */
final class TsvResource {
  private TsvResource() {}

  /**
   * The rows of {@code name} after its header, each split at tabs.
   *
   * @throws IllegalStateException if the jar lacks the file
   * @throws UncheckedIOException if it cannot be read
   */
  static List<String[]> rows(String name) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = TsvResource.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the testkit jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        out.add(line.split("\t"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
