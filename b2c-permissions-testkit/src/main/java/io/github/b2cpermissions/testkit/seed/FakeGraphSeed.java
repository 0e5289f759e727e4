package io.github.b2cpermissions.testkit.seed;

import io.github.b2cpermissions.testkit.FakeGraph;
import java.util.Objects;

/**
 * The JSON seed format of the standalone fake (described in the testkit README), for JVM tests
 * that share one seed file with tests in other languages. A seed is read into {@link
 * FakeGraph#builder()} and {@code FakeGraphTenant.builder()} calls, so it can describe nothing the
 * builders cannot.
 *
 * <pre>{@code
 * FakeGraph graph = FakeGraphSeed.load(Files.readString(Path.of("fake-seed.json"))).start();
 * }</pre>
 */
public final class FakeGraphSeed {
  private FakeGraphSeed() {}

  /**
   * A stopped fake with the server settings and tenants of a seed.
   *
   * @param json one tenant object, or {@code {"server": {...}, "tenants": [...]}}
   * @return the fake, with its tenants added
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if the JSON is malformed or describes an impossible tenant;
   *     the message names the JSON path
   */
  public static FakeGraph load(String json) {
    Objects.requireNonNull(json, "json");
    return Seeds.load(json, new Seeds.Overrides());
  }
}
