package io.github.b2cpermissions.examples.archfixture;

import io.github.b2cpermissions.examples.archfixture.internal.Hidden;

/** Fixture for {@code ArchitectureRulesTest}: a public type that hands out an internal one. */
public class Leaky {
  public Hidden hidden() {
    return new Hidden();
  }
}
