package io.github.b2cpermissions.examples.archfixture.internal;

import io.github.b2cpermissions.examples.archfixture.Leaky;

/** Fixture for {@code ArchitectureRulesTest}: an internal type that depends back on its facade. */
public class Hidden {
  Leaky back;
}
